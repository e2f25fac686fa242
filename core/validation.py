"""One validation layer for input that reaches the database (issue 17, finding 4).

Two parts, both generic (no domain knowledge):

- `ApiInputMiddleware`, for every request under /api/: a body larger than the limits answers 413,
  a malformed multipart body 400, and a NUL or another C0 control character (tab, line feed and
  carriage return excepted) in the query string, the path, a JSON body (keys and values, at any
  depth) or a form field answers 422 naming the field. Before any view or database sees it.
- `check_fields`, a `pre_save` handler for the models of Sipokja's own apps: a string longer than
  its field's `max_length`, a NUL character in text or JSON, or `None` in a field that is not
  nullable raises `FieldError` (a `ValidationError` per field), which the API answers with 422
  and the field named, instead of a database error (PostgreSQL) or an over-long value stored
  silently (SQLite).
"""

import json
import re
from pathlib import Path

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, ValidationError
from django.db import models
from django.http import JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class FieldError(ValidationError):
    """Values that do not fit their model fields; the API answers 422 naming each field."""


def _control_message():
    return _("Contains a control character (such as NUL) that is not allowed.")


def _find_control(value, path: str):
    """The path of the first string in `value` (JSON data) holding a control character."""
    if isinstance(value, str):
        return path if CONTROL.search(value) else None
    if isinstance(value, dict):
        for key, item in value.items():
            child = f"{path}.{key}" if path else str(key)
            if CONTROL.search(str(key)):
                return child
            found = _find_control(item, child)
            if found:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = _find_control(item, f"{path}[{index}]")
            if found:
                return found
    return None


def _error(status, message, field=None):
    body = {"detail": message}
    if field is not None:
        body["detail"] = f"{field}: {message}"
        body["errors"] = [{"field": field, "message": message}]
    return JsonResponse(body, status=status)


class ApiInputMiddleware:
    prefix = "/api/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(self.prefix):
            refused = self.check(request)
            if refused is not None:
                return refused
        return self.get_response(request)

    @staticmethod
    def _limit(content_type: str) -> int:
        if content_type.startswith("multipart/"):
            return (
                settings.SIPOKJA_UPLOAD_MAX_MB * 1024 * 1024 + settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            )
        return settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    def check(self, request):
        too_large = _("The request is too large.")
        if CONTROL.search(request.path_info):
            return _error(422, _control_message(), "path")
        for key, values in request.GET.lists():
            for value in [key, *values]:
                if CONTROL.search(value):
                    return _error(422, _control_message(), key)
        if request.method in ("GET", "HEAD", "OPTIONS", "DELETE") and not request.META.get(
            "CONTENT_LENGTH"
        ):
            return None
        content_type = request.META.get("CONTENT_TYPE", "")
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _error(400, _("The Content-Length header is not a number."))
        if length > self._limit(content_type):
            return _error(413, too_large)
        try:
            if content_type.startswith("multipart/"):
                if "boundary=" not in content_type:
                    return _error(400, _("The multipart body has no boundary."))
                for key, values in request.POST.lists():
                    for value in [key, *values]:
                        if CONTROL.search(value):
                            return _error(422, _control_message(), key)
                return None
            body = request.body
        except RequestDataTooBig:
            return _error(413, too_large)
        except (MultiPartParserError, TooManyFieldsSent, UnicodeDecodeError, ValueError):
            return _error(400, _("The multipart body is malformed."))
        if not body:
            return None
        if content_type.startswith("application/x-www-form-urlencoded"):
            try:
                for key, values in request.POST.lists():
                    for value in [key, *values]:
                        if CONTROL.search(value):
                            return _error(422, _control_message(), key)
            except (TooManyFieldsSent, ValueError):
                return _error(400, _("The request body is malformed."))
            return None
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            return None  # not JSON: the API's own parser answers
        field = _find_control(data, "")
        if field is not None:
            return _error(422, _control_message(), field or "body")
        return None


# --- the model layer -------------------------------------------------------------------------

_OWN_LABELS: set[str] | None = None


def _own_app_labels() -> set[str]:
    global _OWN_LABELS
    if _OWN_LABELS is None:
        from django.apps import apps

        base = Path(settings.BASE_DIR).resolve()
        _OWN_LABELS = {
            config.label
            for config in apps.get_app_configs()
            if Path(config.path).resolve().is_relative_to(base)
            and ".venv" not in Path(config.path).parts
            and "site-packages" not in Path(config.path).parts
        }
    return _OWN_LABELS


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_has_nul(v) for v in value)
    return False


def refuse_nulls(model, values: dict) -> None:
    """For services that apply a partial update: `None` for a field that may not be null is a
    FieldError (422 in the API) before any code works with the value."""
    errors = {}
    for name, value in values.items():
        if value is not None:
            continue
        try:
            field = model._meta.get_field(name)
        except Exception:  # noqa: BLE001 - not a model field: the service decides
            continue
        if getattr(field, "concrete", False) and not field.null:
            errors[name] = [_("This field may not be empty (null).")]
    if errors:
        raise FieldError(errors)


def check_fields(sender, instance, raw=False, **kwargs):
    """`pre_save`: refuse values the database would refuse or silently keep wrong."""
    if raw or sender._meta.app_label not in _own_app_labels():
        return
    errors = {}
    for field in sender._meta.concrete_fields:
        if field.primary_key or getattr(field, "auto_now", False):
            continue
        if getattr(field, "auto_now_add", False) or field.has_db_default():
            continue
        value = getattr(instance, field.attname)
        if value is None:
            if not field.null:
                errors[field.name] = [_("This field may not be empty (null).")]
            continue
        if isinstance(field, models.FileField):
            continue
        if isinstance(value, str):
            if field.max_length and len(value) > field.max_length:
                errors[field.name] = [
                    _("At most %(max)d characters (it has %(length)d).")
                    % {"max": field.max_length, "length": len(value)}
                ]
            elif "\x00" in value:
                errors[field.name] = [_control_message()]
        elif isinstance(field, models.JSONField) and _has_nul(value):
            errors[field.name] = [_control_message()]
    if errors:
        raise FieldError(errors)
