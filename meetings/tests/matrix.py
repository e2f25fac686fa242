"""Permission matrix of the forum: meetings, attendance, minutes, action items, agenda,
announcements and letterhead, HTML and API.

Fixtures: a Gowa meeting (organised by 73.06) and a provincial forum (73) inviting Gowa only, so
Makassar (73.71) is neither organiser nor invited and answers 404 even for the Sulsel admin."""

from meetings import services
from meetings.models import Minutes
from meetings.tests import helpers as h
from tests.matrix import (
    Row,
    action,
    api_rows,
    edit_gowa,
    edit_sulsel,
    expect,
    form,
    view_gowa,
    view_sulsel,
)

NOT_HERE = expect(404, anonymous=302)
API_NOT_HERE = expect(404)  # api_rows() makes it an API shape (anonymous: 401)


def _gowa(personas):
    """A Gowa meeting that has started, with a guest, a session, a material, draft minutes and an
    action item; plus a Gowa item assigned to the Gowa member's own member record."""
    workgroup = h.pokja("73.06", user=personas.gowa_member)
    meeting = h.meeting("73.06")
    services.set_invitees(
        meeting=meeting, by=None, members=workgroup.members.all(), institutions=[]
    )
    guest = services.add_guest(meeting=meeting, by=None, name="Tamu", institution_name="TP-PKK")
    session = services.add_agenda_item(meeting=meeting, by=None, title="Pembukaan")
    material = services.add_material(
        meeting=meeting, by=None, title="Paparan", upload=h.pdf_upload()
    )
    minutes = services.save_minutes(
        meeting=meeting, by=None, body="<p>Rapat</p>", decisions=[{"text": "Sepakat"}]
    )
    item = h.item("73.06", meeting=meeting)
    note = services.report_progress(
        item=item,
        by=personas.gowa_operator,
        text="Mulai",
        status="in_progress",
        evidence=h.pdf_upload(),
        expected_version=item.version,
    )
    own = h.item(
        "73.06", member=workgroup.members.get(user=personas.gowa_member), title="Item anggota"
    )
    return {
        "meeting": meeting.pk, "participant": guest.pk, "session": session.pk, "material": material.pk,
        "minutes_version": minutes.version, "item": item.pk, "note": note.pk, "own_item": own.pk,
    }  # fmt: skip


def _approved(personas):
    kwargs = _gowa(personas)
    minutes = Minutes.objects.get(meeting_id=kwargs["meeting"])
    services.approve_minutes(
        minutes=minutes, by=personas.gowa_operator, expected_version=minutes.version
    )
    return kwargs


def _forum(personas):
    """A provincial forum inviting Gowa, with material, approved minutes and Gowa's commitment."""
    h.pokja("73.06", user=personas.gowa_member)
    forum = h.meeting("73", invited=["73.06"], title="Forum Komunikasi", kind="forum")
    material = services.add_material(meeting=forum, by=None, title="Paparan", upload=h.pdf_upload())
    minutes = services.save_minutes(
        meeting=forum, by=None, body="<p>Forum</p>", decisions=[{"text": "APBD"}]
    )
    services.approve_minutes(
        minutes=minutes, by=personas.sulsel_admin, expected_version=minutes.version
    )
    commitment = h.item(
        "73", assigned="73.06", meeting=forum, kind="commitment", title="Anggaran Pokja di APBD"
    )
    announcement = services.send_announcement(
        region=h.region("73"),
        by=personas.sulsel_admin,
        title="Pengumuman",
        body="Isi",
        recipients=[h.region("73.06")],
    )
    return {
        "forum": forum.pk,
        "forum_material": material.pk,
        "commitment": commitment.pk,
        "announcement": announcement.pk,
    }


def _letterhead(personas):
    h.letterhead("73.06")
    return {}


def _meeting_form(personas, kwargs):
    return {
        "title": "Rapat koordinasi", "kind": "coordination", "starts_at": "2030-07-24T09:00",
        "ends_at": "2030-07-24T15:00", "venue": "Aula", "online_url": "", "description": "",
        "letter_number": "", "letter_nature": "penting", "letter_subject": "Undangan", "letter_date": "",
        "version": "1", "status": "scheduled",
    }  # fmt: skip


