"""Guides shown next to a criterion a region has not met (the assessment page, the kab/kota
dashboard). Assessment does not know where guides come from: a higher app registers a source
from its `AppConfig.ready()` (knowledge registers its published guides and templates):

    from assessment.guides import register_guide_source
    register_guide_source(guides_for_kinds)   # (region or None) -> {criterion kind: document}

The pages show a guide with the registering app's template `knowledge/_guide_link.html`
(a template name, not an import).
"""

_SOURCES: list = []


def register_guide_source(source) -> None:
    """Add a source of guides (idempotent)."""
    if source not in _SOURCES:
        _SOURCES.append(source)


def guides_for_kinds(region=None) -> dict:
    """`{criterion kind: document}` from every registered source (an earlier source wins)."""
    guides: dict = {}
    for source in _SOURCES:
        for kind, document in source(region).items():
            guides.setdefault(kind, document)
    return guides
