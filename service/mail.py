"""Sending e-mail: an outbox folder by default (one .eml file per message, nothing to configure), or an SMTP
server when TRIPARTITO_SMTP_URL is set (smtp://user:password@host:587 with STARTTLS, smtps:// for TLS)."""

from __future__ import annotations

import os
import smtplib
import ssl
import tempfile
import uuid
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol, runtime_checkable
from urllib.parse import unquote, urlparse


@runtime_checkable
class Mailer(Protocol):
    def send(self, message: EmailMessage) -> None: ...

    def ping(self) -> dict: ...


class OutboxMailer:
    """Writes each message atomically into a folder, where an operator (or a relay) picks it up."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def send(self, message: EmailMessage) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self.directory / f"{uuid.uuid4().hex}.eml"
        with tempfile.NamedTemporaryFile(dir=self.directory, suffix=".tmp", delete=False) as handle:
            handle.write(message.as_bytes())
        os.replace(handle.name, target)

    def ping(self) -> dict:
        self.directory.mkdir(parents=True, exist_ok=True)
        return {"ok": os.access(self.directory, os.W_OK), "kind": "outbox", "directory": str(self.directory)}


class SmtpMailer:
    def __init__(self, url: str, timeout: float = 20) -> None:
        parsed = urlparse(url)
        if parsed.scheme not in ("smtp", "smtps") or not parsed.hostname:
            raise ValueError("TRIPARTITO_SMTP_URL must look like smtp://user:password@host:587 or smtps://host")
        self.tls = parsed.scheme == "smtps"
        self.host, self.port = parsed.hostname, parsed.port or (465 if self.tls else 587)
        self.user = unquote(parsed.username) if parsed.username else None
        self.password = unquote(parsed.password) if parsed.password else None
        self.timeout = timeout

    def _connect(self) -> smtplib.SMTP:
        context = ssl.create_default_context()
        if self.tls:
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        server = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        server.starttls(context=context)
        return server

    def send(self, message: EmailMessage) -> None:
        with self._connect() as server:
            if self.user:
                server.login(self.user, self.password or "")
            server.send_message(message)

    def ping(self) -> dict:
        with self._connect() as server:
            server.noop()
        return {"ok": True, "kind": "smtp", "host": self.host}
