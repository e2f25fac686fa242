"""Turnaround (issue 20, item 5): per kab/kota the dates of submission, return and verification
with the days each step took; the province dashboard shows the median days from submission to
verification."""

import datetime
import re

from django.utils import timezone

from assessment import services
from assessment.models import Assessment
from assessment.tests.factories import make_pokja
from audit.models import AuditEvent
from regions.models import Region

YEAR = 2025


def _decide(personas, assessment, reject=()):
    rejected = {code: "Perbaiki" for code in reject}
    services.decide(by=personas.sulsel_admin, assessment=assessment, rejected=rejected)


def _backdate(region_code, code, days_ago, nth=0):
    assessment = Assessment.objects.get(region__code=region_code, year=YEAR)
    events = AuditEvent.objects.filter(
        model="assessment.Assessment", object_id=str(assessment.pk), code=code
    ).order_by("created_at", "pk")
    event = list(events)[nth]
    event.created_at = timezone.now() - datetime.timedelta(days=days_ago)
    event.save(update_fields=["created_at"])


def _setup(personas):
    make_pokja("73.06", YEAR)
    make_pokja("73.71", YEAR)
    gowa, makassar = Region.objects.get(code="73.06"), Region.objects.get(code="73.71")
    # Gowa: submitted 30 days ago, returned 25, resubmitted 20, verified 14 days ago
    a = services.submit(by=personas.gowa_operator, region=gowa, year=YEAR)
    _decide(personas, a, reject=["sk"])
    a = services.submit(by=personas.gowa_operator, region=gowa, year=YEAR)
    _decide(personas, a)
    _backdate("73.06", "assessment.submitted", 30, 0)
    _backdate("73.06", "assessment.verified", 25, 0)
    _backdate("73.06", "assessment.submitted", 20, 1)
    _backdate("73.06", "assessment.verified", 14, 1)
    # Makassar: submitted 10 days ago, verified 6 days ago
    b = services.submit(by=personas.sulsel_admin, region=makassar, year=YEAR)
    _decide(personas, b)
    _backdate("73.71", "assessment.submitted", 10)
    _backdate("73.71", "assessment.verified", 6)


def test_turnaround_per_regency_with_days_per_step(personas, regions):
    _setup(personas)
    make_pokja("73.08", YEAR)
    services.submit(by=personas.sulsel_admin, region=Region.objects.get(code="73.08"), year=YEAR)
    _backdate("73.08", "assessment.submitted", 3)

    page = personas.client("sulsel_viewer").get(f"/r/73/assessment/turnaround/?year={YEAR}")
    assert page.status_code == 200
    rows = {r.region.code: r for r in page.context["rows"]}
    gowa = rows["73.06"]
    assert [(s.kind, s.outcome, s.days) for s in gowa.steps] == [
        ("decision", "returned", 5),
        ("correction", "submitted", 5),
        ("decision", "verified", 6),
    ]
    assert gowa.days_to_verification == 16 and gowa.returned is not None
    assert rows["73.71"].days_to_verification == 4 and rows["73.71"].returned is None
    assert rows["73.08"].waiting_days == 3 and rows["73.08"].verified is None
    assert page.context["median"] == 10  # median of 16 and 4
    html = page.content.decode()
    assert "dikembalikan setelah 5 hari" in html and "menunggu provinsi selama 3 hari" in html
    row = re.search(r'<tr data-region="73.06">.*?</tr>', html, re.S).group(0)
    assert 'data-days="16"' in row


def test_province_dashboard_shows_the_median(personas, regions):
    _setup(personas)
    html = personas.client("sulsel_admin").get(f"/r/73/dashboard/?year={YEAR}").content.decode()
    assert 'id="turnaround-median" data-median="10"' in html
    assert "/r/73/assessment/turnaround/?year=2025" in html
