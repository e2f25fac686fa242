"""Printing the dashboards and the matrix (issue 22, item 6) in headless Chromium: the print
stylesheet lays the page out on A4 landscape, hides the navigation and the filter forms, and
nothing is wider than the page; the printed page shows its shareable URL with the filters."""

import io

import pytest
from pypdf import PdfReader

from regions.services import load_regions
from tests.browser import browser_page, log_in  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

A4_LANDSCAPE = {"width": 1123, "height": 794}  # CSS px at 96 dpi


def _user(username, role, code):
    from accounts.models import RoleAssignment, User
    from regions.models import Region

    user = User.objects.create(username=username)
    user.set_password("cetak-sipokja-2026")
    user.save()
    region = Region.objects.get(code=code) if code else None
    RoleAssignment.objects.create(user=user, role=role, region=region)


@pytest.mark.parametrize(
    ("username", "role", "code", "path"),
    [
        ("nasional", "national_admin", None, "/dashboard/?year=2025&sort=share&order=desc"),
        ("sulsel", "provincial_admin", "73", "/r/73/assessment/matrix/?year=2025"),
        ("sulsel", "provincial_admin", "73", "/r/73/dashboard/?year=2025"),
    ],
)
def test_print_is_a4_landscape_without_navigation(browser_page, username, role, code, path):  # noqa: F811
    load_regions()
    _user(username, role, code)
    page = browser_page
    log_in(page, username, "cetak-sipokja-2026")
    page.wait_for_load_state()
    page.set_viewport_size(A4_LANDSCAPE)
    page.goto(page.base_url + path)
    page.emulate_media(media="print")
    assert page.locator("header nav").first.is_hidden()
    assert page.locator("form.filters, form.dash-filters, form.year-form").evaluate_all(
        "forms => forms.every(f => getComputedStyle(f).display === 'none')"
    )
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= A4_LANDSCAPE["width"], width
    shown = page.locator(".print-url").first
    assert shown.is_visible() and "year=2025" in shown.inner_text()
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    box = pdf.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    assert float(box.width) == pytest.approx(841.9, abs=2)  # A4 long side in points
