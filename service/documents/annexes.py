"""Annexes kept with the documents: the incoming PPT's concept note (R11)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import select

from service.auth.principals import Principal
from service.common.i18n import N_
from service.documents.models import Upload
from service.documents.uploads import check_upload
from service.errors import NotFound
from service.extensions import db
from service.ppt.models import PptTerm

CONCEPT_NOTE = "concept_note"


def clean_file_name(name: str | None) -> str | None:
    """Keep the name people gave the file as metadata only: no path, no control characters, bounded."""
    if not name:
        return None
    name = re.split(r"[\\/]", name)[-1]
    name = re.sub(r"[\x00-\x1f\x7f\ud800-\udfff]", "", name).strip()
    return name[:255] or None


def current_concept_note(term_id: int) -> Upload | None:
    return db.session.scalar(select(Upload).where(Upload.purpose == CONCEPT_NOTE, Upload.subject_id == term_id,
                                                  Upload.replaced_by_id.is_(None)))


def attach_concept_note(term_id: int, content: bytes, original_name: str | None, *, actor: Principal,
                        now: datetime, store: Any) -> Upload:
    if db.session.get(PptTerm, term_id) is None:
        raise NotFound(N_("No PPT term %(id)s."), params={"id": term_id})
    checked = check_upload(content)
    previous = current_concept_note(term_id)
    upload = Upload(purpose=CONCEPT_NOTE, subject_id=term_id, media_type=checked.media_type,
                    file_sha256=store.put(content, checked.media_type, now=now),
                    original_name=clean_file_name(original_name), size=len(content), pages=checked.pages,
                    uploaded_at=now, uploaded_by=actor.label)
    db.session.add(upload)
    db.session.flush()
    if previous is not None:
        previous.replaced_by_id = upload.id
        db.session.flush()
    return upload
