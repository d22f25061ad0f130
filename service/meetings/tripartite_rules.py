"""Each party speaks for itself: who may answer a meeting's consent, when minutes may be issued, when a meeting
may be cancelled. Plain functions over plain values; the operations pass in what they looked up.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from service.common.i18n import N_
from service.errors import Conflict, NotPermitted, RuleViolation
from service.meetings.rules import PARTIES, MeetingKind, MeetingStatus
from service.ppt.rules import Term


def check_own_consents(actor_party: str | None, named: Iterable[str]) -> None:
    """`consents` in a create or PATCH may name only the caller's own party: the others answer for themselves."""
    others = sorted(party for party in named if party != actor_party)
    if others:
        raise NotPermitted(
            N_("Each party answers for itself: %(caller)s cannot record the consent of %(parties)s; they answer "
               "with POST /api/v1/meetings/{id}/consents."),
            params={"caller": actor_party or "?", "parties": others}, field="consents")


def check_consenting_party(actor_party: str | None) -> str:
    """Only ST-CRM, ST-RROCM and the PPT answer; the answer is always the caller's own party's."""
    if actor_party not in PARTIES:
        raise NotPermitted(N_("Only ST-CRM, ST-RROCM and the PPT consent to meetings."), field="consent")
    return actor_party


def missing_approvals(approved_by: Iterable[str]) -> list[str]:
    """The parties that have not approved the minutes yet, in the mechanism's order."""
    given = set(approved_by)
    return [party for party in PARTIES if party not in given]


def check_minutes_issuable(*, status: str, approved_by: Iterable[str]) -> None:
    """Minutes are issued only for a held meeting (so ended, never proposed nor cancelled), approved by all three."""
    if status != MeetingStatus.HELD.value:
        raise RuleViolation(
            N_("Minutes are issued only for a meeting that was held; this one is %(status)s. "
               "Mark it held once it has ended."),
            params={"status": status}, field="subject_id", rule="R8")
    missing = missing_approvals(approved_by)
    if missing:
        raise RuleViolation(N_("The minutes speak for the three parties: approval still missing from %(missing)s."),
                            params={"missing": missing}, field="subject_id", rule="R8")


def check_cancellable(issued_minutes: Iterable[str]) -> None:
    """A meeting whose minutes went out cannot be cancelled until those minutes are withdrawn."""
    references = sorted(set(issued_minutes))
    if references:
        raise Conflict(
            N_("The minutes of this meeting were issued (%(references)s); withdraw them before cancelling it."),
            params={"references": references}, field="status")


def check_approvable(has_minutes: bool, status: str) -> None:
    """Minutes are approved once recorded, for a meeting that is not cancelled."""
    if not has_minutes:
        raise RuleViolation(N_("This meeting has no minutes to approve yet."), field="minutes")
    if status == MeetingStatus.CANCELLED.value:
        raise RuleViolation(N_("The meeting was cancelled: its minutes cannot be approved."), field="status")


def check_ppt_scope(ppt_country: str | None, term: Term | None) -> None:
    """A PPT acts on the meetings of its own country's terms (an outgoing PPT still approves the minutes of its
    last meeting, and stops there). A meeting no recorded term covers has no PPT to exclude."""
    if term is not None and term.country != ppt_country:
        raise NotPermitted(
            N_("This meeting belongs to PPT term %(term)s of %(country)s (%(start)s – %(end)s); the PPT of "
               "%(own)s acts only on the meetings of its own terms."),
            params={"term": term.id, "country": term.country, "start": term.starts_on.isoformat(),
                    "end": term.ends_on.isoformat(), "own": ppt_country or "?"}, field="ppt_term_id")


def check_term_covers(kind: str, starts_on: date, term: Term) -> None:
    """Ordinary and extraordinary meetings belong to the PPT term in office on their date (a pre-PPT meeting
    names the incoming term instead, R6)."""
    if kind != MeetingKind.PRE_PPT.value and not term.covers(starts_on):
        raise RuleViolation(
            N_("PPT term %(term)s (%(country)s, %(start)s – %(end)s) does not cover the meeting's date "
               "(%(date)s); a meeting belongs to the term in office on its date."),
            params={"term": term.id, "country": term.country, "start": term.starts_on.isoformat(),
                    "end": term.ends_on.isoformat(), "date": starts_on.isoformat()}, field="ppt_term_id")
