"""uploads: the language an annex is written in (the dossier's annex sheet says it, and "in Spanish only")

Revision ID: 0010_upload_language
Revises: 0009_pdfa_reason
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_upload_language"
down_revision = "0009_pdfa_reason"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("uploads", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=2), nullable=False, server_default="es"))


def downgrade():
    with op.batch_alter_table("uploads", schema=None) as batch_op:
        batch_op.drop_column("language")
