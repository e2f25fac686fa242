import io
import json

import pytest
from django.core.management import call_command

from privacy.erasure import erase
from privacy.subject import Subject
from privacy.tests.helpers import OTHER, PERSON, plant
from workgroups.models import Member

pytestmark = pytest.mark.django_db


def test_the_export_holds_every_value_planted_for_the_user_and_nothing_of_anyone_else(personas):
    user, member, other, pokja = plant(personas)
    client = personas.client("anonymous")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    from accounts.models import ApiToken

    _token, raw = ApiToken.issue(user=user, name="saya")
    response = client.get("/api/v1/me/personal-data", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    text = json.dumps(response.json(), ensure_ascii=False)
    for value in (PERSON["name"], PERSON["phone"], PERSON["old_phone"], PERSON["email"]):
        assert value in text, value
    assert PERSON["username"] in text
    data = response.json()
    assert data["members"][0]["phone"] == PERSON["phone"]
    assert "meetings.Participant" in data["records"] and "meetings.Minutes" in data["records"]
    assert any(e["model"] == "workgroups.Member" for e in data["audit"])
    for value in OTHER.values():
        assert value not in text, value
    assert personas.gowa_operator.username not in text


def test_an_admin_exports_a_member_without_account_as_json_and_pdf(
    personas, django_capture_on_commit_callbacks
):
    from privacy import services
    from regions.models import Region

    _user, _member, other, _pokja = plant(personas)
    request = services.create_request(
        region=Region.objects.get(code="73.06"), kind="access", requester_name=OTHER["name"],
        subject_name=OTHER["name"], member=other, by=personas.sulsel_admin,
    )  # fmt: skip
    client = personas.client("sulsel_admin")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/privacy/requests/{request.pk}/export/")
    assert response.status_code == 302
    from jobs.models import Job

    job = Job.objects.get(kind="privacy.export")
    assert job.state == "succeeded", job.messages
    import zipfile

    with job.result.open("rb") as stored:
        archive = zipfile.ZipFile(io.BytesIO(stored.read()))
    assert sorted(archive.namelist()) == ["data-pribadi.json", "data-pribadi.pdf"]
    assert archive.read("data-pribadi.pdf").startswith(b"%PDF")
    exported = archive.read("data-pribadi.json").decode()
    assert OTHER["phone"] in exported and PERSON["phone"] not in exported


def _dump() -> str:
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def test_erasing_a_member_leaves_none_of_their_values_anywhere_but_keeps_the_seat(personas):
    user, member, other, pokja = plant(personas)
    before = _dump()
    for value in (PERSON["name"], PERSON["old_phone"], PERSON["email"], PERSON["username"]):
        assert value in before, value

    counts = erase(Subject.of_member(member), by=personas.sulsel_admin)

    dump = _dump()
    for value in (PERSON["name"], PERSON["phone"], PERSON["old_phone"], PERSON["email"]):
        assert value not in dump, value
    assert f'"{PERSON["username"]}"' not in dump
    assert "Wahyuningsih" not in dump and "Paramitha" not in dump
    # The Pokja's history stays: the seat, the office, the role, the attendance row.
    seat = Member.objects.get(pk=member.pk)
    assert seat.workgroup == pokja and seat.position == "Kepala Bidang KB"
    assert seat.institution_id == member.institution_id and seat.name.startswith("Anonim")
    assert seat.participations.exists() if hasattr(seat, "participations") else True
    # Someone else's data is untouched.
    for value in OTHER.values():
        assert value in dump, value
    user.refresh_from_db()
    assert not user.is_active and not user.has_usable_password()
    assert counts["workgroups.member"] == 1
    from audit.models import AuditEvent

    event = AuditEvent.objects.get(code="privacy.erased")
    assert event.changes["rows"] == counts
