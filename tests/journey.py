"""Counting a user's journey through the real UI (issue 28): page loads, fields filled and taps.

    meter = JourneyMeter(page)          # after log-in, on the page the journey starts from
    meter.tap(page.get_by_role("link", name="Periksa"))
    meter.fill(page.locator("[name=number]"), "400/12/2026")
    counts = meter.report("province_home_to_verified")  # {"loads": …, "fields": …, "taps": …}

What counts:
- a **page load** is one navigation of the page's main frame (Playwright's `framenavigated`
  for `page.main_frame`): the first page opened, every link followed, every form posted. A
  post answered by a redirect is one load (the browser follows the redirect before the frame
  commits), so a user action that ends on a page is one load however many redirects it took.
  Downloads, htmx swaps and in-page anchors are not page loads.
- a **field** is one value the user gives: a text typed (`fill`), an option chosen (`choose`),
  a file chosen (`upload`), a box ticked (`tick`). Values left at what the page proposed are not
  counted: the user did nothing.
- a **tap** is one click on a link or a button (`tap`), including the one that posts a form.

`report` prints the counts and merges them into var/bench/journeys.json, next to the
benchmark's timings (the README states them).
"""

import json
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError

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
        self.urls: list[str] = []
        page.on("framenavigated", self._navigated)

    def _navigated(self, frame):
        if frame == self.page.main_frame:
            self.loads += 1
            self.urls.append(frame.url)

    def tap(self, locator):
        """A tap on a visible link or button (never a typed URL); a link or a submit button
        waits for the page it opens."""
        locator.wait_for(state="visible")
        self.taps += 1
        if locator.evaluate(_NAVIGATES):
            try:
                with self.page.expect_navigation():
                    locator.click()
            except PlaywrightError as error:
                if "ERR_ABORTED" not in str(error):
                    raise
                return  # the link was a download: no page opened
            self.page.wait_for_load_state()
        else:
            locator.click()

    def fill(self, locator, value):
        self.fields += 1
        locator.fill(str(value))

    def choose(self, locator, value):
        """A drop-down's option, or a radio button / checkbox (`value` True to tick)."""
        self.fields += 1
        if locator.evaluate("el => el.tagName") == "SELECT":
            locator.select_option(value)
        else:
            locator.set_checked(bool(value))

    def tick(self, locator):
        self.fields += 1
        locator.check()

    def upload(self, locator, path):
        self.fields += 1
        locator.set_input_files(str(path))

    def report(self, name) -> dict:
        """The counts, printed and merged into var/bench/journeys.json under `name`."""
        counts = {"loads": self.loads, "fields": self.fields, "taps": self.taps}
        print(f"journey {name}: {counts['loads']} page loads, {counts['fields']} fields, "
              f"{counts['taps']} taps")  # fmt: skip
        JOURNEYS_FILE.parent.mkdir(parents=True, exist_ok=True)
        try:
            stored = json.loads(JOURNEYS_FILE.read_text())
        except (OSError, ValueError):
            stored = {}
        stored[name] = counts
        JOURNEYS_FILE.write_text(json.dumps(stored, indent=2, sort_keys=True) + "\n")
        return counts
