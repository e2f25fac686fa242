"""Domain errors: raised by services, shown to the user as translated messages."""


class DomainError(Exception):
    """A rule of the domain was broken; `message` is translated and safe to show."""

    status = 400

    def __init__(self, message, *, errors=None):
        super().__init__(str(message))
        self.message = message
        self.errors = errors or []


def field_error(name, message) -> DomainError:
    """A DomainError about one field (`errors=[{"field": name, "message": …}]`)."""
    return DomainError(message, errors=[{"field": name, "message": str(message)}])


class ConflictError(DomainError):
    """Someone else changed the record since it was read (lost-update protection)."""

    status = 409
