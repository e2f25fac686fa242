"""Browser-test helper for a page that shows a job's box (state, progress bar, messages)."""

from playwright.sync_api import expect

from jobs import engine
from jobs.signals import job_progressed


def run_while_the_bar_follows(box, job, monkeypatch, also=None) -> None:
    """Play the worker: run `job` to success while, at its first two steps part-way, the page's
    job `box` must show the step in its progress bar (and `also(done, total)` must hold) before
    the job goes on. The steps are written every time (not throttled)."""
    monkeypatch.setattr(engine, "PROGRESS_INTERVAL", 0)
    seen = []

    def the_page_follows(sender, job_id, done, total, **kwargs):
        if 0 < done < total and len(seen) < 2:
            bar = box.locator("progress")
            expect(bar).to_have_attribute("value", str(done), timeout=15_000)
            expect(bar).to_have_attribute("max", str(total))
            if also:
                also(done, total)
            seen.append(done)

    job_progressed.connect(the_page_follows)
    try:
        assert engine.run(job.pk, 1) == "succeeded"
    finally:
        job_progressed.disconnect(the_page_follows)
    assert len(seen) == 2 and seen[0] < seen[1]
