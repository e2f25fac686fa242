"""Long lists in the forum (issue 22 item 3): invitees chosen by institution, sub-group, role or
region, a whole group invited at once (all or nothing, one readable audit record), attendance
prepared before the meeting, several action items marked done at once, and the action item list
searched, sorted and paginated."""

import pytest
from django.utils import translation

from audit.models import AuditEvent
from audit.presenters import describe
from core.errors import DomainError
from meetings import services
from meetings.models import ActionItem, Participant
from meetings.tests import helpers as h
from workgroups.models import Institution, Member, SubGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def crowd(personas):
    """Gowa's Pokja (two institutions, two sub-groups, several roles) and Makassar's, with a
    provincial forum inviting both."""
    gowa = h.pokja("73.06", members=0)
    makassar = h.pokja("73.71", members=0)
    advokasi = SubGroup.objects.create(code="uji-advokasi", name="Advokasi Uji", order=90)
    kampung = SubGroup.objects.create(code="uji-kampung", name="Kampung KB Uji", order=91)
    dinkes = Institution.objects.create(
        region=h.region("73.06"), name="Dinas Kesehatan Gowa", sector="regional_government"
    )
    bappeda = Institution.objects.create(
        region=h.region("73.06"), name="Bappeda Gowa", sector="regional_government"
    )
    people = [
        ("Andi Advokasi", dinkes, advokasi, Member.Role.MEMBER),
        ("Badu Advokasi", bappeda, advokasi, Member.Role.MEMBER),
        ("Cici Advokasi", dinkes, advokasi, Member.Role.SECRETARY),
        ("Dodi Kampung", bappeda, kampung, Member.Role.CHAIR),
        ("Eka Kampung", dinkes, kampung, Member.Role.MEMBER),
    ]
    for name, institution, subgroup, role in people:
        Member.objects.create(
            workgroup=gowa, name=name, institution=institution, subgroup=subgroup, role=role
        )
    Member.objects.create(workgroup=makassar, name="Fajar Makassar", subgroup=advokasi)
    forum = h.meeting("73", invited=["73.06", "73.71"], title="Forum Pokja", started=False)
    return {"forum": forum, "advokasi": advokasi, "dinkes": dinkes, "gowa": gowa}


def _names(response) -> set[str]:
    html = response.content.decode()
    checklist = html[html.index('id="member-checklist"') :]
    checklist = checklist[: checklist.index("</div>")]
    return {name for name in PEOPLE if name in checklist}


PEOPLE = [
    "Andi Advokasi", "Badu Advokasi", "Cici Advokasi", "Dodi Kampung", "Eka Kampung",
    "Fajar Makassar",
]  # fmt: skip


def _invitees_url(meeting, query=""):
    return f"/r/73/meetings/{meeting.pk}/invitees/" + (f"?{query}" if query else "")


def test_the_invite_screen_filters_by_institution_subgroup_role_region_and_name(personas, crowd):
    client = personas.client("sulsel_admin")
    forum = crowd["forum"]
    everyone = _names(client.get(_invitees_url(forum)))
    assert everyone == {
        "Andi Advokasi", "Badu Advokasi", "Cici Advokasi", "Dodi Kampung", "Eka Kampung",
        "Fajar Makassar",
    }  # fmt: skip
    by_subgroup = client.get(_invitees_url(forum, f"subgroup={crowd['advokasi'].pk}"))
    assert _names(by_subgroup) == {
        "Andi Advokasi",
        "Badu Advokasi",
        "Cici Advokasi",
        "Fajar Makassar",
    }
    by_institution = client.get(_invitees_url(forum, f"institution={crowd['dinkes'].pk}"))
    assert _names(by_institution) == {"Andi Advokasi", "Cici Advokasi", "Eka Kampung"}
    by_role = client.get(_invitees_url(forum, "role=chair"))
    assert _names(by_role) == {"Dodi Kampung"}
    by_region = client.get(_invitees_url(forum, f"region={h.region('73.71').pk}"))
    assert _names(by_region) == {"Fajar Makassar"}
    combined = client.get(
        _invitees_url(
            forum, f"subgroup={crowd['advokasi'].pk}&region={h.region('73.06').pk}&q=badu"
        )
    )
    assert _names(combined) == {"Badu Advokasi"}


def test_saving_a_filtered_list_keeps_the_members_not_shown(personas, crowd):
    client = personas.client("sulsel_admin")
    forum = crowd["forum"]
    services.set_invitees(
        meeting=forum,
        by=None,
        members=Member.objects.filter(name__in=["Dodi Kampung", "Fajar Makassar"]),
        institutions=[],
    )
    andi = Member.objects.get(name="Andi Advokasi")
    response = client.post(
        _invitees_url(forum, f"institution={crowd['dinkes'].pk}"),
        {"members": [andi.pk], "institutions": []},
    )
    assert response.status_code == 302
    invited = set(forum.participants.values_list("name", flat=True))
    # Andi ticked; Dodi and Fajar were not shown by the filter and stay invited.
    assert invited == {"Andi Advokasi", "Dodi Kampung", "Fajar Makassar"}


def test_a_whole_subgroup_is_invited_in_one_action_with_one_readable_audit_record(personas, crowd):
    client = personas.client("sulsel_admin")
    forum = crowd["forum"]
    services.set_invitees(
        meeting=forum, by=None, members=Member.objects.filter(name="Andi Advokasi"), institutions=[]
    )
    before = AuditEvent.objects.count()
    response = client.post(
        f"/r/73/meetings/{forum.pk}/invitees/group/?subgroup={crowd['advokasi'].pk}"
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"?subgroup={crowd['advokasi'].pk}")
    invited = set(forum.participants.values_list("name", flat=True))
    assert invited == {"Andi Advokasi", "Badu Advokasi", "Cici Advokasi", "Fajar Makassar"}
    events = AuditEvent.objects.order_by("pk")[before:]
    assert [e.code for e in events] == ["meetings.members_invited"]
    with translation.override("id"):
        sentence = describe(events[0], actor="Admin Sulsel")
    assert sentence == (
        "Admin Sulsel mengundang 3 anggota sub-pokja Advokasi Uji ke “Forum Pokja”."
    )


