from accounts.models import ApiToken
from tests.matrix import Row, expect


def _someone_elses_token(personas):
    token, _raw = ApiToken.issue(user=personas.sulsel_viewer, name="not yours")
    return {"token_id": token.pk}


ROWS = [
    Row("accounts:profile", "GET", "/accounts/profile/", expect(200, anonymous=302)),
    Row(
        "accounts:profile",
        "POST",
        "/accounts/profile/",
        expect(200, anonymous=302),
        data={"name": "BI"},
    ),
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
    Row(
        "POST /api/v1/auth/token",
        "POST",
        "/api/v1/auth/token",
        expect(401),
        api=True,
        data={"username": "nobody", "password": "wrong"},
    ),
    Row(
        "GET /api/v1/auth/tokens",
        "GET",
        "/api/v1/auth/tokens",
        expect(200, anonymous=401),
        api=True,
    ),
    Row(
        "DELETE /api/v1/auth/tokens/{token_id}",
        "DELETE",
        "/api/v1/auth/tokens/{token_id}",
        expect(404, sulsel_viewer=204, anonymous=401),
        api=True,
        setup=_someone_elses_token,
    ),
]
