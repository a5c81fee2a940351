"""A real SMTP server on a free local port (aiosmtpd) that keeps every message it is given."""
from __future__ import annotations

import socket

from aiosmtpd.controller import Controller


class FakeSMTP:
    """`with FakeSMTP() as smtp:` point SMTP_URL at smtp.url; smtp.messages holds (recipients, bytes)."""

    def __init__(self):
        self.messages: list[tuple[list[str], bytes]] = []
        with socket.socket() as probe:  # a free port (aiosmtpd cannot start on port 0)
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"smtp://127.0.0.1:{self.port}"
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content))
        return "250 OK"

    def recipients(self) -> list[str]:
        """Every address a message went to, in order."""
        return [to for rcpt_tos, _ in self.messages for to in rcpt_tos]

    def __enter__(self) -> "FakeSMTP":
        self._controller.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._controller.stop()
