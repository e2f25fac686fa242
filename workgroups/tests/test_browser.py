import io
import os

import pytest

from regions.services import load_regions
from tests.browser import browser_page, browser_user, log_in, open_as  # noqa: F401
from workgroups import demo

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = os.environ.get("SIPOKJA_SCREENSHOTS")  # a folder, to look at the pages by eye


def _shot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def test_operator_browses_the_demo_pokja_without_script_errors(browser_page):  # noqa: F811
    load_regions()
    demo.load(io.StringIO())
    browser_user("operator.gowa", "regency_operator", "73.06", "kata-sandi-uji-123")
    page = browser_page

    open_as(page, "operator.gowa", "/r/73.06/", "kata-sandi-uji-123")
    page.click('a[href="/r/73.06/pokja/"]')
    page.wait_for_url("**/r/73.06/pokja/")
    assert "Pokja Bangga Kencana Kabupaten Gowa (demo)" in page.locator("h1").inner_text()
    assert "188.4.45/311/KPTS/2024" in page.locator("#decree").inner_text()
    assert page.locator("#members tbody tr").count() > 24
    _shot(page, "profile")

    page.click('nav.actions a[href="/r/73.06/pokja/members/"]')
    page.wait_for_url("**/pokja/members/")
    assert page.locator("#member-table tbody tr").count() == 24
    _shot(page, "members")
    page.goto(page.base_url + "/r/73.06/pokja/decrees/")
    assert page.locator("#decrees tbody tr").count() == 2
    _shot(page, "decrees")
    page.goto(page.base_url + "/r/73.06/pokja/members/import/")
    _shot(page, "import")
    assert page.console_errors == []
