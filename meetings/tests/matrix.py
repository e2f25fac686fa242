"""Permission matrix of the forum: meetings, attendance, minutes, action items, agenda,
announcements and letterhead, HTML and API.

Fixtures: a Gowa meeting (organised by 73.06) and a provincial forum (73) inviting Gowa only, so
Makassar (73.71) is neither organiser nor invited and answers 404 even for the Sulsel admin."""

from meetings import services
from meetings.models import Minutes
from meetings.tests import helpers as h
from tests.matrix import Row, api, edit_gowa, edit_sulsel, expect, view_gowa, view_sulsel

NOT_HERE = expect(404, anonymous=302)
API_NOT_HERE = api(expect(404))


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


def _ticked(key):
    """The bulk "mark done" form with the item of the setup named `key` ticked."""
    return lambda personas, kwargs: {"items": [kwargs[key]]}


def _progress(personas, kwargs):
    return {"version": "1", "status": "done", "text": "Selesai"}


_M = "/r/{gowa}/meetings/{meeting}/"
_F = "/api/v1/regions/{gowa}/meetings/{meeting}"
_api_meeting = {
    "title": "Rapat",
    "starts_at": "2030-07-24T09:00:00",
    "ends_at": "2030-07-24T15:00:00",
    "venue": "Aula",
}

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

