"""A browser set to en-US gets Indonesian until the user chooses English; then English sticks,
also after logging in again from a fresh browser (issue 22)."""

import io

import pytest
from django.core.management import call_command

from accounts.demo import DEMO_PASSWORD
from regions.services import load_regions
from tests.browser import browser_page, log_in  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _english_context(browser_page):  # noqa: F811
    context = browser_page.context.browser.new_context(
        locale="en-US", extra_http_headers={"Accept-Language": "en-US,en;q=0.9"}
    )
    page = context.new_page()
    page.base_url = browser_page.base_url
    return context, page


def test_english_browser_gets_indonesian_until_english_is_chosen(browser_page):  # noqa: F811
    load_regions()
    call_command("load_demo", stdout=io.StringIO())
    context, page = _english_context(browser_page)
    page.goto(page.base_url + "/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "id"
    log_in(page, "gowa", DEMO_PASSWORD)
    page.wait_for_selector("#site-menu")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.locator("button.logout").inner_text() == "Keluar"
    page.click("#site-menu button[name=language][value=en]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("button.logout").inner_text() == "Log out"
    page.goto(page.base_url + "/r/73.06/")
    assert page.locator("html").get_attribute("lang") == "en"
    context.close()

    # A fresh browser (no cookie): the choice was stored on the user.
    context, page = _english_context(browser_page)
    page.goto(page.base_url + "/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "id"  # anonymous: not chosen here
    log_in(page, "gowa", DEMO_PASSWORD)
    page.wait_for_selector("#site-menu")
    assert page.locator("html").get_attribute("lang") == "en"
    page.click("#site-menu button[name=language][value=id]")
    page.wait_for_load_state()
    assert page.locator("button.logout").inner_text() == "Keluar"
    context.close()
