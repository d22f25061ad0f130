"""monitoring tools (issue 17): questionnaires per instrument and period, the member countries' responses,
and the due-date reminders already mailed (never twice)

Revision ID: 0015_monitoring_tools
Revises: 0008_followups_corrections
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_monitoring_tools"
down_revision = "0008_followups_corrections"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "monitoring_tools",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("instrument_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("period_starts_on", sa.Date(), nullable=False),
        sa.Column("period_ends_on", sa.Date(), nullable=False),
        sa.Column("opens_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("questionnaire_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["instrument_id"], ["instruments.id"], name=op.f("fk_monitoring_tools_instrument_id_instruments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitoring_tools")),
    )
    with op.batch_alter_table("monitoring_tools", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_monitoring_tools_due_on"), ["due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_monitoring_tools_instrument_id"), ["instrument_id"], unique=False)

    op.create_table(
        "monitoring_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tool_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("text_es", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("unit", sa.String(length=50), nullable=True),
        sa.Column("indicator", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["tool_id"],
            ["monitoring_tools.id"],
            name=op.f("fk_monitoring_questions_tool_id_monitoring_tools"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitoring_questions")),
        sa.UniqueConstraint("tool_id", "key", name="uq_monitoring_questions_key"),
    )
    with op.batch_alter_table("monitoring_questions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_monitoring_questions_tool_id"), ["tool_id"], unique=False)

    op.create_table(
        "monitoring_reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tool_id", sa.Integer(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recipients", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["country"], ["countries.code"], name=op.f("fk_monitoring_reminders_country_countries")
        ),
        sa.ForeignKeyConstraint(
            ["tool_id"], ["monitoring_tools.id"], name=op.f("fk_monitoring_reminders_tool_id_monitoring_tools")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitoring_reminders")),
        sa.UniqueConstraint("tool_id", "country", "kind", name="uq_monitoring_reminders_kind"),
    )
    with op.batch_alter_table("monitoring_reminders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_monitoring_reminders_tool_id"), ["tool_id"], unique=False)

    op.create_table(
        "monitoring_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tool_id", sa.Integer(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=40), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("submitted_by", sa.String(length=254), nullable=True),
        sa.Column("clarification_question", sa.Text(), nullable=True),
        sa.Column("clarification_requested_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("clarification_requested_by", sa.String(length=254), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["country"], ["countries.code"], name=op.f("fk_monitoring_responses_country_countries")
        ),
        sa.ForeignKeyConstraint(
            ["tool_id"], ["monitoring_tools.id"], name=op.f("fk_monitoring_responses_tool_id_monitoring_tools")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitoring_responses")),
        sa.UniqueConstraint("tool_id", "country", name="uq_monitoring_responses_country"),
    )
    with op.batch_alter_table("monitoring_responses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_monitoring_responses_tool_id"), ["tool_id"], unique=False)


def downgrade():
    with op.batch_alter_table("monitoring_responses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_monitoring_responses_tool_id"))

    op.drop_table("monitoring_responses")
    with op.batch_alter_table("monitoring_reminders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_monitoring_reminders_tool_id"))

    op.drop_table("monitoring_reminders")
    with op.batch_alter_table("monitoring_questions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_monitoring_questions_tool_id"))

    op.drop_table("monitoring_questions")
    with op.batch_alter_table("monitoring_tools", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_monitoring_tools_instrument_id"))
        batch_op.drop_index(batch_op.f("ix_monitoring_tools_due_on"))

    op.drop_table("monitoring_tools")
