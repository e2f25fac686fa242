"""The member list of a large Pokja (issue 22 item 3): searched, sorted and paginated, with the
filter ("include former members") kept in the page links."""

import datetime

import pytest
from django.utils import timezone

from regions.models import Region
from workgroups.models import Institution, Member, WorkGroup

pytestmark = pytest.mark.django_db


def test_a_long_member_list_is_searched_sorted_and_paginated(personas, regions):
    gowa = Region.objects.get(code="73.06")
    workgroup = WorkGroup.objects.create(region=gowa, name="Pokja Bangga Kencana Gowa")
    bappeda = Institution.objects.create(
        region=gowa, name="Bappeda Gowa", sector="regional_government"
    )
    for i in range(28):
        Member.objects.create(workgroup=workgroup, name=f"Anggota {i:02d}", institution=bappeda)
    Member.objects.create(
        workgroup=workgroup,
        name="Mantan Sekretaris",
        active_until=timezone.localdate() - datetime.timedelta(days=30),
    )
    client = personas.client("gowa_operator")
    first = client.get("/r/73.06/pokja/members/?all=1&sort=name").content.decode()
    assert first.count("/edit/") == 25
    assert "Halaman 1 dari 2 (29 baris)" in first
    assert 'href="?all=1&amp;sort=name&amp;page=2"' in first
    second = client.get("/r/73.06/pokja/members/?all=1&sort=name&page=2").content.decode()
    assert second.count("/edit/") == 4 and "Mantan Sekretaris" in second
    current = client.get("/r/73.06/pokja/members/?sort=name&page=2").content.decode()
    assert "Mantan Sekretaris" not in current  # former members only with all=1
    found = client.get("/r/73.06/pokja/members/?q=anggota+07").content.decode()
    assert found.count("/edit/") == 1 and "Anggota 07" in found
    assert '<input type="hidden" name="all"' not in found
    kept = client.get("/r/73.06/pokja/members/?all=1").content.decode()
    assert '<input type="hidden" name="all" value="1">' in kept  # the search keeps the filter
