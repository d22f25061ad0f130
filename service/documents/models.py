"""The register of issued documents, their files, and uploaded annexes.

Files live in the database (`stored_files`, keyed by SHA-256) so a record and its PDF are written in one
transaction: there is never a record without its PDF nor a PDF without its record, whatever dies when.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, LargeBinary, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.extensions import db
from service.models_base import UTCDateTime


class StoredFile(db.Model):
    __tablename__ = "stored_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DocumentReference(db.Model):
    """One reference number per document (kind + subject), shared by its versions and languages."""

    __tablename__ = "document_references"
    __table_args__ = (UniqueConstraint("kind", "subject_id", name="uq_document_references_subject"),
                      UniqueConstraint("kind", "year", "number", name="uq_document_references_number"))

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(60), unique=True)


class IssuedDocument(db.Model):
    """An issued official document. Immutable: issuing again adds a version that supersedes this one."""

    __tablename__ = "issued_documents"
    __table_args__ = (UniqueConstraint("kind", "subject_id", "language", "version",
                                       name="uq_issued_documents_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    subject_id: Mapped[int] = mapped_column(Integer, index=True)
    language: Mapped[str] = mapped_column(String(2))
    reference_id: Mapped[int] = mapped_column(ForeignKey("document_references.id"))
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    pdf_sha256: Mapped[str] = mapped_column(ForeignKey("stored_files.sha256"))
    docx_sha256: Mapped[str | None] = mapped_column(ForeignKey("stored_files.sha256"))
    pages: Mapped[int] = mapped_column(Integer)
    pdfa: Mapped[bool] = mapped_column(default=True)
    # None when pdfa; else the PDF/A-2b clauses found broken (service.pdf.facts.pdfa_problems), comma-separated
    pdfa_reason: Mapped[str | None] = mapped_column(String(500))
    late: Mapped[bool] = mapped_column(default=False)  # a monitoring report issued after its due date (R5)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    issued_by: Mapped[str] = mapped_column(String(40))
    context: Mapped[dict] = mapped_column(JSON, deferred=True)  # frozen copy of the data it was made from
    context_sha256: Mapped[str] = mapped_column(String(64))
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("issued_documents.id"))
    # Withdrawn, never deleted: the PDF stays in the register; these say when, why and who.
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawal_reason: Mapped[str | None] = mapped_column(String(500))
    withdrawn_by: Mapped[str | None] = mapped_column(String(40))
    # The seal (issue 13): pdf_sha256 is the sealed file's SHA-256; None when issued before sealing existed.
    sealed_by: Mapped[str | None] = mapped_column(String(300))  # the seal certificate's subject
    sealed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the signing time inside the signature
    seal_timestamped: Mapped[bool] = mapped_column(default=False, server_default=false())
    verification_code: Mapped[str | None] = mapped_column(String(16), unique=True)  # /verify/<code>, in the QR

    reference_row = relationship(DocumentReference, lazy="joined")
    successors = relationship("IssuedDocument", viewonly=True)  # the versions that supersede this one

    @property
    def state(self) -> str:
        """current | superseded (a newer version replaced it) | withdrawn (taken back, with a reason)."""
        if self.withdrawn_at is not None:
            return "withdrawn"
        return "superseded" if self.successors else "current"

    @property
    def reference(self) -> str:
        return self.reference_row.reference

    @property
    def sha256(self) -> str:
        return self.pdf_sha256

    @property
    def supersedes(self) -> int | None:
        return self.supersedes_id

    @property
    def seal(self) -> dict | None:
        """What the register keeps of the seal: the signer, the signing time and the signed file's SHA-256."""
        if self.sealed_by is None:
            return None
        return {"signer": self.sealed_by, "signed_at": self.sealed_at, "sha256": self.pdf_sha256,
                "timestamped": self.seal_timestamped}

    @property
    def verification_path(self) -> str | None:
        return f"/verify/{self.verification_code}" if self.verification_code else None


class Upload(db.Model):
    """An uploaded annex, such as the incoming PPT's concept note (R11)."""

    __tablename__ = "uploads"

    id: Mapped[int] = mapped_column(primary_key=True)
    purpose: Mapped[str] = mapped_column(String(32))  # concept_note
    subject_id: Mapped[int] = mapped_column(Integer, index=True)
    file_sha256: Mapped[str] = mapped_column(ForeignKey("stored_files.sha256"))  # as uploaded
    # the normalised PDF the dossier merges (None: uploaded before normalisation; made at issue time)
    pdf_sha256: Mapped[str | None] = mapped_column(ForeignKey("stored_files.sha256"))
    media_type: Mapped[str] = mapped_column(String(120))
    original_name: Mapped[str | None] = mapped_column(String(255))
    language: Mapped[str] = mapped_column(String(2), default="es", server_default="es")  # written in (es | en)
    size: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int | None] = mapped_column(Integer)  # of the normalised PDF
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    uploaded_by: Mapped[str] = mapped_column(String(40))
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("uploads.id"))


class Distribution(db.Model):
    """An issued document's delivery to one member country (R8): pending → sent | failed | no_recipient."""

    __tablename__ = "document_distributions"
    __table_args__ = (UniqueConstraint("document_id", "country", name="uq_document_distributions_country"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("issued_documents.id"), index=True)
    country: Mapped[str] = mapped_column(String(2), ForeignKey("countries.code"))
    status: Mapped[str] = mapped_column(String(16))
    recipients: Mapped[list] = mapped_column(JSON, default=list)
    attempted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    error: Mapped[str | None] = mapped_column(String(500))
    # The notice that the document was withdrawn, to a country that received it: None | pending → sent | failed.
    withdrawal_notice: Mapped[str | None] = mapped_column(String(16))
    withdrawal_notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
