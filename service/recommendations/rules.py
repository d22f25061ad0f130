"""R9: the team's recommendations to the CRM, presented at a GRCM meeting; the team follows up approved ones.

Lifecycle: draft → submitted (to a GRCM meeting) → approved | rejected (with the CRM decision's reference and
date). The table below is the whole lifecycle: a move that is not in it is refused, naming R9.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from service.common.i18n import N_
from service.errors import RuleViolation


class RecommendationState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"


class FollowUpStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    IMPLEMENTED = "implemented"
    NOT_IMPLEMENTED = "not_implemented"


S = RecommendationState
ALLOWED_TRANSITIONS: dict[RecommendationState, frozenset[RecommendationState]] = {
    S.DRAFT: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.APPROVED, S.REJECTED}),
    S.APPROVED: frozenset(),  # the CRM's decision is final; compliance is followed up, not the state
    S.REJECTED: frozenset(),
}
DECISIONS = frozenset({S.APPROVED, S.REJECTED})

# Bodies of the CRM a recommendation can be addressed to (network codes are accepted too).
CRM_BODIES: dict[str, tuple[str, str]] = {
    "viceministerial": ("Reunión Viceministerial de la CRM", "Vice-Ministerial Meeting of the RCM"),
    "grcm": ("Grupo Regional de Consulta sobre Migración (GRCM)", "Regional Consultation Group on Migration"),
    "member_countries": ("Países Miembros de la CRM", "Member Countries of the RCM"),
    "st_crm": ("Secretaría Técnica de la CRM", "Technical Secretariat of the RCM"),
    "ppt": ("Presidencia Pro Tempore de la CRM", "Pro Tempore Presidency of the RCM"),
}


def check_transition(current: RecommendationState, to: RecommendationState, *, has_grcm_meeting: bool,
                     decision_reference: str | None, decided_on: date | None,
                     grcm_starts_on: date | None, today: date) -> None:
    """Raise RuleViolation (R9) unless `current → to` is in the lifecycle with what that move needs."""
    if to not in ALLOWED_TRANSITIONS[current]:
        allowed = ", ".join(sorted(ALLOWED_TRANSITIONS[current])) or "none (the decision is final)"
        raise RuleViolation(N_("R9: a recommendation that is %(state)s cannot become %(to)s; allowed: %(allowed)s."),
                            params={"state": current.value, "to": to.value, "allowed": allowed},
                            field="to", rule="R9")
    if to is S.SUBMITTED and not has_grcm_meeting:
        raise RuleViolation(N_("R9: a recommendation is presented at a GRCM meeting; set grcm_meeting_id first."),
                            field="grcm_meeting_id", rule="R9")
    if to in DECISIONS:
        if not (decision_reference or "").strip():
            raise RuleViolation(N_("R9: record the reference of the CRM decision that %(to)s it."),
                                params={"to": to.value}, field="decision_reference", rule="R9")
        if decided_on is None:
            raise RuleViolation(N_("R9: record the date of the CRM decision."), field="decided_on", rule="R9")
        if decided_on > today:
            raise RuleViolation(N_("R9: the decision date cannot be in the future."), field="decided_on",
                                rule="R9")
        if grcm_starts_on is not None and decided_on < grcm_starts_on:
            raise RuleViolation(
                N_("R9: the CRM decides after the GRCM meeting it was presented at (%(date)s)."),
                params={"date": grcm_starts_on.isoformat()}, field="decided_on", rule="R9")
    elif decision_reference or decided_on:
        raise RuleViolation(N_("Only an approval or a rejection carries a decision reference and date."),
                            field="decision_reference", rule="R9")


PARTIES = ("st_crm", "st_rrocm", "ppt")  # the team speaks as the three of them


def missing_endorsements(endorsed_by: Iterable[str]) -> list[str]:
    """The parties that have not endorsed the current text yet, in the team's order."""
    done = set(endorsed_by)
    return [party for party in PARTIES if party not in done]


def check_endorsement(state: RecommendationState, party: str | None) -> None:
    """A party endorses a draft, speaking for itself: the system or a country cannot endorse for the team."""
    if party not in PARTIES:
        raise RuleViolation(N_("R9: only ST-CRM, ST-RROCM or the PPT endorse a recommendation, each for itself."),
                            field="party", rule="R9")
    if state is not S.DRAFT:
        raise RuleViolation(N_("R9: a %(state)s recommendation was already presented; only drafts are endorsed."),
                            params={"state": state.value}, field="state", rule="R9")


def check_submission(*, endorsed_by: Iterable[str], submitted_on: date, grcm_starts_on: date | None,
                     grcm_cancelled: bool, today: date) -> None:
    """R9: the team presents a recommendation as the three parties, on a real date before the GRCM meeting."""
    missing = missing_endorsements(endorsed_by)
    if missing:
        raise RuleViolation(N_("R9: the three parties endorse a recommendation before it is submitted; "
                               "missing: %(parties)s."), params={"parties": ", ".join(missing)},
                            field="endorsements", rule="R9")
    if submitted_on > today:
        raise RuleViolation(N_("R9: the submission date cannot be in the future."), field="submitted_on",
                            rule="R9")
    if grcm_cancelled:
        raise RuleViolation(N_("R9: the GRCM meeting was cancelled; present the recommendation at another one."),
                            field="grcm_meeting_id", rule="R9")
    if grcm_starts_on is not None and submitted_on >= grcm_starts_on:
        raise RuleViolation(
            N_("R9: a recommendation is submitted before the GRCM meeting starts (%(date)s); "
               "state the real submission date in submitted_on."),
            params={"date": grcm_starts_on.isoformat()}, field="submitted_on", rule="R9")


def check_editable(state: RecommendationState) -> None:
    """The text presented to the GRCM is the text recorded: edits only while it is a draft."""
    if state is not S.DRAFT:
        raise RuleViolation(N_("R9: a %(state)s recommendation can no longer be edited; only drafts can."),
                            params={"state": state.value}, field="state", rule="R9")


def check_follow_up(state: RecommendationState, reported_on: date, *, decided_on: date | None,
                    today: date) -> None:
    """Only recommendations the CRM approved are followed up (R9), on a date between decision and today."""
    if state is not S.APPROVED:
        raise RuleViolation(N_("R9: only approved recommendations are followed up; this one is %(state)s."),
                            params={"state": state.value}, field="state", rule="R9")
    if reported_on > today:
        raise RuleViolation(N_("A follow-up cannot be dated in the future."), field="reported_on")
    if decided_on is not None and reported_on < decided_on:
        raise RuleViolation(N_("A follow-up cannot predate the approval (%(date)s)."),
                            params={"date": decided_on.isoformat()}, field="reported_on")


def addressee_name(code: str, language: str, network_names: dict[str, tuple[str, str]]) -> str:
    """The addressee as a document shows it: a CRM body or a liaison network, in the document's language."""
    names = CRM_BODIES.get(code) or network_names.get(code)
    if names is None:
        return code
    return names[1] if language == "en" else names[0]
