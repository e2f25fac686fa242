import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.access import has_permission
from accounts.models import RoleAssignment
from accounts.permissions import Permission
from audit.models import AuditEvent
from core.errors import ConflictError, DomainError
from regions.models import Region
from workgroups import services
from workgroups.models import Decree, Institution, Member, SubGroup, WorkGroup

D = datetime.date


def _decree(workgroup, number, valid_from, valid_until, *, signed_on=None, kind="formation"):
    return Decree.objects.create(
        workgroup=workgroup,
        number=number,
        title="Pembentukan Pokja",
        signed_on=signed_on or valid_from,
        issuer="regent",
        kind=kind,
        valid_from=valid_from,
        valid_until=valid_until,
    )


def test_subgroup_catalogue_is_seeded_by_migration(db):
    assert list(SubGroup.objects.values_list("name", flat=True)) == [
        "Advokasi",
        "Kampung KB",
        "GDPK (Grand Design Pembangunan Kependudukan)",
        "Percepatan Penurunan Stunting (TPPS)",
        "KIE",
        "Data dan Informasi",
    ]


# --- current decree ------------------------------------------------------------------------


def test_current_decree_is_none_without_decrees(gowa_pokja):
    assert gowa_pokja.current_decree(on=D(2025, 6, 30)) is None


def test_current_decree_follows_amendment_from_its_start(gowa_pokja):
    original = _decree(gowa_pokja, "188.45/1/2022", D(2022, 3, 1), D(2026, 12, 31))
    amendment = _decree(
        gowa_pokja, "188.45/2/2024", D(2024, 7, 1), D(2027, 12, 31), kind="amendment"
    )

    assert gowa_pokja.current_decree(on=D(2022, 3, 1)) == original
    assert gowa_pokja.current_decree(on=D(2024, 6, 30)) == original
    assert gowa_pokja.current_decree(on=D(2024, 7, 1)) == amendment
    assert gowa_pokja.current_decree(on=D(2027, 12, 31)) == amendment
    assert gowa_pokja.current_decree(on=D(2028, 1, 1)) is None
    assert gowa_pokja.current_decree(on=D(2022, 2, 28)) is None


def test_current_decree_after_expiry_and_renewal(gowa_pokja):
    expired = _decree(gowa_pokja, "476/1/2020", D(2020, 3, 9), D(2023, 12, 31))
    renewal = _decree(gowa_pokja, "476/2/2024", D(2024, 1, 15), None, kind="renewal")

    assert gowa_pokja.current_decree(on=D(2023, 12, 31)) == expired
    assert gowa_pokja.current_decree(on=D(2024, 1, 10)) is None  # the gap between the two
    assert gowa_pokja.current_decree(on=D(2024, 1, 15)) == renewal
    assert gowa_pokja.current_decree(on=D(2040, 1, 1)) == renewal  # open-ended


def test_current_decree_on_same_start_prefers_the_later_signature(gowa_pokja):
    _decree(gowa_pokja, "A", D(2024, 1, 1), None, signed_on=D(2023, 12, 1))
    later = _decree(gowa_pokja, "B", D(2024, 1, 1), None, signed_on=D(2023, 12, 20))
    assert gowa_pokja.current_decree(on=D(2024, 5, 1)) == later


def test_current_decree_ignores_a_decree_not_yet_in_force(gowa_pokja):
    current = _decree(gowa_pokja, "A", D(2023, 1, 1), D(2027, 12, 31))
    _decree(gowa_pokja, "B", D(2026, 1, 1), None, kind="renewal")
    assert gowa_pokja.current_decree(on=D(2025, 6, 30)) == current


def _pokja_for(code, name):
    return WorkGroup.objects.create(region=Region.objects.get(code=code), name=name)


def test_current_decrees_in_bulk_match_one_by_one_with_one_query(regions):
    codes = ["73.06", "73.71", "73.08", "73.03", "73.09"]
    workgroups = [_pokja_for(code, f"Pokja {code}") for code in codes]
    gowa, makassar, bone, bantaeng, maros = workgroups
    _decree(gowa, "G1", D(2022, 3, 1), D(2026, 12, 31))
    _decree(gowa, "G2", D(2024, 7, 1), D(2027, 12, 31), kind="amendment")
    _decree(makassar, "M1", D(2020, 3, 9), D(2023, 12, 31))
    _decree(makassar, "M2", D(2024, 1, 15), D(2028, 12, 31), kind="renewal")
    _decree(bone, "B1", D(2019, 8, 1), D(2022, 12, 31))
    _decree(maros, "R1", D(2024, 3, 18), None)
    on = D(2025, 6, 30)

    with CaptureQueriesContext(connection) as queries:
        result = services.current_decrees([w.pk for w in workgroups], on=on)
    assert len(queries) == 1
    assert {w.pk: d.number for w, d in ((w, result.get(w.pk)) for w in workgroups) if d} == {
        gowa.pk: "G2",
        makassar.pk: "M2",
        maros.pk: "R1",
    }
    for workgroup in workgroups:
        assert result.get(workgroup.pk) == workgroup.current_decree(on=on)
    assert bantaeng.pk not in result and bone.pk not in result


