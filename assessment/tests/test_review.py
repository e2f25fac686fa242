"""The verifier's queue and one-pass review, and the operator's return one tap from the fix
(issue 28, items 3 and 4)."""

import re

import pytest

from assessment import services
from assessment.models import Assessment, Criterion, CriterionReview
from assessment.tests.factories import make_pokja
from audit.models import AuditEvent
from core.years import open_year
from notifications.models import Notification
from regions.models import Region
from workgroups.models import Decree

YEAR = open_year()
CODES = ["sk", "rencana_kerja", "indikator", "anggaran"]


@pytest.fixture
def submitted(personas, regions):
    make_pokja("73.06", YEAR)
    region = Region.objects.get(code="73.06")
    return services.submit(by=personas.gowa_operator, region=region, year=YEAR)


def _returned(personas, assessment, reason="PDF SK tidak terbaca, unggah ulang."):
    admin = personas.client("sulsel_admin")
    sk = Criterion.objects.get(year=YEAR, code="sk", province__isnull=True)
    admin.post(
        f"/r/73.06/assessment/{YEAR}/verify/",
        {"criterion": sk.pk, "decision": "rejected", "reason": reason},
    )
    admin.post(f"/r/73.06/assessment/{YEAR}/accept/")
    assessment.refresh_from_db()
    assert assessment.status == "returned"
    return sk


def _section(html, key):
    return re.search(rf'<section[^>]*data-section="{key}".*?</section>', html, re.S).group(0)


def test_province_home_opens_with_the_queue_one_tap_from_the_review(personas, submitted):
    html = personas.client("sulsel_admin").get("/").content.decode()
    queue = _section(html, "verify-73")
    assert "Menunggu verifikasi (1)" in queue
    assert f'href="/r/73.06/assessment/{YEAR}/review/"' in queue and "Periksa" in queue
    assert re.findall(r'data-section="([^"]+)"', html)[0] == "verify-73"  # it opens the page


def test_review_page_shows_each_criterion_with_its_evidence_and_controls(personas, submitted):
    response = personas.client("sulsel_admin").get(f"/r/73.06/assessment/{YEAR}/review/")
    html = response.content.decode()
    for code in CODES:
        assert f'id="review-{code}"' in html
    decree = Decree.objects.get(workgroup__region__code="73.06")
    assert f'href="/r/73.06/pokja/decrees/{decree.pk}/file/?inline=1"' in html  # the SK PDF
    assert f'href="/r/73.06/plans/{YEAR}/"' in html
    assert "Terima semua yang terpenuhi (4)" in html
    assert html.count('class="verify"') == 4
    # the operator cannot open the verifier's page
    operator = personas.client("gowa_operator")
    assert operator.get(f"/r/73.06/assessment/{YEAR}/review/").status_code == 403


def test_accept_every_fulfilled_criterion_in_one_request(personas, submitted):
    Notification.objects.all().delete()
    response = personas.client("sulsel_admin").post(f"/r/73.06/assessment/{YEAR}/accept/")
    assert response.status_code == 302
    assert response.url == f"/r/73.06/assessment/{YEAR}/review/"
    submitted.refresh_from_db()
    assert submitted.status == "verified" and submitted.verified_by == personas.sulsel_admin
    events = AuditEvent.objects.filter(code="assessment.reviewed", object_id=str(submitted.pk))
    assert sorted(e.changes["criterion"] for e in events) == sorted(CODES)
    # the operators are told once, that it was verified
    told = Notification.objects.filter(user=personas.gowa_operator)
    assert [n.kind for n in told] == ["assessment.verified"]
    page = personas.client("sulsel_admin").get(f"/r/73.06/assessment/{YEAR}/review/")
    assert 'class="verify"' not in page.content.decode()


def test_accept_met_leaves_unfulfilled_criteria_for_a_decision(personas, regions):
    make_pokja("73.06", YEAR, budget=None)
    region = Region.objects.get(code="73.06")
    assessment = services.submit(by=personas.gowa_operator, region=region, year=YEAR)
    accepted = services.accept_met(by=personas.sulsel_admin, assessment=assessment)
    assert sorted(c.code for c in accepted) == ["indikator", "rencana_kerja", "sk"]
    decisions = dict(assessment.reviews.values_list("criterion__code", "decision"))
    assert decisions["anggaran"] == "pending"
    assessment.refresh_from_db()
    assert assessment.status == "submitted"
    with pytest.raises(services.DomainError):
        services.accept_met(by=personas.sulsel_admin, assessment=assessment)


