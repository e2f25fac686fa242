"""The versioned REST API at /api/v1/. Each domain app contributes `<app>/api.py` with a
`router`; they are discovered here so apps stay independent."""

from importlib import import_module

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from api.auth import TokenAuth
from core.errors import DomainError

api = NinjaAPI(
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


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    return api.create_response(request, {"detail": " ".join(exc.messages)}, status=400)


def _discover():
    for config in apps.get_app_configs():
        if config.name in ("api",) or "." in config.name:
            continue
        try:
            module = import_module(f"{config.name}.api")
        except ModuleNotFoundError as exc:
            if exc.name == f"{config.name}.api":
                continue
            raise
        router = getattr(module, "router", None)
        if router is not None:
            api.add_router(getattr(module, "PREFIX", ""), router)


_discover()
