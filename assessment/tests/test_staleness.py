"""A verification follows its evidence (issue 20, item 1): deleting, replacing or editing what was
verified, or the SK expiring, turns the official status to "perlu verifikasi ulang" on every
surface, in the request that made the change."""

import datetime
import re
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from openpyxl import load_workbook
from pypdf import PdfReader

from assessment import services, staleness
from assessment.engine import EFFECTIVE, REVERIFY, evaluate_region
from assessment.models import Assessment, CriterionReview, Snapshot
from assessment.tests.factories import make_pokja, pdf_bytes
from audit.models import AuditEvent
from budget.models import BudgetAllocation
from indicators.models import WorkGroupIndicator
from regions.models import Region
from workgroups.models import Decree

YEAR = 2025
LABEL = "Perlu verifikasi ulang"


def _verify(personas, region, year=YEAR):
    assessment = services.submit(by=personas.gowa_operator, region=region, year=year)
    services.decide(by=personas.sulsel_admin, assessment=assessment)
    assert assessment.status == "verified"
    return assessment


@pytest.fixture
def verified(personas, regions):
    workgroup = make_pokja("73.06", YEAR)
    region = Region.objects.get(code="73.06")
    _verify(personas, region)
    assert evaluate_region(region, YEAR).official_status == EFFECTIVE
    return workgroup


def _delete_decree(personas, workgroup):
    decree = Decree.objects.get(workgroup=workgroup)
    response = personas.client("gowa_operator").post(f"/r/73.06/pokja/decrees/{decree.pk}/delete/")
    assert response.status_code == 302
    return decree


def _sk_review():
    return CriterionReview.objects.get(assessment__region__code="73.06", criterion__code="sk")


def test_acceptance_records_the_evidence_identity_and_content_hash(verified):
    review = _sk_review()
    (item,) = review.evidence["items"]
    decree = Decree.objects.get(workgroup=verified)
    assert item["model"] == "workgroups.Decree" and item["id"] == decree.pk
    assert item["number"] == decree.number and item["valid_until"] == "2028-12-31"
    assert re.fullmatch(r"[0-9a-f]{64}", item["file"]["sha256"])
    assert re.fullmatch(r"[0-9a-f]{64}", review.evidence["hash"])
    budget = CriterionReview.objects.get(criterion__code="anggaran", assessment=review.assessment)
    assert budget.evidence["items"][0]["amount"] == 5_000_000
    indicators = CriterionReview.objects.get(
        criterion__code="indikator", assessment=review.assessment
    )
    assert float(indicators.evidence["items"][0]["target"]) == 10


def test_deleting_the_decree_makes_the_verification_stale_in_that_request(personas, verified):
    decree = _delete_decree(personas, verified)
    review = _sk_review()
    assert review.stale_at is not None and str(decree.number) in review.stale_reason
    # the acceptance and what was verified stay, as history
    assert review.decision == "accepted" and review.evidence["items"][0]["id"] == decree.pk
    assert Snapshot.objects.get(region__code="73.06", year=YEAR).effective
    event = AuditEvent.objects.get(code="assessment.verification_stale")
    assert event.region_code == "73.06" and event.changes["criteria"] == ["sk"]
    assert decree.number in event.changes["reason"]
    outcome = evaluate_region(Region.objects.get(code="73.06"), YEAR)
    assert outcome.official_status == REVERIFY
    # the other criteria keep their acceptance
    assert [r.criterion.code for r in outcome.stale] == ["sk"]


