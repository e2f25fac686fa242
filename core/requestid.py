"""The request id: one id per request, in every log line written while it is handled, in the
`X-Request-ID` response header, and carried into the jobs the request starts (jobs/engine.py),
so that one id follows a piece of work from the web process to the worker.

An `X-Request-ID` sent by the proxy (nginx's `$request_id`) is kept when it looks like an id;
otherwise a fresh one is made.
"""

import contextlib
import contextvars
import json
import logging
import re
import uuid

HEADER = "X-Request-ID"
_VALID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
_current: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")


def get() -> str:
    """The id of the request (or job) being handled here; empty outside one."""
    return _current.get()


def new() -> str:
    return uuid.uuid4().hex


@contextlib.contextmanager
def bound(request_id: str):
    """Log lines written inside carry `request_id`."""
    token = _current.set(request_id)
    try:
        yield request_id
    finally:
        _current.reset(token)


def rebind(request_id: str) -> None:
    """Change the id inside a `bound()` block (restored when the block ends)."""
    _current.set(request_id)


class RequestIdMiddleware:
    """Sets the request id (honouring a well-formed incoming `X-Request-ID`) and returns it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(HEADER, "")
        request_id = incoming if _VALID.match(incoming) else new()
        request.request_id = request_id
        with bound(request_id):
            response = self.get_response(request)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `record.request_id` (empty outside a request or job)."""

    def filter(self, record):
        # django.request logs after the middleware has returned: take the id off the request.
        record.request_id = get() or getattr(getattr(record, "request", None), "request_id", "")
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id (and the traceback)."""

    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or get(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