def _forum_form(personas, kwargs):
    return {**_meeting_form(personas, kwargs), "invite_all_children": "on"}


def _item_form(personas, kwargs):
    return {"kind": "action", "title": "Susun rencana kerja", "description": "", "assigned_region": h.region("73.06").pk,
            "due_date": "2030-01-31", "version": "1"}  # fmt: skip


def _minutes_form(personas, kwargs):
    return {
        "version": kwargs.get("minutes_version", 1), "body": "<p>Isi</p>", "chair_name": "Ketua", "secretary_name": "",
        "decisions-TOTAL_FORMS": "1", "decisions-INITIAL_FORMS": "0", "decisions-MIN_NUM_FORMS": "0",
        "decisions-MAX_NUM_FORMS": "100", "decisions-0-id": "", "decisions-0-text": "Keputusan",
    }  # fmt: skip


def _material(personas, kwargs):
    return {"title": "Data", "file": h.xlsx_upload()}


def _letterhead_form(personas, kwargs):
    return {"header_line": "PEMERINTAH KABUPATEN GOWA", "city": "Sungguminasa", "signatory_title": "Kepala Dinas",
            "signatory_name": "", "signatory_id_number": "", "version": "1", "logo_upload": h.png_upload()}  # fmt: skip


_guest = {"name": "Narasumber", "institution_name": "Unhas"}
_session = {"title": "Diskusi", "speaker": "Kepala Dinas"}
_FORUM_MATERIAL = "/r/{{{r}}}/meetings/{{forum}}/materials/{{forum_material}}/"
_INVITATION = "/r/{{{r}}}/meetings/{{forum}}/invitation.pdf"
_ANNOUNCEMENT = "/r/{{{r}}}/announcements/{{announcement}}/"


def _ticked(key):
    """The bulk "mark done" form with the item of the setup named `key` ticked."""
    return lambda personas, kwargs: {"items": [kwargs[key]]}


def _progress(personas, kwargs):
    return {"version": "1", "status": "done", "text": "Selesai"}


_M = "/r/{gowa}/meetings/{meeting}/"
_I = "/r/{gowa}/action-items/"
_api_meeting = {
    "title": "Rapat",
    "starts_at": "2030-07-24T09:00:00",
    "ends_at": "2030-07-24T15:00:00",
    "venue": "Aula",
}
op = api_rows(
    "/api/v1/regions/{code}",
    code="{gowa}",
    meeting_id="{meeting}",
    item_id="{commitment}",
    announcement_id="{announcement}",
)

# The forum's commitment assigned to Gowa: the Gowa operator may close it (operator of the
# assigned region), the Gowa member may not (not assigned to their member record).
_progress_commitment = expect(302, gowa_member=403, sulsel_viewer=403, sultra_admin=404)
# An item assigned to the Gowa member's own record: the member may update it.
_progress_own = expect(302, sulsel_viewer=403, sultra_admin=404)
# Changing the province's meeting or item through Gowa's URL: read-only for Gowa's operator.
_edit_forum_via_gowa = edit_gowa(302)
_edit_forum_via_gowa["gowa_operator"] = 403
# Draft minutes: only the organiser's editors.
_draft = expect(200, gowa_member=403, sulsel_viewer=403, sultra_admin=404, anonymous=302)
# Sending an announcement from a kab/kota: nobody (404 for those holding the right).
_announce_from_gowa = expect(
    403, national_admin=404, sulsel_admin=404, sultra_admin=404, anonymous=302
)
_read_only_for_gowa = edit_gowa() | {"gowa_operator": 403}


def _gowa_attendance(personas, kwargs):
    return {f"attendance-{kwargs['participant']}": "present"}


def _api_attendance(personas, kwargs):
    return {"entries": [{"participant_id": kwargs["participant"], "attendance": "present"}]}


def _announcement_form(personas, kwargs):
    return {"title": "Rapat", "body": "Isi", "recipients": [h.region("73.06").pk]}


