"""The names people read for form fields and repeated rows, so every message says which field it is about:
"Title: This field is required.", "Agreement 2, Responsible: …" (issue 14). The labels are the forms' own
(same catalog entries); a field not listed here is named by its message alone."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

FIELD_LABELS = {
    "title": _l("Title"), "starts_at": _l("Starts"), "ends_at": _l("Ends"), "starts_on": _l("Starts on"),
    "ends_on": _l("Ends on"), "timezone": _l("Time zone"), "modality": _l("Modality"), "location": _l("Place"),
    "video_url": _l("Video link (virtual meetings)"), "ppt_term_id": _l("PPT term"), "kind": _l("Kind"),
    "agenda": _l("Agenda"), "consents": _l("Your party's consent"), "language": _l("Language"),
    "next_meeting": _l("Next meeting"), "addressee": _l("Addressee"),
    "adopted_by": _l("Adopted by (declaration, paragraph)"), "adopted_on": _l("Adopted on"),
    "concept_note_received_on": _l("Concept note received on"), "country": _l("Member country"),
    "decided_on": _l("Date of the CRM decision"), "decision_reference": _l("Reference of the CRM decision"),
    "evidence": _l("Evidence"), "evidence_url": _l("Link to the evidence"),
    "grcm_meeting_id": _l("GRCM meeting it is presented at"), "introduction": _l("Introduction"),
    "meeting_on": _l("Discussed at the pre-PPT meeting on"), "meeting_id": _l("Pre-PPT meeting"),
    "members_only_requested_by": _l("Requesting member country"),
    "members_only_requested_on": _l("Date of the request"), "network": _l("Network"),
    "observations": _l("Observations"), "period": _l("Period"), "rationale": _l("Rationale"),
    "reason": _l("Reason"), "reported_on": _l("Reported on"), "status": _l("Status"),
    "submitted_on": _l("Submitted on"), "summary": _l("Summary"), "text": _l("Text"),
    "title_en": _l("Title in English"), "title_es": _l("Title in Spanish"), "to": _l("New state"),
    "work_plan_received_on": _l("Work plan received on"), "year": _l("Year"), "file": _l("File"),
    # fields of repeated rows
    "action": _l("Action"), "amount": _l("Amount"), "code": _l("Code"), "comment": _l("Comment"),
    "currency": _l("Currency (ISO 4217, such as USD)"), "description": _l("Description"),
    "document": _l("Document"), "indicator": _l("Indicator"), "name": _l("Name"), "objective": _l("Objective code"),
    "progress": _l("Progress"), "progress_note": _l("Progress note"), "progress_on": _l("Progress reported on"),
    "responsible": _l("Responsible"), "section": _l("Section"), "source": _l("Source"), "timeline": _l("Timeline"),
    "unit": _l("Unit"), "value": _l("Value"), "party": _l("Party"), "role": _l("Role"),
    "discussion": _l("Discussion"), "due_on": _l("Due date"),
}
# A repeated row as its legend names it ("Agreement 2").
ROW_LABELS = {
    "attendees": _l("Attendee"), "agenda_items": _l("Agenda item"), "agreements": _l("Agreement"),
    "activities": _l("Activity"), "indicators": _l("Indicator"), "items": _l("Item"),
    "joint_actions": _l("Joint action"), "objectives": _l("Objective"), "resources": _l("Resource"),
}


def field_name(key: str) -> str:
    """"title" → "Title"; "agreements.1.responsible" → "Agreement 2, Responsible"; unknown → ""."""
    parts = key.split(".")
    if len(parts) >= 2 and parts[0] in ROW_LABELS and parts[1].isdigit():
        row = f"{ROW_LABELS[parts[0]]} {int(parts[1]) + 1}"
        field = FIELD_LABELS.get(parts[2]) if len(parts) > 2 else None
        return f"{row}, {field}" if field is not None else row
    label = FIELD_LABELS.get(parts[0])
    return str(label) if label is not None else ""


def named(key: str, message: str) -> str:
    """The message prefixed with the name of its field or row, when known ("Title: This field is required.")."""
    name = field_name(key)
    return f"{name}: {message}" if name and not key.startswith("_") else message
