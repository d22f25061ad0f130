"""original language of typed records: recommendations (and their follow-ups), PPT feedback, work plans,
instruments and monitoring entries, CRM events, GRCM meetings (es | en; existing rows are Spanish)

Revision ID: 0012_original_language
Revises: 0008_followups_corrections
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_original_language"
down_revision = "0008_followups_corrections"
branch_labels = None
depends_on = None

TABLES = ("grcm_meetings", "recommendations", "recommendation_follow_ups", "ppt_feedback", "work_plans",
          "instruments", "monitoring_entries", "crm_events")


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("original_language", sa.String(length=2), nullable=False,
                                          server_default="es"))


def downgrade():
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("original_language")
