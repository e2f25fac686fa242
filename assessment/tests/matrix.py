from assessment.models import Criterion
from tests.matrix import (
    Row,
    action,
    api,
    edit_gowa,
    edit_sulsel,
    expect,
    pages,
    view_gowa,
    view_sulsel,
)

YEAR = 2025


def _submitted(personas):
    from assessment import services
    from assessment.tests.factories import make_pokja
    from regions.models import Region

    make_pokja("73.06", YEAR)
    services.submit(by=personas.gowa_operator, region=Region.objects.get(code="73.06"), year=YEAR)
    sk = Criterion.objects.get(year=YEAR, code="sk", province__isnull=True)
    return {"criterion_id": sk.pk, "year": YEAR}


def _returned(personas):
    """Gowa's assessment returned: the SK rejected, the rest accepted."""
    from assessment import services
    from assessment.models import Assessment

    kwargs = _submitted(personas)
    assessment = Assessment.objects.get(region__code="73.06", year=YEAR)
    services.decide(by=personas.sulsel_admin, assessment=assessment, rejected={"sk": "PDF"})
    return kwargs


def _answer(personas, kwargs):
    return {f"answer_{kwargs['criterion_id']}": "PDF diunggah ulang"}


def _pokja(personas):
    from assessment.tests.factories import make_pokja

    make_pokja("73.06", YEAR)
    return {"year": YEAR}


def _declared(personas):
    from assessment.criteria import ensure_year

    ensure_year(YEAR)
    criterion = Criterion.objects.get(year=YEAR, code="opd_kb")
    return {"criterion_id": criterion.pk, "year": YEAR}


def _provincial(personas):
    from regions.models import Region

    criterion = Criterion.objects.create(
        year=YEAR,
        code="forum",
        name="Forum",
        kind="declared",
        province=Region.objects.get(code="73"),
    )
    return {"criterion_id": criterion.pk}


def _national_criterion(personas):
    from assessment.criteria import ensure_year

    ensure_year(YEAR)
    return {"criterion_id": Criterion.objects.get(year=YEAR, code="sk").pk}


# Verification of a kab/kota is done by the province (and national admins).
VERIFY_GOWA = expect(
    302, gowa_operator=403, gowa_member=403, sulsel_viewer=403, sultra_admin=404, anonymous=302
)


def _verify_api(operation, data):
    """A verifier's API operation on Gowa's submitted assessment."""
    return Row(
        f"POST /api/v1/regions/{{code}}/assessment/{operation}",
        "POST",
        f"/api/v1/regions/{{gowa}}/assessment/{operation}",
        api({**VERIFY_GOWA, "national_admin": 200, "sulsel_admin": 200}),
        setup=_submitted,
        data=data,
        api=True,
    )


NATIONAL_ONLY = expect(403, national_admin=200, anonymous=302)

ROWS = [
    *pages("assessment:region", "assessment/", gowa="?year=2025"),
    Row("assessment:matrix", "GET", "/r/{sulsel}/assessment/matrix/?year=2025", view_sulsel()),
    Row(
        "assessment:matrix",
        "GET",
        "/r/{gowa}/assessment/matrix/",
        expect(404, anonymous=302),
        note="kab/kota have no matrix",
    ),
    Row(
        "assessment:matrix_export",
        "GET",
        "/r/{sulsel}/assessment/matrix.xlsx?year=2025",
        view_sulsel(),
    ),
    Row(
        "assessment:matrix_export",
        "GET",
        "/r/{sulsel}/assessment/matrix.pdf?year=2025",
        view_sulsel(),
    ),
    Row("assessment:history", "GET", "/r/{sulsel}/assessment/history/", view_sulsel()),
    Row(
        "assessment:turnaround",
        "GET",
        "/r/{sulsel}/assessment/turnaround/?year=2025",
        view_sulsel(),
        setup=_submitted,
    ),
    Row(
        "assessment:turnaround",
        "GET",
        "/r/{gowa}/assessment/turnaround/",
        expect(404, anonymous=302),
        note="turnaround is per province",
    ),
    Row("assessment:national", "GET", "/assessment/national/", NATIONAL_ONLY),
    Row("assessment:criteria", "GET", "/assessment/criteria/", NATIONAL_ONLY),
    Row(
        "assessment:criterion_edit",
        "GET",
        "/assessment/criteria/{criterion_id}/edit/",
        NATIONAL_ONLY,
        setup=_national_criterion,
    ),
    Row("assessment:provincial_criteria", "GET", "/r/{sulsel}/assessment/criteria/", view_sulsel()),
    action(
        "assessment:provincial_criteria",
        "/r/{sulsel}/assessment/criteria/",
        data={"year": YEAR, "code": "forum", "name": "Forum", "order": 9, "is_active": "on"},
        shape=edit_sulsel,
    ),
    Row(
        "assessment:provincial_criterion_edit",
        "GET",
        "/r/{sulsel}/assessment/criteria/{criterion_id}/edit/",
        edit_sulsel(),
        setup=_provincial,
    ),
    action("assessment:submit", "/r/{gowa}/assessment/{year}/submit/", _pokja),
    action(
        "assessment:verify",
        "/r/{gowa}/assessment/{year}/verify/",
        _submitted,
        lambda p, kw: {"criterion": kw["criterion_id"], "decision": "accepted"},
        shape=VERIFY_GOWA,
    ),
    Row(
        "assessment:review",
        "GET",
        "/r/{gowa}/assessment/{year}/review/",
        {**VERIFY_GOWA, "national_admin": 200, "sulsel_admin": 200},
        setup=_submitted,
    ),
    action(
        "assessment:accept_met",
        "/r/{gowa}/assessment/{year}/accept/",
        _submitted,
        shape=VERIFY_GOWA,
    ),
    # The returned criteria with an answer for each, and "Ajukan ulang".
    *[
        Row(
            name, method, "/r/{gowa}/assessment/{year}/resubmit/", shape, setup=_returned, data=data
        )
        for name, method, shape, data in [
            ("assessment:resubmit", "GET", edit_gowa(), None),
            ("assessment:resubmit", "POST", edit_gowa(302), _answer),
        ]
    ],
    action(
        "assessment:reopen", "/r/{gowa}/assessment/{year}/reopen/", _submitted, shape=VERIFY_GOWA
    ),
    Row(
        "assessment:declare",
        "GET",
        "/r/{gowa}/assessment/{year}/declare/{criterion_id}/",
        edit_gowa(),
        setup=_declared,
    ),
    Row(
        "GET /api/v1/regions/{code}/assessment",
        "GET",
        "/api/v1/regions/{gowa}/assessment?year=2025",
        api(view_gowa()),
        api=True,
    ),
    Row(
        "GET /api/v1/regions/{code}/assessment/matrix",
        "GET",
        "/api/v1/regions/{sulsel}/assessment/matrix?year=2025",
        api(view_sulsel()),
        api=True,
    ),
    Row(
        "POST /api/v1/regions/{code}/assessment/submit",
        "POST",
        "/api/v1/regions/{gowa}/assessment/submit",
        api(edit_gowa()),
        setup=_pokja,
        data={"year": YEAR},
        api=True,
    ),
    _verify_api("verify", {"year": YEAR, "criterion": "sk", "decision": "accepted"}),
    _verify_api("accept-met", {"year": YEAR}),
    # The province recap issued as a numbered letter from the office's register.
    action(
        "assessment:recap_letter",
        "/r/{sulsel}/assessment/matrix/letter/",
        data={"year": "2025"},
        shape=edit_sulsel,
    ),
]
