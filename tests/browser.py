"""Headless Chromium for browser tests: Debian's `chromium`, driven by Playwright through
`executable_path` (Playwright's own browser download does not work on our machines).

Browser tests are skipped when chromium is missing, unless SIPOKJA_REQUIRE_BROWSER=1 (CI sets
it), in which case they fail.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("SIPOKJA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_available() -> bool:
    return os.path.exists(CHROMIUM) or shutil.which("chromium") is not None


@pytest.fixture
def browser_page(live_server, monkeypatch):
    """A Playwright page in headless Chromium, plus a list of console errors it collected."""
    if not chromium_available():
        if os.environ.get("SIPOKJA_REQUIRE_BROWSER") == "1":
            pytest.fail(f"chromium not found at {CHROMIUM} (install Debian's chromium package)")
        pytest.skip("chromium is not installed")
    # Playwright's sync API runs an event loop; Django's ORM must be allowed in this thread.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    from conftest import reseed_catalogues

    reseed_catalogues()  # an earlier transactional test may have flushed them

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.console_errors = []
        page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
        page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
        page.base_url = live_server.url
        try:
            yield page
        finally:
            context.close()
            browser.close()


PASSWORD = "sandi-uji-yang-panjang"


def browser_user(username, role, region_code, password=PASSWORD):
    """A user with `role` in the region who can log in with `password`."""
    from conftest import make_user

    user = make_user(username, role, region_code)
    user.set_password(password)
    user.save()
    return user


def log_in(page, username, password=PASSWORD):
    page.goto(page.base_url + "/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")


def open_as(page, username, path, password=PASSWORD):
    """Leave any session, log in as `username` (landing on the home page), then open `path`."""
    page.context.clear_cookies()
    log_in(page, username, password)
    page.wait_for_selector("#home-year")  # the log-in lands on the home page
    page.goto(page.base_url + path)
