"""A real SMTP server for the e-mail tests (aiosmtpd), on a port chosen by the test."""

import email
import socket
import threading
from contextlib import contextmanager
from email.header import decode_header, make_header

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def subject_of(message) -> str:
    return str(make_header(decode_header(message["Subject"])))


class Recorder:
    """Keeps every message the server accepted; `refuse` lists subjects to answer with a
    temporary failure (451) once each."""

    def __init__(self):
        self.messages = []
        self.refuse = set()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content)
        with self.lock:
            subject = subject_of(message)
            if subject in self.refuse:
                self.refuse.discard(subject)
                return "451 Requested action aborted: try again later"
            self.messages.append(message)
        return "250 Message accepted for delivery"

    @property
    def subjects(self) -> list[str]:
        with self.lock:
            return [subject_of(m) for m in self.messages]


@contextmanager
def smtp_server(port: int, recorder: Recorder):
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield recorder
    finally:
        controller.stop()


def use_smtp(settings, port: int) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
