"""core.routes.app: an app's routes under "" that the resolver leaves in one step when none of
them can match, and that resolve and reverse exactly as `path("", include(...))` did."""

import re
import types

from django.urls import URLPattern, URLResolver, get_resolver, path, resolve, reverse
from django.urls.exceptions import Resolver404

from core.routes import app


def _endpoints(resolver, prefix="", namespace=""):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _endpoints(entry, route, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield route, namespace + entry.name


def _example(route):
    """A path for a route, each converter filled with a value it takes."""
    values = {"int": "7", "str": "73", "slug": "kb-1", "path": "a/b", "uuid": "0" * 32}
    return "/" + re.sub(
        r"<(?:(\w+):)?(\w+)>", lambda m: values.get(m.group(1) or "str", "x"), route
    )


def test_every_page_resolves_to_its_own_route():
    """Each named route of the site (the API and the admin aside) is what its own example path
    resolves to: no app's quick check turns away a path one of its routes takes."""
    checked = 0
    for route, name in _endpoints(get_resolver()):
        if route.startswith(("api/", "admin/")) or "(" in route or "^" in route:
            continue
        match = resolve(_example(route))
        assert match.route == route, (name, match.route)
        checked += 1
    assert checked > 200


def test_an_app_is_passed_over_in_one_step_and_reverses_as_before():
    resolver = app("dashboards.urls")
    assert resolver.namespace == resolver.app_name == "dashboards"
    assert resolver.pattern.match("r/73/dashboard/") is not None
    assert resolver.pattern.match("r/73/meetings/") is None  # not one of its routes
    assert resolver.pattern.match("dashboards/") is None
    assert reverse("dashboards:region", kwargs={"code": "73.06"}) == "/r/73.06/dashboard/"
    assert resolve("/r/73.06/dashboard/").kwargs == {"code": "73.06"}


def test_an_app_with_no_routes_matches_nothing():
    empty = types.SimpleNamespace(urlpatterns=[], app_name="empty")
    resolver = app(empty)
    assert resolver.pattern.match("anything/") is None
    assert resolver.url_patterns == []


def test_routes_with_the_same_names_in_one_app_are_one_quick_check():
    """Every route of an app names `code`; one expression of them all must still compile."""

    def view(request, **kwargs):
        return None

    module = types.SimpleNamespace(
        app_name="twice",
        urlpatterns=[
            path("r/<str:code>/one/", view, name="one"),
            path("r/<str:code>/two/<int:pk>/", view, name="two"),
        ],
    )
    resolver = app(module)
    assert resolver.pattern.match("r/73/two/5/") is not None
    assert resolver.pattern.match("r/73/two/x/") is None
    try:
        resolver.resolve("r/73/three/")
    except Resolver404:
        pass
    else:
        raise AssertionError("r/73/three/ is not one of its routes")
