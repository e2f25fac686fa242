"""Every main page works on a phone (issue 22): at 390×844 with touch, as each role, no
document is wider than the screen, the header's menu toggle opens the menu and "Keluar" can be
reached; at 1366×768 the matrix and the public page do not overflow either.

The pages are data: add a new main page to PAGES (or to a role's list) and it is checked
for every role that can open it."""

import io

import pytest
from django.core.management import call_command

from accounts.demo import DEMO_PASSWORD
from regions.services import load_regions
from tests.browser import browser_page, log_in  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

# Pages every region-bound role opens for its own region ({c} is the region code).
REGION_PAGES = [
    "/",
    "/regions/",
    "/r/{c}/",
    "/r/{c}/pokja/",
    "/r/{c}/pokja/members/",
    "/r/{c}/pokja/decrees/",
    "/r/{c}/institutions/",
    "/r/{c}/assessment/",
    "/r/{c}/meetings/",
    "/r/{c}/action-items/",
    "/r/{c}/announcements/",
    "/r/{c}/agenda/",
    "/r/{c}/plans/",
    "/r/{c}/budget/",
    "/r/{c}/policies/",
    "/r/{c}/indicators/",
    "/r/{c}/issues/",
    "/r/{c}/dashboard/",
    "/knowledge/",
    "/notifications/",
    "/jobs/",
    "/accounts/profile/",
    "/transparansi/",
]
PROVINCE_PAGES = [
    "/r/{c}/assessment/matrix/",
    "/r/{c}/assessment/turnaround/",
    "/r/{c}/budget/regencies/",
    "/r/73.06/",
    "/r/73.06/assessment/",
]
EDITOR_PAGES = [
    "/r/{c}/meetings/new/",
    "/r/{c}/plans/new/",
    "/r/{c}/budget/new/",
    "/r/{c}/policies/new/",
    "/r/{c}/pokja/members/new/",
    "/r/{c}/letters/",
    "/r/{c}/audit/",
]

ROLES = {
    "gowa": ("73.06", REGION_PAGES + EDITOR_PAGES),
    "sulsel": ("73", REGION_PAGES + PROVINCE_PAGES + EDITOR_PAGES),
    "anggota.gowa": ("73.06", REGION_PAGES),
    "pimpinan.sulsel": ("73", REGION_PAGES + PROVINCE_PAGES),
}
PUBLIC_PAGES = ["/transparansi/", "/transparansi/73/", "/accounts/login/", "/privacy/"]

# The document's width against the screen, and the widest element when it is too wide.
OVERFLOW_JS = """(width) => {
  const doc = document.documentElement.scrollWidth;
  let culprit = "";
  if (doc > width) {
    // The outermost elements that reach past the screen's edge.
    const wide = (el) => el.getBoundingClientRect().right > width + 1;
    culprit = [...document.body.querySelectorAll("*")]
      .filter((el) => wide(el) && !wide(el.parentElement))
      .map((el) => el.tagName + "." + el.className + " right=" + Math.round(el.getBoundingClientRect().right))
      .join(", ");
  }
  return {width, doc, culprit};
}"""


def _visible_in_viewport(page, selector):
    return page.evaluate(
        """([sel, width]) => { const el = document.querySelector(sel); if (!el) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= width; }""",
        [selector, page.viewport_size["width"]],
    )


def _check_page(page, url, problems, *, menu=True, logged_in=True):
    response = page.goto(page.base_url + url)
    if response is None or response.status != 200:
        problems.append(f"{url}: status {response and response.status}")
        return
    size = page.evaluate(OVERFLOW_JS, page.viewport_size["width"])
    if size["doc"] > size["width"]:
        problems.append(
            f"{url}: document {size['doc']} px wide > {size['width']} ({size['culprit']})"
        )
    if not menu:
        return
    toggle = page.locator(".menu-toggle")
    if not toggle.is_visible():
        problems.append(f"{url}: no menu toggle")
        return
    if page.locator("#site-menu").is_visible():
        problems.append(f"{url}: the menu is open before the toggle")
    toggle.tap()
    if not page.locator("#site-menu").is_visible():
        problems.append(f"{url}: the toggle does not open the menu")
    if logged_in and not _visible_in_viewport(page, "#site-menu button.logout"):
        problems.append(f"{url}: Keluar not reachable")
    box = toggle.bounding_box()
    if box["height"] < 44:
        problems.append(f"{url}: the menu toggle is {box['height']} px high")


@pytest.fixture
def demo(live_server):
    load_regions()
    call_command("load_demo", stdout=io.StringIO())


def _new_phone_page(browser_page, **options):  # noqa: F811
    context = browser_page.context.browser.new_context(locale="id-ID", **(options or PHONE))
    page = context.new_page()
    page.base_url = browser_page.base_url
    return context, page


@pytest.mark.parametrize("username", list(ROLES))
def test_every_main_page_fits_a_phone(browser_page, demo, username):  # noqa: F811
    code, urls = ROLES[username]
    context, page = _new_phone_page(browser_page)
    log_in(page, username, DEMO_PASSWORD)
    page.wait_for_load_state()
    problems = []
    for url in urls:
        _check_page(page, url.format(c=code), problems)
    assert "Keluar" in page.locator("#site-menu button.logout").inner_text()
    context.close()
    assert problems == []


def test_public_pages_fit_a_phone(browser_page, demo):  # noqa: F811
    context, page = _new_phone_page(browser_page)
    problems = []
    for url in PUBLIC_PAGES:
        _check_page(page, url, problems, logged_in=False)
    context.close()
    assert problems == []


def test_matrix_and_public_page_fit_a_desktop(browser_page, demo):  # noqa: F811
    context, page = _new_phone_page(browser_page, viewport={"width": 1366, "height": 768})
    problems = []
    for url in ["/transparansi/", "/transparansi/73/"]:
        _check_page(page, url, problems, menu=False)
    log_in(page, "sulsel", DEMO_PASSWORD)
    page.wait_for_load_state()
    for url in ["/r/73/assessment/matrix/", "/"]:
        _check_page(page, url, problems, menu=False)
        # Every column shows: the matrix table is not cut (it needs no sideways scroll).
        cut = page.evaluate(
            """() => [...document.querySelectorAll("main table")].filter(
                t => t.scrollWidth > t.clientWidth + 1).length"""
        )
        if cut:
            problems.append(f"{url}: {cut} table(s) cut at 1366 px")
    context.close()
    assert problems == []