def test_active_workgroups_in_bulk_uses_one_query(regions):
    gowa = _pokja_for("73.06", "Pokja Gowa")
    dissolved = _pokja_for("73.71", "Pokja Makassar lama")
    dissolved.status = WorkGroup.Status.DISSOLVED
    dissolved.save()
    ids = list(Region.objects.filter(parent__code="73").values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as queries:
        result = services.active_workgroups(ids)
    assert len(queries) == 1
    assert result == {gowa.region_id: gowa}


def test_active_workgroup_is_none_for_a_region_without_pokja(regions):
    assert services.active_workgroup(regions["73.71"]) is None


# --- work groups ---------------------------------------------------------------------------


def test_create_workgroup_refuses_a_second_active_pokja(personas, gowa_pokja, gowa):
    with pytest.raises(services.WorkGroupExists) as info:
        services.create_workgroup(by=personas.gowa_operator, region=gowa, name="Pokja kedua")
    assert info.value.status == 409
    assert WorkGroup.objects.filter(region=gowa).count() == 1


def test_create_workgroup_after_dissolution_is_allowed(personas, gowa_pokja, gowa):
    services.update_workgroup(
        by=personas.gowa_operator, workgroup=gowa_pokja, expected_version=1, status="dissolved"
    )
    new = services.create_workgroup(by=personas.gowa_operator, region=gowa, name="Pokja baru")
    assert services.active_workgroup(gowa) == new


def test_update_workgroup_with_stale_version_changes_nothing(personas, gowa_pokja):
    services.update_workgroup(
        by=personas.gowa_operator, workgroup=gowa_pokja, expected_version=1, name="A"
    )
    stale = WorkGroup.objects.get(pk=gowa_pokja.pk)
    with pytest.raises(ConflictError):
        services.update_workgroup(
            by=personas.gowa_operator, workgroup=stale, expected_version=1, name="B"
        )
    gowa_pokja.refresh_from_db()
    assert (gowa_pokja.name, gowa_pokja.version) == ("A", 2)


def test_subgroup_changes_are_audited(personas, gowa_pokja):
    kampung = SubGroup.objects.get(code="kampung-kb")
    services.update_workgroup(
        by=personas.gowa_operator, workgroup=gowa_pokja, expected_version=1, subgroups=[kampung]
    )
    event = AuditEvent.objects.filter(code="workgroup.subgroups_changed").latest("id")
    assert event.actor_username == "gowa_operator"
    assert event.region_code == "73.06"
    assert event.changes["subgroups"][1] == ["Kampung KB"]


def test_workgroup_contact_phone_is_normalised_and_checked(personas, gowa_pokja):
    assert gowa_pokja.contact_phone == "+62411861234"
    with pytest.raises(ValidationError) as info:
        services.update_workgroup(
            by=personas.gowa_operator,
            workgroup=gowa_pokja,
            expected_version=1,
            contact_phone="12ab",
        )
    assert "contact_phone" in info.value.error_dict


# --- decrees ---------------------------------------------------------------------------------


def test_add_decree_stores_pdf_under_random_name_and_audits(gowa_decree):
    assert gowa_decree.file.name.startswith("decrees/")
    assert "Gowa" not in gowa_decree.file.name
    assert gowa_decree.original_filename == "SK Pokja Gowa.pdf"
    with gowa_decree.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    event = AuditEvent.objects.get(model="workgroups.Decree", action="create")
    assert event.actor_username == "gowa_operator" and event.region_code == "73.06"


def test_add_decree_refuses_validity_end_before_start(personas, gowa_pokja):
    with pytest.raises(ValidationError):
        services.add_decree(
            by=personas.gowa_operator,
            workgroup=gowa_pokja,
            number="1/2025",
            title="x",
            signed_on=D(2025, 1, 1),
            issuer="regent",
            valid_from=D(2025, 1, 1),
            valid_until=D(2024, 1, 1),
        )
    assert not Decree.objects.exists()


def test_delete_decree_removes_its_file(personas, gowa_decree, django_capture_on_commit_callbacks):
    storage, name = gowa_decree.file.storage, gowa_decree.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_decree(by=personas.gowa_operator, decree=gowa_decree)
    assert not storage.exists(name)
    assert not Decree.objects.exists()


# --- institutions ----------------------------------------------------------------------------


def test_institution_government_flag_defaults_from_sector(personas, gowa):
    office = services.create_institution(
        by=None, region=gowa, name="Dinas Sosial", sector="regional_government"
    )
    ngo = services.create_institution(by=None, region=gowa, name="PKBI", sector="ngo")
    campus = services.create_institution(
        by=None, region=gowa, name="Universitas Negeri", sector="academia", is_government=True
    )
    assert (office.is_government, ngo.is_government, campus.is_government) == (True, False, True)


def test_institution_names_are_unique_per_region(personas, gowa, regions):
    services.create_institution(by=None, region=gowa, name="Bappeda", sector="regional_government")
    with pytest.raises(ValidationError):
        services.create_institution(
            by=None, region=gowa, name="Bappeda", sector="regional_government"
        )
    services.create_institution(
        by=None, region=regions["73.71"], name="Bappeda", sector="regional_government"
    )
    assert Institution.objects.filter(name="Bappeda").count() == 2


def test_delete_institution_with_members_is_refused(personas, gowa_pokja):
    institution = Institution.objects.get(name="Bappeda Kabupaten Gowa")
    with pytest.raises(DomainError):
        services.delete_institution(by=personas.gowa_operator, institution=institution)
    assert Institution.objects.filter(pk=institution.pk).exists()


# --- members ---------------------------------------------------------------------------------


def test_member_of_another_regions_institution_is_refused(personas, gowa_pokja, regions):
    foreign = services.create_institution(
        by=None, region=regions["73.71"], name="Bappeda Makassar", sector="regional_government"
    )
    with pytest.raises(ValidationError) as info:
        services.create_member(
            by=None, workgroup=gowa_pokja, name="X", role="member", institution=foreign
        )
    assert "institution" in info.value.error_dict


def test_member_subgroup_must_be_one_of_the_pokjas(personas, gowa_pokja):
    gdpk = SubGroup.objects.get(code="gdpk")  # Gowa picked advokasi, tpps and kie
    with pytest.raises(ValidationError) as info:
        services.create_member(
            by=None, workgroup=gowa_pokja, name="X", role="member", subgroup=gdpk
        )
    assert "subgroup" in info.value.error_dict


def test_sector_mix_counts_government_and_non_government(gowa_pokja):
    mix = services.sector_mix(services.current_members(gowa_pokja))
    assert (mix.government, mix.non_government, mix.unknown) == (2, 1, 0)


def test_current_members_leave_out_former_members(personas, gowa_pokja):
    former = Member.objects.get(name="Hasnah Daeng Ngemba")
    services.update_member(
        by=None,
        member=former,
        expected_version=1,
        active_from=D(2020, 1, 1),
        active_until=D(2023, 12, 31),
    )
    names = {m.name for m in services.current_members(gowa_pokja, on=D(2025, 1, 1))}
    assert names == {"Andi Makkasau", "Sitti Rahmawati"}


# --- log-ins for members -------------------------------------------------------------------------


def test_grant_login_by_email_sends_a_set_password_link(
    personas, gowa_pokja, django_capture_on_commit_callbacks
):
    member = Member.objects.get(name="Andi Makkasau")
    with django_capture_on_commit_callbacks(execute=True):
        user, password = services.grant_login(
            by=personas.gowa_operator, member=member, method="email"
        )
    member.refresh_from_db()
    assert password is None
    assert member.user == user and user.email == "andi@gowakab.example"
    assert RoleAssignment.objects.filter(user=user, role="member", region__code="73.06").exists()
    assert has_permission(user, Permission.REGION_VIEW, gowa_pokja.region)
    assert not has_permission(user, Permission.WORKGROUP_EDIT, gowa_pokja.region)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["andi@gowakab.example"]
    assert "/accounts/reset/" in mail.outbox[0].body
    assert AuditEvent.objects.filter(code="member.login_granted", region_code="73.06").exists()


def test_grant_login_with_password_lets_the_member_log_in(personas, gowa_pokja):
    member = Member.objects.get(name="Sitti Rahmawati")
    user, password = services.grant_login(
        by=personas.gowa_operator, member=member, method="password"
    )
    assert len(password) >= 12
    response = Client().post("/accounts/login/", {"username": user.username, "password": password})
    assert response.status_code == 302
    assert not mail.outbox


def test_grant_login_never_reuses_an_existing_account(personas, gowa_pokja):
    existing = get_user_model().objects.create(username="andi@gowakab.example")
    member = Member.objects.get(name="Andi Makkasau")
    user, _password = services.grant_login(by=None, member=member, method="password")
    assert user.pk != existing.pk
    assert user.username == "andi.makkasau"
    assert not RoleAssignment.objects.filter(user=existing).exists()


def test_grant_login_twice_is_refused(personas, gowa_pokja):
    member = Member.objects.get(name="Andi Makkasau")
    services.grant_login(by=None, member=member, method="password")
    with pytest.raises(DomainError):
        services.grant_login(by=None, member=member, method="password")


def test_deleting_a_member_with_login_removes_the_access(personas, gowa_pokja):
    member = Member.objects.get(name="Andi Makkasau")
    user, _password = services.grant_login(by=None, member=member, method="password")
    services.delete_member(by=personas.gowa_operator, member=member)
    user.refresh_from_db()
    assert not user.is_active
    assert not RoleAssignment.objects.filter(user=user).exists()
