"""PDFs held in memory are opened from a private temporary file (qpdf reads files far faster than a Python
stream); a full /dev/shm falls back to the system's temporary folder, and nothing is left behind."""

from __future__ import annotations

import os
import tempfile

import pikepdf
import pytest

from service.pdf import reading
from service.pdf.facts import pages_and_pdfa_problems
from tests.hostile.files import pdf


def leftovers() -> set[str]:
    folders = {tempfile.gettempdir(), *([reading._SCRATCH] if reading._SCRATCH else [])}
    return {name for folder in folders for name in os.listdir(folder) if name.startswith("tripartito-")}


def test_the_page_count_and_the_pdfa_problems_come_from_one_opening_and_leave_no_file():
    before = leftovers()
    pages, problems = pages_and_pdfa_problems(pdf(3))
    assert pages == 3
    assert "no-xmp-pdfa-2b" in problems  # a plain PDF is not claimed as PDF/A
    assert leftovers() == before


def test_an_unreadable_pdf_is_named_so_not_an_error():
    assert pages_and_pdfa_problems(b"%PDF-1.7 not really") == (0, ["unreadable"])


def test_a_full_scratch_folder_falls_back_to_the_system_temporary_folder(monkeypatch):
    real = tempfile.NamedTemporaryFile
    tried: list[str | None] = []

    def full_shm(*args, dir=None, **kwargs):
        tried.append(dir)
        handle = real(*args, dir=dir, **kwargs)
        if dir is not None:
            def no_room(_data: bytes) -> int:
                raise OSError(28, "No space left on device")
            handle.write = no_room
        return handle

    monkeypatch.setattr(reading, "_SCRATCH", tempfile.gettempdir())  # stands for /dev/shm
    monkeypatch.setattr(reading.tempfile, "NamedTemporaryFile", full_shm)
    with reading.opened_pdf(pdf(2)) as document:
        assert len(document.pages) == 2
    assert tried == [tempfile.gettempdir(), None]


def test_a_damaged_pdf_raises_qpdfs_own_error():
    with pytest.raises(pikepdf.PdfError), reading.opened_pdf(b"%PDF-1.7 damaged"):
        pass