def test_return_needs_a_reason_shown_next_to_the_field(personas, submitted):
    sk = Criterion.objects.get(year=YEAR, code="sk", province__isnull=True)
    response = personas.client("sulsel_admin").post(
        f"/r/73.06/assessment/{YEAR}/verify/",
        {"criterion": sk.pk, "decision": "rejected", "reason": ""},
    )
    assert response.status_code == 200
    card = _card(response.content.decode(), "sk")
    assert 'aria-invalid="true"' in card and "Tuliskan alasan penolakan" in card
    assert CriterionReview.objects.get(criterion=sk).decision == "pending"


def _card(html, code):
    return re.search(rf'<article class="review-card" id="review-{code}".*?</article>', html, re.S)[
        0
    ]


def test_only_the_regions_people_see_ajukan(personas, regions):
    make_pokja("73.06", YEAR)
    url = f"/r/73.06/assessment/?year={YEAR}"
    assert "Ajukan untuk verifikasi" in personas.client("gowa_operator").get(url).content.decode()
    for verifier in ("sulsel_admin", "national_admin"):
        html = personas.client(verifier).get(url).content.decode()
        assert "Ajukan untuk verifikasi" not in html and "/submit/" not in html


def test_operator_home_links_the_return_to_the_record_then_answers_and_resubmits(
    personas, submitted
):
    sk = _returned(personas, submitted)
    operator = personas.client("gowa_operator")
    section = _section(operator.get("/").content.decode(), "assessment-73.06")
    assert "Dikembalikan oleh provinsi: PDF SK tidak terbaca" in section
    decree = Decree.objects.get(workgroup__region__code="73.06")
    fix = re.search(r'href="([^"]*)" class="fix">Perbaiki →', section)[1]
    assert fix == (
        f"/r/73.06/pokja/decrees/{decree.pk}/edit/"
        f"?next=%2Fr%2F73.06%2Fassessment%2F{YEAR}%2Fresubmit%2F"
    )
    # saving the SK leads on to the answer and the resubmission
    form = operator.get(fix.replace("&amp;", "&")).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "file"}
    data = {**data, "valid_from": decree.valid_from, "valid_until": decree.valid_until}
    data["title"] = "Pembentukan Pokja Bangga Kencana (perbaikan)"
    response = operator.post(fix, data)
    assert response.status_code == 302, response.context["form"].errors
    assert response.url == f"/r/73.06/assessment/{YEAR}/resubmit/"
    page = operator.get(response.url).content.decode()
    assert "PDF SK tidak terbaca" in page and f'name="answer_{sk.pk}"' in page

    # an empty answer is refused next to its field, nothing is submitted
    response = operator.post(response.url, {f"answer_{sk.pk}": " "})
    assert response.status_code == 200
    assert "Tuliskan apa yang sudah diperbaiki." in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == "returned"

    response = operator.post(
        f"/r/73.06/assessment/{YEAR}/resubmit/", {f"answer_{sk.pk}": "Judul SK dibetulkan."}
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == "submitted"
    assert submitted.reviews.get(criterion=sk).response == "Judul SK dibetulkan."

    # the verifier sees the earlier reason and the operator's answer beside the criterion
    card = _card(
        personas.client("sulsel_admin").get(f"/r/73.06/assessment/{YEAR}/review/").content.decode(),
        "sk",
    )
    assert "PDF SK tidak terbaca" in card and "Judul SK dibetulkan." in card
    assert 'data-kind="rejected"' in card and 'data-kind="answered"' in card


def test_next_leads_only_to_this_site(personas, submitted):
    _returned(personas, submitted)
    decree = Decree.objects.get(workgroup__region__code="73.06")
    operator = personas.client("gowa_operator")
    url = f"/r/73.06/pokja/decrees/{decree.pk}/edit/"
    form = operator.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "file"}
    for target in ("https://evil.test/", "//evil.test/x"):
        response = operator.post(f"{url}?next={target}", data)
        # an outside address is ignored: the form goes on as without `next` (the next step)
        assert response.status_code == 302 and response.url.startswith("/r/73.06/")
        assert "evil" not in response.url


def test_api_accept_met(personas, submitted):
    response = personas.api_client("sulsel_admin").post(
        "/api/v1/regions/73.06/assessment/accept-met",
        {"year": YEAR},
        content_type="application/json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["verification_status"] == "verified"
    assert {c["verified_state"] for c in body["criteria"]} == {"accepted"}
    assert Assessment.objects.get(pk=submitted.pk).status == "verified"
