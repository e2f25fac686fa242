"""In Chromium on a phone (390 px): the header badge counts the unread notifications, the inbox
fits the screen, opening one marks it read and lands on its page, and all can be marked read."""

import pytest
from playwright.sync_api import expect

from notifications.models import Notification
from tests.browser import browser_page, browser_user, log_in  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_the_inbox_on_a_phone(browser_page, regions):  # noqa: F811
    user = browser_user("operator_gowa", "regency_operator", "73.06")
    long_reason = "SK: PDF tidak terbaca, unggah ulang hasil pindaian yang jelas " * 4
    Notification.objects.create(
        user=user, kind="assessment.returned", url="/accounts/profile/",
        title=f"Penilaian 2026 Kabupaten Gowa dikembalikan: {long_reason}"[:300],
    )  # fmt: skip
    Notification.objects.create(
        user=user, kind="meeting.invitation", url="/jobs/", title="Undangan: Rapat koordinasi"
    )
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "operator_gowa")

    page.goto(page.base_url + "/notifications/")
    expect(page.locator("header .badge")).to_have_text("2")
    expect(page.locator("li.notification.unread")).to_have_count(2)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the inbox is {width} px wide on a 390 px screen"

    page.get_by_role("button", name="Undangan: Rapat koordinasi").click()
    page.wait_for_url("**/jobs/")
    expect(page.locator("header .badge")).to_have_text("1")

    page.goto(page.base_url + "/notifications/")
    page.get_by_role("button", name="Tandai semua sudah dibaca").click()
    expect(page.locator("li.notification.unread")).to_have_count(0)
    expect(page.locator("header .badge")).to_have_count(0)
    assert page.console_errors == []
