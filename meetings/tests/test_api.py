import pytest

from meetings.models import ActionItem, Meeting, Minutes
from meetings.tests import helpers as h
from tests.api import JSON


def test_api_creates_a_forum_for_all_regencies_in_the_regions_time_zone(personas):
    client = personas.api_client("sulsel_admin")
    response = client.post("/api/v1/regions/73/meetings", {"title": "Forum", "kind": "forum", "starts_at": "2030-07-24T09:00:00", "ends_at": "2030-07-25T16:00:00",
         "venue": "Makassar", "invite_all_children": True}, content_type=JSON)  # fmt: skip
    assert response.status_code == 201, response.content
    body = response.json()
    assert len(body["invited_regions"]) == 24 and body["version"] == 1
    meeting = Meeting.objects.get(pk=body["id"])
    assert (
        meeting.local_start().hour == 9
        and meeting.starts_at.astimezone().utcoffset().total_seconds() == 8 * 3600
    )


def test_api_refuses_an_unknown_or_foreign_region(personas):
    client = personas.api_client("sulsel_admin")
    base = {
        "title": "F",
        "starts_at": "2030-07-24T09:00:00+08:00",
        "ends_at": "2030-07-24T12:00:00+08:00",
        "venue": "X",
    }
    assert (
        client.post(
            "/api/v1/regions/73/meetings", {**base, "invited_regions": ["99.99"]}, content_type=JSON
        ).status_code
        == 400
    )
    response = client.post(
        "/api/v1/regions/73/meetings", {**base, "invited_regions": ["74.01"]}, content_type=JSON
    )
    assert response.status_code == 400 and "74.01" in response.json()["detail"]
    assert not Meeting.objects.exists()


def test_api_meeting_update_with_a_stale_version_is_409(personas):
    meeting = h.meeting("73.06")
    client = personas.api_client("gowa_operator")
    ok = client.patch(
        f"/api/v1/regions/73.06/meetings/{meeting.pk}",
        {"version": 1, "venue": "Ruang 2"},
        content_type=JSON,
    )
    assert ok.status_code == 200 and ok.json()["version"] == 2
    stale = client.patch(
        f"/api/v1/regions/73.06/meetings/{meeting.pk}",
        {"version": 1, "venue": "Ruang 3"},
        content_type=JSON,
    )
    assert stale.status_code == 409
    assert Meeting.objects.get(pk=meeting.pk).venue == "Ruang 2"


def test_api_attendance_errors_name_the_row_and_save_nothing(personas):
    workgroup = h.pokja("73.06", members=2)
    meeting = h.meeting("73.06")
    h.invite_pokja(meeting, workgroup)
    p1, p2 = meeting.participants.order_by("pk")
    client = personas.api_client("gowa_operator")
    response = client.put(f"/api/v1/regions/73.06/meetings/{meeting.pk}/attendance", {"entries": [{"participant_id": p1.pk, "attendance": "present"}, {"participant_id": p2.pk, "attendance": "represented"}]}, content_type=JSON)  # fmt: skip
    assert response.status_code == 400
    assert response.json()["errors"][0]["row"] == 2
    assert set(meeting.participants.values_list("attendance", flat=True)) == {"unknown"}
    response = client.put(f"/api/v1/regions/73.06/meetings/{meeting.pk}/attendance", {"entries": [{"participant_id": p1.pk, "attendance": "present"},
                     {"participant_id": p2.pk, "attendance": "represented", "represented_by": "Staf"}]}, content_type=JSON)  # fmt: skip
    assert response.status_code == 200
    assert response.json()["summary"]["rate"] == 100


def test_api_minutes_are_sanitised_and_locked_after_approval(personas):
    meeting = h.meeting("73.06")
    client = personas.api_client("gowa_operator")
    url = f"/api/v1/regions/73.06/meetings/{meeting.pk}/minutes"
    response = client.put(url, {"body": "<p>Isi</p><script>steal()</script>", "decisions": [{"text": "Satu"}, {"text": "Dua"}, {"text": "Tiga"}]}, content_type=JSON)  # fmt: skip
    assert response.status_code == 200
    assert response.json()["body"] == "<p>Isi</p>" and len(response.json()["decisions"]) == 3
    assert Minutes.objects.get(meeting=meeting).body == "<p>Isi</p>"
    assert client.post(url + "/approve", {"version": 1}, content_type=JSON).status_code == 200
    refused = client.put(url, {"body": "<p>Baru</p>", "version": 2}, content_type=JSON)
    assert refused.status_code == 400
    assert personas.api_client("gowa_member").get(url).json()["approved_by"] == "gowa_operator"


