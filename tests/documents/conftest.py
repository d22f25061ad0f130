from __future__ import annotations

import pytest

from tests.fakes import CountingConverter


@pytest.fixture
def converter(app):
    """A counting stand-in converter wired into the app for this test."""
    services = app.extensions["tripartito"]
    saved, services.converter = services.converter, CountingConverter()
    yield services.converter
    services.converter = saved
