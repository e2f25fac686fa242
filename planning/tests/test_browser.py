"""The plan, budget and policy pages in headless Chromium: they render under the strict CSP
(no console errors) and the main flows work with a real browser."""

import pytest

from planning.tests import helpers as h
from regions.services import load_regions
from tests.browser import browser_page, browser_user, log_in, open_as  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "kata-sandi-uji-123"


def _user(username, role, code):
    user = browser_user(username, role, code, PASSWORD)
    return user


def test_operator_adds_an_activity_and_the_province_sees_the_budget(browser_page):  # noqa: F811
    load_regions()
    _user("op.gowa", "regency_operator", "73.06")
    _user("admin.sulsel", "provincial_admin", "73")
    h.subgroup()
    h.institution("73.06", "Dinas Kesehatan")
    h.indicator("tfr")
    h.plan("73.06", activities=0)
    h.allocation("73.06", amount=125_000_000, realised=50_000_000)
    page = browser_page

    open_as(page, "op.gowa", "/r/73.06/", PASSWORD)
    page.goto(page.base_url + "/r/73.06/plans/2025/activities/new/")
    page.fill("input[name=title]", "Rapat koordinasi Pokja")
    page.select_option("select[name=start_month]", "2")
    page.select_option("select[name=end_month]", "4")
    page.fill("input[name=planned_cost]", "12.500.000")
    page.select_option("select[name=cost_source]", "apbd_regency")
    page.check("text=Dinas Kesehatan")
    page.click("main button[type=submit]:not([name])")
    # saving goes on to the next missing step of the checklist (here the SK) with a message
    page.wait_for_url("**/r/73.06/pokja/decrees/new/?year=2025")
    assert "Berikutnya" in page.locator("main").inner_text()
    page.goto(page.base_url + "/r/73.06/plans/2025/")
    table = page.locator("#activities").inner_text()
    assert (
        "Rapat koordinasi Pokja" in table
        and "Rp 12.500.000" in table
        and "Februari – April" in table
    )
    assert page.console_errors == []

    open_as(page, "admin.sulsel", "/r/73/", PASSWORD)
    page.goto(page.base_url + "/r/73/budget/regencies/?year=2025")
    assert page.locator('#recap tr[data-region="73.06"]').get_attribute("data-state") == "budgeted"
    assert "Rp 125.000.000" in page.locator("#recap").inner_text()
    page.select_option("#year-select", "2024")
    page.wait_for_url("**year=2024")
    assert (
        page.locator('#recap tr[data-region="73.06"]').get_attribute("data-state") == "not_budgeted"
    )
    assert page.console_errors == []
