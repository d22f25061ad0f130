"""Regenerate the page images in docs/templates/: every kind, both languages, every page, from the sample data.

    .venv/bin/python scripts/page_images.py              # docs/templates/{kind}.{lang}-{page}.png (60 dpi)
    .venv/bin/python scripts/page_images.py --dpi 110 --out /tmp/pages --pdf   # larger, keeping the PDFs
    .venv/bin/python scripts/page_images.py monitoring_report                  # one kind
    .venv/bin/python scripts/page_images.py --demo --out /tmp/pages   # the demo year's issued documents

Renders tests/documents/samples.py through the shipped templates and the real LibreOffice (one warm
unoserver), then rasterises with pdftoppm. Needs the uno venv (scripts/bootstrap.sh) and poppler-utils.
The samples are Spanish data with hostile strings (what the templates must survive); `--demo` issues what a
ministry would receive instead: the demo year (with its English translations) through the issuing pipeline,
every kind and the dossier, in es and en — the pages to review documents by.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
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
    parser.add_argument("--demo", action="store_true", help="issue the demo year's documents instead of samples")
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
            documents = demo_documents(pool, Path(work)) if args.demo else sample_documents(pool, args.kinds)
            for kind, language, pdf in documents:
                if kind not in args.kinds and not (args.demo and kind == "dossier" and "dossier_cover" in args.kinds):
                    continue
                stem = args.out / f"{kind}.{language}"
                for old in args.out.glob(f"{kind}.{language}-*.png"):
                    old.unlink()
                if args.pdf:
                    Path(f"{stem}.pdf").write_bytes(pdf)
                subprocess.run(["pdftoppm", "-r", str(args.dpi), "-png", "-", str(stem)], input=pdf, check=True)
                print(*sorted(p.name for p in args.out.glob(f"{kind}.{language}-*.png")))
        finally:
            pool.stop()
    return 0


def sample_documents(pool: LocalConverterPool, kinds: list[str]) -> Iterator[tuple[str, str, bytes]]:
    for kind in kinds:
        for language in ("es", "en"):
            data = minutes(language, hostile=False) if kind == "minutes" else sample(kind, language)
            yield kind, language, pool.convert(render_docx(kind, language, data), pdfa=True)


def demo_documents(pool: LocalConverterPool, work: Path) -> Iterator[tuple[str, str, bytes]]:
    """The demo year issued through the API as the secretariat would: every kind, then the dossier."""
    from sqlalchemy import select

    from service import create_app
    from service.auth.principals import COMMAND_LINE
    from service.auth.tokens import create_api_token
    from service.extensions import db
    from service.grcm.models import GrcmMeeting
    from service.meetings.models import Meeting
    from service.planning.models import WorkPlan
    from service.ppt.feedback_models import PptFeedback

    app = create_app({"DATABASE_URL": f"sqlite:///{work / 'demo.sqlite3'}", "DATA_DIR": str(work),
                      "CONVERTER": pool})
    runner = app.test_cli_runner()
    runner.invoke(args=["init"])
    runner.invoke(args=["demo", "--year", "2026"])
    with app.app_context():
        _, secret = create_api_token(party="st_crm", country=None, actor=COMMAND_LINE, now=datetime.now(UTC))
        db.session.commit()
        grcm = db.session.scalar(select(GrcmMeeting.id).order_by(GrcmMeeting.starts_at_utc))
        meeting = next(m.id for m in db.session.scalars(select(Meeting).where(Meeting.minutes.has()))
                       if m.status == "held" and m.minutes.state == "approved")
        subjects = {"minutes": meeting, "recommendations": grcm, "monitoring_report": grcm,
                    "work_plan": db.session.scalar(select(WorkPlan.id)),
                    "ppt_feedback": db.session.scalar(select(PptFeedback.ppt_term_id)), "dossier": grcm}
    client, headers = app.test_client(), {"Authorization": f"Bearer {secret}"}
    for kind, subject_id in subjects.items():
        for language in ("es", "en"):
            response = client.post("/api/v1/documents", headers=headers,
                                   json={"kind": kind, "subject_id": subject_id, "language": language})
            if response.status_code not in (200, 201):
                raise SystemExit(f"{kind} {language}: {response.status_code} {response.get_json()}")
            yield kind, language, client.get(f"/api/v1/documents/{response.json['id']}/pdf", headers=headers).data


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
