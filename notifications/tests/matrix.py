from tests.matrix import Row, action, api, expect

# A notification is its owner's alone: everybody else gets 404, whatever their role or scope.
OWNER_ONLY = expect(404, gowa_operator=302, anonymous=302)
SIGNED_IN = expect(200, anonymous=302)


def _gowa_operators(personas):
    from notifications.models import Notification

    notification = Notification.objects.create(
        user=personas.gowa_operator, kind="assessment.returned", title="Dikembalikan", url="/"
    )
    return {"notification": notification.pk}


ROWS = [
    Row("notifications:inbox", "GET", "/notifications/", SIGNED_IN, setup=_gowa_operators),
    action("notifications:read", "/notifications/{notification}/read/", _gowa_operators, shape=OWNER_ONLY),
    action("notifications:read", "/notifications/999999/read/", shape=expect(404, anonymous=302), note="no such notification"),
    action("notifications:read_all", "/notifications/read-all/", shape=expect(302)),
    action("notifications:preferences", "/notifications/preferences/", data={"email": ["assessment.returned"]}, shape=expect(302)),
    Row("GET /api/v1/notifications", "GET", "/api/v1/notifications", api(SIGNED_IN), api=True,
        setup=_gowa_operators),
    Row("POST /api/v1/notifications/{notification_id}/read", "POST",
        "/api/v1/notifications/{notification}/read",
        api(expect(404, gowa_operator=200)), api=True, setup=_gowa_operators),
    Row("POST /api/v1/notifications/read-all", "POST", "/api/v1/notifications/read-all",
        api(SIGNED_IN), api=True),
]  # fmt: skip