ROWS = [
    # Meetings
    Row("meetings:list", "GET", "/r/{gowa}/meetings/", view_gowa(), setup=_forum),
    Row("meetings:list", "GET", "/r/{sulsel}/meetings/", view_sulsel(), setup=_forum),
    *form("meetings:create", "/r/{gowa}/meetings/new/", data=_meeting_form),
    action("meetings:create", "/r/{sulsel}/meetings/new/", data=_forum_form, shape=edit_sulsel),
    Row(
        "meetings:attendance_report",
        "GET",
        "/r/{gowa}/meetings/attendance/",
        view_gowa(),
        setup=_gowa,
    ),
    Row("meetings:detail", "GET", _M, view_gowa(), setup=_gowa),
    Row("meetings:detail", "GET", "/r/{sulsel}/meetings/{forum}/", view_sulsel(), setup=_forum),
    Row(
        "meetings:detail",
        "GET",
        "/r/{gowa}/meetings/{forum}/",
        view_gowa(),
        setup=_forum,
        note="invited region",
    ),
    Row(
        "meetings:detail",
        "GET",
        "/r/{makassar}/meetings/{forum}/",
        NOT_HERE,
        setup=_forum,
        note="not invited",
    ),
    Row(
        "meetings:detail",
        "GET",
        "/r/{gowa}/meetings/{meeting}/",
        NOT_HERE,
        setup=lambda p: {"meeting": h.meeting("73.71").pk},
        note="another region's meeting by id",
    ),
    *form("meetings:edit", _M + "edit/", setup=_gowa, data=_meeting_form),
    Row(
        "meetings:edit",
        "POST",
        "/r/{gowa}/meetings/{forum}/edit/",
        _edit_forum_via_gowa,
        setup=_forum,
        data=_forum_form,
    ),
    *form(
        "meetings:invitees", _M + "invitees/", setup=_gowa, data={"members": [], "institutions": []}
    ),
    action("meetings:invite_group", _M + "invitees/group/?role=member", _gowa),
    action("meetings:guest_add", _M + "guests/", _gowa, _guest),
    action("meetings:participant_delete", _M + "participants/{participant}/delete/", _gowa),
    action("meetings:agenda_add", _M + "agenda/", _gowa, _session),
    action("meetings:agenda_delete", _M + "agenda/{session}/delete/", _gowa),
    action("meetings:material_add", _M + "materials/", _gowa, _material),
    Row(
        "meetings:material_download", "GET", _M + "materials/{material}/", view_gowa(), setup=_gowa
    ),
    Row(
        "meetings:material_download",
        "GET",
        _FORUM_MATERIAL.format(r="gowa"),
        view_gowa(),
        setup=_forum,
    ),
    Row(
        "meetings:material_download",
        "GET",
        _FORUM_MATERIAL.format(r="makassar"),
        NOT_HERE,
        setup=_forum,
    ),
    action("meetings:material_delete", _M + "materials/{material}/delete/", _gowa),
    Row("meetings:invitation_pdf", "GET", _INVITATION.format(r="gowa"), view_gowa(), setup=_forum),
    Row("meetings:invitation_pdf", "GET", _INVITATION.format(r="makassar"), NOT_HERE, setup=_forum),
    Row("meetings:calendar", "GET", _M + "calendar.ics", view_gowa(), setup=_gowa),
    action("meetings:send_invitations", _M + "invitations/send/", _gowa),
    *form("meetings:attendance", _M + "attendance/", setup=_gowa, data=_gowa_attendance),
    Row(
        "meetings:attendance",
        "GET",
        "/r/{gowa}/meetings/{forum}/attendance/",
        _read_only_for_gowa,
        setup=_forum,
    ),
    Row("meetings:attendance_sheet", "GET", _M + "attendance.pdf", view_gowa(), setup=_gowa),
    # Minutes
    Row("meetings:minutes", "GET", _M + "minutes/", view_gowa(), setup=_gowa),
    *form("meetings:minutes_edit", _M + "minutes/edit/", setup=_gowa, data=_minutes_form),
    action(
        "meetings:minutes_approve",
        _M + "minutes/approve/",
        _gowa,
        lambda p, k: {"version": k["minutes_version"]},
    ),
    action(
        "meetings:minutes_withdraw",
        _M + "minutes/withdraw/",
        _approved,
        {"version": "2", "reason": "Salah ketik"},
    ),
    Row("meetings:minutes_pdf", "GET", _M + "minutes.pdf", _draft, setup=_gowa, note="draft"),
    Row(
        "meetings:minutes_pdf",
        "GET",
        "/r/{gowa}/meetings/{forum}/minutes.pdf",
        view_gowa(),
        setup=_forum,
        note="approved",
    ),
    # Action items
    Row("meetings:items", "GET", _I, view_gowa(), setup=_forum),
    Row("meetings:items", "GET", "/r/{sulsel}/action-items/", view_sulsel(), setup=_forum),
    *form("meetings:item_create", _I + "new/", data=_item_form),
    action(
        "meetings:item_create", "/r/{sulsel}/action-items/new/", data=_item_form, shape=edit_sulsel
    ),
    Row("meetings:item_detail", "GET", _I + "{item}/", view_gowa(), setup=_gowa),
    Row(
        "meetings:item_detail",
        "GET",
        _I + "{commitment}/",
        view_gowa(),
        setup=_forum,
        note="assigned to Gowa",
    ),
    Row(
        "meetings:item_detail",
        "GET",
        "/r/{makassar}/action-items/{commitment}/",
        NOT_HERE,
        setup=_forum,
    ),
    *form(
        "meetings:item_edit",
        _I + "{item}/edit/",
        setup=_gowa,
        data=lambda p, k: {**_item_form(p, k), "version": "2"},
    ),
    Row("meetings:item_edit", "GET", _I + "{commitment}/edit/", _read_only_for_gowa, setup=_forum),
    Row(
        "meetings:item_progress",
        "POST",
        _I + "{commitment}/progress/",
        _progress_commitment,
        setup=_forum,
        data=_progress,
    ),
    Row(
        "meetings:item_progress",
        "POST",
        _I + "{own_item}/progress/",
        _progress_own,
        setup=_gowa,
        data=_progress,
    ),
    *[
        Row(
            "meetings:items_done",
            "POST",
            f"/r/{{{code}}}/action-items/done/",
            shape,
            setup=setup,
            data=_ticked(key),
            note=note,
        )
        for code, key, shape, setup, note in (
            ("gowa", "commitment", _progress_commitment, _forum, ""),
            ("gowa", "own_item", _progress_own, _gowa, "the member's own item"),
            (
                "makassar",
                "item",
                expect(404, sulsel_viewer=403, anonymous=302),
                _gowa,
                "another region's item by id",
            ),
        )
    ],  # fmt: skip
    Row(
        "meetings:item_evidence",
        "GET",
        _I + "{item}/notes/{note}/evidence/",
        view_gowa(),
        setup=_gowa,
    ),
    # Agenda
    Row("meetings:agenda", "GET", "/r/{gowa}/agenda/", view_gowa(), setup=_forum),
    Row("meetings:agenda", "GET", "/r/{sulsel}/agenda/", view_sulsel(), setup=_forum),
    # Announcements
    Row("meetings:announcements", "GET", "/r/{gowa}/announcements/", view_gowa(), setup=_forum),
    Row("meetings:announcements", "GET", "/r/{sulsel}/announcements/", view_sulsel(), setup=_forum),
    *form(
        "meetings:announcement_create",
        "/r/{sulsel}/announcements/new/",
        edit_sulsel,
        data=_announcement_form,
    ),
    Row("meetings:announcement_create", "GET", "/r/{gowa}/announcements/new/", _announce_from_gowa),
    Row(
        "meetings:announcement_detail",
        "GET",
        _ANNOUNCEMENT.format(r="sulsel"),
        view_sulsel(),
        setup=_forum,
    ),
    Row(
        "meetings:announcement_detail",
        "GET",
        _ANNOUNCEMENT.format(r="gowa"),
        view_gowa(),
        setup=_forum,
    ),
    Row(
        "meetings:announcement_detail",
        "GET",
        _ANNOUNCEMENT.format(r="makassar"),
        NOT_HERE,
        setup=_forum,
    ),
    # Letterhead
    *form("meetings:letterhead", "/r/{gowa}/letterhead/", data=_letterhead_form),
    Row("meetings:letterhead", "GET", "/r/{sulsel}/letterhead/", edit_sulsel()),
    Row(
        "meetings:letterhead_logo",
        "GET",
        "/r/{gowa}/letterhead/logo/",
        view_gowa(),
        setup=_letterhead,
    ),
    # API: meetings
    op("GET /meetings", view_gowa(), _forum),
    op("POST /meetings", edit_gowa(201), data=_api_meeting),
    op(
        "POST /meetings",
        edit_sulsel(201),
        data={**_api_meeting, "invite_all_children": True},
        code="{sulsel}",
    ),
    op("GET /meetings/{meeting_id}", view_gowa(), _gowa),
    op("GET /meetings/{meeting_id}", view_gowa(), _forum, meeting_id="{forum}"),
    op("GET /meetings/{meeting_id}", API_NOT_HERE, _forum, code="{makassar}", meeting_id="{forum}"),
    op(
        "PATCH /meetings/{meeting_id}",
        edit_gowa(200),
        _gowa,
        {"version": 1, "venue": "Ruang rapat"},
    ),
    op(
        "PATCH /meetings/{meeting_id}",
        _edit_forum_via_gowa | {"national_admin": 200, "sulsel_admin": 200},
        _forum,
        {"version": 1, "venue": "Hotel"},
        meeting_id="{forum}",
    ),
    op("GET /meetings/{meeting_id}/attendance", view_gowa(), _gowa),
    op("PUT /meetings/{meeting_id}/attendance", edit_gowa(200), _gowa, _api_attendance),
    op(
        "POST /meetings/{meeting_id}/participants",
        edit_gowa(201),
        _gowa,
        {"name": "Tamu", "institution_name": "IBI"},
    ),
    op("GET /meetings/{meeting_id}/minutes", view_gowa(), _forum, meeting_id="{forum}"),
    op(
        "GET /meetings/{meeting_id}/minutes",
        _draft | {"gowa_member": 404, "sulsel_viewer": 404},
        _gowa,
        note="draft",
    ),
    op(
        "PUT /meetings/{meeting_id}/minutes",
        edit_gowa(200),
        _gowa,
        {"body": "<p>Isi</p>", "version": 1},
    ),
    op("POST /meetings/{meeting_id}/minutes/approve", edit_gowa(200), _gowa, {"version": 1}),
    op(
        "POST /meetings/{meeting_id}/minutes/withdraw",
        edit_gowa(200),
        _approved,
        {"version": 2, "reason": "Koreksi"},
    ),
    # API: action items
    op("GET /action-items", view_gowa(), _forum),
    op(
        "POST /action-items",
        edit_gowa(201),
        data={"title": "Susun rencana", "due_date": "2030-01-31"},
    ),
    op("GET /action-items/{item_id}", view_gowa(), _forum),
    op("GET /action-items/{item_id}", API_NOT_HERE, _forum, code="{makassar}"),
    op(
        "PATCH /action-items/{item_id}",
        edit_gowa(200),
        _gowa,
        {"version": 2, "title": "Baru"},
        item_id="{item}",
    ),
    op(
        "PATCH /action-items/{item_id}",
        _read_only_for_gowa,
        _forum,
        {"version": 1, "title": "Baru"},
    ),
    op(
        "POST /action-items/{item_id}/progress",
        _progress_commitment | {"national_admin": 201, "sulsel_admin": 201, "gowa_operator": 201},
        _forum,
        {"version": 1, "status": "done", "text": "Sudah dianggarkan"},
    ),
    op(
        "POST /action-items/{item_id}/progress",
        expect(201, sulsel_viewer=403, sultra_admin=404),
        _gowa,
        {"version": 1, "text": "Dikerjakan", "status": "in_progress"},
        item_id="{own_item}",
    ),
    # API: announcements
    op("GET /announcements", view_gowa(), _forum),
    op(
        "POST /announcements",
        edit_sulsel(201),
        data={"title": "Rapat", "body": "Isi"},
        code="{sulsel}",
    ),
    op("GET /announcements/{announcement_id}", view_gowa(), _forum),
    op("GET /announcements/{announcement_id}", API_NOT_HERE, _forum, code="{makassar}"),
]
