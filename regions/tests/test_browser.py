import pytest

from conftest import make_user
from regions.services import load_regions
from tests.browser import browser_page, log_in  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_provincial_admin_opens_sulsel_and_sees_24_regencies(browser_page):  # noqa: F811
    load_regions()
    user = make_user("admin.sulsel", "provincial_admin", "73")
    user.set_password("kata-sandi-uji-123")
    user.save()
    page = browser_page

    log_in(page, "admin.sulsel", "kata-sandi-uji-123")
    page.wait_for_selector("#home-year")  # the log-in lands on the home page
    page.goto(page.base_url + "/r/73/")

    assert page.locator("h1").inner_text() == "Provinsi Sulawesi Selatan"
    rows = page.locator("#children tbody tr")
    assert rows.count() == 24
    assert "Kota Makassar" in page.locator("#children").inner_text()
    page.click("text=Kabupaten Gowa")
    page.wait_for_url("**/r/73.06/")
    assert page.locator("h1").inner_text() == "Kabupaten Gowa"
    assert page.console_errors == []
