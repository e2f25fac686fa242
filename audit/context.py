"""Who is acting right now: set per request (or per command) and read by the audit signals."""

import contextvars
from contextlib import contextmanager

_actor = contextvars.ContextVar("sipokja_audit_actor", default=None)


def set_actor(user):
    return _actor.set(user)


def reset_actor(token):
    _actor.reset(token)


def current_actor():
    return _actor.get()


@contextmanager
def acting_as(user):
    token = _actor.set(user)
    try:
        yield
    finally:
        _actor.reset(token)
