"""A process that dies between conversion and commit leaves no record and no file behind."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from sqlalchemy import func, select

from service.documents.models import IssuedDocument, StoredFile
from service.extensions import db
from tests.documents.test_issuing_api import meeting_with_minutes

CHILD = textwrap.dedent("""
    import os, sys
    from service import create_app
    from service.auth.principals import Principal
    from service.documents import issuing
    from service.extensions import db
    from tests.fakes import CountingConverter

    app = create_app({"DATABASE_URL": sys.argv[1], "DATA_DIR": sys.argv[2], "SECRET_KEY": "x"})
    real_record = issuing.record

    def record_then_die(**kwargs):
        real_record(**kwargs)   # the record and both files are written and flushed ...
        db.session.flush()
        os._exit(17)            # ... and the process dies before the commit

    issuing.record = record_then_die
    with app.app_context():
        issuing.issue_document("minutes", int(sys.argv[3]), "es", actor=Principal(party="st_crm"),
                               now=__import__("datetime").datetime.now(__import__("datetime").UTC),
                               converter=CountingConverter(), store=app.extensions["tripartito"].store)
""")


def test_crash_between_conversion_and_commit_leaves_no_record_and_no_file(app, client, auth, database_url, tmp_path):
    meeting_id = meeting_with_minutes(client, auth)
    db.session.commit()
    child = subprocess.run([sys.executable, "-c", CHILD, database_url, str(tmp_path), str(meeting_id)],
                           capture_output=True, text=True, timeout=120, check=False)
    assert child.returncode == 17, child.stderr
    db.session.rollback()
    assert db.session.scalar(select(func.count(IssuedDocument.id))) == 0
    assert db.session.scalar(select(func.count(StoredFile.sha256))) == 0
