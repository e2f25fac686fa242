"""In Chromium: the profiles batch is started from the province dashboard, and its progress bar
advances (htmx polling) while the job runs, until the page says it finished and offers the ZIP."""

import io
import zipfile

import pytest
from playwright.sync_api import expect

from jobs.models import Job
from jobs.tests.browser import run_while_the_bar_follows
from tests.browser import browser_page, browser_user, log_in  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_the_progress_bar_advances_until_the_zip_can_be_downloaded(
    browser_page,  # noqa: F811
    regions,
    database_queue,  # the job waits for a worker (this test plays the worker)
    monkeypatch,
):
    browser_user("kaltara", "provincial_admin", "65")
    page = browser_page
    log_in(page, "kaltara")
    page.goto(page.base_url + "/r/65/dashboard/?year=2025")

    page.get_by_role("button", name="Unduh semua profil Pokja").click()
    box = page.locator(".job-box")
    expect(box.locator(".job-state")).to_have_text("Dalam antrean")
    job = Job.objects.get()
    assert (job.kind, job.total, job.state) == ("reports.profiles_zip", 6, "queued")

    def the_part_filled(done, total):
        # Before the job goes on, the page says where it is.
        expect(box.locator(".job-count")).to_have_text(f"{done} dari {total} selesai")

    run_while_the_bar_follows(box, job, monkeypatch, also=the_part_filled)

    expect(box.get_by_role("status")).to_contain_text("Selesai.", timeout=15_000)
    expect(box.locator("progress")).to_have_attribute("value", "6")
    with page.expect_download() as download:
        box.get_by_role("link", name="Unduh profil-pokja-65-2025.zip").click()
    with open(download.value.path(), "rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    assert len(archive.namelist()) == 6
    assert page.console_errors == []
