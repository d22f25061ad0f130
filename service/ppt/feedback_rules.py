"""R11: the team analyses the incoming PPT's concept note and work plan and gives feedback before their
approval, that is before the term starts. Recording it later is allowed (the record matters) but warned about.
"""

from __future__ import annotations

from datetime import date


def feedback_warnings(*, recorded_on: date, term_starts_on: date, concept_note_received_on: date | None,
                      work_plan_received_on: date | None) -> list[str]:
    """What a response says, without refusing, when the feedback comes too late for R11."""
    warnings = []
    if recorded_on >= term_starts_on:
        warnings.append(f"R11: feedback on the incoming PPT is due before its term starts "
                        f"({term_starts_on.isoformat()}); this one is recorded on {recorded_on.isoformat()}.")
    for name, received in (("concept note", concept_note_received_on), ("work plan", work_plan_received_on)):
        if received is not None and received >= term_starts_on:
            warnings.append(f"R11: the {name} was received on {received.isoformat()}, "
                            f"not before the term started ({term_starts_on.isoformat()}).")
    return warnings


def check_received_dates(*, concept_note_received_on: date | None, work_plan_received_on: date | None,
                         today: date) -> list[tuple[str, str]]:
    """Problems as (field, message): a document cannot be received in the future."""
    problems = []
    for field, received in (("concept_note_received_on", concept_note_received_on),
                            ("work_plan_received_on", work_plan_received_on)):
        if received is not None and received > today:
            problems.append((field, "A document cannot have been received in the future."))
    return problems
