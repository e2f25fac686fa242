"""What the services of strategic issues and the knowledge centre share."""

from django.core.exceptions import ValidationError

from core.errors import DomainError


def _full_clean(instance, *, exclude=None):
    """Model validation as a DomainError listing `{"field", "message"}` (forms and API alike)."""
    try:
        instance.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as exc:
        errors = []
        for name, messages in exc.message_dict.items():
            for message in messages:
                errors.append({"field": "" if name == "__all__" else name, "message": message})
        raise DomainError(" ".join(e["message"] for e in errors), errors=errors) from None


def _ids(items) -> list[int]:
    return sorted({int(getattr(item, "pk", item)) for item in items})
