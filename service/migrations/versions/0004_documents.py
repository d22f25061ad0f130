"""documents: the register of issued documents, stored files and uploaded annexes

Revision ID: 0004_documents
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_documents"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "stored_files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("media_type", sa.String(length=120), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_stored_files")),
    )
    op.create_table(
        "document_references",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_references")),
        sa.UniqueConstraint("kind", "subject_id", name="uq_document_references_subject"),
        sa.UniqueConstraint("kind", "year", "number", name="uq_document_references_number"),
        sa.UniqueConstraint("reference", name=op.f("uq_document_references_reference")),
    )
    op.create_table(
        "issued_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("docx_sha256", sa.String(length=64), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("pdfa", sa.Boolean(), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_by", sa.String(length=40), nullable=False),
        sa.Column("context", sa.JSON(), nullable=False),
        sa.Column("context_sha256", sa.String(length=64), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["reference_id"], ["document_references.id"],
                                name=op.f("fk_issued_documents_reference_id_document_references")),
        sa.ForeignKeyConstraint(["pdf_sha256"], ["stored_files.sha256"],
                                name=op.f("fk_issued_documents_pdf_sha256_stored_files")),
        sa.ForeignKeyConstraint(["docx_sha256"], ["stored_files.sha256"],
                                name=op.f("fk_issued_documents_docx_sha256_stored_files")),
        sa.ForeignKeyConstraint(["supersedes_id"], ["issued_documents.id"],
                                name=op.f("fk_issued_documents_supersedes_id_issued_documents")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_documents")),
        sa.UniqueConstraint("kind", "subject_id", "language", "version", name="uq_issued_documents_version"),
    )
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_issued_documents_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_issued_documents_subject_id"), ["subject_id"], unique=False)
    op.create_table(
        "uploads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=32), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("media_type", sa.String(length=120), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("uploaded_by", sa.String(length=40), nullable=False),
        sa.Column("replaced_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["file_sha256"], ["stored_files.sha256"],
                                name=op.f("fk_uploads_file_sha256_stored_files")),
        sa.ForeignKeyConstraint(["replaced_by_id"], ["uploads.id"], name=op.f("fk_uploads_replaced_by_id_uploads")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_uploads")),
    )
    with op.batch_alter_table("uploads", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_uploads_subject_id"), ["subject_id"], unique=False)


def downgrade():
    op.drop_table("uploads")
    op.drop_table("issued_documents")
    op.drop_table("document_references")
    op.drop_table("stored_files")
