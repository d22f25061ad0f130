"""meetings: each party's consent with who and when, the minutes' approvals, and whether a meeting was held

The three consent booleans become rows (party, consent, by, at); a consent already recorded is kept as a row
by "migration". `ever_held` keeps the quarter of a held meeting that is cancelled later (R3).

Revision ID: 0008_meeting_consents
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_meeting_consents"
down_revision = "0001"
branch_labels = None
depends_on = None

PARTIES = ("st_crm", "st_rrocm", "ppt")


def upgrade():
    op.create_table(
        "meeting_consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("party", sa.String(length=16), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("by", sa.String(length=254), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], name=op.f("fk_meeting_consents_meeting_id_meetings")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_consents")),
        sa.UniqueConstraint("meeting_id", "party", name=op.f("uq_meeting_consents_meeting_id")),
    )
    op.create_index(op.f("ix_meeting_consents_meeting_id"), "meeting_consents", ["meeting_id"], unique=False)
    op.create_table(
        "minutes_approvals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("minutes_id", sa.Integer(), nullable=False),
        sa.Column("party", sa.String(length=16), nullable=False),
        sa.Column("minutes_version", sa.Integer(), nullable=False),
        sa.Column("by", sa.String(length=254), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["minutes_id"], ["minutes.id"], name=op.f("fk_minutes_approvals_minutes_id_minutes")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_approvals")),
        sa.UniqueConstraint("minutes_id", "party", name=op.f("uq_minutes_approvals_minutes_id")),
    )
    op.create_index(op.f("ix_minutes_approvals_minutes_id"), "minutes_approvals", ["minutes_id"], unique=False)
    for party in PARTIES:
        op.execute(f"INSERT INTO meeting_consents (meeting_id, party, consent, \"by\", \"at\") "  # noqa: S608 - constants
                   f"SELECT id, '{party}', consent_{party}, 'migration', updated_at FROM meetings "
                   f"WHERE consent_{party}")
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.add_column(sa.Column("ever_held", sa.Boolean(), nullable=False, server_default=sa.false()))
        for party in PARTIES:
            batch_op.drop_column(f"consent_{party}")
    op.execute("UPDATE meetings SET ever_held = (status = 'held')")
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.alter_column("ever_held", server_default=None)


def downgrade():
    with op.batch_alter_table("meetings") as batch_op:
        for party in PARTIES:
            batch_op.add_column(sa.Column(f"consent_{party}", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.drop_column("ever_held")
    for party in PARTIES:
        op.execute(f"UPDATE meetings SET consent_{party} = EXISTS (SELECT 1 FROM meeting_consents c "  # noqa: S608
                   f"WHERE c.meeting_id = meetings.id AND c.party = '{party}' AND c.consent)")
    op.drop_index(op.f("ix_minutes_approvals_minutes_id"), table_name="minutes_approvals")
    op.drop_table("minutes_approvals")
    op.drop_index(op.f("ix_meeting_consents_meeting_id"), table_name="meeting_consents")
    op.drop_table("meeting_consents")
