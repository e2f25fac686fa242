"""The public verification page: codes typed from paper, unknown codes."""

import pytest
from django.urls import reverse

from letters import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(personas, regions):
    from weasyprint import HTML

    return services.issue_document(
        by=personas.sulsel_admin,
        office=regions["73"],
        title="Surat uji",
        render=lambda stamp: HTML(string="<p>Uji</p>").write_pdf(),
    )


def test_code_typed_with_hyphen_and_lower_case_finds_the_document(personas, document):
    client = personas.client("anonymous")
    typed = f"{document.code[:5].lower()}-{document.code[5:]}"

    response = client.post(reverse("letters:verify_lookup"), {"code": typed})

    assert response["Location"] == f"/verifikasi/{document.code}"
    assert client.get(f"/verifikasi/{document.code.lower()}")["Location"].endswith(document.code)
    page = client.get(response["Location"])
    assert "tidak bertanda tangan elektronik" in page.content.decode()
    assert page["Cache-Control"] == "no-store"


def test_unknown_code_says_so(personas, document):
    response = personas.client("anonymous").get("/verifikasi/ZZZZZZZZZZ")

    assert response.status_code == 404
    assert "tidak dikenal" in response.content.decode()


def test_page_shows_no_personal_data_beyond_the_signer(personas, document):
    content = personas.client("anonymous").get(f"/verifikasi/{document.code}").content.decode()

    assert "sulsel_admin" not in content
    assert document.sha256 in content
