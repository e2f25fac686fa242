"""The home page's "what to do next": each app that owns a kind of work contributes a section
from its `AppConfig.ready()`, so this lower layer never imports the apps above it:

    from accounts.home import register_home_section
    register_home_section("assessment.operator", operator_section, order=10)

A section function takes `(user, year)` (year: core.years.open_year, the open assessment year)
and returns a `HomeSection`, or None when it has nothing for this user. Sections show in
`order`; open work (order < 50) comes before figures.
"""

from dataclasses import dataclass, field

_SECTIONS: dict[str, tuple[int, object]] = {}


@dataclass
class HomeItem:
    text: str
    url: str = ""
    link_label: str = ""
    # A second line (the province's reason, how long it has waited…).
    detail: str = ""
    # A short tag: "late", "returned", "stale", "done"… (a CSS class and a data attribute).
    tag: str = ""


@dataclass
class HomeSection:
    key: str
    title: str
    items: list[HomeItem] = field(default_factory=list)
    # A one-line status above the items ("Lengkap, menunggu verifikasi provinsi").
    headline: str = ""
    headline_tag: str = ""
    # What the section says when there is nothing to do.
    empty: str = ""
    more_url: str = ""
    more_label: str = ""
    order: int = 0
    # A section with its own layout (the operator's checklist): the template, given `section`,
    # and what it needs in `extra`.
    template: str = ""
    extra: dict = field(default_factory=dict)


def register_home_section(key: str, function, *, order: int = 50) -> None:
    """Add (or replace, by key) a section of the home page."""
    _SECTIONS[key] = (order, function)


def sections_for(user, year) -> list[HomeSection]:
    result = []
    for _key, (order, function) in sorted(_SECTIONS.items(), key=lambda kv: (kv[1][0], kv[0])):
        found = function(user, year)
        for section in found if isinstance(found, list) else [found]:
            if section is not None:
                section.order = order
                result.append(section)
    return result
