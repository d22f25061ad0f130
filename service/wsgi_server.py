"""Production serving with gunicorn: one worker process with threads, so the LibreOffice converter pool
(owned by that process) is shared by every request; one log line per request."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from gunicorn.app.base import BaseApplication


class _Gunicorn(BaseApplication):
    def __init__(self, app_factory: Callable[[], Flask], options: dict) -> None:
        self.app_factory, self.options = app_factory, options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.app_factory()  # in the worker, after the fork: the converter pool belongs to it


def run(app_factory: Callable[[], Flask], *, host: str, port: int, threads: int) -> int:
    _Gunicorn(app_factory, {
        "bind": f"{host}:{port}",
        "workers": 1,
        "worker_class": "gthread",
        "threads": threads,
        "timeout": 120,
        "accesslog": "-",
        "errorlog": "-",
        "access_log_format": '%(h)s "%(r)s" %(s)s %(b)s %(M)sms',
    }).run()
    return 0
