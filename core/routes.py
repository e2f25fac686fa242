"""The URL set of a scoped CRUD screen, written once. Every app spelled the same five or six
routes (list, new, detail, edit, delete, the stored document) under one prefix; `crud` builds
them from the prefix, the views module and the stem of the view names:

    crud("r/<str:code>/policies/", views, "policy", file=("document", "policy_file"))

gives `r/<str:code>/policies/` (`list`, views.policy_list), `…/new/` (`create`),
`…/<int:pk>/` (`detail`), `…/<int:pk>/edit/` (`edit`), `…/<int:pk>/delete/` (`delete`) and
`…/<int:pk>/document/` (`document`, views.policy_file).

- `named=True`: the URL names carry the stem, as where an app holds several screens (`issues`,
  `issue_create`, `issue`, `issue_edit`, `issue_delete`, `issue_file`).
- `actions` picks the routes; `more` adds per-record actions (`more=("approve",)`:
  `…/<int:pk>/approve/`, views.plan_approve); `key` names the record (`"<int:year>"`).
- `in_place=True` edits at the record's own address (`…/<int:pk>/`).

`plain` builds the routes whose path segment, view and URL name are one word:
`plain("r/<str:code>/assessment/<int:year>/", views, "submit", "reopen")` gives
`…/submit/` (views.submit, `submit`) and `…/reopen/` (views.reopen, `reopen`). With a `stem`
the view and URL name carry it: `plain(M + "minutes/", views, "edit", stem="minutes")` gives
`…/minutes/edit/` (views.minutes_edit, `minutes_edit`).

URL names and paths are those the pages, tests and the permission matrix use: change neither
here.

`app("meetings.urls")` is `path("", include("meetings.urls"))` that the resolver passes over in
one step when no route of the app can match the path (see `_AppRoutes`)."""

import re

from django.urls import URLResolver, include, path
from django.urls.resolvers import RoutePattern

CRUD = ("list", "create", "detail", "edit", "delete")


def plain(prefix, views, *names, end="/", stem=None):
    full = [f"{stem}_{name}" if stem else name for name in names]
    return [
        path(f"{prefix}{name}{end}", getattr(views, view), name=view)
        for name, view in zip(names, full, strict=True)
    ]


def crud(
    prefix,
    views,
    stem,
    *,
    key="<int:pk>",
    actions=CRUD,
    more=(),
    file=None,
    named=False,
    in_place=False,
):
    def route(suffix, action, view=None):
        if named:
            name = {"list": f"{stem}s", "detail": stem}.get(action, f"{stem}_{action}")
        else:
            name = action
        return path(prefix + suffix, getattr(views, view or f"{stem}_{action}"), name=name)

    suffixes = {"list": "", "create": "new/", "detail": f"{key}/"}
    if in_place:
        suffixes["edit"] = f"{key}/"
    routes = [route(suffixes.get(a, f"{key}/{a}/"), a) for a in actions]
    routes += [route(f"{key}/{a}/", a) for a in more]
    if file:
        segment, view = file
        routes.append(route(f"{key}/{segment}/", "file" if named else "document", view))
    return routes


class _AppRoutes(RoutePattern):
    """The empty prefix of an app's routes, matching only a path that one of them can match.

    Django tries an app included under "" route by route, and most apps hold routes starting
    `r/<code>/`: a region page was matched against about 150 routes of the apps listed before
    its own (0.16 ms of a 2 ms cached page). One regular expression of all the app's routes
    answers "none of them" at once; a path it lets through is resolved as before."""

    def __init__(self, routes):
        super().__init__("", is_endpoint=False)
        # Each route's own expression, without its anchor and with its groups unnamed (one name
        # twice in an expression is an error; the values are not read here).
        each = [re.sub(r"\(\?P<\w+>", "(?:", r.pattern.regex.pattern.lstrip("^")) for r in routes]
        self._any = re.compile("^(?:" + "|".join(each) + ")") if each else None

    def match(self, path):
        if self._any is None or not self._any.match(path):
            return None
        return super().match(path)


def app(module):
    """`path("", include(module))` that the resolver leaves in one step for a path none of the
    app's routes can match."""
    urlconf, app_name, namespace = include(module)
    routes = getattr(urlconf, "urlpatterns", urlconf)
    return URLResolver(_AppRoutes(routes), urlconf, app_name=app_name, namespace=namespace)
