"""Permission matrix rows for every interop route."""

from regions.models import Region
from tests.matrix import Row, action, api_rows, edit_gowa, edit_sulsel, expect, view_gowa


def _key(personas):
    from interop.models import IntegratorKey

    key = IntegratorKey.objects.create(
        region=Region.objects.get(code="73"),
        name="Portal",
        access="read",
        prefix="sipk_x",
        key_hash="0" * 64,
    )
    return {"key": key.pk}


def _webhook(personas):
    from interop.models import Webhook

    hook = Webhook.objects.create(
        region=Region.objects.get(code="73"),
        url="https://portal.example.id/hook",
        events=["meeting.scheduled"],
        secret="s",
    )
    return {"hook": hook.pk}


_I = "/r/{sulsel}/integrations/"
op = api_rows("/api/v1/integrations/regions/{code}", code="{gowa}")

ROWS = [
    # Open data: public for everyone (aggregates only)
    Row("interop:data_json", "GET", "/data.json", expect(200)),
    Row("interop:package_list", "GET", "/api/3/action/package_list", expect(200)),
    Row(
        "interop:package_show", "GET", "/api/3/action/package_show?id=nilai-indikator", expect(200)
    ),
    Row("interop:resource", "GET", "/data/datasets/pokja-efektif.csv", expect(200)),
    Row("interop:resource", "GET", "/data/datasets/no-such.json", expect(404), note="unknown"),
    # Exchange with regional planning
    Row("interop:exchange", "GET", "/r/{gowa}/planning-exchange/", view_gowa()),
    Row("interop:exchange_export", "GET", "/r/{gowa}/planning-exchange/targets.csv", view_gowa()),
    Row(
        "interop:exchange_export", "GET", "/r/{gowa}/planning-exchange/activities.xlsx", view_gowa()
    ),
    Row("interop:exchange_import", "GET", "/r/{gowa}/planning-exchange/import/", edit_gowa()),
    # Integrations (admins with user.manage)
    Row("interop:integrations", "GET", "/r/{sulsel}/integrations/", edit_sulsel()),
    Row(
        "interop:integrations",
        "GET",
        "/r/{gowa}/integrations/",
        expect(
            200,
            gowa_operator=403,
            gowa_member=403,
            sulsel_viewer=403,
            sultra_admin=404,
            anonymous=302,
        ),
    ),
    Row(
        "interop:key_create",
        "POST",
        "/r/{sulsel}/integrations/keys/",
        edit_sulsel(),
        data={"name": "Portal", "access": "read"},
    ),
    action("interop:key_revoke", _I + "keys/{key}/revoke/", _key, shape=edit_sulsel),
    Row(
        "interop:webhook_create",
        "POST",
        "/r/{sulsel}/integrations/webhooks/",
        edit_sulsel(),
        data={"url": "https://portal.example.id/hook", "events": ["meeting.scheduled"]},
    ),
    action("interop:webhook_toggle", _I + "webhooks/{hook}/toggle/", _webhook, shape=edit_sulsel),
    # Integrator API: an API key, never a user's token (so every persona: 401)
    op("GET /targets", expect(401)),
    op("GET /activities", expect(401)),
    op("POST /targets", expect(401), data={"layout": "sipokja-sipd/1", "targets": []}),
]
