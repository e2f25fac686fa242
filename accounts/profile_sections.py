"""Sections that apps above accounts add to the profile page (the notification preferences):
`register_profile_section(render)` from their AppConfig.ready(); `render(request)` returns HTML
whose form posts to the app's own view."""

from django.utils.safestring import mark_safe

_sections = []


def register_profile_section(render) -> None:
    if render not in _sections:
        _sections.append(render)


def render_sections(request) -> list:
    return [mark_safe(render(request)) for render in _sections]  # noqa: S308 (rendered templates)
