"""Each party speaks for itself: a party's consent to a meeting, a party's approval of the minutes.

Both lock the meeting (or the minutes) row first, so two parties answering at the same moment are applied one
after the other and the status settled by the last one sees both answers. Operations flush; the caller commits.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from service.audit.operations import record
from service.audit.rules import Subject
from service.auth.principals import Principal
from service.common.i18n import N_
from service.errors import StaleVersion
from service.extensions import db
from service.meetings.models import Meeting, Minutes, MinutesApproval
from service.meetings.operations import _save, actor_name, check_actor_scope, put_consent
from service.meetings.tripartite_rules import check_approvable, check_consenting_party


def _locked_meeting(meeting_id: int) -> Meeting:
    """The meeting re-read under a row lock (PostgreSQL; SQLite serialises writers and the version check catches
    the rest), with its consents as committed now."""
    meeting = db.session.scalars(select(Meeting).where(Meeting.id == meeting_id).with_for_update()
                                 .execution_options(populate_existing=True)).one()
    db.session.expire(meeting, ["consent_records"])
    return meeting


def record_consent(meeting_id: int, consent: bool, *, actor: Principal, now: datetime) -> Meeting:
    """The calling party's answer (yes or a recorded no); the meeting becomes `scheduled` once all three said yes."""
    party = check_consenting_party(actor.party)
    meeting = _locked_meeting(meeting_id)
    check_actor_scope(meeting, actor)
    before = {"consents": dict(meeting.consents), "status": meeting.status}
    with db.session.no_autoflush:
        put_consent(meeting, party, consent, actor=actor, now=now)
        _save(meeting, now)
    after = {"consents": dict(meeting.consents), "status": meeting.status}
    record(db.session, actor, now, "meeting.consent", Subject("meeting", meeting.id),
           {name: [before[name], after[name]] for name in before if before[name] != after[name]})
    return meeting


def approve_minutes(meeting: Meeting, read_version: int, *, actor: Principal, now: datetime) -> Minutes:
    """The calling party approves the minutes as it read them (`read_version`, from If-Match)."""
    party = check_consenting_party(actor.party)
    check_approvable(meeting.minutes is not None, meeting.status)
    check_actor_scope(meeting, actor)
    minutes = db.session.scalars(select(Minutes).where(Minutes.id == meeting.minutes.id).with_for_update()
                                 .execution_options(populate_existing=True)).one()
    db.session.expire(minutes, ["approvals"])
    if minutes.version != read_version:  # an edit committed meanwhile: approve what you read, or nothing
        raise StaleVersion(N_("The minutes changed meanwhile; read them again before approving."))
    if party in minutes.approved_by:
        return minutes
    minutes.approvals = [a for a in minutes.approvals if a.party != party]
    minutes.approvals.append(MinutesApproval(party=party, minutes_version=minutes.version, by=actor_name(actor),
                                             at=now))
    db.session.flush()
    record(db.session, actor, now, "minutes.approve", Subject("meeting", meeting.id),
           {"approved_by": [None, party], "minutes_version": [None, minutes.version]})
    return minutes
