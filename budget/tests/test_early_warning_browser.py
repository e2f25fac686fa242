"""The early-warning page on a phone (390 px) in headless Chromium: flags readable without
horizontal scrolling, the WhatsApp block opens, no console errors under the strict CSP."""

import pytest

from planning.tests import helpers as h
from regions.services import load_regions
from tests.browser import browser_page, browser_user, log_in, open_as  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "kata-sandi-uji-123"


def test_province_reads_the_early_warning_on_a_phone(browser_page):  # noqa: F811
    load_regions()
    browser_user("admin.sulsel", "provincial_admin", "73", PASSWORD)
    workgroup = h.workgroup("73.06")
    workgroup.contact_phone = "+6281234567890"
    workgroup.save()
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    open_as(page, "admin.sulsel", "/r/73/budget/early-warning/", PASSWORD)
    flag = page.locator('[data-region="73.06"][data-flag="decree"]')
    assert "SK" in flag.inner_text()
    flag.locator("summary").click()
    href = flag.locator("a.wa-link").get_attribute("href")
    assert href.startswith("https://wa.me/6281234567890?text=")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    assert page.console_errors == []
