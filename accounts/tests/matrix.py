from accounts.models import ApiToken
from tests.matrix import action, api_rows, expect, form


def _someone_elses_token(personas):
    token, _raw = ApiToken.issue(user=personas.sulsel_viewer, name="not yours")
    return {"token_id": token.pk}


def _signed_in(ok=200):
    return expect(ok, anonymous=302)


op = api_rows("/api/v1/auth", token_id="{token_id}")

ROWS = [
    *form("accounts:profile", "/accounts/profile/", _signed_in, data={"name": "BI"}, ok=200),
    action(
        "accounts:contact",
        "/accounts/profile/contact/",
        data={"email": "saya@example.org", "language": "id"},
        shape=expect(302),
    ),
    # Revoking a token that is not yours is a 404 (tokens are private); its owner may.
    action(
        "accounts:revoke_token",
        "/accounts/tokens/{token_id}/revoke/",
        _someone_elses_token,
        shape=expect(404, sulsel_viewer=302, anonymous=302),
    ),
    op("POST /token", expect(401), data={"username": "nobody", "password": "wrong"}),
    op("GET /tokens", expect(200)),
    op("DELETE /tokens/{token_id}", expect(404, sulsel_viewer=204), _someone_elses_token),
]
