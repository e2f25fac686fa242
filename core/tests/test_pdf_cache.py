"""Issue 23 item 6: a PDF without personal data (the recap) is laid out by WeasyPrint once per
data version, language and content, and kept in the storage; any committed change renders it
afresh (the data version and the content both change)."""

import io

import pytest
from django.core.files.storage import default_storage
from django.db import transaction
from pypdf import PdfReader

from assessment.tests.factories import make_pokja
from core import pdf

YEAR = 2025
HTML = "<html><body><p>Rekapitulasi {}</p></body></html>"


@pytest.fixture
def renders(monkeypatch):
    """Counts the documents WeasyPrint lays out."""
    calls = []
    real = pdf._render

    def counted(html, stylesheets, base_url):
        calls.append(html)
        return real(html, stylesheets, base_url)

    monkeypatch.setattr(pdf, "_render", counted)
    return calls


def test_the_same_document_at_the_same_version_is_rendered_once(renders):
    first = pdf.render_pdf(HTML.format("A"), cache_as=("recap", "73", YEAR), data_version=7)
    again = pdf.render_pdf(HTML.format("A"), cache_as=("recap", "73", YEAR), data_version=7)
    assert again == first and len(renders) == 1
    assert default_storage.listdir("cache/pdf/recap-73-2025")[1]
    # A new data version, other content or other parameters: laid out again.
    pdf.render_pdf(HTML.format("A"), cache_as=("recap", "73", YEAR), data_version=8)
    pdf.render_pdf(HTML.format("B"), cache_as=("recap", "73", YEAR), data_version=8)
    pdf.render_pdf(HTML.format("B"), cache_as=("recap", "74", YEAR), data_version=8)
    assert len(renders) == 4


def test_documents_without_cache_as_are_never_kept(renders, settings):
    pdf.render_pdf(HTML.format("pribadi"))
    pdf.render_pdf(HTML.format("pribadi"))
    settings.SIPOKJA_PDF_CACHE = False
    pdf.render_pdf(HTML.format("A"), cache_as=("recap",), data_version=1)
    pdf.render_pdf(HTML.format("A"), cache_as=("recap",), data_version=1)
    assert len(renders) == 4


def _text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.django_db(transaction=True)
def test_the_recap_pdf_shows_a_committed_change_at_once(personas, renders):
    client = personas.client("sulsel_admin")
    url = f"/r/73/assessment/matrix.pdf?year={YEAR}"
    first = client.get(url).content
    assert client.get(url).content == first and len(renders) == 1
    with transaction.atomic():
        make_pokja("73.06", YEAR)
    changed = client.get(url).content
    assert len(renders) == 2 and _text(changed) != _text(first)


def _kept(folder):
    return sorted(default_storage.listdir(f"cache/pdf/{folder}")[1])


def test_pruning_deletes_the_copies_of_older_data_versions_and_keeps_the_current_ones(renders):
    assert pdf.prune_cache(8) == 0  # nothing kept yet
    pdf.render_pdf(HTML.format("A"), cache_as=("recap", "73", YEAR), data_version=7)
    pdf.render_pdf(HTML.format("A"), cache_as=("recap", "73", YEAR), data_version=8)
    pdf.render_pdf(HTML.format("A"), cache_as=("recap", "74", YEAR), data_version=78)
    current = _kept("recap-73-2025")[1]
    assert current.startswith("v8-")
    assert pdf.prune_cache(8) == 2  # v7 of 73 and v78 of 74 (a version that only starts alike)
    assert _kept("recap-73-2025") == [current] and _kept("recap-74-2025") == []
    assert pdf.prune_cache(8) == 0  # idempotent
    # The current copy is still served without laying the document out again.
    pdf.render_pdf(HTML.format("A"), cache_as=("recap", "73", YEAR), data_version=8)
    assert len(renders) == 3


@pytest.mark.django_db
def test_the_daily_housekeeping_prunes_with_the_current_data_version(renders):
    from audit import version
    from jobs.housekeeping import prune_pdfs

    now = version.token()
    pdf.render_pdf(HTML.format("A"), cache_as=("recap", "73", YEAR), data_version=now)
    pdf.render_pdf(HTML.format("B"), cache_as=("recap", "73", YEAR), data_version=f"{now}0")
    assert prune_pdfs() == 1
    assert [name.split("-")[0] for name in _kept("recap-73-2025")] == [f"v{now}"]
