"""Phone numbers are stored in E.164 (+62…): local forms accepted, invalid ones refused with a
clear Indonesian message, existing values normalised by a data migration."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from workgroups import services
from workgroups.models import Member, WorkGroup
from workgroups.tests.helpers import build_xlsx, member_row
from workgroups.validators import normalize_phone


@pytest.mark.parametrize(
    "raw, stored",
    [
        ("0812-3456-7890", "+6281234567890"),
        ("0812 3456 7890", "+6281234567890"),
        ("62812 3456 7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("+62 (812) 3456.7890", "+6281234567890"),
        ("0062 812 3456 7890", "+6281234567890"),
        (81234567890, "+6281234567890"),  # Excel dropped the leading zero
        ("(0411) 861234", "+62411861234"),  # Makassar office line
        ("+61 2 9999 9999", "+61299999999"),  # another country: with its + code
        ("", ""),
        (None, ""),
    ],
)
def test_local_forms_become_e164(raw, stored):
    assert normalize_phone(raw) == stored


@pytest.mark.parametrize("raw", ["12345", "0812", "0812ABC4567", "0812 3456 7890 ext 2", "++62812"])
def test_invalid_numbers_are_refused_in_indonesian(raw):
    with pytest.raises(ValidationError) as info:
        normalize_phone(raw)
    assert "bukan nomor telepon" in info.value.messages[0]
    assert "0812 3456 7890" in info.value.messages[0]


@pytest.mark.django_db
def test_member_service_stores_e164_and_refuses_garbage(personas, gowa_pokja):
    member = services.create_member(
        by=personas.gowa_operator, workgroup=gowa_pokja, name="Nur Aisyah", phone="0853-1111-2222"
    )
    assert member.phone == "+6285311112222"
    with pytest.raises(ValidationError) as info:
        services.create_member(
            by=personas.gowa_operator, workgroup=gowa_pokja, name="Budi", phone="08-12"
        )
    assert "phone" in info.value.message_dict
    assert not Member.objects.filter(name="Budi").exists()


@pytest.mark.django_db
def test_excel_import_normalises_every_form(personas, gowa_pokja):
    upload = build_xlsx(
        [
            member_row(1, phone="0812-7000-0001"),
            member_row(2, phone="62812 7000 0002"),
            member_row(3, phone=81270000003),
            member_row(4, phone="+62 812 7000 0004"),
        ]
    )
    services.import_members(by=personas.gowa_operator, workgroup=gowa_pokja, uploaded=upload)

    phones = sorted(
        Member.objects.filter(name__startswith="Anggota Nomor").values_list("phone", flat=True)
    )
    assert phones == [f"+628127000000{i}" for i in range(1, 5)]


@pytest.mark.django_db
def test_data_migration_normalises_existing_numbers_and_reports_the_rest(gowa_pokja, capsys):
    migration = importlib.import_module("workgroups.migrations.0001_squashed")
    readable = Member.objects.create(workgroup=gowa_pokja, name="Lama", phone="0812-3456-7001")
    already = Member.objects.create(workgroup=gowa_pokja, name="Baru", phone="+6281234567002")
    broken = Member.objects.create(workgroup=gowa_pokja, name="Rusak", phone="tanya pak RT")
    WorkGroup.objects.filter(pk=gowa_pokja.pk).update(contact_phone="0411 861 234")

    migration.normalise(apps, None)

    readable.refresh_from_db(), already.refresh_from_db(), broken.refresh_from_db()
    gowa_pokja.refresh_from_db()
    assert (readable.phone, already.phone) == ("+6281234567001", "+6281234567002")
    assert broken.phone == "tanya pak RT"
    assert gowa_pokja.contact_phone == "+62411861234"
    output = capsys.readouterr().out
    assert f"Member #{broken.pk}: 'tanya pak RT'" in output
