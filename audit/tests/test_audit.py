from audit.context import acting_as
from audit.models import AuditEvent
from regions.models import Region


def test_update_records_old_and_new_values_and_actor(personas):
    region = Region.objects.get(code="73.71")
    with acting_as(personas.sulsel_admin):
        region.office_name = "DPPKB Kota Makassar"
        region.save()
    event = AuditEvent.objects.get(model="regions.Region", object_id=str(region.pk))
    assert event.action == "update"
    assert event.actor_username == "sulsel_admin"
    assert event.region_code == "73.71"
    assert event.changes == {"office_name": ["", "DPPKB Kota Makassar"]}


def test_save_without_change_records_nothing(personas):
    region = Region.objects.get(code="73.71")
    before = AuditEvent.objects.count()
    region.save()
    assert AuditEvent.objects.count() == before


def test_delete_keeps_history(personas):
    from accounts.models import RoleAssignment

    assignment = RoleAssignment.objects.get(user=personas.gowa_member)
    pk = assignment.pk
    assignment.delete()
    event = AuditEvent.objects.get(
        model="accounts.RoleAssignment", object_id=str(pk), action="delete"
    )
    assert event.changes["role"] == ["member", None]
    assert event.region_code == "73.06"


def test_system_actor_outside_requests(personas):
    region = Region.objects.get(code="73.72")
    region.office_phone = "0421-21000"
    region.save()
    assert AuditEvent.objects.filter(object_id=str(region.pk)).get().actor_username == "system"


def test_audit_page_is_scoped(personas):
    Region.objects.filter(code="73.71").first().save()  # no change, no event
    with acting_as(personas.sulsel_admin):
        makassar = Region.objects.get(code="73.71")
        makassar.office_name = "Rahasia Makassar"
        makassar.save()
    page = personas.client("gowa_operator").get("/r/73.06/audit/").content.decode()
    assert "Rahasia Makassar" not in page
    assert (
        "Rahasia Makassar" in personas.client("sulsel_admin").get("/r/73/audit/").content.decode()
    )
