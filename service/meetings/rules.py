"""The mechanism's rules for team meetings, as plain functions over plain values.

R3  ordinary meetings are quarterly: at most one per calendar quarter (counted in the meeting's own zone).
R4  meetings are mostly virtual; in person only if ST-CRM, ST-RROCM and the PPT all consider it necessary.
R6  before each PPT term the team meets at least two calendar months before the new term starts.
R7  extraordinary meetings only when all three parties consider it opportune.

R4 and R7 do not refuse a meeting: each party answers for itself, and until all three said yes the meeting is
only `proposed` (it cannot be held nor have minutes issued).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from service.common.i18n import N_
from service.common.localtime import quarter_label, quarter_of
from service.errors import RuleViolation


class MeetingKind(StrEnum):
    ORDINARY = "ordinary"
    PRE_PPT = "pre_ppt"
    EXTRAORDINARY = "extraordinary"


class Modality(StrEnum):
    VIRTUAL = "virtual"
    IN_PERSON = "in_person"


class MeetingStatus(StrEnum):
    PROPOSED = "proposed"  # waits for the three parties' consent (R4, R7)
    SCHEDULED = "scheduled"
    HELD = "held"
    CANCELLED = "cancelled"


PARTIES = ("st_crm", "st_rrocm", "ppt")


@dataclass(frozen=True)
class Consents:
    """Each party's answer: True (yes), False (a recorded no) or None (not answered yet)."""

    st_crm: bool | None = None
    st_rrocm: bool | None = None
    ppt: bool | None = None

    @property
    def all_three(self) -> bool:
        return self.st_crm is True and self.st_rrocm is True and self.ppt is True

    def missing(self) -> list[str]:
        return [party for party in PARTIES if getattr(self, party) is not True]


@dataclass(frozen=True)
class MeetingDraft:
    """What a meeting says about itself, as the rules need it."""

    kind: MeetingKind
    starts_at: datetime  # local wall time in the meeting's zone
    ends_at: datetime
    modality: Modality
    consents: Consents
    status: MeetingStatus = MeetingStatus.SCHEDULED
    location: str | None = None
    ppt_term_starts_on: date | None = None  # the incoming term a pre-PPT meeting prepares
    ever_held: bool = False  # was `held` at some point (a cancelled meeting then keeps its quarter)


def ordinary_quarter(draft: MeetingDraft) -> str | None:
    """The quarter an ordinary meeting occupies (R3), else None: a cancelled one frees it only if never held."""
    if draft.kind is not MeetingKind.ORDINARY:
        return None
    if draft.status is MeetingStatus.CANCELLED and not draft.ever_held:
        return None
    return quarter_label(*quarter_of(draft.starts_at.date()))


def pre_ppt_meeting_deadline(term_starts_on: date) -> date:
    """R6: the latest date for the pre-PPT meeting: two calendar months before the term starts."""
    return term_starts_on - relativedelta(months=2)


def check_times(draft: MeetingDraft) -> None:
    if draft.ends_at <= draft.starts_at:
        raise RuleViolation(N_("The meeting must end after it starts."), field="ends_at")


def check_quarterly_ordinary(draft: MeetingDraft, occupied_quarters: set[str]) -> None:
    """R3: refuse a second ordinary meeting in a quarter that already has one."""
    quarter = ordinary_quarter(draft)
    if quarter is not None and quarter in occupied_quarters:
        raise RuleViolation(
            N_("R3: ordinary meetings are quarterly; %(quarter)s already has an ordinary meeting. "
               "Cancel or move it, or hold an extraordinary meeting with the three parties' consent."),
            params={"quarter": quarter}, field="starts_at", rule="R3",
        )


def needs_three_consents(draft: MeetingDraft) -> bool:
    """R4, R7: in-person and extraordinary meetings happen only if ST-CRM, ST-RROCM and the PPT all agree."""
    return draft.kind is MeetingKind.EXTRAORDINARY or draft.modality is Modality.IN_PERSON


def check_location(draft: MeetingDraft) -> None:
    if draft.modality is Modality.IN_PERSON and not (draft.location or "").strip():
        raise RuleViolation(N_("An in-person meeting needs a location."), field="location")


