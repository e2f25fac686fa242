"""The strategic-issue and knowledge-centre pages in headless Chromium: they render under the
strict CSP (no console errors) and the main flows work with a real browser."""

import os
import re

import pytest

from knowledge.tests import helpers as k
from planning.tests import helpers as h
from regions.services import load_regions
from tests.browser import browser_page, browser_user, log_in, open_as  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "kata-sandi-uji-123"
SCREENSHOTS = os.environ.get("SIPOKJA_SCREENSHOTS")


def _user(username, role, code):
    return browser_user(username, role, code, PASSWORD)


def _shot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def test_operator_records_an_issue_and_finds_a_guide(browser_page):  # noqa: F811
    load_regions()
    _user("op.gowa", "regency_operator", "73.06")
    _user("admin.sulsel", "provincial_admin", "73")
    plan = h.plan("73.06", 2025, activities=1)
    k.issue("73.06", title="Unmet need KB tinggi", theme="unmet_need", priority="medium")
    k.issue("73.71", title="Stunting Makassar")
    page = browser_page

    open_as(page, "op.gowa", "/r/73.06/", PASSWORD)
    page.click("text=Isu strategis")
    page.wait_for_url("**/r/73.06/issues/")
    page.click("text=Isu strategis baru")
    page.fill("input[name=title]", "Prevalensi stunting jauh di atas target")
    page.select_option("select[name=theme]", "stunting")
    page.select_option("select[name=priority]", "high")
    page.fill("input[name=period_start]", "2025")
    page.fill("input[name=period_end]", "2029")
    page.check("#fieldset-indicators >> text=Prevalensi Stunting")
    page.check(f"#fieldset-activities >> text={plan.activities.get().title}")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/r/73\.06/issues/\d+/$"))
    assert "Kegiatan 1" in page.locator("#activities").inner_text()
    _shot(page, "issue_detail")

    page.goto(page.base_url + "/r/73.06/issues/")
    assert page.locator("#issues tr.flagged").count() == 1
    assert "Unmet need KB tinggi" in page.locator("#issues tr.flagged").inner_text()
    _shot(page, "issue_list")
    assert page.console_errors == []

    open_as(page, "admin.sulsel", "/r/73/", PASSWORD)
    page.goto(page.base_url + "/r/73/issues/themes/")
    assert page.locator('#themes tr[data-theme="stunting"]').count() == 1
    assert "dihadapi bersama" in page.locator('#themes tr[data-theme="stunting"]').inner_text()
    _shot(page, "themes")

    page.goto(page.base_url + "/knowledge/new/")
    page.fill("input[name=title]", "Panduan Penganggaran Operasional Pokja")
    page.select_option("select[name=category]", "budget")
    page.fill("textarea[name=description]", "Menganggarkan operasional Pokja dalam APBD.")
    page.set_input_files(
        "input[name=upload]",
        files=[{"name": "panduan.pdf", "mimeType": "application/pdf", "buffer": k.pdf_bytes()}],
    )
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/knowledge/\d+/$"))
    _shot(page, "document_detail")
    assert page.console_errors == []

    open_as(page, "op.gowa", "/r/73.06/", PASSWORD)
    page.goto(page.base_url + "/knowledge/")
    page.fill("input[name=q]", "apbd")
    page.click("main form[role=search] button")
    page.wait_for_url("**q=apbd**")
    assert "Panduan Penganggaran Operasional Pokja" in page.locator("#documents").inner_text()
    _shot(page, "document_list")
    with page.expect_download() as download:
        page.click("#documents >> text=Unduh")
    assert download.value.suggested_filename == "panduan.pdf"
    assert page.console_errors == []
