import datetime

import pytest

from assessment import services
from assessment.engine import EFFECTIVE, NOT_EFFECTIVE
from assessment.models import Assessment, Criterion, CriterionReview, Snapshot
from assessment.tests.factories import make_pokja
from audit.models import AuditEvent
from core.errors import DomainError
from regions.models import Region

YEAR = 2025


@pytest.fixture
def gowa(regions):
    make_pokja("73.06", YEAR)
    return Region.objects.get(code="73.06")


def _verify_all(client, code, decisions):
    for criterion, (decision, reason) in decisions.items():
        pk = Criterion.objects.get(year=YEAR, code=criterion, province__isnull=True).pk
        response = client.post(
            f"/r/{code}/assessment/{YEAR}/verify/",
            {"criterion": pk, "decision": decision, "reason": reason},
        )
        assert response.status_code == 302


def test_submit_verify_and_snapshot(personas, gowa):
    operator, admin = personas.client("gowa_operator"), personas.client("sulsel_admin")
    assert (
        operator.post(f"/r/73.06/assessment/{YEAR}/submit/", {"note": "Lengkap"}).status_code == 302
    )
    assessment = Assessment.objects.get(region=gowa, year=YEAR)
    assert assessment.status == "submitted"
    assert assessment.reviews.filter(decision="pending").count() == 4

    _verify_all(
        admin,
        "73.06",
        {c: ("accepted", "") for c in ["sk", "rencana_kerja", "indikator", "anggaran"]},
    )

    assessment.refresh_from_db()
    assert assessment.status == "verified"
    assert assessment.verified_by == personas.sulsel_admin
    snapshot = Snapshot.objects.get(region=gowa, year=YEAR)
    assert snapshot.effective and snapshot.computed_effective
    codes = set(AuditEvent.objects.filter(region_code="73.06").values_list("code", flat=True))
    assert {"assessment.submitted", "assessment.reviewed", "assessment.verified"} <= codes
    page = operator.get(f"/r/73.06/assessment/?year={YEAR}")
    assert page.context["outcome"].official_status == EFFECTIVE


def test_rejection_reason_is_shown_to_the_operator_who_answers_and_resubmits(personas, gowa):
    operator, admin = personas.client("gowa_operator"), personas.client("sulsel_admin")
    operator.post(f"/r/73.06/assessment/{YEAR}/submit/")
    _verify_all(
        admin,
        "73.06",
        {
            "sk": ("rejected", "PDF SK tidak terbaca, unggah ulang hasil pindaian yang jelas."),
            "rencana_kerja": ("accepted", ""),
            "indikator": ("accepted", ""),
            "anggaran": ("accepted", ""),
        },
    )
    assessment = Assessment.objects.get(region=gowa, year=YEAR)
    assert assessment.status == "returned"
    page = operator.get(f"/r/73.06/assessment/?year={YEAR}")
    content = page.content.decode()
    assert "PDF SK tidak terbaca" in content
    assert page.context["outcome"].official_status == NOT_EFFECTIVE
    assert page.context["outcome"].computed_status == EFFECTIVE
    assert not Snapshot.objects.get(region=gowa).effective

    sk = Criterion.objects.get(year=YEAR, code="sk", province__isnull=True)
    operator.post(
        f"/r/73.06/assessment/{YEAR}/resubmit/", {f"answer_{sk.pk}": "Sudah diunggah ulang."}
    )
    assessment.refresh_from_db()
    assert assessment.status == "submitted"
    decisions = dict(assessment.reviews.values_list("criterion__code", "decision"))
    assert decisions == {
        "sk": "pending",
        "rencana_kerja": "accepted",
        "indikator": "accepted",
        "anggaran": "accepted",
    }
    assert assessment.reviews.get(criterion=sk).response == "Sudah diunggah ulang."


def test_rejection_without_reason_is_refused(personas, gowa):
    services.submit(by=personas.gowa_operator, region=gowa, year=YEAR)
    criterion = Criterion.objects.get(year=YEAR, code="sk", province__isnull=True)
    with pytest.raises(DomainError):
        services.review(
            by=personas.sulsel_admin,
            assessment=Assessment.objects.get(),
            criterion=criterion,
            decision="rejected",
            reason="  ",
        )
    assert CriterionReview.objects.get(criterion=criterion).decision == "pending"


def test_region_without_pokja_cannot_submit(personas):
    with pytest.raises(DomainError):
        services.submit(
            by=personas.sulsel_admin, region=Region.objects.get(code="73.03"), year=YEAR
        )
    assert not Assessment.objects.exists()


def test_operator_cannot_verify_own_region(personas, gowa):
    services.submit(by=personas.gowa_operator, region=gowa, year=YEAR)
    pk = Criterion.objects.get(year=YEAR, code="sk", province__isnull=True).pk
    response = personas.client("gowa_operator").post(
        f"/r/73.06/assessment/{YEAR}/verify/", {"criterion": pk, "decision": "accepted"}
    )
    assert response.status_code == 403
    assert CriterionReview.objects.get(criterion_id=pk).decision == "pending"


def test_province_is_verified_by_national_admin_not_by_itself(personas, regions):
    make_pokja("73", YEAR)
    province = Region.objects.get(code="73")
    services.submit(by=personas.sulsel_admin, region=province, year=YEAR)
    assert not services.may_verify(personas.sulsel_admin, province)
    assert services.may_verify(personas.national_admin, province)


