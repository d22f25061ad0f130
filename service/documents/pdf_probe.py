"""Inspect an untrusted PDF in a child process with time and memory limits (pypdf can be made to loop or
balloon by a crafted file). Reads the PDF on stdin, prints one JSON line: {"pages": n} or {"error": "..."}.
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
    """The file could not be read as a PDF within the limits; the message says why, for people."""


def probe(pdf: bytes, *, timeout: float = TIME_LIMIT) -> dict:
    def limit() -> None:  # runs in the child before exec
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        resource.setrlimit(resource.RLIMIT_CPU, (int(timeout) + 1, int(timeout) + 1))

    try:
        done = subprocess.run([sys.executable, "-m", "service.documents.pdf_probe"], input=pdf,
                              capture_output=True, timeout=timeout, preexec_fn=limit, check=False)
    except subprocess.TimeoutExpired:
        raise ProbeFailed("The PDF took too long to read; it may be damaged.") from None
    try:
        answer = json.loads(done.stdout.decode() or "{}")
    except ValueError:
        answer = {}
    if "pages" not in answer:
        raise ProbeFailed(answer.get("error") or "The PDF could not be read; it may be damaged.")
    return answer


def _main() -> None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    data = sys.stdin.buffer.read()
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            print(json.dumps({"error": "The PDF is encrypted or password-protected; upload an unprotected copy."}))
            return
        pages = len(reader.pages)
        for page in reader.pages[:50]:  # touch the page tree and contents, where broken files fail
            page.mediabox  # noqa: B018
        print(json.dumps({"pages": pages}))
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError) as error:
        print(json.dumps({"error": f"The PDF is damaged and cannot be read ({type(error).__name__})."}))


if __name__ == "__main__":
    _main()
