import pytest

from regions.services import load_regions
from tests.browser import browser_page, browser_user, log_in, open_as  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_provincial_admin_opens_sulsel_and_sees_24_regencies(browser_page):  # noqa: F811
    load_regions()
    browser_user("admin.sulsel", "provincial_admin", "73", "kata-sandi-uji-123")
    page = browser_page

    open_as(page, "admin.sulsel", "/r/73/", "kata-sandi-uji-123")

    assert page.locator("h1").inner_text() == "Provinsi Sulawesi Selatan"
    rows = page.locator("#children tbody tr")
    assert rows.count() == 24
    assert "Kota Makassar" in page.locator("#children").inner_text()
    page.click("text=Kabupaten Gowa")
    page.wait_for_url("**/r/73.06/")
    assert page.locator("h1").inner_text() == "Kabupaten Gowa"
    assert page.console_errors == []
