"""content translations: typed texts of each document subject translated into the other language

Revision ID: 0008_content_translations
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_content_translations"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "content_translations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_kind", sa.String(length=32), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=True),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_translations")),
        sa.UniqueConstraint("subject_kind", "subject_id", "language", "key", name="uq_content_translations_text"),
    )


def downgrade():
    op.drop_table("content_translations")
