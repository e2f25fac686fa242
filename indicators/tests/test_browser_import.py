"""In Chromium, on a phone-sized screen: an operator uploads an indicator spreadsheet on the
import page, lands on the job's page, sees its progress bar advance (htmx polling) while a
worker reads the rows, then the summary and the link to the imported indicators."""

import pytest
from playwright.sync_api import expect

from indicators.models import Value
from indicators.tests.helpers import xlsx_bytes
from jobs.models import Job
from jobs.tests.browser import run_while_the_bar_follows
from tests.browser import browser_page, browser_user, log_in  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _rows():
    """Gowa: stunting every month and year from 2000 to 2099, a target a year (1,400 rows)."""
    for year in range(2000, 2100):
        yield ["73.06", "stunting", year, "", "target", "14", "", ""]
        for month in ["", *[f"{m:02d}" for m in range(1, 13)]]:
            period = f"{year}-{month}" if month else ""
            yield ["73.06", "stunting", year, period, "realisasi", "21,5", "SSGI", ""]


def test_an_import_from_the_page_shows_its_progress_and_links_to_the_indicators(
    browser_page,  # noqa: F811
    regions,
    database_queue,  # the job waits for a worker (this test plays the worker)
    monkeypatch,
    tmp_path,
):
    browser_user("operator.gowa", "regency_operator", "73.06")
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "operator.gowa")
    page.goto(page.base_url + "/r/73.06/indicators/import/")
    path = tmp_path / "stunting-gowa.xlsx"
    path.write_bytes(xlsx_bytes(list(_rows())))
    page.set_input_files('input[type="file"]', str(path))
    page.get_by_role("button", name="Impor", exact=True).click()

    page.wait_for_url("**/jobs/*/")
    box = page.locator(".job-box")
    expect(box.locator(".job-state")).to_have_text("Dalam antrean")
    job = Job.objects.get()
    assert (job.kind, job.state, job.input_name) == (
        "indicators.import",
        "queued",
        "stunting-gowa.xlsx",
    )

    run_while_the_bar_follows(box, job, monkeypatch)

    expect(box.get_by_role("status")).to_contain_text("Selesai.", timeout=15_000)
    expect(box.locator(".job-messages")).to_contain_text("1400 baris diimpor")
    assert Value.objects.count() == 1300
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 392)"
        ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 12)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, wide  # fits a phone
    box.get_by_role("link", name="Lihat hasil impor").click()
    page.wait_for_url("**/r/73.06/indicators/")
    assert page.console_errors == []
