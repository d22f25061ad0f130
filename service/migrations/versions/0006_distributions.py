"""document distributions: each issued document's delivery to every member country (R8)

Revision ID: 0006_distributions
Revises: 0004_documents
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_distributions"
down_revision = "0004_documents"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "document_distributions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("recipients", sa.JSON(), nullable=False),
        sa.Column("attempted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["issued_documents.id"],
                                name=op.f("fk_document_distributions_document_id_issued_documents")),
        sa.ForeignKeyConstraint(["country"], ["countries.code"],
                                name=op.f("fk_document_distributions_country_countries")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_distributions")),
        sa.UniqueConstraint("document_id", "country", name="uq_document_distributions_country"),
    )
    with op.batch_alter_table("document_distributions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_distributions_document_id"), ["document_id"], unique=False)


def downgrade():
    op.drop_table("document_distributions")
