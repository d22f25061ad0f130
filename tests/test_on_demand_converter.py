"""The command's converter pool starts at the first conversion, once, however many threads ask."""

from __future__ import annotations

import threading

from service.conversion.on_demand import StartedOnFirstUse
from tests.fakes import CountingConverter


class Recorded(CountingConverter):
    starts = 0

    def start(self) -> None:
        Recorded.starts += 1


def test_nothing_starts_until_a_document_needs_converting_then_one_pool_serves_every_thread():
    Recorded.starts = 0
    made: list[Recorded] = []
    converter = StartedOnFirstUse(lambda: made.append(Recorded()) or made[-1], size=2)
    converter.start()
    assert not converter.started
    assert converter.ping()["state"] == "idle"

    threads = [threading.Thread(target=converter.convert, args=(b"PK docx",)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert (len(made), Recorded.starts, made[0].conversions) == (1, 1, 4)
    converter.stop()


def test_stopping_an_unused_one_starts_nothing():
    made: list[CountingConverter] = []
    StartedOnFirstUse(lambda: made.append(CountingConverter()) or made[-1], size=2).stop()
    assert made == []
