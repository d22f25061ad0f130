"""Regenerate the page images in docs/templates/: every kind, both languages, every page, from the sample data.

    .venv/bin/python scripts/page_images.py              # docs/templates/{kind}.{lang}-{page}.png (60 dpi)
    .venv/bin/python scripts/page_images.py --dpi 110 --out /tmp/pages --pdf   # larger, keeping the PDFs
    .venv/bin/python scripts/page_images.py monitoring_report                  # one kind

Renders tests/documents/samples.py through the shipped templates and the real LibreOffice (one warm
unoserver), then rasterises with pdftoppm. Needs the uno venv (scripts/bootstrap.sh) and poppler-utils.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.conversion.local import LocalConverterPool  # noqa: E402
from service.templating.render import render_docx  # noqa: E402
from tests.documents.samples import minutes, sample  # noqa: E402

KINDS = ("minutes", "recommendations", "ppt_feedback", "monitoring_report", "work_plan", "dossier_cover")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "templates")
    parser.add_argument("--dpi", type=int, default=60)
    parser.add_argument("--pdf", action="store_true", help="also keep each PDF next to its images")
    parser.add_argument("kinds", nargs="*", help=f"only these kinds (default: all of {', '.join(KINDS)})")
    args = parser.parse_args(argv)
    unknown = set(args.kinds) - set(KINDS)
    if unknown:
        parser.error(f"unknown kind(s): {', '.join(sorted(unknown))}")
    args.kinds = args.kinds or list(KINDS)
    args.out.mkdir(parents=True, exist_ok=True)
    uno = ROOT / ".venv-uno" / "bin" / "python"  # the checkout's converter interpreter (scripts/bootstrap.sh)
    if uno.exists():
        os.environ.setdefault("TRIPARTITO_UNO_PYTHON", str(uno))
    with tempfile.TemporaryDirectory() as work:
        pool = LocalConverterPool(size=1, timeout=90, workdir=Path(work))
        pool.start()
        try:
            for kind in args.kinds:
                for language in ("es", "en"):
                    data = minutes(language, hostile=False) if kind == "minutes" else sample(kind, language)
                    pdf = pool.convert(render_docx(kind, language, data), pdfa=True)
                    stem = args.out / f"{kind}.{language}"
                    for old in args.out.glob(f"{kind}.{language}-*.png"):
                        old.unlink()
                    if args.pdf:
                        Path(f"{stem}.pdf").write_bytes(pdf)
                    subprocess.run(["pdftoppm", "-r", str(args.dpi), "-png", "-", str(stem)], input=pdf,
                                   check=True)
                    print(*sorted(p.name for p in args.out.glob(f"{kind}.{language}-*.png")))
        finally:
            pool.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
