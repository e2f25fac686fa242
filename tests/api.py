"""Helpers of the API tests."""

import json


def send_json(client, method: str, path: str, body):
    """`client.<method>(path)` ("post", "patch", ...) with `body` sent as JSON, the way an API
    client sends it."""
    return getattr(client, method)(path, data=json.dumps(body), content_type="application/json")
