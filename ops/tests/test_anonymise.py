"""Issue 17, finding 9: the anonymised copy holds no personal value anywhere — not in the tables,
not in the audit log (`changes`, `object_repr`, `actor_username`), not in the admin log."""

import datetime
import json
import re
import zipfile

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from accounts.models import RoleAssignment, User
from audit.context import acting_as
from audit.models import AuditEvent
from audit.presenters import describe
from meetings.models import ActionItem, Meeting, Participant
from meetings.services import report_progress
from ops.backup import restore_archive
from planning.models import WorkPlan
from regions.models import Region
from regions.services import load_regions
from workgroups import services as workgroups
from workgroups.models import Member, WorkGroup

pytestmark = pytest.mark.django_db(transaction=True)

# Every personal value the test plants; none may survive in the archive.
PLANTED = {
    "usernames": ["andi.operator", "siti.rahmawati", "yusuf.deleted"],
    "user names": ["Andi", "Baso", "Andi Baso", "Siti", "Rahmawati", "Siti Rahmawati", "Yusuf"],
    "member names": [
        "Nurul Hidayah",
        "Muhammad Ridwan",
        "Hasanuddin Lagaligo",
        "Daeng Matona",
        "Karaeng Pattingalloang",
    ],
    # Entered in local form, stored in E.164 (+62…): both forms must be gone.
    "phones": ["081234567890", "085299887766", "081355512345", "082188776655"]
    + ["+6281234567890", "+6285299887766", "+6281355512345", "+6282188776655"],
    "e-mails": [
        "andi.operator@gowakab.go.id",
        "siti.r@gowakab.go.id",
        "nurul.hidayah@example.id",
        "ridwan@example.id",
        "hasanuddin@example.id",
        "matona@example.id",
    ],
}


def _plant():
    load_regions()
    gowa = Region.objects.get(code="73.06")
    andi = User.objects.create(
        username="andi.operator",
        first_name="Andi",
        last_name="Baso",
        email="andi.operator@gowakab.go.id",
    )
    RoleAssignment.objects.create(user=andi, role="regency_operator", region=gowa)
    siti = User.objects.create(
        username="siti.rahmawati",
        first_name="Siti",
        last_name="Rahmawati",
        email="siti.r@gowakab.go.id",
    )
    with acting_as(andi):
        RoleAssignment.objects.create(user=siti, role="viewer", region=gowa)
        # A user who never acted and is deleted: the audit log alone still names them.
        yusuf = User.objects.create(username="yusuf.deleted", first_name="Yusuf")
        RoleAssignment.objects.create(user=yusuf, role="viewer", region=gowa)
        yusuf.delete()

        workgroup = WorkGroup.objects.create(
            region=gowa,
            name="Pokja Bangga Kencana Gowa",
            contact_name="Daeng Matona",
            contact_phone="082188776655",
            contact_email="matona@example.id",
        )

        def member(name, phone, email):
            """A member of the Gowa Pokja, recorded by Andi."""
            return workgroups.create_member(
                by=andi, workgroup=workgroup, name=name, phone=phone, email=email
            )

        nurul = member("Nurul Hidayah", "081234567890", "nurul.hidayah@example.id")
        workgroups.update_member(
            by=andi, member=nurul, expected_version=nurul.version, phone="085299887766"
        )
        # Deleted: only the audit log keeps the name, phone and e-mail.
        ridwan = member("Muhammad Ridwan", "081355512345", "ridwan@example.id")
        workgroups.delete_member(by=andi, member=ridwan)
        nurul.refresh_from_db()
        workgroups.grant_login(by=andi, member=nurul, method="password")

        plan = WorkPlan.objects.create(workgroup=workgroup, year=2026, title="Rencana Kerja 2026")
        plan.approver_name = "Karaeng Pattingalloang"
        plan.save()

        meeting = Meeting.objects.create(
            region=gowa,
            title="Rapat koordinasi Pokja",
            venue="Kantor DPPKB Gowa",
            starts_at=datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC),
            ends_at=datetime.datetime(2026, 3, 2, 12, tzinfo=datetime.UTC),
        )
        Participant.objects.create(
            meeting=meeting, name="Hasanuddin Lagaligo", email="hasanuddin@example.id"
        )
        item = ActionItem.objects.create(
            region=gowa,
            title="Kirim surat ke Bappeda",
            assigned_region=gowa,
            due_date=datetime.date(2026, 4, 1),
        )
    with acting_as(siti):
        report_progress(item=item, by=siti, text="Surat dikirim.", expected_version=item.version)
    LogEntry.objects.create(
        user=andi,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(siti.pk),
        object_repr="siti.rahmawati",
        action_flag=CHANGE,
        change_message='[{"changed": {"fields": ["Siti Rahmawati", "siti.r@gowakab.go.id"]}}]',
    )
    return andi


def _texts(archive_path):
    with zipfile.ZipFile(archive_path) as archive:
        for name in archive.namelist():
            raw = archive.read(name)
            text = raw.decode("utf-8", errors="replace")
            if name.endswith(".json"):
                # Also the decoded form, in case the serializer escaped a character.
                text += "\n" + json.dumps(json.loads(raw), ensure_ascii=False)
            yield name, text


def test_the_anonymised_archive_holds_none_of_the_planted_personal_values(tmp_path):
    _plant()
    # The planted values really are in the database, the audit log included.
    audit_text = json.dumps(list(AuditEvent.objects.values()), default=str)
    for value in ("Muhammad Ridwan", "+6281355512345", "andi.operator", "yusuf.deleted"):
        assert value in audit_text

    archive = tmp_path / "anon.zip"
    call_command("anonymise_copy", str(archive))

    found = []
    for name, text in _texts(archive):
        for what, values in PLANTED.items():
            for value in values:
                if re.search(r"(?<!\w)" + re.escape(value) + r"(?!\w)", text):
                    found.append((name, what, value))
    assert found == []


def test_the_anonymised_copy_restores_and_stays_consistent(tmp_path, settings):
    _plant()
    archive = tmp_path / "anon.zip"
    call_command("anonymise_copy", str(archive))

    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "anon-media"
    restore_archive(archive)

    nurul = Member.objects.get(email__startswith="anon")
    assert nurul.name.startswith("Anonim ") and nurul.phone.startswith("0800")
    # One person, one pseudonym: the member's log-in, the audit log and its actor agree.
    login = AuditEvent.objects.get(code="member.login_granted")
    assert login.changes["username"][1] == nurul.user.username
    created = AuditEvent.objects.filter(model="workgroups.Member", action="create").first()
    assert created.object_repr == created.changes["name"][1]
    operator = User.objects.get(role_assignments__role="regency_operator")
    assert operator.username.startswith("anon") and not operator.has_usable_password()
    assert created.actor_username == operator.username
    assert operator.username in describe(created)
    # Foreign keys to users survive (written by primary key, not by the replaced username).
    assert RoleAssignment.objects.filter(user=operator).exists()
    assert LogEntry.objects.get().user == operator
