"""Helpers shared by the hostile-input tables: what was kept, and how much the worker's memory grew."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from service.documents.models import StoredFile, Upload
from service.extensions import db


def kept() -> tuple[int, int]:
    """(upload rows, stored files)."""
    return (db.session.scalar(select(func.count(Upload.id))), db.session.scalar(select(func.count(StoredFile.sha256))))


class PeakMemory:
    """This process's peak resident memory growth over a block (clear_refs resets the peak on Linux)."""

    def __enter__(self) -> PeakMemory:
        with contextlib.suppress(OSError):  # not Linux, or not allowed: the peak then covers the process's life
            Path("/proc/self/clear_refs").write_text("5")
        self.start = self._kib("VmRSS")
        return self

    def __exit__(self, *exc: object) -> None:
        self.growth_mib = (self._kib("VmHWM") - self.start) / 1024

    @staticmethod
    def _kib(key: str) -> int:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
        raise LookupError(key)


@pytest.fixture
def peak_memory() -> type[PeakMemory]:
    return PeakMemory
