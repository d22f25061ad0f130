"""Inspect an untrusted PDF in a child process with time and memory limits (pypdf can be made to loop or
balloon by a crafted file). Reads the PDF on stdin, prints one JSON line: {"pages": n}, or
{"problem": "encrypted" | "damaged", "detail": …} (the service words the message, so pages can translate it).
"""

from __future__ import annotations

import io
import json
import resource
import subprocess
import sys

MEMORY_LIMIT = 512 * 1024 * 1024
TIME_LIMIT = 15


class ProbeFailed(Exception):
    """The file could not be read as a PDF within the limits. `problem`: encrypted | damaged | unreadable."""

    def __init__(self, problem: str, detail: str = "") -> None:
        super().__init__(f"{problem} {detail}".strip())
        self.problem, self.detail = problem, detail


def probe(pdf: bytes, *, timeout: float = TIME_LIMIT) -> dict:
    def limit() -> None:  # runs in the child before exec
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        resource.setrlimit(resource.RLIMIT_CPU, (int(timeout) + 1, int(timeout) + 1))

    try:
        done = subprocess.run([sys.executable, "-m", "service.documents.pdf_probe"], input=pdf,
                              capture_output=True, timeout=timeout, preexec_fn=limit, check=False)
    except subprocess.TimeoutExpired:
        raise ProbeFailed("unreadable", "time limit") from None
    try:
        answer = json.loads(done.stdout.decode() or "{}")
    except ValueError:
        answer = {}
    if "pages" not in answer:
        raise ProbeFailed(answer.get("problem") or "unreadable", answer.get("detail") or "")
    return answer


def _main() -> None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    data = sys.stdin.buffer.read()
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            print(json.dumps({"problem": "encrypted"}))
            return
        pages = len(reader.pages)
        for page in reader.pages[:50]:  # touch the page tree and contents, where broken files fail
            page.mediabox  # noqa: B018
        print(json.dumps({"pages": pages}))
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError) as error:
        print(json.dumps({"problem": "damaged", "detail": type(error).__name__}))


if __name__ == "__main__":
    _main()