def settled_status(draft: MeetingDraft) -> MeetingStatus:
    """A live meeting is `proposed` until the consents it needs are all yes, then `scheduled`."""
    if draft.status in (MeetingStatus.HELD, MeetingStatus.CANCELLED):
        return draft.status
    if needs_three_consents(draft) and not draft.consents.all_three:
        return MeetingStatus.PROPOSED
    return MeetingStatus.SCHEDULED


def check_may_be_held(draft: MeetingDraft, ends_at_utc: datetime, now: datetime) -> None:
    """Held only with the consents it needs (R4, R7) and only once it has ended."""
    if draft.status is not MeetingStatus.HELD:
        return
    if needs_three_consents(draft) and not draft.consents.all_three:
        rule = "R7" if draft.kind is MeetingKind.EXTRAORDINARY else "R4"
        raise RuleViolation(
            N_("%(rule)s: the meeting is only proposed; it cannot be held before ST-CRM, ST-RROCM and the PPT all "
               "consent; consent missing from: %(missing)s."),
            params={"rule": rule, "missing": draft.consents.missing()}, field="status", rule=rule)
    if ends_at_utc > now:
        raise RuleViolation(N_("A meeting is held only after it has ended (%(end)s UTC)."),
                            params={"end": ends_at_utc.strftime("%Y-%m-%d %H:%M")}, field="status")


def check_pre_ppt_timing(draft: MeetingDraft) -> None:
    """R6: a pre-PPT meeting belongs to an incoming term and starts at least two months before it."""
    if draft.kind is not MeetingKind.PRE_PPT:
        return
    if draft.ppt_term_starts_on is None:
        raise RuleViolation(N_("R6: a pre-PPT meeting must name the incoming PPT term (ppt_term_id)."),
                            field="ppt_term_id", rule="R6")
    deadline = pre_ppt_meeting_deadline(draft.ppt_term_starts_on)
    if draft.starts_at.date() > deadline:
        raise RuleViolation(
            N_("R6: the pre-PPT meeting must take place at least two months before the new PPT starts "
               "(%(start)s), that is on or before %(deadline)s."),
            params={"start": draft.ppt_term_starts_on.isoformat(), "deadline": deadline.isoformat()},
            field="starts_at", rule="R6",
        )


def check_meeting(draft: MeetingDraft, occupied_quarters: set[str]) -> None:
    """Every rule a team meeting must satisfy; raises the first RuleViolation found."""
    check_times(draft)
    check_location(draft)
    check_pre_ppt_timing(draft)
    check_quarterly_ordinary(draft, occupied_quarters)


class AgreementStatus(StrEnum):
    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


OPEN_AGREEMENT_STATUSES = (AgreementStatus.PENDING, AgreementStatus.IN_PROGRESS)


def agreement_is_overdue(status: str, due_on: date | None, today: date) -> bool:
    """An agreement is overdue when it is still open and its due date has passed."""
    return status in OPEN_AGREEMENT_STATUSES and due_on is not None and due_on < today


@dataclass(frozen=True)
class TermMeeting:
    """A live meeting that belongs to a PPT term, as a move of that term must re-check it."""

    id: int
    kind: MeetingKind
    starts_on: date  # local date


def term_move_breaks(starts_on: date, ends_on: date, meetings: list[TermMeeting]) -> list[dict[str, object]]:
    """The meetings a term moved to [starts_on, ends_on] would break: a pre-PPT meeting past its R6 deadline, an
    ordinary or extraordinary meeting no longer within the term in office on its date."""
    broken: list[dict[str, object]] = []
    for meeting in meetings:
        if meeting.kind is MeetingKind.PRE_PPT:
            if meeting.starts_on > pre_ppt_meeting_deadline(starts_on):
                broken.append({"kind": "meeting", "id": meeting.id, "rule": "R6"})
        elif not starts_on <= meeting.starts_on <= ends_on:
            broken.append({"kind": "meeting", "id": meeting.id, "rule": "ppt_term"})
    return broken
