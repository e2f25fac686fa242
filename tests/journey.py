"""Counting a journey through the real UI (issue 28): page loads, fields filled and taps.

    meter = JourneyMeter(page)          # after log-in, on the page the journey starts from
    meter.tap(page.get_by_role("link", name="Periksa"))
    meter.fill(page.locator("textarea"), "…")
    counts = meter.report("province_home_to_verified")

A page load is a navigation of the main frame (`framenavigated`), so a POST answered with a
redirect counts once, as the person sees it. `report` prints the counts and merges them into
var/bench/journeys.json, next to the benchmark's timings.
"""

import json
from pathlib import Path

JOURNEYS_FILE = Path(__file__).resolve().parent.parent / "var" / "bench" / "journeys.json"

# Whether tapping the element opens a page in this tab: a link, or a form's submit button.
_NAVIGATES = """(el) => {
  const link = el.closest("a[href]");
  if (link) return link.target !== "_blank" && !link.getAttribute("href").startsWith("#");
  const button = el.closest("button, input[type=submit]");
  return Boolean(button && button.form && (button.type || "submit") === "submit");
}"""


class JourneyMeter:
    def __init__(self, page):
        self.page = page
        self.loads = 0
        self.fields = 0
        self.taps = 0
        page.on("framenavigated", self._navigated)

    def _navigated(self, frame):
        if frame == self.page.main_frame:
            self.loads += 1

    def tap(self, locator):
        """A tap on a visible link or button (never a typed URL); a link or a submit button
        waits for the page it opens."""
        navigates = locator.evaluate(_NAVIGATES)
        if navigates:
            with self.page.expect_navigation():
                locator.tap()
            self.page.wait_for_load_state()
        else:
            locator.tap()
        self.taps += 1

    def fill(self, locator, value):
        locator.fill(value)
        self.fields += 1

    def choose(self, locator, value):
        """A drop-down's option, or a radio button / checkbox (`value` True to tick)."""
        if locator.evaluate("el => el.tagName") == "SELECT":
            locator.select_option(value)
        else:
            locator.set_checked(bool(value))
        self.fields += 1

    def upload(self, locator, path):
        locator.set_input_files(str(path))
        self.fields += 1

    def report(self, name) -> dict:
        counts = {"loads": self.loads, "fields": self.fields, "taps": self.taps}
        JOURNEYS_FILE.parent.mkdir(parents=True, exist_ok=True)
        try:
            existing = json.loads(JOURNEYS_FILE.read_text())
        except (OSError, ValueError):
            existing = {}
        existing[name] = counts
        JOURNEYS_FILE.write_text(json.dumps(existing, indent=2, sort_keys=True) + "\n")
        print(f"journey {name}: {counts['loads']} page loads, {counts['fields']} fields, "
              f"{counts['taps']} taps")  # fmt: skip
        return counts
