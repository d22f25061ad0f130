"""form_submissions: the one-time tokens of create forms (Back + resubmit finds the first record, issue 14)

Revision ID: 0014_form_tokens
Revises: 0009_ppt_country
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_form_tokens"
down_revision = "0009_ppt_country"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "form_submissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nonce", sa.String(length=64), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("nonce"),
    )


def downgrade():
    op.drop_table("form_submissions")
