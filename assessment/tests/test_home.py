"""One "what to do next" per person (issue 20, item 4): the home page opens on the open
assessment year and lists the person's open work first."""

import datetime
import re

import pytest
from django.utils import timezone

from assessment import services
from assessment.models import Assessment
from assessment.tests.factories import make_pokja
from conftest import PERSONAS
from core.years import open_year
from regions.models import Region
from workgroups.models import Decree

YEAR = open_year()


@pytest.mark.parametrize("name", list(PERSONAS))
def test_home_of_every_role_opens_on_the_open_assessment_year(personas, name):
    response = personas.client(name).get("/")
    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year
    html = response.content.decode()
    assert f'id="home-year" data-year="{YEAR}"' in html
    assert f"?year={YEAR}" in html


def test_pages_that_take_a_year_default_to_the_same_year_and_say_it(personas, regions):
    client = personas.client("sulsel_admin")
    for url in (
        "/r/73/dashboard/",
        "/r/73.06/dashboard/",
        "/r/73/assessment/matrix/",
        "/dashboard/",
    ):
        if url == "/dashboard/":
            client = personas.client("national_admin")
        response = client.get(url)
        assert response.context["year"] == YEAR, url
    page = personas.client("gowa_operator").get("/r/73.06/assessment/").content.decode()
    assert f'class="year-shown" data-year="{YEAR}"' in page and f"Menampilkan {YEAR}" in page


def _returned(personas):
    make_pokja("73.06", YEAR)
    region = Region.objects.get(code="73.06")
    assessment = services.submit(by=personas.gowa_operator, region=region, year=YEAR)
    reason = "Lampirkan SK perpanjangan yang ditandatangani Bupati"
    assessment = services.decide(
        by=personas.sulsel_admin, assessment=assessment, rejected={"sk": reason}
    )
    assert assessment.status == "returned"
    return assessment


def test_operator_sees_the_returned_criterion_with_the_reason_and_a_fix_link(personas, regions):
    _returned(personas)
    html = personas.client("gowa_operator").get("/").content.decode()
    section = re.search(r'<section[^>]*data-section="assessment-73.06".*?</section>', html, re.S)
    section = section.group(0)
    assert 'data-headline="returned"' in section
    assert "Dikembalikan oleh provinsi" in section
    assert "Lampirkan SK perpanjangan yang ditandatangani Bupati" in section
    assert 'data-tag="returned"' in section and 'class="fix"' in section
    assert "Semua kriteria terpenuhi" not in html
    dashboard = personas.client("gowa_operator").get(f"/r/73.06/dashboard/?year={YEAR}")
    assert "Semua kriteria terpenuhi" not in dashboard.content.decode()
    assert "Dikembalikan oleh provinsi" in dashboard.content.decode()


def test_complete_and_submitted_is_not_incomplete(personas, regions):
    make_pokja("73.06", YEAR)
    client = personas.client("gowa_operator")
    assert "Lengkap, tetapi belum diajukan" in client.get("/").content.decode()
    services.submit(by=personas.gowa_operator, region=Region.objects.get(code="73.06"), year=YEAR)
    html = client.get("/").content.decode()
    assert "Lengkap, menunggu verifikasi provinsi" in html
    assert "Belum lengkap" not in html


def test_incomplete_lists_what_is_missing_with_links(personas, regions):
    make_pokja("73.06", YEAR, budget=None)
    html = personas.client("gowa_operator").get("/").content.decode()
    assert "Belum lengkap: 1 dari 4 kriteria belum terpenuhi" in html
    assert "/r/73.06/budget/new/" in html


def test_province_sees_submissions_oldest_first_stale_verifications_and_expiring_sks(
    personas, regions
):
    make_pokja("73.06", YEAR)
    make_pokja("73.71", YEAR)
    services.submit(by=personas.gowa_operator, region=Region.objects.get(code="73.06"), year=YEAR)
    services.submit(by=personas.sulsel_admin, region=Region.objects.get(code="73.71"), year=YEAR)
    Assessment.objects.filter(region__code="73.71").update(
        submitted_at=timezone.now() - datetime.timedelta(days=20)
    )
    Decree.objects.filter(workgroup__region__code="73.71").update(
        valid_until=timezone.localdate() + datetime.timedelta(days=25)
    )
    html = personas.client("sulsel_admin").get("/").content.decode()
    waiting = re.search(r'data-section="verify-73".*?</section>', html, re.S).group(0)
    assert waiting.index("Makassar") < waiting.index("Gowa")
    assert "Menunggu 20 hari" in waiting and 'data-tag="late"' in waiting
    sk = re.search(r'data-section="sk-73".*?</section>', html, re.S).group(0)
    assert "Makassar" in sk and "25 hari" in sk and "Gowa" not in sk

    # a verification that goes stale is listed for the province
    assessment = Assessment.objects.get(region__code="73.06")
    services.decide(by=personas.sulsel_admin, assessment=assessment)
    decree = Decree.objects.get(workgroup__region__code="73.06")
    personas.client("gowa_operator").post(f"/r/73.06/pokja/decrees/{decree.pk}/delete/")
    html = personas.client("sulsel_admin").get("/").content.decode()
    stale = re.search(r'data-section="stale-73".*?</section>', html, re.S).group(0)
    assert "Gowa" in stale and decree.number in stale


def test_province_sees_overdue_follow_up_actions(personas, regions):
    from meetings.models import ActionItem

    ActionItem.objects.create(
        region=regions["73"],
        assigned_region=regions["73.06"],
        title="Kirim laporan triwulan",
        due_date=timezone.localdate() - datetime.timedelta(days=5),
    )
    html = personas.client("sulsel_admin").get("/").content.decode()
    overdue = re.search(r'data-section="overdue-73".*?</section>', html, re.S).group(0)
    assert "Kirim laporan triwulan" in overdue and "5 hari terlambat" in overdue


def test_member_sees_their_action_items_and_next_meetings(personas, regions):
    from meetings.models import ActionItem, Meeting
    from workgroups.models import Member

    workgroup = make_pokja("73.06", YEAR)
    member = Member.objects.create(
        workgroup=workgroup, name="Andi", user=personas.gowa_member, position="Anggota"
    )
    ActionItem.objects.create(
        region=regions["73.06"],
        assigned_region=regions["73.06"],
        assigned_member=member,
        title="Siapkan data KB",
        due_date=timezone.localdate() + datetime.timedelta(days=3),
    )
    start = timezone.now() + datetime.timedelta(days=2)
    Meeting.objects.create(
        region=regions["73.06"],
        title="Rapat koordinasi triwulan",
        venue="Aula Kantor Bupati",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    html = personas.client("gowa_member").get("/").content.decode()
    assert "Siapkan data KB" in html and "Rapat koordinasi triwulan" in html
    assert html.index("Siapkan data KB") < html.index("home-dashboard")


def test_viewer_sees_the_province_headline_figures(personas, regions):
    make_pokja("73.06", YEAR)
    html = personas.client("sulsel_viewer").get("/").content.decode()
    figures = re.search(r'data-section="figures-73".*?</section>', html, re.S).group(0)
    assert "Pokja terbentuk: 1 / 24" in figures
