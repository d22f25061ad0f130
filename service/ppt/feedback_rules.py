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


def check_discussion_meeting(*, term_id: int, meeting_kind: str, meeting_term_id: int | None, meeting_status: str,
                             meeting_day: date, meeting_on: date | None) -> list[tuple[str, str]]:
    """R11 with R6: the feedback is discussed at the pre-PPT meeting that prepares this term (not a cancelled
    one); a meeting_on given beside it must be that meeting's day. Problems as (field, message)."""
    if meeting_kind != "pre_ppt" or meeting_term_id != term_id:
        return [("meeting_id", N_("R11: the feedback is discussed at the pre-PPT meeting of this term (R6); "
                                  "that meeting prepares another term or is not a pre-PPT meeting."))]
    if meeting_status == "cancelled":
        return [("meeting_id", N_("R11: that pre-PPT meeting was cancelled."))]
    if meeting_on is not None and meeting_on != meeting_day:
        return [("meeting_on", N_("R11: meeting_on must be the day of the pre-PPT meeting (%(date)s)."))]
    return []


def check_received_dates(*, concept_note_received_on: date | None, work_plan_received_on: date | None,
                         today: date) -> list[tuple[str, str]]:
    """Problems as (field, message): a document cannot be received in the future."""
    problems = []
    for field, received in (("concept_note_received_on", concept_note_received_on),
                            ("work_plan_received_on", work_plan_received_on)):
        if received is not None and received > today:
            problems.append((field, N_("A document cannot have been received in the future.")))
    return problems
