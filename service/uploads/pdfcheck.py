"""What the sandboxed child does with an uploaded PDF: parse it fully (pypdf can loop or balloon on a crafted
file, hence the child) and answer plain facts or a problem code the service words.

`inspect(pdf, max_pages=…, max_outline=…, trial_merge=…)` → {"pages", "pdfa", "active", "attachments"} or
{"problem": encrypted | damaged | too-many-pages | too-large | outline, "detail"}. With `trial_merge`, the file
is also appended to a PdfWriter and written, exactly as the dossier merge will do with it.
"""

from __future__ import annotations

import io
import re
from typing import Any

_ACTIVE = re.compile(rb"/(?:JavaScript|JS|Launch|AA|RichMedia|SubmitForm|ImportData|GoToE|GoToR)\b")
_ATTACHMENTS = re.compile(rb"/(?:EmbeddedFiles?|FileAttachment)\b")
_PDFA_PART = re.compile(rb"pdfaid:part(?:>|=[\"'])\s*(\d)")  # Ghostscript writes part='2'


def inspect(pdf: bytes, *, max_pages: int = 300, max_outline: int = 20, trial_merge: bool = False) -> dict:
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import LimitReachedError

    try:
        reader = PdfReader(io.BytesIO(pdf), strict=False)
        if reader.is_encrypted:
            return {"problem": "encrypted"}
        pages = len(reader.pages)
        if pages > max_pages:
            return {"problem": "too-many-pages", "detail": str(pages)}
        if pages == 0:
            return {"problem": "damaged", "detail": "no pages"}
        for page in reader.pages:  # every content stream inflated, within pypdf's limits
            page.mediabox  # noqa: B018
            page.get_contents() and page.get_contents().get_data()
        if _outline_depth(reader.outline, max_outline) > max_outline:
            return {"problem": "outline", "detail": f"deeper than {max_outline}"}
        if trial_merge:
            writer = PdfWriter()
            writer.append(reader, import_outline=False)
            writer.write(io.BytesIO())
        return {"pages": pages, "pdfa": _pdfa_part(reader), "active": bool(_ACTIVE.search(pdf)),
                "attachments": bool(_ATTACHMENTS.search(pdf))}
    except LimitReachedError as error:
        return {"problem": "too-large", "detail": str(error)[:200]}
    except MemoryError:
        raise
    except Exception as error:  # the parse boundary of an untrusted file: any failure means "damaged"
        return {"problem": "damaged", "detail": f"{type(error).__name__}: {str(error)[:200]}"}


def _outline_depth(items: Any, limit: int, depth: int = 1) -> int:
    deepest = 0
    for item in items or []:
        if isinstance(item, list):
            deepest = max(deepest, _outline_depth(item, limit, depth + 1) if depth <= limit else depth + 1)
        else:
            deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
    return deepest


def _pdfa_part(reader: Any) -> int | None:
    metadata = reader.trailer["/Root"].get("/Metadata")
    if metadata is None:
        return None
    found = _PDFA_PART.search(metadata.get_object().get_data())
    return int(found.group(1)) if found else None