def test_replacing_the_pdf_or_editing_budget_and_targets_makes_it_stale(personas, verified):
    decree = Decree.objects.get(workgroup=verified)
    decree.file.save("sk-baru.pdf", ContentFile(pdf_bytes() + b"\n% lain"), save=True)
    assert _sk_review().stale_at is not None

    allocation = BudgetAllocation.objects.get(workgroup=verified)
    allocation.realised = 1_000_000  # progress, not the verified allocation
    allocation.save()
    budget = CriterionReview.objects.get(criterion__code="anggaran")
    assert budget.stale_at is None
    allocation.amount = 7_000_000
    allocation.save()
    budget.refresh_from_db()
    assert budget.stale_at is not None

    adoption = WorkGroupIndicator.objects.get(workgroup=verified)
    adoption.target = 20
    adoption.save()
    assert CriterionReview.objects.get(criterion__code="indikator").stale_at is not None
    plan = CriterionReview.objects.get(criterion__code="rencana_kerja")
    assert plan.stale_at is None

    from planning.models import Activity

    activity = Activity.objects.get(plan__workgroup=verified)
    activity.progress_note = "Sudah dilaksanakan"  # progress, not the approved plan
    activity.status = "done"
    activity.save()
    plan.refresh_from_db()
    assert plan.stale_at is None
    activity.delete()
    plan.refresh_from_db()
    assert plan.stale_at is not None and "Kegiatan 1" in plan.stale_reason


def test_the_sk_expiring_is_found_by_the_daily_job(personas, regions):
    from jobs.schedule import entries

    (entry,) = [e for e in entries() if e.kind == "assessment.stale_decrees"]
    assert entry.every == datetime.timedelta(days=1)

    this_year = datetime.date.today().year
    workgroup = make_pokja("73.06", this_year)
    Decree.objects.filter(workgroup=workgroup).update(
        valid_until=datetime.date.today() + datetime.timedelta(days=10)
    )
    region = Region.objects.get(code="73.06")
    _verify(personas, region, this_year)
    assert staleness.stale_decrees() == 0
    later = datetime.date.today() + datetime.timedelta(days=11)
    assert staleness.stale_decrees(today=later) == 1
    review = CriterionReview.objects.get(criterion__code="sk", assessment__year=this_year)
    assert review.stale_at is not None and review.stale_reason
    assert AuditEvent.objects.filter(code="assessment.verification_stale").count() == 1
    assert staleness.stale_decrees(today=later) == 0  # once
    assert evaluate_region(region, this_year).official_status == REVERIFY


def test_verifying_again_restores_the_status_and_keeps_history(personas, verified):
    _delete_decree(personas, verified)
    make_decree = Decree(
        workgroup=verified, number="188.45/BARU", title="Perpanjangan",
        signed_on=datetime.date(2025, 3, 1), issuer="regent",
        valid_from=datetime.date(2025, 3, 1), valid_until=datetime.date(2029, 12, 31),
    )  # fmt: skip
    make_decree.file.save("sk.pdf", ContentFile(pdf_bytes()), save=True)
    assessment = Assessment.objects.get(region__code="73.06", year=YEAR)
    admin = personas.client("sulsel_admin")
    page = admin.get(f"/r/73.06/assessment/?year={YEAR}").content.decode()
    assert f'href="/r/73.06/assessment/{YEAR}/review/"' in page and LABEL in page
    page = admin.get(f"/r/73.06/assessment/{YEAR}/review/").content.decode()
    assert 'class="verify"' in page and LABEL in page
    response = admin.post(
        f"/r/73.06/assessment/{YEAR}/verify/",
        {"criterion": _sk_review().criterion.pk, "decision": "accepted", "reason": ""},
    )
    assert response.status_code == 302
    review = _sk_review()
    assert review.stale_at is None and review.evidence["items"][0]["number"] == "188.45/BARU"
    assessment.refresh_from_db()
    assert assessment.status == "verified"
    assert Snapshot.objects.filter(region__code="73.06", year=YEAR).count() == 2
    assert evaluate_region(assessment.region, YEAR).official_status == EFFECTIVE


def test_operator_may_resubmit_a_stale_verified_assessment(personas, verified):
    _delete_decree(personas, verified)
    assessment = services.submit(
        by=personas.gowa_operator, region=Region.objects.get(code="73.06"), year=YEAR
    )
    assert assessment.status == "submitted"
    sk = _sk_review()
    assert sk.decision == "pending" and sk.stale_at is None
    assert CriterionReview.objects.get(criterion__code="anggaran").decision == "accepted"


# --- every surface ----------------------------------------------------------------------