def test_api_member_updates_own_item_and_gets_403_on_another(personas):
    workgroup = h.pokja("73.06", members=2, user=personas.gowa_member)
    own = h.item("73.06", member=workgroup.members.get(user=personas.gowa_member))
    other = h.item("73.06", member=workgroup.members.exclude(user=personas.gowa_member).get())
    client = personas.api_client("gowa_member")
    response = client.post(
        f"/api/v1/regions/73.06/action-items/{own.pk}/progress",
        {"version": 1, "status": "done", "text": "Ok"},
        content_type=JSON,
    )
    assert response.status_code == 201 and response.json()["status_to"] == "done"
    denied = client.post(
        f"/api/v1/regions/73.06/action-items/{other.pk}/progress",
        {"version": 1, "status": "done", "text": "x"},
        content_type=JSON,
    )
    assert denied.status_code == 403
    assert ActionItem.objects.get(pk=other.pk).status == "open"


def test_api_progress_with_a_stale_version_is_409(personas):
    item = h.item("73", assigned="73.06")
    client = personas.api_client("gowa_operator")
    url = f"/api/v1/regions/73.06/action-items/{item.pk}/progress"
    assert (
        client.post(
            url, {"version": 1, "text": "a", "status": "in_progress"}, content_type=JSON
        ).status_code
        == 201
    )
    assert (
        client.post(
            url, {"version": 1, "text": "b", "status": "done"}, content_type=JSON
        ).status_code
        == 409
    )
    assert ActionItem.objects.get(pk=item.pk).status == "in_progress"


def test_api_action_items_list_shows_assigned_and_overdue(personas):
    h.item("73", assigned="73.06", due_in=-2, title="Terlambat")
    h.item("73", assigned="73.71", due_in=-2, title="Makassar")
    h.item("73.06", due_in=5, title="Lokal")
    client = personas.api_client("gowa_operator")
    titles = [i["title"] for i in client.get("/api/v1/regions/73.06/action-items").json()]
    assert sorted(titles) == ["Lokal", "Terlambat"]
    overdue = client.get("/api/v1/regions/73.06/action-items?overdue=true").json()
    assert [(i["title"], i["overdue"]) for i in overdue] == [("Terlambat", True)]


def test_api_action_item_assignment_is_checked(personas):
    client = personas.api_client("sulsel_admin")
    bad = client.post(
        "/api/v1/regions/73.06/action-items",
        {"title": "x", "due_date": "2030-01-01", "assigned_region": "73.71"},
        content_type=JSON,
    )
    assert bad.status_code == 400
    unknown = client.post(
        "/api/v1/regions/73/action-items",
        {"title": "x", "due_date": "2030-01-01", "assigned_member_id": 999},
        content_type=JSON,
    )
    assert unknown.status_code == 400
    assert not ActionItem.objects.exists()


@pytest.mark.parametrize("persona", ["gowa_operator", "gowa_member"])
def test_api_announcement_read_by_regency_users_is_reported_to_the_province(personas, persona):
    created = personas.api_client("sulsel_admin").post(
        "/api/v1/regions/73/announcements", {"title": "A", "body": "B"}, content_type=JSON
    )
    announcement_id = created.json()["id"]
    assert all(r["read_at"] is None for r in created.json()["reads"])
    seen = (
        personas.api_client(persona)
        .get(f"/api/v1/regions/73.06/announcements/{announcement_id}")
        .json()
    )
    assert seen["reads"] is None
    reads = (
        personas.api_client("sulsel_admin")
        .get(f"/api/v1/regions/73/announcements/{announcement_id}")
        .json()["reads"]
    )
    assert {r["region"]: r["read_by"] for r in reads if r["read_at"]} == {"73.06": persona}
