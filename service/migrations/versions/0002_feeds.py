"""feeds: calendar feed tokens; ppt_terms.updated_at (the pre-PPT deadline's LAST-MODIFIED)

Revision ID: 0002_feeds
Revises: 0001
Create Date: 2026-11-28 17:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0002_feeds"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "feed_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("party", sa.String(length=16), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("label", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_feed_tokens_token_hash")),
    )
    # Nullable: terms stored before this migration have no known change time (the feed
    # falls back to a fixed instant for them until their next edit).
    with op.batch_alter_table("ppt_terms", schema=None) as batch_op:
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table("ppt_terms", schema=None) as batch_op:
        batch_op.drop_column("updated_at")
    op.drop_table("feed_tokens")
