"""issued_documents: why a document is not PDF/A-2b (the clauses found broken), beside the pdfa flag

Revision ID: 0009_pdfa_reason
Revises: 0008_document_withdrawal
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_pdfa_reason"
down_revision = "0008_document_withdrawal"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pdfa_reason", sa.String(length=500), nullable=True))


def downgrade():
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.drop_column("pdfa_reason")
