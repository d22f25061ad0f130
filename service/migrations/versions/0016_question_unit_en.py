"""monitoring_questions: the unit of a number question in English (unit_en), beside the Spanish unit, which
English reports used until now (empty on existing rows: they fall back to the Spanish unit)

Revision ID: 0016_question_unit_en
Revises: 0015_monitoring_tools
"""

import sqlalchemy as sa
from alembic import op

revision = "0016_question_unit_en"
down_revision = "0015_monitoring_tools"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("monitoring_questions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit_en", sa.String(length=50), nullable=True))


def downgrade():
    with op.batch_alter_table("monitoring_questions", schema=None) as batch_op:
        batch_op.drop_column("unit_en")
