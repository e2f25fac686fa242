"""The one place this app renders HTML to PDF (WeasyPrint, A4, in Indonesian). It may load
nothing but `data:` URIs (the QR code, a logo), so a document never reaches the network or the
file system (core.pdf, the project's one renderer)."""

from django.template.loader import render_to_string
from django.utils import translation

from core import pdf


def render_pdf(template: str, context: dict) -> bytes:
    with translation.override("id"):
        html = render_to_string(template, context)
    return pdf.render_pdf(html)
