"""issued documents: the seal (signer, signing time, timestamped) and the short verification code of the QR

Revision ID: 0011_seal
Revises: 0010_upload_language
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_seal"
down_revision = "0010_upload_language"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sealed_by", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("sealed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("seal_timestamped", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("verification_code", sa.String(length=16), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_issued_documents_verification_code"),
                                          ["verification_code"])


def downgrade():
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_issued_documents_verification_code"), type_="unique")
        batch_op.drop_column("verification_code")
        batch_op.drop_column("seal_timestamped")
        batch_op.drop_column("sealed_at")
        batch_op.drop_column("sealed_by")
