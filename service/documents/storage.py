"""The document store: content-addressed files kept in the database, next to the records that use them."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Protocol, runtime_checkable

from sqlalchemy import select, text

from service.documents.models import StoredFile
from service.extensions import db


@runtime_checkable
class DocumentStore(Protocol):
    """Files by SHA-256: ``put`` returns the digest under which ``get`` finds the content again."""

    def put(self, content: bytes, media_type: str, *, now: datetime) -> str: ...

    def get(self, digest: str) -> bytes: ...

    def ping(self) -> dict: ...


class DatabaseDocumentStore:
    """Stores each distinct file once (by SHA-256) in the same transaction as the record using it."""

    def put(self, content: bytes, media_type: str, *, now: datetime) -> str:
        digest = hashlib.sha256(content).hexdigest()
        if db.session.get(StoredFile, digest) is None:
            db.session.add(StoredFile(sha256=digest, media_type=media_type, size=len(content), content=content,
                                      created_at=now))
            db.session.flush()  # before any row that refers to it (no ORM relationship orders these inserts)
        return digest

    def get(self, digest: str) -> bytes:
        content = db.session.scalar(select(StoredFile.content).where(StoredFile.sha256 == digest))
        if content is None:
            raise KeyError(digest)
        return bytes(content)

    def ping(self) -> dict:
        count = db.session.execute(text("SELECT count(*) FROM stored_files")).scalar_one()
        return {"ok": True, "kind": "database", "files": count}
