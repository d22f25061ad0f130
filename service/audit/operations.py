"""Append to the audit log and read it. `record` is the one way in; nothing updates or deletes an entry.

Operations call `record` after their change is flushed, in the same session: the entry commits (or rolls back)
with the change it describes.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.audit.models import AuditEntry
from service.audit.rules import JsonValue, Subject, jsonable
from service.auth.principals import Principal

DEFAULT_LIMIT = 100
MAX_LIMIT = 500


def record(session: Session, actor: Principal, now: datetime, action: str, subject: Subject,
           changes: Mapping[str, list[JsonValue]]) -> AuditEntry:
    """Append one entry: `actor` did `action` to `subject` at `now`, changing `changes` ({field: [before, after]})."""
    entry = AuditEntry(at=now, actor_party=actor.party, actor_country=actor.country, actor_user_id=actor.user_id,
                       actor_user_email=actor.user_email, actor_token_id=actor.token_id, actor_system=actor.system,
                       action=action, subject_type=subject.kind, subject_id=subject.id,
                       changes=jsonable(dict(changes)))
    session.add(entry)
    session.flush()
    return entry


def entries(session: Session, *, subject: Subject | None = None, after_id: int | None = None,
            limit: int = DEFAULT_LIMIT) -> list[AuditEntry]:
    """Entries in the order they were written, optionally about one subject; page on with `after_id`."""
    query = select(AuditEntry).order_by(AuditEntry.id).limit(min(max(limit, 1), MAX_LIMIT))
    if subject is not None:
        query = query.where(AuditEntry.subject_type == subject.kind, AuditEntry.subject_id == subject.id)
    if after_id is not None:
        query = query.where(AuditEntry.id > after_id)
    return list(session.scalars(query))
