from accounts.models import ApiToken
from tests.matrix import Row, api_rows, expect, form


def _someone_elses_token(personas):
    token, _raw = ApiToken.issue(user=personas.sulsel_viewer, name="not yours")
    return {"token_id": token.pk}


def _signed_in(ok=200):
    return expect(ok, anonymous=302)


op = api_rows("/api/v1/auth", token_id="{token_id}")

ROWS = [
    *form("accounts:profile", "/accounts/profile/", _signed_in, data={"name": "BI"}, ok=200),
    Row(
        "accounts:contact",
        "POST",
        "/accounts/profile/contact/",
        expect(302),
        data={"email": "saya@example.org", "language": "id"},
    ),
    # Revoking a token that is not yours is a 404 (tokens are private); its owner may.
    Row(
        "accounts:revoke_token",
        "POST",
        "/accounts/tokens/{token_id}/revoke/",
        expect(404, sulsel_viewer=302, anonymous=302),
        setup=_someone_elses_token,
    ),
    op("POST /token", expect(401), data={"username": "nobody", "password": "wrong"}),
    op("GET /tokens", expect(200)),
    op("DELETE /tokens/{token_id}", expect(404, sulsel_viewer=204), _someone_elses_token),
]
