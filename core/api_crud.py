"""Small pieces shared by the apps' API modules: the error answer, the fields a PATCH body sets,
a versioned delete answered with 204, and `ScopedRecord`, the one way an endpoint reaches a
record through the region code in its path.

core knows no domain: the region lookup (accounts.access.get_region) and the rights are handed
in by each app."""

import inspect
import re
from collections.abc import Callable
from functools import partial
from typing import Any

from ninja import Schema, Status
from pydantic import create_model


# The body of a 400 or 409 answer: a message and, for form-like errors, one entry a field.
class ErrorOut(Schema):
    detail: str
    errors: list[dict] = []


ERRORS = {400: ErrorOut, 409: ErrorOut}


def patch_schema(create: type[Schema], name: str, *, exclude=()) -> type[Schema]:
    """The body of a PATCH, made from the body of the POST that creates the record: `version`
    (the one the client read) and every field of `create` but `exclude`, each optional and
    `None` by default (`patch_fields` then keeps those the client sent)."""
    fields = {
        field: (info.rebuild_annotation() | None, None)
        for field, info in create.model_fields.items()
        if field not in exclude
    }
    return create_model(
        name, __base__=Schema, __module__=create.__module__, version=(int, ...), **fields
    )


def patch_fields(payload, *, drop_none=True, keep=()) -> dict:
    """The fields a PATCH body sets, without `version`; `None` values are dropped (but for the
    `keep` keys) unless `drop_none` is false."""
    fields = payload.model_dump(exclude_unset=True, exclude={"version"})
    if not drop_none:
        return fields
    return {k: v for k, v in fields.items() if v is not None or k in keep}


def deleted(delete, request, version, **record) -> Status:
    """Call the service `delete(by=…, expected_version=version, **record)`; answer 204."""
    delete(by=request.user, expected_version=version, **record)
    return Status(204, None)


class ScopedRecord:
    """One kind of record that API endpoints reach as `/regions/{code}/…/{key}`.

    Every such endpoint does the same steps in the same order, so that the answers match the
    HTML pages and the permission matrix:

    1. `region(user, code, right)` resolves the region: 404 outside the user's scope, 403
       without the right (`read` for reading, `write` for changing);
    2. `find(region, key)` gets the record of that region, or 404;
    3. for a change, `check(user, record)`, when given, adds a right that depends on the
       record (403);
    4. a change calls a service (`update` unless another is named) with the actor (`by=`),
       the record (by its keyword `name`), the `expected_version` the client read (a stale one
       raises the conflict answered 409), what `context(region, record)` adds (e.g.
       `region=`) and the changes. The changes are read only then, so a record out of scope
       answers 404/403 before a bad field answers 400; `patch(payload, region)` reads a PATCH
       body (default: the fields it sets, `None` dropped).
    5. a delete calls `remove` the same way and answers 204.

    `endpoints` registers the GET, PATCH and DELETE of one record with exactly these steps, for
    the API modules whose three are nothing more; `docs` are their descriptions.
    """

    def __init__(
        self,
        name: str,
        find: Callable[[Any, Any], Any],
        *,
        region: Callable[[Any, str, Any], Any],
        read,
        write,
        update: Callable[..., Any] | None = None,
        remove: Callable[..., Any] | None = None,
        patch: Callable[[Any, Any], dict] | None = None,
        check: Callable[[Any, Any], None] | None = None,
        context: Callable[[Any, Any], dict] | None = None,
        docs: tuple[str, str, str] = ("", "", ""),
    ):
        self.name, self.find, self.region = name, find, region
        self.read, self.write, self.check = read, write, check
        self.update, self.remove = update, remove
        self.read_patch = patch or (lambda payload, region: patch_fields(payload))
        self.context = context or (lambda region, record: {})
        self.docs = docs

    def scoped(self, request, code, key, *, change=True) -> tuple[Any, Any]:
        """The region and the record, for a change (the write right and the `check`) or for
        reading (the read right)."""
        region = self.region(request.user, code, self.write if change else self.read)
        record = self.find(region, key)
        if change and self.check is not None:
            self.check(request.user, record)
        return region, record

    def get(self, request, code, key):
        """The record, for a reader."""
        return self.scoped(request, code, key, change=False)[1]

    def save(self, request, code, key, version, changes=None, *, service=None):
        """Change the record at the `version` the client read, through `service` (default
        `update`); returns what the service returns. `changes` are the fields to set: a dict,
        or `changes(region)` where reading them may answer 400."""
        region, record = self.scoped(request, code, key)
        fields = changes(region) if callable(changes) else changes or {}
        return (service or self.update)(
            by=request.user,
            expected_version=version,
            **{self.name: record},
            **self.context(region, record),
            **fields,
        )

    def patch(self, request, code, key, payload):
        """Apply a PATCH body (its `version` and the fields `patch` reads from it)."""
        return self.save(request, code, key, payload.version, partial(self.read_patch, payload))

    def delete(self, request, code, key, version=None) -> Status:
        """Delete the record through `remove` (at `version`, where the API asks for one);
        answer 204."""
        region, record = self.scoped(request, code, key)
        versioned = {} if version is None else {"expected_version": version}
        self.remove(by=request.user, **{self.name: record}, **versioned)
        return Status(204, None)

    def endpoints(self, router, path, out, patch):
        """Register on `router` the views `get_<name>` (GET, answers `out`), `update_<name>`
        (PATCH with body `patch`, answers `out`) and `delete_<name>` (DELETE `?version=`, 204)
        at `path`, whose last `{…}` is the record's key (an int). They count as views of the
        module that declares `out` (the API module): operation ids, summaries and texts in the
        OpenAPI document are those the same views written out there would have."""
        key = re.findall(r"{(\w+)}", path)[-1]

        def param(name, annotation=inspect.Parameter.empty, kind=inspect.Parameter.KEYWORD_ONLY):
            return inspect.Parameter(name, kind, annotation=annotation)

        common = [param("request", kind=inspect.Parameter.POSITIONAL_OR_KEYWORD)]
        common += [param("code", str), param(key, int)]
        views = [
            ("GET", "get", out, [], lambda request, code, **kw: self.get(request, code, kw[key])),
            (
                "PATCH",
                "update",
                {200: out, **ERRORS},
                [param("payload", patch)],
                lambda request, code, **kw: self.patch(request, code, kw[key], kw["payload"]),
            ),
            (
                "DELETE",
                "delete",
                {204: None, **ERRORS},
                [param("version", int)],
                lambda request, code, **kw: self.delete(request, code, kw[key], kw["version"]),
            ),
        ]
        for (method, verb, response, params, view), doc in zip(views, self.docs, strict=True):
            view.__name__ = view.__qualname__ = f"{verb}_{self.name}"
            view.__module__, view.__doc__ = out.__module__, doc
            view.__signature__ = inspect.Signature(common + params)
            router.add_api_operation(path, [method], view, response=response)
