"""followups: endorsements and submission date of recommendations, cancelled GRCM meetings and CRM events,
progress of work-plan activities, the pre-PPT meeting where the PPT feedback is discussed

Revision ID: 0008_followups_corrections
Revises: 0003_followups
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_followups_corrections"
down_revision = "0003_followups"
branch_labels = None
depends_on = None

_CANCELLED = ("grcm_meetings", "crm_events")


def upgrade():
    with op.batch_alter_table("recommendations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("submitted_on", sa.Date(), nullable=True))
    op.create_table(
        "recommendation_endorsements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recommendation_id", sa.Integer(), nullable=False),
        sa.Column("recommendation_version", sa.Integer(), nullable=False),
        sa.Column("party", sa.String(length=16), nullable=False),
        sa.Column("by", sa.String(length=254), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["recommendation_id"], ["recommendations.id"], ondelete="CASCADE",
                                name=op.f("fk_recommendation_endorsements_recommendation_id_recommendations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommendation_endorsements")),
        sa.UniqueConstraint("recommendation_id", "party", "recommendation_version",
                            name="uq_recommendation_endorsements_party"),
    )
    with op.batch_alter_table("recommendation_endorsements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recommendation_endorsements_recommendation_id"),
                              ["recommendation_id"], unique=False)
    for table in _CANCELLED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True))
            batch_op.add_column(sa.Column("cancellation_reason", sa.String(length=500), nullable=True))
    with op.batch_alter_table("ppt_feedback", schema=None) as batch_op:
        batch_op.add_column(sa.Column("meeting_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_ppt_feedback_meeting_id_meetings"), "meetings", ["meeting_id"],
                                    ["id"])
    with op.batch_alter_table("work_plan_activities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("progress", sa.String(length=16), nullable=False,
                                      server_default="not_started"))
        batch_op.add_column(sa.Column("progress_note", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("progress_on", sa.Date(), nullable=True))


def downgrade():
    with op.batch_alter_table("work_plan_activities", schema=None) as batch_op:
        batch_op.drop_column("progress_on")
        batch_op.drop_column("progress_note")
        batch_op.drop_column("progress")
    with op.batch_alter_table("ppt_feedback", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_ppt_feedback_meeting_id_meetings"), type_="foreignkey")
        batch_op.drop_column("meeting_id")
    for table in _CANCELLED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("cancellation_reason")
            batch_op.drop_column("cancelled_at")
    op.drop_table("recommendation_endorsements")
    with op.batch_alter_table("recommendations", schema=None) as batch_op:
        batch_op.drop_column("submitted_on")