ROWS = [
    # Meetings
    Row("meetings:list", "GET", "/r/{gowa}/meetings/", view_gowa(), setup=_forum),
    Row("meetings:list", "GET", "/r/{sulsel}/meetings/", view_sulsel(), setup=_forum),
    Row("meetings:create", "GET", "/r/{gowa}/meetings/new/", edit_gowa()),
    Row("meetings:create", "POST", "/r/{gowa}/meetings/new/", edit_gowa(302), data=_meeting_form),
    Row("meetings:create", "POST", "/r/{sulsel}/meetings/new/", edit_sulsel(302), data=_forum_form),
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
    Row("meetings:edit", "GET", _M + "edit/", edit_gowa(), setup=_gowa),
    Row("meetings:edit", "POST", _M + "edit/", edit_gowa(302), setup=_gowa, data=_meeting_form),
    Row(
        "meetings:edit",
        "POST",
        "/r/{gowa}/meetings/{forum}/edit/",
        _edit_forum_via_gowa,
        setup=_forum,
        data=_forum_form,
    ),
    Row("meetings:invitees", "GET", _M + "invitees/", edit_gowa(), setup=_gowa),
    Row(
        "meetings:invitees",
        "POST",
        _M + "invitees/",
        edit_gowa(302),
        setup=_gowa,
        data={"members": [], "institutions": []},
    ),
    Row(
        "meetings:invite_group",
        "POST",
        _M + "invitees/group/?role=member",
        edit_gowa(302),
        setup=_gowa,
    ),
    Row(
        "meetings:guest_add",
        "POST",
        _M + "guests/",
        edit_gowa(302),
        setup=_gowa,
        data={"name": "Narasumber", "institution_name": "Unhas"},
    ),
    Row(
        "meetings:participant_delete",
        "POST",
        _M + "participants/{participant}/delete/",
        edit_gowa(302),
        setup=_gowa,
    ),
    Row(
        "meetings:agenda_add",
        "POST",
        _M + "agenda/",
        edit_gowa(302),
        setup=_gowa,
        data={"title": "Diskusi", "speaker": "Kepala Dinas"},
    ),
    Row(
        "meetings:agenda_delete",
        "POST",
        _M + "agenda/{session}/delete/",
        edit_gowa(302),
        setup=_gowa,
    ),
    Row(
        "meetings:material_add",
        "POST",
        _M + "materials/",
        edit_gowa(302),
        setup=_gowa,
        data=_material,
    ),
    Row(
        "meetings:material_download", "GET", _M + "materials/{material}/", view_gowa(), setup=_gowa
    ),
    Row(
        "meetings:material_download",
        "GET",
        "/r/{gowa}/meetings/{forum}/materials/{forum_material}/",
        view_gowa(),
        setup=_forum,
    ),
    Row(
        "meetings:material_download",
        "GET",
        "/r/{makassar}/meetings/{forum}/materials/{forum_material}/",
        NOT_HERE,
        setup=_forum,
    ),
    Row(
        "meetings:material_delete",
        "POST",
        _M + "materials/{material}/delete/",
        edit_gowa(302),
        setup=_gowa,
    ),
    Row(
        "meetings:invitation_pdf",
        "GET",
        "/r/{gowa}/meetings/{forum}/invitation.pdf",
        view_gowa(),
        setup=_forum,
    ),
    Row(
        "meetings:invitation_pdf",
        "GET",
        "/r/{makassar}/meetings/{forum}/invitation.pdf",
        NOT_HERE,
        setup=_forum,
    ),
    Row("meetings:calendar", "GET", _M + "calendar.ics", view_gowa(), setup=_gowa),
    Row("meetings:send_invitations", "POST", _M + "invitations/send/", edit_gowa(302), setup=_gowa),
    Row("meetings:attendance", "GET", _M + "attendance/", edit_gowa(), setup=_gowa),
    Row(
        "meetings:attendance",
        "POST",
        _M + "attendance/",
        edit_gowa(302),
        setup=_gowa,
        data=lambda p, k: {f"attendance-{k['participant']}": "present"},
    ),
    Row(
        "meetings:attendance",
        "GET",
        "/r/{gowa}/meetings/{forum}/attendance/",
        edit_gowa() | {"gowa_operator": 403},
        setup=_forum,
    ),
    Row("meetings:attendance_sheet", "GET", _M + "attendance.pdf", view_gowa(), setup=_gowa),
    # Minutes
    Row("meetings:minutes", "GET", _M + "minutes/", view_gowa(), setup=_gowa),
    Row("meetings:minutes_edit", "GET", _M + "minutes/edit/", edit_gowa(), setup=_gowa),
    Row(
        "meetings:minutes_edit",
        "POST",
        _M + "minutes/edit/",
        edit_gowa(302),
        setup=_gowa,
        data=_minutes_form,
    ),
    Row(
        "meetings:minutes_approve",
        "POST",
        _M + "minutes/approve/",
        edit_gowa(302),
        setup=_gowa,
        data=lambda p, k: {"version": k["minutes_version"]},
    ),
    Row(
        "meetings:minutes_withdraw",
        "POST",
        _M + "minutes/withdraw/",
        edit_gowa(302),
        setup=_approved,
        data={"version": "2", "reason": "Salah ketik"},
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
    Row("meetings:items", "GET", "/r/{gowa}/action-items/", view_gowa(), setup=_forum),
    Row("meetings:items", "GET", "/r/{sulsel}/action-items/", view_sulsel(), setup=_forum),
    Row("meetings:item_create", "GET", "/r/{gowa}/action-items/new/", edit_gowa()),
    Row(
        "meetings:item_create",
        "POST",
        "/r/{gowa}/action-items/new/",
        edit_gowa(302),
        data=_item_form,
    ),
    Row(
        "meetings:item_create",
        "POST",
        "/r/{sulsel}/action-items/new/",
        edit_sulsel(302),
        data=_item_form,
    ),
    Row("meetings:item_detail", "GET", "/r/{gowa}/action-items/{item}/", view_gowa(), setup=_gowa),
    Row(
        "meetings:item_detail",
        "GET",
        "/r/{gowa}/action-items/{commitment}/",
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
    Row(
        "meetings:item_edit", "GET", "/r/{gowa}/action-items/{item}/edit/", edit_gowa(), setup=_gowa
    ),
    Row(
        "meetings:item_edit",
        "POST",
        "/r/{gowa}/action-items/{item}/edit/",
        edit_gowa(302),
        setup=_gowa,
        data=lambda p, k: {**_item_form(p, k), "version": "2"},
    ),
    Row(
        "meetings:item_edit",
        "GET",
        "/r/{gowa}/action-items/{commitment}/edit/",
        edit_gowa() | {"gowa_operator": 403},
        setup=_forum,
    ),
    Row(
        "meetings:item_progress",
        "POST",
        "/r/{gowa}/action-items/{commitment}/progress/",
        _progress_commitment,
        setup=_forum,
        data=_progress,
    ),
    Row(
        "meetings:item_progress",
        "POST",
        "/r/{gowa}/action-items/{own_item}/progress/",
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
        "/r/{gowa}/action-items/{item}/notes/{note}/evidence/",
        view_gowa(),
        setup=_gowa,
    ),
    # Agenda
    Row("meetings:agenda", "GET", "/r/{gowa}/agenda/", view_gowa(), setup=_forum),
    Row("meetings:agenda", "GET", "/r/{sulsel}/agenda/", view_sulsel(), setup=_forum),
    # Announcements
    Row("meetings:announcements", "GET", "/r/{gowa}/announcements/", view_gowa(), setup=_forum),
    Row("meetings:announcements", "GET", "/r/{sulsel}/announcements/", view_sulsel(), setup=_forum),
    Row("meetings:announcement_create", "GET", "/r/{sulsel}/announcements/new/", edit_sulsel()),
    Row(
        "meetings:announcement_create",
        "POST",
        "/r/{sulsel}/announcements/new/",
        edit_sulsel(302),
        data=lambda p, k: {"title": "Rapat", "body": "Isi", "recipients": [h.region("73.06").pk]},
    ),
    Row("meetings:announcement_create", "GET", "/r/{gowa}/announcements/new/", _announce_from_gowa),
    Row(
        "meetings:announcement_detail",
        "GET",
        "/r/{sulsel}/announcements/{announcement}/",
        view_sulsel(),
        setup=_forum,
    ),
    Row(
        "meetings:announcement_detail",
        "GET",
        "/r/{gowa}/announcements/{announcement}/",
        view_gowa(),
        setup=_forum,
    ),
    Row(
        "meetings:announcement_detail",
        "GET",
        "/r/{makassar}/announcements/{announcement}/",
        NOT_HERE,
        setup=_forum,
    ),
    # Letterhead
    Row("meetings:letterhead", "GET", "/r/{gowa}/letterhead/", edit_gowa()),
    Row(
        "meetings:letterhead",
        "POST",
        "/r/{gowa}/letterhead/",
        edit_gowa(302),
        data=_letterhead_form,
    ),
    Row("meetings:letterhead", "GET", "/r/{sulsel}/letterhead/", edit_sulsel()),
    Row(
        "meetings:letterhead_logo",
        "GET",
        "/r/{gowa}/letterhead/logo/",
        view_gowa(),
        setup=_letterhead,
    ),
    # API: meetings
    Row(
        "GET /api/v1/regions/{code}/meetings",
        "GET",
        "/api/v1/regions/{gowa}/meetings",
        api(view_gowa()),
        api=True,
        setup=_forum,
    ),
    Row(
        "POST /api/v1/regions/{code}/meetings",
        "POST",
        "/api/v1/regions/{gowa}/meetings",
        api(edit_gowa(201)),
        api=True,
        data=_api_meeting,
    ),
    Row(
        "POST /api/v1/regions/{code}/meetings",
        "POST",
        "/api/v1/regions/{sulsel}/meetings",
        api(edit_sulsel(201)),
        api=True,
        data={**_api_meeting, "invite_all_children": True},
    ),
    Row(
        "GET /api/v1/regions/{code}/meetings/{meeting_id}",
        "GET",
        _F,
        api(view_gowa()),
        api=True,
        setup=_gowa,
    ),
    Row(
        "GET /api/v1/regions/{code}/meetings/{meeting_id}",
        "GET",
        "/api/v1/regions/{gowa}/meetings/{forum}",
        api(view_gowa()),
        api=True,
        setup=_forum,
    ),
    Row(
        "GET /api/v1/regions/{code}/meetings/{meeting_id}",
        "GET",
        "/api/v1/regions/{makassar}/meetings/{forum}",
        API_NOT_HERE,
        api=True,
        setup=_forum,
    ),
    Row(
        "PATCH /api/v1/regions/{code}/meetings/{meeting_id}",
        "PATCH",
        _F,
        api(edit_gowa(200)),
        api=True,
        setup=_gowa,
        data={"version": 1, "venue": "Ruang rapat"},
    ),
    Row(
        "PATCH /api/v1/regions/{code}/meetings/{meeting_id}",
        "PATCH",
        "/api/v1/regions/{gowa}/meetings/{forum}",
        api(_edit_forum_via_gowa | {"national_admin": 200, "sulsel_admin": 200}),
        api=True,
        setup=_forum,
        data={"version": 1, "venue": "Hotel"},
    ),
    Row(
        "GET /api/v1/regions/{code}/meetings/{meeting_id}/attendance",
        "GET",
        _F + "/attendance",
        api(view_gowa()),
        api=True,
        setup=_gowa,
    ),
    Row(
        "PUT /api/v1/regions/{code}/meetings/{meeting_id}/attendance",
        "PUT",
        _F + "/attendance",
        api(edit_gowa(200)),
        api=True,
        setup=_gowa,
        data=lambda p, k: {
            "entries": [{"participant_id": k["participant"], "attendance": "present"}]
        },
    ),
    Row(
        "POST /api/v1/regions/{code}/meetings/{meeting_id}/participants",
        "POST",
        _F + "/participants",
        api(edit_gowa(201)),
        api=True,
        setup=_gowa,
        data={"name": "Tamu", "institution_name": "IBI"},
    ),
    Row(
        "GET /api/v1/regions/{code}/meetings/{meeting_id}/minutes",
        "GET",
        "/api/v1/regions/{gowa}/meetings/{forum}/minutes",
        api(view_gowa()),
        api=True,
        setup=_forum,
    ),
    Row(
        "GET /api/v1/regions/{code}/meetings/{meeting_id}/minutes",
        "GET",
        _F + "/minutes",
        api(_draft | {"gowa_member": 404, "sulsel_viewer": 404}),
        api=True,
        setup=_gowa,
        note="draft",
    ),
    Row(
        "PUT /api/v1/regions/{code}/meetings/{meeting_id}/minutes",
        "PUT",
        _F + "/minutes",
        api(edit_gowa(200)),
        api=True,
        setup=_gowa,
        data={"body": "<p>Isi</p>", "version": 1},
    ),
    Row(
        "POST /api/v1/regions/{code}/meetings/{meeting_id}/minutes/approve",
        "POST",
        _F + "/minutes/approve",
        api(edit_gowa(200)),
        api=True,
        setup=_gowa,
        data={"version": 1},
    ),
    Row(
        "POST /api/v1/regions/{code}/meetings/{meeting_id}/minutes/withdraw",
        "POST",
        _F + "/minutes/withdraw",
        api(edit_gowa(200)),
        api=True,
        setup=_approved,
        data={"version": 2, "reason": "Koreksi"},
    ),
    # API: action items
    Row(
        "GET /api/v1/regions/{code}/action-items",
        "GET",
        "/api/v1/regions/{gowa}/action-items",
        api(view_gowa()),
        api=True,
        setup=_forum,
    ),
    Row(
        "POST /api/v1/regions/{code}/action-items",
        "POST",
        "/api/v1/regions/{gowa}/action-items",
        api(edit_gowa(201)),
        api=True,
        data={"title": "Susun rencana", "due_date": "2030-01-31"},
    ),
    Row(
        "GET /api/v1/regions/{code}/action-items/{item_id}",
        "GET",
        "/api/v1/regions/{gowa}/action-items/{commitment}",
        api(view_gowa()),
        api=True,
        setup=_forum,
    ),
    Row(
        "GET /api/v1/regions/{code}/action-items/{item_id}",
        "GET",
        "/api/v1/regions/{makassar}/action-items/{commitment}",
        API_NOT_HERE,
        api=True,
        setup=_forum,
    ),
    Row(
        "PATCH /api/v1/regions/{code}/action-items/{item_id}",
        "PATCH",
        "/api/v1/regions/{gowa}/action-items/{item}",
        api(edit_gowa(200)),
        api=True,
        setup=_gowa,
        data={"version": 2, "title": "Baru"},
    ),
    Row(
        "PATCH /api/v1/regions/{code}/action-items/{item_id}",
        "PATCH",
        "/api/v1/regions/{gowa}/action-items/{commitment}",
        api(edit_gowa(200) | {"gowa_operator": 403}),
        api=True,
        setup=_forum,
        data={"version": 1, "title": "Baru"},
    ),
    Row(
        "POST /api/v1/regions/{code}/action-items/{item_id}/progress",
        "POST",
        "/api/v1/regions/{gowa}/action-items/{commitment}/progress",
        api(
            _progress_commitment
            | {"national_admin": 201, "sulsel_admin": 201, "gowa_operator": 201}
        ),
        api=True,
        setup=_forum,
        data={"version": 1, "status": "done", "text": "Sudah dianggarkan"},
    ),
    Row(
        "POST /api/v1/regions/{code}/action-items/{item_id}/progress",
        "POST",
        "/api/v1/regions/{gowa}/action-items/{own_item}/progress",
        api(expect(201, sulsel_viewer=403, sultra_admin=404)),
        api=True,
        setup=_gowa,
        data={"version": 1, "text": "Dikerjakan", "status": "in_progress"},
    ),
    # API: announcements
    Row(
        "GET /api/v1/regions/{code}/announcements",
        "GET",
        "/api/v1/regions/{gowa}/announcements",
        api(view_gowa()),
        api=True,
        setup=_forum,
    ),
    Row(
        "POST /api/v1/regions/{code}/announcements",
        "POST",
        "/api/v1/regions/{sulsel}/announcements",
        api(edit_sulsel(201)),
        api=True,
        data={"title": "Rapat", "body": "Isi"},
    ),
    Row(
        "GET /api/v1/regions/{code}/announcements/{announcement_id}",
        "GET",
        "/api/v1/regions/{gowa}/announcements/{announcement}",
        api(view_gowa()),
        api=True,
        setup=_forum,
    ),
    Row(
        "GET /api/v1/regions/{code}/announcements/{announcement_id}",
        "GET",
        "/api/v1/regions/{makassar}/announcements/{announcement}",
        API_NOT_HERE,
        api=True,
        setup=_forum,
    ),
]