@pytest.fixture
def stale(personas, verified):
    """Surfaces are read once before (so their caches are warm), then the decree is deleted."""
    viewer = personas.client("sulsel_viewer")
    viewer.get(f"/r/73/assessment/matrix/?year={YEAR}")
    viewer.get(f"/r/73/dashboard/?year={YEAR}")
    personas.client("national_admin").get(f"/dashboard/?year={YEAR}")
    personas.client("anonymous").get(f"/transparansi/?province=73&year={YEAR}")
    _delete_decree(personas, verified)
    return viewer


def test_surface_matrix_page(stale):
    page = stale.get(f"/r/73/assessment/matrix/?year={YEAR}")
    row = next(r for r in page.context["rows"] if r.region.code == "73.06")
    assert row.official_status == REVERIFY
    assert LABEL in page.content.decode()
    filtered = stale.get(f"/r/73/assessment/matrix/?year={YEAR}&status=reverify").context["rows"]
    assert [r.region.code for r in filtered] == ["73", "73.06"]


def test_surface_assessment_page(stale, personas):
    page = personas.client("gowa_operator").get(f"/r/73.06/assessment/?year={YEAR}")
    assert page.context["outcome"].official_status == REVERIFY
    html = page.content.decode()
    assert LABEL in html and "188.45" in html


def test_surface_province_dashboard(stale):
    html = stale.get(f"/r/73/dashboard/?year={YEAR}").content.decode()
    assert 'data-tile="reverify" data-count="1"' in html
    assert 'data-tile="verified" data-count="0"' in html


def test_surface_regency_dashboard(stale, personas):
    html = personas.client("gowa_operator").get(f"/r/73.06/dashboard/?year={YEAR}")
    assert 'data-status="reverify"' in html.content.decode()


def test_surface_national_dashboard_counts(stale, personas):
    html = personas.client("national_admin").get(f"/dashboard/?year={YEAR}").content.decode()
    sulsel = re.search(r'<tr data-province="73">.*?</tr>', html, re.S).group(0)
    assert 'data-tile="reverify">1 ' in sulsel and 'data-tile="verified">0 ' in sulsel
    assert re.search(r'data-tile="reverify" data-count="1"', html)


def test_surface_public_page(stale, personas):
    html = (
        personas.client("anonymous").get(f"/transparansi/?province=73&year={YEAR}").content.decode()
    )
    row = re.search(r'<tr data-region="73.06".*?</tr>', html, re.S).group(0)
    assert LABEL in row
    sulsel = re.search(r'<tr data-province="73".*?</tr>', html, re.S).group(0)
    assert '<td data-count="reverify">1</td>' in sulsel


def test_surface_recap_xlsx_and_pdf(stale):
    sheet = load_workbook(
        BytesIO(stale.get(f"/r/73/assessment/matrix.xlsx?year={YEAR}").content)
    ).active
    gowa = next(row for row in sheet.iter_rows(values_only=True) if row[2] == "Kabupaten Gowa")
    assert LABEL in gowa and "Efektif" != gowa[-3]
    pdf = stale.get(f"/r/73/assessment/matrix.pdf?year={YEAR}").content
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    assert LABEL in re.sub(r"\s+", " ", text)


def test_surface_profile_pdf(stale):
    pdf = stale.get(f"/r/73.06/reports/profile.pdf?year={YEAR}").content
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    assert "Status resmi (terverifikasi): " + LABEL in re.sub(r"\s+", " ", text)


def test_surface_api(stale, personas):
    client = personas.api_client("sulsel_admin")
    data = client.get(f"/api/v1/regions/73.06/assessment?year={YEAR}").json()
    assert data["official_status"] == REVERIFY
    sk = next(c for c in data["criteria"] if c["code"] == "sk")
    assert sk["verified_state"] == "stale" and "188.45" in sk["stale_reason"]
    rows = client.get(f"/api/v1/regions/73/assessment/matrix?year={YEAR}").json()
    assert next(r for r in rows if r["region"] == "73.06")["official_status"] == REVERIFY
