"""R11: the team analyses the incoming PPT's concept note and work plan and gives feedback before their
approval, that is before the term starts. Recording it later is allowed (the record matters) but warned about.
"""

from __future__ import annotations

from datetime import date

from service.common.i18n import N_, Message


def feedback_warnings(*, recorded_on: date, term_starts_on: date, concept_note_received_on: date | None,
                      work_plan_received_on: date | None) -> list[Message]:
    """What a response says, without refusing, when the feedback comes too late for R11."""
    warnings = []
    if recorded_on >= term_starts_on:
        warnings.append(Message(N_("R11: feedback on the incoming PPT is due before its term starts (%(start)s); "
                                   "this one is recorded on %(date)s."),
                                {"start": term_starts_on.isoformat(), "date": recorded_on.isoformat()}))
    for name, received in (("concept note", concept_note_received_on), ("work plan", work_plan_received_on)):
        if received is not None and received >= term_starts_on:
            warnings.append(Message(N_("R11: the %(document)s was received on %(date)s, "
                                       "not before the term started (%(start)s)."),
                                    {"document": name, "date": received.isoformat(),
                                     "start": term_starts_on.isoformat()}))
    return warnings


def check_received_dates(*, concept_note_received_on: date | None, work_plan_received_on: date | None,
                         today: date) -> list[tuple[str, str]]:
    """Problems as (field, message): a document cannot be received in the future."""
    problems = []
    for field, received in (("concept_note_received_on", concept_note_received_on),
                            ("work_plan_received_on", work_plan_received_on)):
        if received is not None and received > today:
            problems.append((field, N_("A document cannot have been received in the future.")))
    return problems
