"""In Chromium at 390 px wide (a phone): the operator's home page shows the returned criterion
with the province's reason and its fix link, without sideways scrolling."""

import pytest
from playwright.sync_api import expect

from assessment.tests.test_home import _returned
from tests.browser import browser_page, log_in  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_home_at_390_px(browser_page, personas):  # noqa: F811
    _returned(personas)
    personas.gowa_operator.set_password("sandi-uji-yang-panjang")
    personas.gowa_operator.save()
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "gowa_operator", "sandi-uji-yang-panjang")
    page.goto(page.base_url + "/")
    section = page.locator('[data-section="assessment-73.06"]')
    expect(section).to_contain_text("Lampirkan SK perpanjangan yang ditandatangani Bupati")
    expect(section.locator("a.fix").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.console_errors == []
