"""auth: a PPT token or account belongs to a member country (the PPT acts on its own country's terms)

Revision ID: 0009_ppt_country
Revises: 0005b_account_sessions
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_ppt_country"
down_revision = "0005b_account_sessions"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("api_tokens") as batch_op:
        batch_op.add_column(sa.Column("ppt_country", sa.String(length=2), nullable=True))
        batch_op.create_foreign_key(op.f("fk_api_tokens_ppt_country_countries"), "countries", ["ppt_country"],
                                    ["code"])
    with op.batch_alter_table("user_accounts") as batch_op:
        batch_op.add_column(sa.Column("ppt_country", sa.String(length=2), nullable=True))
        batch_op.create_foreign_key(op.f("fk_user_accounts_ppt_country_countries"), "countries", ["ppt_country"],
                                    ["code"])


def downgrade():
    with op.batch_alter_table("user_accounts") as batch_op:
        batch_op.drop_constraint(op.f("fk_user_accounts_ppt_country_countries"), type_="foreignkey")
        batch_op.drop_column("ppt_country")
    with op.batch_alter_table("api_tokens") as batch_op:
        batch_op.drop_constraint(op.f("fk_api_tokens_ppt_country_countries"), type_="foreignkey")
        batch_op.drop_column("ppt_country")
