"""REST API of the forum: meetings (with attendance and minutes), action items and
announcements, under `/api/v1/regions/{code}/…`. Same scope rules as the HTML pages
(meetings/scope.py); updates carry the `version` they were based on and get 409 when stale.

One module per area adds its routes to the one `router`; they are imported here in the order
the routes were declared, which is the order of the OpenAPI document.
"""

# ruff: noqa: I001
from meetings.api.common import router
from meetings.api import meetings, attendance, minutes, actions, announcements  # noqa: F401

__all__ = ["router"]
