"""The register pages: list and filters, export, taking and cancelling numbers, numbering."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from letters import services
from letters.models import Letter, NumberingScheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(personas, regions):
    sulsel = regions["73"]
    today = datetime.date.today()
    made = [
        services.register_letter(
            by=personas.sulsel_admin,
            office=sulsel,
            letter_type=kind,
            subject=subject,
            recipient=recipient,
            letter_date=today,
        )
        for kind, subject, recipient in [
            ("invitation", "Undangan Forum Komunikasi Pokja", "Bupati Gowa"),
            ("reminder", "Pengingat SK Pokja yang berakhir", "Bupati Bone"),
            ("advocacy", '=HYPERLINK("http://x")', "Wali Kota Makassar"),
        ]
    ]
    services.cancel_letter(by=personas.sulsel_admin, letter=made[1], reason="Salah tujuan")
    return made


def _rows(response):
    return response.context["letters"]


def test_register_lists_every_number_with_cancelled_ones(personas, register):
    response = personas.client("sulsel_viewer").get(reverse("letters:register", args=["73"]))

    content = response.content.decode()
    assert response.status_code == 200
    assert [letter.serial for letter in _rows(response)] == [3, 2, 1]
    assert "Salah tujuan" in content and "Dibatalkan" in content
    assert "Ambil nomor" not in content  # the viewer cannot take numbers


@pytest.mark.parametrize(
    "query, serials",
    [
        ({"type": "invitation"}, [1]),
        ({"status": "cancelled"}, [2]),
        ({"q": "bone"}, [2]),
        ({"q": "forum"}, [1]),
        ({"year": "2001"}, [3, 2, 1]),  # not a year of the register: ignored
    ],
)
def test_register_filters(personas, register, query, serials):
    response = personas.client("sulsel_admin").get(reverse("letters:register", args=["73"]), query)
    assert [letter.serial for letter in _rows(response)] == serials


def test_export_xlsx_and_csv_hold_the_filtered_register(personas, register):
    client = personas.client("sulsel_admin")
    url = reverse("letters:export", args=["73", "xlsx"])

    xlsx = client.get(url)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Nomor urut", "Nomor surat", "Tanggal")
    assert [row[0] for row in rows[1:]] == [3, 2, 1]
    assert rows[1][4].startswith("'=")  # a formula in a subject is written as text
    assert rows[2][6:8] == ("Dibatalkan", "Salah tujuan")

    response = client.get(reverse("letters:export", args=["73", "csv"]), {"status": "issued"})
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Type"].startswith("text/csv")
    assert [line[0] for line in lines[1:]] == ["3", "1"]
    assert client.get(reverse("letters:export", args=["73", "pdf"])).status_code == 404


def test_take_a_number_then_cancel_it_through_the_pages(personas, regions):
    client = personas.client("gowa_operator")
    response = client.post(
        reverse("letters:create", args=["73.06"]),
        {"letter_type": "minutes_cover", "subject": "Pengantar notulen rapat", "recipient": ""},
    )
    letter = Letter.objects.get()
    assert response["Location"] == reverse("letters:detail", args=["73.06", letter.pk])
    assert letter.created_by == personas.gowa_operator and letter.serial == 1

    refused = client.post(reverse("letters:cancel", args=["73.06", letter.pk]), {"reason": " "})
    assert refused.status_code == 400
    client.post(reverse("letters:cancel", args=["73.06", letter.pk]), {"reason": "Rapat batal"})
    letter.refresh_from_db()
    assert letter.is_cancelled and letter.cancel_reason == "Rapat batal"


def test_letter_of_another_region_is_not_found(personas, register):
    gowa_path = reverse("letters:detail", args=["73.06", register[0].pk])
    assert personas.client("sulsel_admin").get(gowa_path).status_code == 404


def test_numbering_settings_change_the_next_numbers(personas, regions):
    client = personas.client("sulsel_admin")
    url = reverse("letters:numbering", args=["73"])
    data = {
        "pattern": "{klasifikasi}/{urut3}/{unit}/{tahun}",
        "unit_code": "PPKB",
        "code_recap": "400.13",
    }
    assert client.post(url, data).status_code == 302
    scheme = NumberingScheme.objects.get(region=regions["73"])
    assert scheme.classification_for("recap") == "400.13"
    assert scheme.classification_for("invitation") == "400"

    bad = client.post(url, {**data, "pattern": "{klasifikasi}/{tahun}", "version": "1"})
    assert bad.status_code == 200
    assert "nomor urut" in bad.content.decode()

    stale = client.post(url, {**data, "unit_code": "X", "version": "0"})
    assert stale.status_code == 200 and "diubah oleh pengguna lain" in stale.content.decode()
    scheme.refresh_from_db()
    assert scheme.unit_code == "PPKB"

    letter = services.register_letter(
        by=personas.sulsel_admin, office=regions["73"], letter_type="recap", subject="Rekap"
    )
    assert letter.number == f"400.13/001/PPKB/{letter.year}"
