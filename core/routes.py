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
here."""

from django.urls import path

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
