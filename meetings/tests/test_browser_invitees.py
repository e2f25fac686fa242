"""The invite screen on a phone (390×844, touch) in Chromium: the search box narrows a long list,
"tick all shown" ticks only the members still visible, saving invites exactly them, and the page
never scrolls sideways. The server-side filter narrows the list without JavaScript too."""

import pytest
from playwright.sync_api import expect

from conftest import make_user
from meetings.tests import helpers as h
from tests.browser import browser_page, log_in  # noqa: F401
from workgroups.models import Member, SubGroup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_choosing_invitees_from_a_long_list_on_a_phone(browser_page, regions):  # noqa: F811
    user = make_user("operator_gowa", "regency_operator", "73.06")
    user.set_password("sandi-uji-yang-panjang")
    user.save()
    workgroup = h.pokja("73.06", members=0)
    advokasi = SubGroup.objects.create(code="uji-advokasi", name="Advokasi Uji", order=90)
    kampung = SubGroup.objects.create(code="uji-kampung", name="Kampung KB Uji", order=91)
    for i in range(30):
        Member.objects.create(
            workgroup=workgroup,
            name=f"Anggota Advokasi {i:02d}",
            position="Kepala Seksi Penggerakan dan Pemberdayaan Masyarakat Desa",
            subgroup=advokasi,
        )
    for i in range(6):
        Member.objects.create(
            workgroup=workgroup, name=f"Anggota Kampung {i:02d}", subgroup=kampung
        )
    meeting = h.meeting("73.06", started=False, title="Rapat koordinasi triwulan")

    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "operator_gowa", "sandi-uji-yang-panjang")
    url = f"{page.base_url}/r/73.06/meetings/{meeting.pk}/invitees/"
    page.goto(url)
    labels = page.locator("#member-checklist label")
    expect(labels).to_have_count(36)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the invite screen is {width} px wide on a 390 px screen"

    # A few older invitees the search will hide: "tick all shown" must leave them alone.
    page.get_by_label("Anggota Advokasi 00").check()
    page.get_by_placeholder("Cari dalam daftar").fill("kampung")
    expect(page.locator("#member-checklist label:visible")).to_have_count(6)
    page.get_by_label("Pilih semua yang ditampilkan").check()
    expect(page.locator("#member-checklist input:checked")).to_have_count(7)
    assert not page.get_by_label("Anggota Advokasi 01").is_checked()
    page.get_by_role("button", name="Simpan daftar undangan").click()
    page.wait_for_url(f"**/meetings/{meeting.pk}/**")
    invited = set(meeting.participants.values_list("name", flat=True))
    assert invited == {"Anggota Advokasi 00", *(f"Anggota Kampung {i:02d}" for i in range(6))}

    # The server-side filter: the page narrowed by sub-group, still one screen wide.
    page.goto(f"{url}?subgroup={kampung.pk}")
    expect(labels).to_have_count(6)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.console_errors == []
