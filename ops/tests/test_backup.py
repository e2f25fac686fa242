import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from accounts.models import RoleAssignment, User
from audit.context import acting_as
from core.errors import DomainError
from ops.backup import media_checksums, restore_archive, write_archive
from regions.models import Region
from regions.services import load_regions
from workgroups.models import Decree, Member, WorkGroup

pytestmark = pytest.mark.django_db(transaction=True)


def _pdf():
    from weasyprint import HTML

    return HTML(string="<h1>KEPUTUSAN BUPATI GOWA</h1>").write_pdf()


def _instance_with_data():
    load_regions()
    gowa = Region.objects.get(code="73.06")
    user = User.objects.create(username="operator", email="operator@gowakab.go.id")
    RoleAssignment.objects.create(user=user, role="regency_operator", region=gowa)
    with acting_as(user):
        workgroup = WorkGroup.objects.create(
            region=gowa, name="Pokja Bangga Kencana Kabupaten Gowa"
        )
        decree = Decree(
            workgroup=workgroup,
            number="188.45/76/KPTS/2024",
            title="Pembentukan Pokja",
            signed_on="2024-01-10",
            issuer="regent",
            valid_from="2024-01-10",
        )
        decree.file.save("sk.pdf", ContentFile(_pdf()), save=False)
        decree.save()
        Member.objects.create(
            workgroup=workgroup, name="Andi Baso", phone="081234567890", email="andi@example.id"
        )


def _counts():
    from ops.backup import _models

    return {m._meta.label_lower: m._base_manager.count() for m in _models()}


def test_backup_and_restore_into_an_empty_instance(tmp_path, settings):
    _instance_with_data()
    before_counts, before_files = _counts(), media_checksums()
    archive = tmp_path / "backup.zip"
    call_command("backup", str(archive))

    # An empty instance: no data, no files.
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "new-media"
    assert User.objects.count() == 0

    call_command("restore", str(archive))

    assert _counts() == before_counts
    assert media_checksums() == before_files
    with Decree.objects.get().file.open("rb") as fh:
        assert fh.read(5) == b"%PDF-"
    assert Member.objects.get().phone == "081234567890"


def test_restore_refuses_a_non_empty_instance(tmp_path):
    _instance_with_data()
    archive = tmp_path / "backup.zip"
    write_archive(archive)
    with pytest.raises(CommandError, match="tidak kosong"):
        call_command("restore", str(archive))
    assert Member.objects.count() == 1


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.zip"
    bogus.write_bytes(b"not a zip")
    with pytest.raises(DomainError):
        restore_archive(bogus)


def test_anonymised_copy_holds_no_personal_data(tmp_path, settings):
    _instance_with_data()
    archive = tmp_path / "anon.zip"
    call_command("anonymise_copy", str(archive))
    raw = __import__("zipfile").ZipFile(archive).read("data/workgroups.member.json").decode()
    assert "081234567890" not in raw and "Andi Baso" not in raw and "andi@example.id" not in raw

    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "anon-media"
    restore_archive(archive)
    member = Member.objects.get()
    assert member.name.startswith("Anonim") and member.email.endswith("@example.invalid")
    # The copy replaces usernames too (issue 17): the one user is found without its old name.
    assert not User.objects.get().has_usable_password()
    assert User.objects.get().email.endswith("@example.invalid")
    assert User.objects.get().username != "operator"
