import re

import pytest

from assessment import services
from assessment.models import Criterion
from assessment.tests.factories import make_pokja
from regions.models import Region
from reports.tests.helpers import queries
from workgroups.models import Member

YEAR = 2025
SECRETS = [
    "Andi Rahmawati",
    "081234567890",
    "andi.rahmawati@example.id",
    "Budi Santoso",
    "0852-9988-7766",
    "budi@pkk.example.id",
    "Lampiran SK kurang jelas",  # verification comment
    "Sudah kami unggah ulang",  # operator's answer
]


@pytest.fixture
def data(personas):
    """Gowa effective (and its assessment reviewed, with comments), Bone with an expired SK,
    Makassar without budget; Kolaka (Sultra) effective. Members with names and contacts."""
    gowa = make_pokja("73.06", YEAR)
    make_pokja("73.08", YEAR, decree="expired")
    make_pokja("73.71", YEAR, budget=None)
    make_pokja("74.01", YEAR)
    Member.objects.create(
        workgroup=gowa, name="Andi Rahmawati", role="chair", phone="081234567890",
        email="andi.rahmawati@example.id",
    )  # fmt: skip
    Member.objects.create(
        workgroup=gowa, name="Budi Santoso", phone="0852-9988-7766", email="budi@pkk.example.id"
    )
    assessment = services.submit(
        by=personas.gowa_operator, region=Region.objects.get(code="73.06"), year=YEAR
    )
    sk = Criterion.objects.get(year=YEAR, code="sk", province__isnull=True)
    services.review(
        by=personas.sulsel_admin, assessment=assessment, criterion=sk, decision="rejected",
        reason="Lampiran SK kurang jelas",
    )  # fmt: skip
    services.respond(
        by=personas.gowa_operator, assessment=assessment, criterion=sk,
        response="Sudah kami unggah ulang",
    )  # fmt: skip
    return gowa


def _row(html, attribute, code):
    return html.split(f'{attribute}="{code}"')[1].split("</tr>")[0]


def _cells(row):
    return [" ".join(re.sub(r"<[^>]+>", " ", "<td" + c).split()) for c in row.split("<td")[1:]]


@pytest.mark.parametrize("persona", ["anonymous", "gowa_member", "sultra_admin"])
def test_public_page_shows_counts_and_criteria_met(personas, data, persona):
    response = personas.client(persona).get(f"/transparansi/73/?year={YEAR}")
    assert response.status_code == 200
    html = response.content.decode()
    headline = re.search(r'id="headline">(.*?)</p>', html, re.S).group(1)
    assert "1 dari 24 kabupaten/kota efektif" in " ".join(headline.split()).lower()
    assert "3 dari 24" in headline  # formed

    gowa = _cells(_row(html, "data-region", "73.06"))
    assert gowa[0] == "Kabupaten Gowa"
    assert gowa[1:5] == ["✔ Terpenuhi"] * 4
    assert gowa[5] == "✔ Efektif"
    bone = _cells(_row(html, "data-region", "73.08"))
    assert bone[1] == "✘ Belum terpenuhi" and bone[5] == "✘ Belum efektif"
    makassar = _cells(_row(html, "data-region", "73.71"))
    assert makassar[4] == "? Belum dilaporkan"
    selayar = _cells(_row(html, "data-region", "73.01"))
    assert selayar[1:5] == ["–"] * 4 and selayar[5] == "○ Pokja belum terbentuk"

    # National table: Sulsel 24 kab/kota, 3 formed, 1 effective; Sultra 1 formed, 1 effective.
    assert _cells(_row(html, "data-province", "73"))[1:] == ["24", "3", "1", "0", "0"]
    assert _cells(_row(html, "data-province", "74"))[2:4] == ["1", "1"]


def test_public_page_has_no_personal_data_documents_or_comments(personas, data):
    html = personas.client("anonymous").get(f"/transparansi/73/?year={YEAR}").content.decode()
    for secret in SECRETS:
        assert secret not in html
    decree = data.decrees.get()
    assert decree.number not in html
    assert "/media" not in html and "download" not in html.lower() and ".pdf" not in html
    assert "/r/" not in html  # no links into the log-in part


def test_public_index_chooses_province_and_year(personas, data):
    client = personas.client("anonymous")
    first = client.get("/transparansi/")
    assert first.status_code == 200
    assert first.context["province"].code == "73"  # the first province with a Pokja
    chosen = client.get(f"/transparansi/?province=74&year={YEAR}")
    assert chosen.context["province"].code == "74" and chosen.context["year"] == YEAR
    assert chosen.context["totals"]["effective"] == 1


def test_login_page_links_to_the_public_page(personas):
    response = personas.client("anonymous").get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="id")
    assert response.status_code == 200
    assert 'href="/transparansi/">Transparansi publik</a>' in response.content.decode()


def test_public_index_without_any_pokja_shows_the_first_province(personas):
    response = personas.client("anonymous").get("/transparansi/")
    assert response.status_code == 200
    assert response.context["province"].code == "11"
    assert response.context["totals"]["formed"] == 0


@pytest.mark.parametrize(
    "path",
    [
        "/transparansi/73.06/",
        "/transparansi/7306/",
        "/transparansi/99/",
        "/transparansi/abc/",
        "/transparansi/?province=73.06",
        "/transparansi/73/?year=1990",
    ],
)
def test_public_page_is_only_for_provinces(personas, path):
    assert personas.client("anonymous").get(path).status_code == 404


def test_public_page_runs_a_constant_number_of_queries(personas, data):
    client = personas.client("anonymous")
    url = f"/transparansi/73/?year={YEAR}"
    client.get(url)  # fills the status cache
    before = queries(client, url)
    for code in ["73.01", "73.02", "73.03", "73.04", "74.02", "74.03"]:
        make_pokja(code, YEAR)
    client.get(url)
    assert queries(client, url) == before
    assert before <= 5
