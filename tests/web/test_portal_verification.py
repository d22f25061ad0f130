"""The portal shows, under each issued document, the verification link its footer prints and its QR code holds."""

from __future__ import annotations

from tests.documents.test_withdrawal import issued_report


def test_the_portal_shows_each_documents_verification_link(client, auth, converter, as_user):
    document = issued_report(client, auth)

    page = as_user("BZ").get("/portal?lang=en").get_data(as_text=True)

    assert document["verification_url"].startswith("http://127.0.0.1:5000/verify/")
    assert f'<a href="{document["verification_url"]}">{document["verification_url"]}</a>' in page
