from django.contrib.auth import authenticate
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from accounts.models import ApiToken
from accounts.region_api import router as regions_router
from audit.context import acting_as

router = Router(tags=["auth"])


class TokenIn(Schema):
    username: str
    password: str
    name: str = "API"


class TokenOut(Schema):
    token: str


class Error(Schema):
    detail: str


class TokenInfo(Schema):
    id: int
    name: str
    prefix: str
    created_at: str
    last_used_at: str | None
    expires_at: str


@router.post("/auth/token", auth=None, response={200: TokenOut, 401: Error, 429: Error})
def create_token(request, payload: TokenIn):
    """Exchange a username and password for a bearer token (shown once)."""
    user = authenticate(request, username=payload.username, password=payload.password)
    if getattr(request, "axes_locked_out", False):
        return Status(429, {"detail": _("Too many failed log-ins. Try again later.")})
    if user is None or not user.is_active:
        return Status(401, {"detail": _("The username or password is wrong.")})
    with acting_as(user):
        _token, raw = ApiToken.issue(user=user, name=payload.name[:100] or "API")
    return {"token": raw}


@router.get("/auth/tokens", response=list[TokenInfo])
def list_tokens(request):
    """Your active tokens (not revoked, not expired), newest first, with their last use and
    expiry."""
    return [
        {
            "id": t.pk,
            "name": t.name,
            "prefix": t.prefix,
            "created_at": t.created_at.isoformat(),
            "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
            "expires_at": t.expires_at.isoformat(),
        }
        for t in request.user.api_tokens.active()
    ]


@router.delete("/auth/tokens/{token_id}", response={204: None})
def revoke_token(request, token_id: int):
    """Revoke one of your tokens."""
    token = get_object_or_404(request.user.api_tokens.active(), pk=token_id)
    token.revoke()
    return Status(204, None)


# The regions in your scope (`/regions`, tagged "regions") share this app's place in the API.
router.add_router("", regions_router, tags=["regions"])
