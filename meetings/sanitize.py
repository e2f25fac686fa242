"""The safe HTML subset of minutes (notulen): paragraphs, emphasis, lists, small headings,
tables and http(s) links. Everything else (scripts, styles, event handlers, images, other URL
schemes, relative links) is removed with nh3."""

import nh3

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "em",
        "ul",
        "ol",
        "li",
        "h3",
        "h4",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "a",
    }
)
ALLOWED_ATTRIBUTES = {"a": {"href"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
URL_SCHEMES = frozenset({"http", "https"})


def _only_absolute_http(tag, attribute, value):
    if attribute == "href" and not value.strip().lower().startswith(("http://", "https://")):
        return None
    return value


def sanitize_html(html: str | None) -> str:
    """Return `html` reduced to the allowed tags and attributes."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        attribute_filter=_only_absolute_http,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()
