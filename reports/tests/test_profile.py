import datetime

import pytest

from assessment.tests.factories import make_pokja
from budget.models import BudgetAllocation
from core.tests.helpers import assert_contains
from indicators.models import Indicator, Target, Value
from meetings.models import Letterhead
from regions.models import Region
from reports.tests.helpers import pdf_text
from workgroups.models import Institution, Member, SubGroup

YEAR = 2025


@pytest.fixture
def gowa_pokja(regions):
    workgroup = make_pokja("73.06", YEAR, budget=None)
    region = workgroup.region
    workgroup.formed_on = datetime.date(2023, 1, 5)
    workgroup.save()
    advocacy = SubGroup.objects.get(code="advokasi")
    workgroup.subgroups.add(advocacy)
    bappeda = Institution.objects.create(
        region=region, name="Bappeda Kabupaten Gowa", sector="regional_government"
    )
    pkk = Institution.objects.create(
        region=region, name="TP-PKK Kabupaten Gowa", sector="community", is_government=False
    )
    Member.objects.create(
        workgroup=workgroup, name="Andi Rahmawati", role="chair", position="Sekretaris Daerah",
        institution=bappeda, phone="081234567890", email="andi.rahmawati@example.id",
    )  # fmt: skip
    Member.objects.create(
        workgroup=workgroup, name="Muhammad Syarif", role="member", institution=pkk,
        subgroup=advocacy, phone="0852-9988-7766", email="syarif@pkk.example.id",
    )  # fmt: skip
    BudgetAllocation.objects.create(
        workgroup=workgroup, year=YEAR, source="apbd_regency", amount=1_250_000,
        realised=500_000, realised_on=datetime.date(YEAR, 6, 30), purpose="Rapat koordinasi",
    )  # fmt: skip
    indicator = Indicator.objects.get(code="tfr")
    Target.objects.create(region=region, indicator=indicator, year=YEAR, value=10)
    Value.objects.create(region=region, indicator=indicator, year=YEAR, source="pk", value=9)
    return workgroup


def test_profile_pdf_prints_sk_members_plan_budget_indicators_and_status(personas, gowa_pokja):
    response = personas.client("gowa_member").get(f"/r/73.06/reports/profile.pdf?year={YEAR}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "profil-pokja-73.06-2025.pdf" in response["Content-Disposition"]
    text = pdf_text(response.content)

    decree = gowa_pokja.decrees.get()
    assert decree.number in text
    assert "5 Januari 2023" in text  # signed, Indonesian date
    assert "31 Desember 2028" in text  # valid until
    assert "Ya, terlampir" in text  # the signed PDF is attached
    assert "Andi Rahmawati" in text and "Muhammad Syarif" in text
    assert "Bappeda Kabupaten Gowa" in text and "Ketua" in text
    assert "Advokasi" in text  # sub-group
    assert "Kegiatan 1" in text and "Februari – November" in text  # the plan's activity
    assert "Rp 1.250.000" in text and "Rp 500.000" in text
    assert "Efektif" in text and "SK Pembentukan Pokja" in text
    # TFR (lower is better): target 10, realisation 9 → achievement (2 − 0,9) × 100 = 110,00.
    assert "10,00" in text and "9,00 (2025, Pendataan Keluarga (PK))" in text
    assert "110,00" in text

    for secret in ("081234567890", "andi.rahmawati@example.id", "0852-9988-7766", "syarif@pkk"):
        assert secret not in text


def test_profile_pdf_of_a_region_without_pokja_says_so(personas, regions):
    response = personas.client("sulsel_admin").get(f"/r/73.10/reports/profile.pdf?year={YEAR}")
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "Pokja Bangga Kencana belum terbentuk" in text
    assert Region.objects.get(code="73.10").name in text
    assert "PERWAKILAN BKKBN PROVINSI SULAWESI SELATAN" in text.upper()


def test_profile_pdf_without_valid_decree_and_with_the_kab_kota_letterhead(personas, regions):
    make_pokja("73.08", YEAR, decree="expired", plan=None)
    bone = Region.objects.get(code="73.08")
    bone.office_name = "Dinas Pengendalian Penduduk dan KB Kabupaten Bone"
    bone.office_phone = "0481-21212"
    bone.save()
    Letterhead.objects.create(region=bone, header_line="Pemerintah Kabupaten Bone")
    text = pdf_text(
        personas.client("sulsel_viewer").get(f"/r/73.08/reports/profile.pdf?year={YEAR}").content
    )
    assert_contains(
        text.upper(),
        "PEMERINTAH KABUPATEN BONE",
        "DINAS PENGENDALIAN PENDUDUK DAN KB KABUPATEN BONE",
    )
    assert_contains(
        text,
        "0481-21212",
        "Tidak ada SK yang berlaku",
        "Belum ada rencana kerja untuk tahun 2025",
        "Belum efektif",
    )


def test_profile_year_out_of_range_is_404(personas, regions):
    client = personas.client("gowa_operator")
    assert client.get("/r/73.06/reports/profile.pdf?year=1990").status_code == 404
    assert client.get("/r/73.06/reports/profile.pdf?year=abc").status_code == 404


def test_region_page_links_to_the_reports(personas, regions):
    html = personas.client("gowa_member").get("/r/73.06/").content.decode()
    assert "/r/73.06/reports/profile.pdf" in html
    assert "/r/73.06/reports/indicators/" in html
