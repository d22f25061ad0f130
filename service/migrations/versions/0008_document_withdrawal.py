"""documents: withdrawal of an issued document (when, why, who) and the notice to each country that received it

Revision ID: 0008_document_withdrawal
Revises: 0007_upload_pdf
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_document_withdrawal"
down_revision = "0007_upload_pdf"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("withdrawal_reason", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("withdrawn_by", sa.String(length=40), nullable=True))
    with op.batch_alter_table("document_distributions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("withdrawal_notice", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("withdrawal_notified_at", sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table("document_distributions", schema=None) as batch_op:
        batch_op.drop_column("withdrawal_notified_at")
        batch_op.drop_column("withdrawal_notice")
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.drop_column("withdrawn_by")
        batch_op.drop_column("withdrawal_reason")
        batch_op.drop_column("withdrawn_at")
