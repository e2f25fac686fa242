"""The one place this app renders HTML to PDF (WeasyPrint, A4, in Indonesian). It may load
nothing but `data:` URIs (the QR code, a logo), so a document never reaches the network or the
file system (core.pdf, the project's one renderer)."""

from django.template.loader import render_to_string
from django.utils import translation

from core import pdf


def render_pdf(template: str, context: dict, *, cache_as=None, data_version=None) -> bytes:
    """`cache_as` and `data_version`: core.pdf.render_pdf's copy kept per data version (only for
    documents without personal data)."""
    with translation.override("id"):
        html = render_to_string(template, context)
        return pdf.render_pdf(html, cache_as=cache_as, data_version=data_version)