def test_a_filter_that_does_not_parse_invites_nobody(personas, crowd):
    client = personas.client("sulsel_admin")
    forum = crowd["forum"]
    response = client.post(f"/r/73/meetings/{forum.pk}/invitees/group/?subgroup=999999")
    assert response.status_code == 302
    assert not forum.participants.exists()


def test_a_group_invitation_is_all_or_nothing(personas, crowd):
    forum = crowd["forum"]
    stranger = h.pokja("74", members=1).members.get()  # Sultra: not invited
    chosen = [*Member.objects.filter(name__endswith="Advokasi"), stranger]
    with pytest.raises(DomainError):
        services.invite_members(meeting=forum, by=personas.sulsel_admin, members=chosen)
    assert not forum.participants.exists()
    assert not AuditEvent.objects.filter(code="meetings.members_invited").exists()


def test_attendance_is_prepared_before_the_meeting_from_its_page(personas):
    gowa = h.pokja("73.06", members=2)
    meeting = h.meeting("73.06", started=False)
    h.invite_pokja(meeting, gowa)
    participant = meeting.participants.order_by("pk").first()
    client = personas.client("gowa_operator")
    url = f"/r/73.06/meetings/{meeting.pk}/attendance/"
    page = client.get(url).content.decode()
    assert 'id="attendance-preparation"' in page and "Persiapan sebelum rapat." in page
    assert "Simpan persiapan" in page
    response = client.post(
        url,
        {f"attendance-{participant.pk}": "represented", f"represented_by-{participant.pk}": "Staf"},
    )
    assert response.status_code == 302
    participant.refresh_from_db()
    assert (participant.attendance, participant.represented_by) == ("represented", "Staf")


def test_several_action_items_are_marked_done_at_once(personas):
    first, second = h.item("73.06", title="Satu"), h.item("73.06", title="Dua")
    closed = h.item("73.06", title="Sudah")
    services.report_progress(
        item=closed, by=None, text="x", status="dropped", expected_version=closed.version
    )
    client = personas.client("gowa_operator")
    response = client.post(
        "/r/73.06/action-items/done/",
        {"items": [first.pk, second.pk, closed.pk], "text": "Rampung", "query": "status=all"},
    )
    assert response.status_code == 302 and response["Location"].endswith("?status=all")
    for item in (first, second):
        item.refresh_from_db()
        assert item.status == ActionItem.Status.DONE and item.closed_at is not None
        assert item.notes.get().text == "Rampung"
    closed.refresh_from_db()
    assert closed.status == ActionItem.Status.DROPPED
    event = AuditEvent.objects.get(code="meetings.items_done")
    with translation.override("id"):
        assert "menandai 2 tindak lanjut selesai" in describe(event, actor="Operator")


def test_marking_done_an_item_outside_the_region_is_404_and_changes_nothing(personas):
    ours = h.item("73.06", title="Milik Gowa")
    theirs = h.item("73.71", title="Milik Makassar")
    client = personas.client("gowa_operator")
    response = client.post("/r/73.06/action-items/done/", {"items": [ours.pk, theirs.pk]})
    assert response.status_code == 404
    assert set(ActionItem.objects.values_list("status", flat=True)) == {"open"}
    # A member may close only the items assigned to their own member record: 403, no change.
    member = personas.client("gowa_member")
    assert member.post("/r/73.06/action-items/done/", {"items": [ours.pk]}).status_code == 403
    assert set(ActionItem.objects.values_list("status", flat=True)) == {"open"}


def test_the_action_item_list_is_searched_sorted_and_paginated(personas):
    for i in range(30):
        h.item("73.06", title=f"Tugas {i:02d}", due_in=i + 1)
    h.item("73.06", title="Laporan triwulan khusus", due_in=50)
    client = personas.client("gowa_operator")
    first = client.get("/r/73.06/action-items/?status=open").content.decode()
    assert first.count('name="items"') == 25  # one page
    assert "Tugas 00" in first and "Tugas 29" not in first
    assert "Halaman 1 dari 2 (31 baris)" in first
    # The page links keep the filter and the sort.
    assert 'href="?status=open&amp;sort=due&amp;page=2"' in first
    # The bulk form sends the list's filters back, so "mark done" returns to the same view.
    assert 'name="query" value="status=open"' in first
    second = client.get("/r/73.06/action-items/?status=open&sort=due&page=2").content.decode()
    assert second.count('name="items"') == 6 and "Tugas 29" in second
    latest = client.get("/r/73.06/action-items/?sort=-due").content.decode()
    assert latest.index("Laporan triwulan") < latest.index("Tugas 29")
    found = client.get("/r/73.06/action-items/?q=triwulan").content.decode()
    assert found.count('name="items"') == 1 and "Laporan triwulan khusus" in found
    assert 'name="q" value="triwulan"' in found


def test_participants_are_not_duplicated_by_a_second_group_invitation(personas, crowd):
    forum = crowd["forum"]
    group = Member.objects.filter(subgroup=crowd["advokasi"])
    assert services.invite_members(meeting=forum, by=None, members=group) == 4
    assert services.invite_members(meeting=forum, by=None, members=group) == 0
    assert Participant.objects.filter(meeting=forum).count() == 4