def test_history_counts_effective_regencies_per_year(personas, regions):
    for year, codes in {
        2023: ["73.06"],
        2024: ["73.06", "73.71"],
        2025: ["73.06", "73.71", "73.16"],
    }.items():
        for code in codes:
            region = Region.objects.get(code=code)
            Snapshot.objects.create(
                region=region, year=year, effective=True, computed_effective=True
            )
    Snapshot.objects.create(
        region=Region.objects.get(code="73.08"),
        year=2025,
        effective=False,
        computed_effective=False,
    )
    counts = services.history(Region.objects.get(code="73"), [2023, 2024, 2025])
    assert counts == {2023: (1, 1), 2024: (2, 2), 2025: (3, 4)}


def test_matrix_page_and_exports(personas, regions):
    make_pokja("73.06", YEAR)
    make_pokja("73.08", YEAR, decree="expired")
    client = personas.client("sulsel_viewer")
    page = client.get(f"/r/73/assessment/matrix/?year={YEAR}")
    assert page.context["summary"] == {
        "total": 24,
        "formed": 2,
        "effective": 1,
        "official": 0,
        "reverify": 0,
    }
    assert "1 dari 24" in page.content.decode()
    filtered = client.get(f"/r/73/assessment/matrix/?year={YEAR}&status=effective").context["rows"]
    assert [r.region.code for r in filtered] == ["73", "73.06"]

    xlsx = client.get(f"/r/73/assessment/matrix.xlsx?year={YEAR}")
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(xlsx.content)).active
    values = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    names = [row[2] for row in values[4:29]]
    assert "Kabupaten Gowa" in names and len(names) == 25
    gowa_row = next(row for row in values if row[2] == "Kabupaten Gowa")
    assert gowa_row[-3] == "Efektif"

    pdf = client.get(f"/r/73/assessment/matrix.pdf?year={YEAR}")
    assert pdf.content[:5] == b"%PDF-"
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages)
    assert "REKAPITULASI EFEKTIVITAS" in text and "Kota Palopo" in text


def test_api_assessment_and_matrix(personas, gowa):
    client = personas.api_client("sulsel_admin")
    data = client.get(f"/api/v1/regions/73.06/assessment?year={YEAR}").json()
    assert data["computed_status"] == "effective"
    assert [c["state"] for c in data["criteria"]] == ["fulfilled"] * 4
    rows = client.get(f"/api/v1/regions/73/assessment/matrix?year={YEAR}").json()
    assert len(rows) == 25 and rows[0]["region"] == "73"

    operator = personas.api_client("gowa_operator")
    assert (
        operator.post(
            "/api/v1/regions/73.06/assessment/submit",
            {"year": YEAR},
            content_type="application/json",
        ).status_code
        == 200
    )
    response = client.post(
        "/api/v1/regions/73.06/assessment/verify",
        {
            "year": YEAR,
            "criterion": "anggaran",
            "decision": "rejected",
            "reason": "DPA belum dilampirkan",
        },
        content_type="application/json",
    )
    assert response.status_code == 200
    anggaran = next(c for c in response.json()["criteria"] if c["code"] == "anggaran")
    assert (
        anggaran["verified_state"] == "rejected"
        and anggaran["rejection_reason"] == "DPA belum dilampirkan"
    )
    missing_reason = client.post(
        "/api/v1/regions/73.06/assessment/verify",
        {"year": YEAR, "criterion": "sk", "decision": "rejected"},
        content_type="application/json",
    )
    assert missing_reason.status_code == 400


def test_missing_criterion_links_to_the_matching_guide(personas, regions, tmp_path):
    from knowledge.tests.helpers import document as guide

    make_pokja("73.06", YEAR, budget=None)
    document = guide(
        publisher=None,
        title="Panduan penganggaran operasional Pokja",
        description="Cara mengalokasikan APBD untuk Pokja",
        issued_on=datetime.date(2026, 1, 10),
    )
    page = personas.client("gowa_operator").get(f"/r/73.06/assessment/?year={YEAR}")
    budget = page.context["outcome"].result_for("anggaran")
    assert budget.guide == document
    assert f"/knowledge/{document.pk}/" in page.content.decode()


def test_rejecting_without_a_reason_shows_the_error_next_to_the_field_and_saves_nothing(
    personas, gowa
):
    operator, admin = personas.client("gowa_operator"), personas.client("sulsel_admin")
    operator.post(f"/r/73.06/assessment/{YEAR}/submit/")
    pk = Criterion.objects.get(year=YEAR, code="sk", province__isnull=True).pk
    response = admin.post(
        f"/r/73.06/assessment/{YEAR}/verify/",
        {"criterion": pk, "decision": "rejected", "reason": "   "},
    )
    assert response.status_code == 200  # the page again, not a redirect
    html = response.content.decode()
    error = f'<small id="reason-error-{pk}" class="field-error" role="alert">'
    assert error in html
    assert html.split(error)[1].startswith("Tuliskan alasan penolakan")
    # The error sits in that criterion's form, after its reason field, which is marked invalid.
    form = html.split(f'<input type="hidden" name="criterion" value="{pk}">')[1].split("</form>")[0]
    assert 'aria-invalid="true"' in form and error in form
    assert 'name="decision" value="rejected"' in form and 'name="decision" value="accepted"' in form
    review = Assessment.objects.get(region=gowa, year=YEAR).reviews.get(criterion_id=pk)
    assert review.decision == "pending" and review.reason == ""
