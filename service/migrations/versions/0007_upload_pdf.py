"""uploads: the normalised PDF of an annex (Ghostscript PDF/A, or a Word annex converted at upload)

Revision ID: 0007_upload_pdf
Revises: 0006_distributions
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_upload_pdf"
down_revision = "0006_distributions"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("uploads", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pdf_sha256", sa.String(length=64), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_uploads_pdf_sha256_stored_files"), "stored_files",
                                    ["pdf_sha256"], ["sha256"])


def downgrade():
    with op.batch_alter_table("uploads", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_uploads_pdf_sha256_stored_files"), type_="foreignkey")
        batch_op.drop_column("pdf_sha256")
