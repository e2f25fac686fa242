"""The operator's journey, measured (issue 28 item 5): on a 390×844 phone in Chromium, a fresh
operator of a kab/kota with no Pokja (Kabupaten Sinjai, 73.07) logs in and, through visible
links and buttons only (no URL typed after the log-in page), forms the Pokja, records its SK
with a real PDF, imports 6 members through the Excel template (a real .xlsx), drafts a work
plan with 3 activities and approves it, adopts 3 indicators with targets, records one budget
allocation and submits the assessment. Page loads, fields and taps are counted
(tests/journey.py says what each is) and must stay within the issue's ceiling (≤ 25 page loads,
≤ 60 fields) and within BUDGET, the count of today's journey, so one more page fails. The counts are printed and written to var/bench/journeys.json (README, "Measured
journeys")."""

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from accounts.models import RoleAssignment
from assessment.models import Assessment
from conftest import reseed_catalogues
from core.years import open_year
from regions.models import Region
from regions.services import load_regions
from tests.browser import browser_page  # noqa: F401
from tests.journey import JourneyMeter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
# The ceiling, and the budget: what the journey takes now, so that any step made one
# page (or one field) longer fails. Lower the budget when a step gets shorter.
CEILING = {"loads": 25, "fields": 60}
BUDGET = {"loads": 15, "fields": 20}
PASSWORD = "Sinjai-operator-2026!"
MEMBERS = [
    ("Dr. H. Andi Seto Gadhista Asapa, S.H., LL.M.", "Bupati Sinjai", "Sekretariat Daerah", "Pengarah"),
    ("Ir. Andi Jefrianto Asapa", "Sekretaris Daerah", "Sekretariat Daerah", "Ketua"),
    ("dr. Emmy Kartahara Malik", "Kepala Dinas Kesehatan", "Dinas Kesehatan", "Anggota"),
    ("Drs. Andi Mappatunru", "Kepala Dinas PPKB", "Dinas Pengendalian Penduduk dan Keluarga Berencana", "Sekretaris"),
    ("Hj. Nurhayati, S.Pd.", "Kepala Dinas Pendidikan", "Dinas Pendidikan", "Anggota"),
    ("Muh. Ilham, S.Sos.", "Kepala Bappeda", "Badan Perencanaan Pembangunan Daerah", "Anggota"),
]  # fmt: skip


def _pdf(path):
    from weasyprint import HTML

    HTML(
        string="<h1>Keputusan Bupati Sinjai</h1><p>Pembentukan Pokja Bangga Kencana</p>"
    ).write_pdf(str(path))
    return path


@pytest.fixture
def sinjai_operator(live_server):
    if not Region.objects.filter(code="73.07").exists():  # a transactional test flushed them
        load_regions()
        reseed_catalogues()
    region = Region.objects.get(code="73.07")
    user = get_user_model().objects.create_user("operator.sinjai", password=PASSWORD)
    RoleAssignment.objects.create(user=user, role="regency_operator", region=region)
    return user


