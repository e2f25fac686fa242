import io
from pathlib import Path

import pytest
from django.core.management import call_command

from regions.services import load_regions
from tests.browser import browser_page, log_in  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "test-artifacts"

# True when the canvas has at least one pixel that is not fully transparent.
DRAWN = """(canvas) => {
  const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
  return false;
}"""


def test_sulsel_dashboard_with_the_demo_data_renders_map_and_charts(browser_page):  # noqa: F811
    load_regions()
    call_command("load_demo", stdout=io.StringIO())
    page = browser_page

    log_in(page, "sulsel", "demo-sipokja-2026")
    page.wait_for_selector("#home-year")  # the log-in lands on the home page
    page.goto(page.base_url + "/r/73/dashboard/?year=2025")

    assert page.locator("svg.region-map a.area rect").count() == 24
    statuses = page.locator("svg.region-map a.area").evaluate_all(
        "areas => Object.fromEntries(areas.map(a => [a.dataset.region, a.dataset.status]))"
    )
    assert statuses["73.06"] == "effective" and statuses["73.08"] == "not_effective"
    assert statuses["73.01"] == "no_workgroup"
    canvases = page.locator("canvas[data-chart]")
    assert canvases.count() == 2
    for index in range(canvases.count()):
        assert canvases.nth(index).evaluate(DRAWN), canvases.nth(index).get_attribute("id")
    assert page.console_errors == []

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-sulsel.png"), full_page=True)
