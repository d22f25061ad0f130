"""Annexes made safe at upload, so issuing never meets one it cannot use.

A PDF is parsed in the sandbox (pages, stream lengths, outline depth), then rewritten by Ghostscript as PDF/A-2b,
which drops active content (JavaScript, actions, launch); attachments, which Ghostscript 10.0 carries over, are
refused. The result is parsed again, merged on trial and checked for anything active left over. A DOCX is
converted to PDF/A by the app's converter (the caller passes `convert` and maps its failures), then checked alike.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from service.common.i18n import N_
from service.uploads import sandbox
from service.uploads.gate import DOCX, PDF, UploadRefused

MAX_PAGES = 300
MAX_OUTLINE_DEPTH = 20
PARSE_LIMITS = sandbox.Limits(memory=768 * sandbox.MiB, cpu=20, wall=30)
GHOSTSCRIPT_LIMITS = sandbox.Limits(memory=1024 * sandbox.MiB, cpu=60, wall=60)
ICC_DIR = Path("/usr/share/color/icc/ghostscript")

PROBLEMS = {
    "encrypted": N_("The PDF is encrypted or password-protected; upload an unprotected copy."),
    "damaged": N_("The PDF is damaged and cannot be read."),
    "too-many-pages": N_("The annex has %(pages)s pages; at most %(limit)s are accepted."),
    "too-large": N_("The PDF holds more data than we accept (a stream or image is too large)."),
    "outline": N_("The PDF's bookmarks are nested too deeply."),
    "active": N_("The PDF still carries active content (scripts or actions) after cleaning; it is not accepted."),
    "attachments": N_("The PDF carries attached (embedded) files; remove the attachments and upload it again."),
    "time": N_("The file took too long to read; it is not accepted."),
    "memory": N_("The file needs too much memory to read; it is not accepted."),
    "crashed": N_("The file could not be read; it may be damaged."),
    "docx-damaged": N_("The Word file is damaged: a part of it is not well-formed XML."),
    "docx-not-word": N_("The file is not a Word document (its main part is not WordprocessingML)."),
    "ghostscript": N_("The PDF could not be cleaned (rewritten as PDF/A); it may be damaged."),
}


@dataclass(frozen=True)
class Normalised:
    pdf: bytes
    pages: int
    pdfa: bool


def refusal(problem: str, detail: str = "") -> UploadRefused:
    params = {"pages": detail, "limit": MAX_PAGES} if problem == "too-many-pages" else {}
    return UploadRefused(problem, PROBLEMS.get(problem, PROBLEMS["damaged"]), **params)


def inspect_pdf(pdf: bytes, *, trial_merge: bool = False) -> dict:
    """The sandboxed pypdf reading of `pdf`; raises UploadRefused naming the problem."""
    try:
        answer = sandbox.call("service.uploads.pdfcheck:inspect", pdf, limits=PARSE_LIMITS, max_pages=MAX_PAGES,
                              max_outline=MAX_OUTLINE_DEPTH, trial_merge=trial_merge)
    except sandbox.SandboxRefused as refused:
        raise refusal(refused.problem) from None
    if "problem" in answer:
        raise refusal(answer["problem"], answer.get("detail", ""))
    return answer


def inspect_docx(docx: bytes) -> dict:
    """The sandboxed python-docx/lxml reading of `docx`; raises UploadRefused naming the problem."""
    try:
        answer = sandbox.call("service.uploads.docxcheck:inspect", docx, limits=PARSE_LIMITS)
    except sandbox.SandboxRefused as refused:
        raise refusal(refused.problem) from None
    if "problem" in answer:
        raise refusal(f"docx-{answer['problem']}")
    return answer


def ghostscript_pdfa(pdf: bytes) -> bytes:
    """`pdf` rewritten as PDF/A-2b by Ghostscript (-dSAFER, limited child); raises UploadRefused on failure."""
    gs = shutil.which("gs")
    if gs is None:
        raise RuntimeError("Ghostscript (gs) is not installed; scripts/bootstrap.sh installs it")
    with tempfile.TemporaryDirectory(prefix="tripartito-gs-") as work:
        folder = Path(work)
        (folder / "in.pdf").write_bytes(pdf)
        # an absolute path: a bare PDFA_def.ps would be Ghostscript's own copy from its library folder
        (folder / "tripartito_pdfa.ps").write_text(_pdfa_def(ICC_DIR / "srgb.icc"))
        argv = [gs, "-dSAFER", "-dPDFA=2", "-dBATCH", "-dNOPAUSE", "-dQUIET", "-dNOINTERPOLATE",
                "-sColorConversionStrategy=RGB", "-sDEVICE=pdfwrite", "-dPDFACompatibilityPolicy=1",
                f"-dLastPage={MAX_PAGES}", f"--permit-file-read={ICC_DIR}/", "-sOutputFile=out.pdf",
                str(folder / "tripartito_pdfa.ps"), "in.pdf"]
        try:
            done = sandbox.run(argv, limits=GHOSTSCRIPT_LIMITS, cwd=folder)
        except sandbox.SandboxRefused as refused:
            raise refusal(refused.problem) from None
        out = folder / "out.pdf"
        if done.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
            raise refusal("ghostscript")
        return out.read_bytes()


def normalise_annex(content: bytes, media_type: str, *, convert: Callable[[bytes], bytes]) -> Normalised:
    """The PDF/A the dossier will merge for an annex that passed the gate; raises UploadRefused."""
    if media_type == PDF:
        if inspect_pdf(content)["attachments"]:  # first: refuse what pypdf cannot read within limits
            raise refusal("attachments")  # Ghostscript 10.0 carries attachments over; PDF/A-2 forbids most
        pdf = ghostscript_pdfa(content)
    elif media_type == DOCX:
        inspect_docx(content)  # a damaged or non-Word file would fail (or print blank) in the converter
        pdf = convert(content)
    else:
        raise ValueError(media_type)
    facts = inspect_pdf(pdf, trial_merge=True)
    if facts["active"] or facts["attachments"]:
        raise refusal("active" if facts["active"] else "attachments")
    return Normalised(pdf=pdf, pages=facts["pages"], pdfa=facts["pdfa"] == 2)


def _pdfa_def(icc: Path) -> str:
    """Ghostscript's PDFA_def.ps with the sRGB profile named: without it no output intent, not PDF/A."""
    return f"""%!
[ /Title (Annex) /DOCINFO pdfmark
/ICCProfile ({icc}) def
[/_objdef {{icc_PDFA}} /type /stream /OBJ pdfmark
[{{icc_PDFA}} << /N 3 >> /PUT pdfmark
[{{icc_PDFA}} {{ICCProfile (r) file}} stopped {{ cleartomark }} {{ /PUT pdfmark
  [/_objdef {{OutputIntent_PDFA}} /type /dict /OBJ pdfmark
  [{{OutputIntent_PDFA}} << /Type /OutputIntent /S /GTS_PDFA1 /DestOutputProfile {{icc_PDFA}}
     /OutputConditionIdentifier (sRGB) >> /PUT pdfmark
  [{{Catalog}} << /OutputIntents [ {{OutputIntent_PDFA}} ] >> /PUT pdfmark
}} ifelse
"""
