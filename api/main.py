"""The versioned REST API at /api/v1/. Each domain app contributes `<app>/api.py` with a
`router`; they are discovered here so apps stay independent."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from api.auth import TokenAuth
from core.discovery import app_modules
from core.errors import DomainError
from core.validation import FieldError

# Every operation may answer with these errors (region scope, rights, validation, conflicts);
# the schema documents them so clients and the fuzz tests (tests/test_api_fuzz.py) know them.
ERROR_RESPONSES = {
    "400": "The data is not valid (a domain rule was broken).",
    "401": "No valid bearer token.",
    "403": "No permission for this operation in this region.",
    "404": "Not found, or outside your region scope.",
    "409": "Someone else changed the record since you read it (send the current version).",
    "413": "The request body is too large.",
    "422": "The request does not match the schema, or a value does not fit its field (too "
    "long, a control character, empty where required); `errors` names the fields.",
}
ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "properties": {
        "detail": {"description": "A message, or a list of validation problems (422)."},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["detail"],
}


class SipokjaAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation):
        """`<app>_api_<view>`, also when an app's API is a package of modules (`meetings.api.minutes`):
        splitting a module keeps the operation ids that clients were generated from."""
        module = operation.view_func.__module__
        app, _, area = module.partition(".api.")
        if area:
            module = f"{app}.api"
        return f"{module}_{operation.view_func.__name__}".replace(".", "_")

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for status, description in ERROR_RESPONSES.items():
                    if status not in responses and int(status) not in responses:
                        responses[status] = {"description": description, "content": error}
        return schema


api = SipokjaAPI(
    title="Sipokja API",
    version="1",
    description=(
        "Sistem Informasi Pokja Bangga Kencana. Authenticate with `POST /api/v1/auth/token`, "
        "then send `Authorization: Bearer <token>`. Every operation honours region scope: "
        "regions outside your scope answer 404, operations you lack the right for answer 403."
    ),
    urls_namespace="api-v1",
    auth=TokenAuth(),
    docs_url="/docs",
)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return api.create_response(
        request, {"detail": _("You do not have permission to do this.")}, status=403
    )


@api.exception_handler(DomainError)
def domain_error(request, exc):
    return api.create_response(
        request, {"detail": str(exc.message), "errors": exc.errors}, status=exc.status
    )


@api.exception_handler(FieldError)
def field_error(request, exc):
    """Values that do not fit their fields (too long, NUL, null for a required field): 422."""
    errors = [
        {"field": field, "message": message}
        for field, messages in exc.message_dict.items()
        for message in messages
    ]
    detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
    return api.create_response(request, {"detail": detail, "errors": errors}, status=422)


# Field errors of `full_clean` that mean "does not fit the field" answer 422 like FieldError.
_FIT_CODES = {"max_length", "null", "null_characters_not_allowed"}


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    if not hasattr(exc, "error_dict"):
        return api.create_response(request, {"detail": " ".join(exc.messages)}, status=400)
    errors = [
        {"field": field, "message": message, "code": error.code}
        for field, field_errors in exc.error_dict.items()
        for error in field_errors
        for message in error.messages
    ]
    status = 422 if any(e["code"] in _FIT_CODES for e in errors) else 400
    for error in errors:
        del error["code"]
    return api.create_response(
        request, {"detail": " ".join(exc.messages), "errors": errors}, status=status
    )


def _discover():
    for config, module in app_modules("api"):
        if config.name == "api":
            continue
        router = getattr(module, "router", None)
        if router is not None:
            api.add_router(getattr(module, "PREFIX", ""), router)


_discover()
