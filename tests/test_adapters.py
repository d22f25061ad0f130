"""The adapters create_app wires, and the fakes the tests swap in, implement the same Protocols."""

from __future__ import annotations

from service.adapters import Clock, FixedClock, services
from service.conversion.local import LocalConverterPool
from service.conversion.protocol import PdfConverter
from service.conversion.remote import RemoteConverterPool
from service.documents.storage import DocumentStore
from service.mail import Mailer
from tests.conftest import NOW
from tests.documents.test_distribution import BrokenMailer
from tests.fakes import CountingConverter


def test_create_app_wires_a_clock_a_document_store_and_a_mailer(app):
    wired = services()
    assert isinstance(wired.clock, Clock)
    assert isinstance(wired.store, DocumentStore)
    assert isinstance(wired.mailer, Mailer)


def test_the_pools_and_the_test_fakes_are_what_the_protocols_say(tmp_path):
    assert isinstance(LocalConverterPool(size=1, workdir=tmp_path), PdfConverter)
    assert isinstance(RemoteConverterPool([("127.0.0.1", 2003)]), PdfConverter)
    assert isinstance(CountingConverter(), PdfConverter)
    assert isinstance(BrokenMailer(), Mailer)
    assert isinstance(FixedClock(NOW), Clock)


def test_an_object_with_only_some_of_the_methods_is_not_a_converter():
    class ConvertOnly:
        def convert(self, docx: bytes, *, pdfa: bool = True, timeout: float | None = None) -> bytes:
            return b"%PDF"

    assert not isinstance(ConvertOnly(), PdfConverter)
