"""Building blocks of the permission matrix. Each app lists its routes in `<app>/tests/matrix.py`
as `ROWS`; `tests/test_permission_matrix.py` runs every row for every persona and fails when a
route or API operation has no row."""

from collections.abc import Callable
from dataclasses import dataclass, field

from conftest import PERSONA_NAMES

# Region codes every row can use in its path: "/r/{gowa}/".
REGION_KWARGS = {"sulsel": "73", "gowa": "73.06", "makassar": "73.71", "sultra": "74"}


def expect(default, **overrides) -> dict:
    """Expected status per persona: `expect(200, anonymous=302, sultra_admin=404)`."""
    unknown = set(overrides) - set(PERSONA_NAMES)
    if unknown:
        raise ValueError(f"unknown personas: {unknown}")
    return {name: overrides.get(name, default) for name in PERSONA_NAMES}


# Common shapes. Scope: Sulsel admin, viewer and national admin see all of Sulsel;
# the Gowa operator and member only Gowa; the Sultra admin nothing in Sulsel.
def view_gowa(ok=200):
    """A read of something in Gowa: everyone in scope may read it."""
    return expect(ok, sultra_admin=404, anonymous=302)


def edit_gowa(ok=200):
    """A write in Gowa needing an operator's right: member and viewer get 403."""
    return expect(ok, gowa_member=403, sulsel_viewer=403, sultra_admin=404, anonymous=302)


def view_sulsel(ok=200):
    """A read at province level (73): kab/kota users are out of scope."""
    return expect(ok, gowa_operator=404, gowa_member=404, sultra_admin=404, anonymous=302)


def edit_sulsel(ok=200):
    """A write at province level: only the national and Sulsel admins."""
    return expect(
        ok, gowa_operator=404, gowa_member=404, sulsel_viewer=403, sultra_admin=404, anonymous=302
    )


def api(shape: dict) -> dict:
    """The same expectations for an API operation: anonymous gets 401 instead of a redirect."""
    return {**shape, "anonymous": 401}


@dataclass
class Row:
    # For HTML routes: the URL name (`regions:detail`). For the API: "METHOD /api/v1/path".
    name: str
    method: str
    path: str
    expect: dict
    api: bool = False
    # Creates what the route needs and returns extra path keywords; gets the personas.
    setup: Callable | None = None
    # Form fields or JSON body; a callable gets (personas, path keywords).
    data: dict | Callable | None = None
    note: str = field(default="")

    @property
    def id(self):
        return f"{self.method} {self.path}"


def pages(name: str, path: str, *, gowa: str = "", sulsel: str = "") -> list[Row]:
    """The two GET rows of a region page read in Gowa and in Sulsel: `path` follows
    "/r/<region>/", `gowa` and `sulsel` are the query strings of each. Spread them into ROWS."""
    return [
        Row(name, "GET", f"/r/{{gowa}}/{path}{gowa}", view_gowa()),
        Row(name, "GET", f"/r/{{sulsel}}/{path}{sulsel}", view_sulsel()),
    ]


def form(name: str, path: str, shape=edit_gowa, setup=None, data=None, *, ok=302) -> list[Row]:
    """The two rows of a form page: GET shows it (`shape()`), POST with `data` saves
    (`shape(ok)`, a redirect by default). Spread them into ROWS: `*form("budget:edit", ...)`."""
    return [
        Row(name, "GET", path, shape(), setup=setup),
        Row(name, "POST", path, shape(ok), setup=setup, data=data),
    ]


def action(name: str, path: str, setup=None, data=None, *, shape=edit_gowa, ok=302, note="") -> Row:
    """A POST row on its own: a button with no page of its own (delete, approve, send), or a form
    saved where its page has rows elsewhere. Expects `shape(ok)`, a redirect by default; `shape`
    may also be the expectations themselves (`expect(302)`), then `ok` is not used."""
    expected = shape if isinstance(shape, dict) else shape(ok)
    return Row(name, "POST", path, expected, setup=setup, data=data, note=note)


def api_rows(prefix: str, **names) -> Callable[..., Row]:
    """A maker of API rows under `prefix` ("/api/v1/regions/{code}"), whose path parameters are
    filled in from `names` (code="{gowa}", year=2025):

        op = api_rows("/api/v1/regions/{code}", code="{gowa}", year=2025)
        op("PATCH /plans/{year}", edit_gowa(), _plan, {"version": 1}, query="?x=1")

    The row is named after the operation as the OpenAPI schema spells it and expects `api(shape)`;
    keywords of a single call fill in its parameters for that row only (code="{sulsel}").
    `op.record(path, setup, patch)` gives the GET, PATCH and DELETE rows of one record.
    """

    def row(operation, shape: dict, setup=None, data=None, *, query="", note="", **here) -> Row:
        """`here` fills in path parameters for this row only (meeting_id="{forum}")."""
        method, rest = operation.split(" ", 1)
        path = prefix + rest
        for key, value in (names | here).items():
            path = path.replace("{" + key + "}", str(value))
        return Row(
            f"{method} {prefix}{rest}",
            method,
            path + query,
            api(shape),
            api=True,
            setup=setup,
            data=data,
            note=note,
        )

    def record(path: str, setup, patch: dict, *, read=view_gowa, edit=edit_gowa) -> list[Row]:
        """The three operations on one record at `path`: GET (`read()`), PATCH with `patch`
        (`edit()`) and DELETE with the version (`edit(204)`)."""
        return [
            row(f"GET {path}", read(), setup),
            row(f"PATCH {path}", edit(), setup, patch),
            row(f"DELETE {path}", edit(204), setup, query="?version=1"),
        ]

    row.record = record
    return row
