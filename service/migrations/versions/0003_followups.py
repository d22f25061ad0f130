"""follow-ups: recommendations (R9), instruments and monitoring (R10), work plans (R2), CRM events (R1),
PPT feedback (R11)

Revision ID: 0003_followups
Revises: 0001
Create Date: 2026-11-28 16:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0003_followups"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('work_plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('introduction', sa.Text(), nullable=True),
    sa.Column('objectives', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_plans')),
    sa.UniqueConstraint('year', name=op.f('uq_work_plans_year'))
    )
    op.create_table('crm_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('location', sa.String(length=300), nullable=True),
    sa.Column('network', sa.String(length=32), nullable=True),
    sa.Column('members_only', sa.Boolean(), nullable=False),
    sa.Column('members_only_requested_by', sa.String(length=2), nullable=True),
    sa.Column('members_only_requested_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['members_only_requested_by'], ['countries.code'], name=op.f('fk_crm_events_members_only_requested_by_countries')),
    sa.ForeignKeyConstraint(['network'], ['networks.code'], name=op.f('fk_crm_events_network_networks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_crm_events'))
    )
    with op.batch_alter_table('crm_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_crm_events_starts_on'), ['starts_on'], unique=False)

    op.create_table('instruments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title_es', sa.String(length=500), nullable=False),
    sa.Column('title_en', sa.String(length=500), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('adopted_on', sa.Date(), nullable=True),
    sa.Column('adopted_by', sa.Text(), nullable=True),
    sa.Column('network', sa.String(length=32), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['network'], ['networks.code'], name=op.f('fk_instruments_network_networks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_instruments'))
    )
    op.create_table('recommendations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('rationale', sa.Text(), nullable=False),
    sa.Column('addressee', sa.String(length=32), nullable=False),
    sa.Column('grcm_meeting_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('decision_reference', sa.String(length=100), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['grcm_meeting_id'], ['grcm_meetings.id'], name=op.f('fk_recommendations_grcm_meeting_id_grcm_meetings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recommendations'))
    )
    with op.batch_alter_table('recommendations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommendations_grcm_meeting_id'), ['grcm_meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_recommendations_state'), ['state'], unique=False)

    op.create_table('work_plan_activities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('work_plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('objective', sa.String(length=20), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('responsible', sa.String(length=16), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('network', sa.String(length=32), nullable=True),
    sa.Column('indicator', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['network'], ['networks.code'], name=op.f('fk_work_plan_activities_network_networks')),
    sa.ForeignKeyConstraint(['work_plan_id'], ['work_plans.id'], name=op.f('fk_work_plan_activities_work_plan_id_work_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_plan_activities'))
    )
    with op.batch_alter_table('work_plan_activities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_work_plan_activities_work_plan_id'), ['work_plan_id'], unique=False)

    op.create_table('work_plan_resources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('work_plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('description', sa.String(length=500), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('amount', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['work_plan_id'], ['work_plans.id'], name=op.f('fk_work_plan_resources_work_plan_id_work_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_plan_resources'))
    )
    with op.batch_alter_table('work_plan_resources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_work_plan_resources_work_plan_id'), ['work_plan_id'], unique=False)

    op.create_table('monitoring_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instrument_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=8), nullable=False),
    sa.Column('period_starts_on', sa.Date(), nullable=False),
    sa.Column('period_ends_on', sa.Date(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('indicators', sa.JSON(), nullable=False),
    sa.Column('observations', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=32), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['country'], ['countries.code'], name=op.f('fk_monitoring_entries_country_countries')),
    sa.ForeignKeyConstraint(['instrument_id'], ['instruments.id'], name=op.f('fk_monitoring_entries_instrument_id_instruments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_monitoring_entries'))
    )
    with op.batch_alter_table('monitoring_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_monitoring_entries_instrument_id'), ['instrument_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_monitoring_entries_period_ends_on'), ['period_ends_on'], unique=False)

    op.create_table('ppt_feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ppt_term_id', sa.Integer(), nullable=False),
    sa.Column('concept_note_received_on', sa.Date(), nullable=True),
    sa.Column('work_plan_received_on', sa.Date(), nullable=True),
    sa.Column('meeting_on', sa.Date(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('joint_actions', sa.JSON(), nullable=False),
    sa.Column('recorded_by', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['ppt_term_id'], ['ppt_terms.id'], name=op.f('fk_ppt_feedback_ppt_term_id_ppt_terms')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ppt_feedback')),
    sa.UniqueConstraint('ppt_term_id', name=op.f('uq_ppt_feedback_ppt_term_id'))
    )
    op.create_table('recommendation_follow_ups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reported_on', sa.Date(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('evidence_url', sa.String(length=1000), nullable=True),
    sa.Column('recorded_by', sa.String(length=32), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_recommendation_follow_ups_recommendation_id_recommendations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recommendation_follow_ups'))
    )
    with op.batch_alter_table('recommendation_follow_ups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommendation_follow_ups_recommendation_id'), ['recommendation_id'], unique=False)

    op.create_table('recommendation_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('from_state', sa.String(length=16), nullable=True),
    sa.Column('to_state', sa.String(length=16), nullable=False),
    sa.Column('actor', sa.String(length=32), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decision_reference', sa.String(length=100), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_recommendation_history_recommendation_id_recommendations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recommendation_history'))
    )
    with op.batch_alter_table('recommendation_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommendation_history_recommendation_id'), ['recommendation_id'], unique=False)


def downgrade():
    with op.batch_alter_table('recommendation_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommendation_history_recommendation_id'))

    op.drop_table('recommendation_history')
    with op.batch_alter_table('recommendation_follow_ups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommendation_follow_ups_recommendation_id'))

    op.drop_table('recommendation_follow_ups')
    op.drop_table('ppt_feedback')
    with op.batch_alter_table('monitoring_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_monitoring_entries_period_ends_on'))
        batch_op.drop_index(batch_op.f('ix_monitoring_entries_instrument_id'))

    op.drop_table('monitoring_entries')
    with op.batch_alter_table('work_plan_resources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_work_plan_resources_work_plan_id'))

    op.drop_table('work_plan_resources')
    with op.batch_alter_table('work_plan_activities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_work_plan_activities_work_plan_id'))

    op.drop_table('work_plan_activities')
    with op.batch_alter_table('recommendations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommendations_state'))
        batch_op.drop_index(batch_op.f('ix_recommendations_grcm_meeting_id'))

    op.drop_table('recommendations')
    op.drop_table('instruments')
    with op.batch_alter_table('crm_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_crm_events_starts_on'))

    op.drop_table('crm_events')
    op.drop_table('work_plans')
