"""What the sandboxed child does with an uploaded Word file that passed the gate: open it with python-docx and
parse every XML part (no DTD, no network), so a damaged or non-Word document is refused at upload instead of
failing the converter (or becoming a blank page) at every dossier.

`inspect(docx)` → {"paragraphs": n} or {"problem": "damaged" | "not-word", "detail"}.
"""

from __future__ import annotations

import io
import zipfile

W_DOCUMENT = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}document"


def inspect(docx: bytes) -> dict:
    import docx as python_docx
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as archive:
            for name in archive.namelist():
                if name.endswith((".xml", ".rels")):
                    root = etree.fromstring(archive.read(name), parser)
                    if name == "word/document.xml" and root.tag != W_DOCUMENT:
                        return {"problem": "not-word", "detail": str(root.tag)[:100]}
        document = python_docx.Document(io.BytesIO(docx))
        return {"paragraphs": len(document.paragraphs)}
    except MemoryError:
        raise
    except Exception as error:  # the parse boundary of an untrusted file: any failure means "damaged"
        return {"problem": "damaged", "detail": f"{type(error).__name__}: {str(error)[:200]}"}
