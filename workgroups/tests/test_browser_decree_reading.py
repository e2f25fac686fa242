""" "Baca dari PDF" in Chromium at phone width (issue 26): upload a text SK, review, change one
row, confirm; the decree and its members are saved once."""

import pytest

from regions.models import Region
from regions.services import load_regions
from tests.browser import browser_page, browser_user, log_in, open_as  # noqa: F401
from workgroups import services
from workgroups.models import Decree, Member
from workgroups.tests import decree_corpus as corpus

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

TEXT = corpus.CORPUS / "01-gowa-tabel-nama.pdf"


def test_read_review_change_confirm_at_390px(browser_page):  # noqa: F811
    load_regions()
    gowa = Region.objects.get(code="73.06")
    workgroup = services.create_workgroup(by=None, region=gowa, name="Pokja Gowa")
    existing = services.create_member(
        by=None, workgroup=workgroup, name="Dr. Sahabuddin Bacotang", role="member"
    )
    browser_user("operator.gowa", "regency_operator", "73.06", "kata-sandi-uji-123")
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})

    open_as(page, "operator.gowa", "/r/73.06/pokja/decrees/new/", "kata-sandi-uji-123")
    page.click("#read-from-pdf")
    page.wait_for_url("**/pokja/decrees/read/")
    page.set_input_files("#decree-read-form input[type=file]", str(TEXT))
    page.click("#decree-read-form button[type=submit]")
    page.wait_for_url("**/review/")
    assert page.locator("#decree-review-form input[name=number]").input_value() == (
        "188.4/876/Tahun 2023"
    )
    expected = corpus.expected(TEXT)["members"]
    rows = page.locator("#read-members fieldset.read-row")
    assert rows.count() == len(expected)
    # the existing member is proposed as an update, the others as additions
    assert page.locator(".member-action", has_text="perbarui").count() == 1
    # phone width: nothing of the review form is wider than the screen (the site-wide top
    # navigation is not this page's)
    wide = page.evaluate(
        "[...document.querySelectorAll('main *')]"
        ".filter(e => e.getBoundingClientRect().right > 391).map(e => e.outerHTML.slice(0, 80))"
    )
    assert wide == []

    page.fill("input[name='form-1-name']", "H. Arifin Salengke Diubah")
    page.click("#decree-review-form button[type=submit]")
    page.wait_for_url("**/pokja/decrees/")
    assert page.console_errors == []

    decree = Decree.objects.get()
    assert decree.number == "188.4/876/Tahun 2023" and decree.file
    members = Member.objects.filter(workgroup=workgroup)
    assert members.count() == len(expected)  # one row updated the existing member
    assert members.filter(name="H. Arifin Salengke Diubah").count() == 1
    existing.refresh_from_db()
    assert existing.version == 2