def test_operator_journey_from_a_fresh_account_to_a_submitted_assessment(
    browser_page,  # noqa: F811
    sinjai_operator,
    tmp_path,
):
    year = open_year()
    context = browser_page.context.browser.new_context(locale="id-ID", **PHONE)
    page = context.new_page()
    page.set_default_timeout(20000)
    meter = JourneyMeter(page)
    main = page.locator("main")

    def step(key):
        """The checklist's link for step `key` (on the home page)."""
        return page.locator(f'[data-section="checklist-73.07"] li[data-step="{key}"] a.fix')

    def fits():
        """No sideways scrolling on the page the user is on."""
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, page.url

    def save():
        fits()
        meter.tap(main.locator("form button[type=submit]:not([name])").last)

    def next_is(text):
        """The page says what comes next ("Berikutnya: …")."""
        notice = main.locator("p.message").all_inner_texts()
        assert any("Berikutnya" in n and text in n for n in notice), (page.url, notice)

    # Log in: the only URL typed.
    page.goto(browser_page.base_url + "/accounts/login/")
    meter.fill(page.locator("input[name=username]"), "operator.sinjai")
    meter.fill(page.locator("input[name=password]"), PASSWORD)
    meter.tap(page.locator("main button[type=submit]"))
    assert page.locator('[data-section="checklist-73.07"]').is_visible()
    assert page.locator('[data-section="checklist-73.07"]').get_attribute("data-year") == str(year)

    # 1. The Pokja: the form proposes its name; save.
    meter.tap(step("pokja"))
    save()
    # 2. The SK, with its signed PDF: the form opened by itself ("Berikutnya").
    next_is("SK")
    assert "/pokja/decrees/new/" in page.url
    meter.fill(main.locator("[name=number]"), f"400/123/{year}")
    meter.fill(main.locator("[name=signed_on]"), f"{year}-01-15")
    meter.fill(main.locator("[name=valid_from]"), f"{year}-01-15")
    meter.upload(main.locator("[name=upload]"), _pdf(tmp_path / "sk-pokja-sinjai.pdf"))
    save()
    # 3. Six members through the Excel template.
    next_is("anggota")
    with page.expect_download() as download:
        meter.tap(main.get_by_role("link", name="templat anggota"))
    template = tmp_path / "template.xlsx"
    download.value.save_as(template)
    workbook = load_workbook(template)
    institutions = [c.value for c in workbook["Pilihan"]["D"][1:] if c.value]
    sheet = workbook["Anggota"]
    headers = [c.value.rstrip(" *") for c in sheet[1]]
    for row, (name, position, institution, role) in enumerate(MEMBERS, start=2):
        assert institution in institutions  # the standard offices are offered
        values = {
            "Nama": name,
            "Jabatan": position,
            "Instansi": institution,
            "Kedudukan dalam Pokja": role,
        }
        for column, header in enumerate(headers, start=1):
            if header in values:
                sheet.cell(row=row, column=column, value=values[header])
    workbook.save(tmp_path / "anggota.xlsx")
    meter.upload(main.locator("input[type=file]"), tmp_path / "anggota.xlsx")
    save()
    meter.tap(main.locator("a.job-next"))
    # 4. The work plan: the year is the assessment's; three activities, then its approval.
    next_is("rencana")
    assert main.locator("[name=year]").input_value() == str(year)
    save()
    for number, title in enumerate(
        ["Rapat koordinasi Pokja", "Audit kasus stunting", "Kampung KB"]
    ):
        meter.fill(main.locator("[name=title]"), title)
        if number < 2:
            meter.tap(main.locator("button[name=add_another]"))
        else:
            save()
    next_is("Sahkan rencana")
    meter.fill(main.locator("[name=approved_on]"), f"{year}-02-01")
    meter.fill(main.locator("[name=approver_name]"), "Ir. Andi Jefrianto Asapa")
    save()
    # 5. Three indicators with their targets, on one form.
    next_is("indikator")
    rows = main.locator("li.adoption-row")
    for index, target in enumerate(["2.1", "63", "14"]):
        row = rows.nth(index)
        meter.tick(row.locator("input[type=checkbox]"))
        meter.fill(row.locator("input[name^=target_]"), target)
    save()
    # 6. One budget allocation.
    next_is("anggaran")
    assert main.locator("[name=year]").input_value() == str(year)
    source = main.locator("[name=source]")
    if not source.input_value():
        meter.choose(source, source.locator("option").nth(1).get_attribute("value"))
    meter.fill(main.locator("[name=amount]"), "25000000")
    save()
    # 7. Submit: the checklist's button.
    next_is("Ajukan")
    meter.tap(page.locator('[data-section="checklist-73.07"] form.checklist-submit button'))

    assessment = Assessment.objects.get(region__code="73.07", year=year)
    assert assessment.status == Assessment.Status.SUBMITTED
    fits()
    counts = meter.report("operator")
    context.close()
    assert BUDGET["loads"] <= CEILING["loads"] and BUDGET["fields"] <= CEILING["fields"]
    assert counts["loads"] <= BUDGET["loads"], meter.urls
    assert counts["fields"] <= BUDGET["fields"]
