"""The one place this app renders HTML to PDF (WeasyPrint, A4, in Indonesian). It may load
nothing but `data:` URIs (the QR code, a logo), so a document never reaches the network or the
file system. To be replaced by the shared renderer (core.pdf) once it exists."""

from django.template.loader import render_to_string
from django.utils import translation


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    with translation.override("id"):
        html = render_to_string(template, context)
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
