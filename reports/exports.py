"""The reports as files: PDF through core.pdf (WeasyPrint), XLSX through openpyxl, always in Indonesian
(letters and recaps go to Indonesian offices whatever the interface language)."""

from django.template.loader import render_to_string
from django.utils import timezone, translation

from core import exports, pdf
from core.formats import format_date_id
from indicators.achievement import NEGATIVE_NOTE
from reports.builders import letterhead

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def render_pdf(template, region, context) -> bytes:
    from meetings.kop import kop

    with translation.override("id"):
        html = render_to_string(
            template,
            {
                "region": region,
                "letterhead": letterhead(region),
                "kop": kop(region),
                "today": timezone.localdate(),
                **context,
            },
        )
        return pdf.render_pdf(html)


def profile_pdf(profile) -> bytes:
    from reports.charts import criteria_over_years, indicator_achievement

    charts = [criteria_over_years(profile.region, profile.year, profile.outcome)]
    if profile.indicators:
        charts.append(indicator_achievement(profile.indicators))
    return render_pdf(
        "reports/profile_pdf.html", profile.region, {"profile": profile, "charts": charts}
    )


def indicators_pdf(report) -> bytes:
    return render_pdf("reports/indicators_pdf.html", report.region, {"report": report})


def _number(value):
    """Decimals as numbers Excel and LibreOffice can compute with; missing stays empty."""
    return None if value is None else float(value)


def _remark(cell) -> str:
    """Why a figure may surprise: a negative achievement, or a missing target daerah."""
    if cell.is_negative:
        return NEGATIVE_NOTE
    if cell.target is None:
        return "Target daerah belum ditetapkan"
    return ""


def indicators_xlsx(report) -> bytes:
    """One row per region × indicator: target, realisation, achievement (%) and grade."""
    with translation.override("id"):
        wb, ws = exports.recap_sheet(
            f"Capaian {report.year}",
            f"Laporan Capaian Indikator Bangga Kencana — {report.region.display_name}"
            f" — Tahun {report.year}",
            f"Dicetak {format_date_id(timezone.localdate())}"
            + (
                " — BERISI DATA DEMO (bukan angka resmi), lihat kolom Data demo"
                if report.has_demo
                else ""
            ),
            [
                "No",
                "Kode",
                "Wilayah",
                "Indikator",
                "Satuan",
                "Sumber data",
                "Target daerah",
                "Realisasi",
                "Capaian (%)",
                "Kategori",
                "Data demo",
                "Keterangan",
                "Target Pokja",
            ],
        )
        number = 0
        for section in report.sections:
            indicator = section.indicator
            decimals = "0" if not indicator.decimals else "0." + "0" * indicator.decimals
            for cell in section.cells:
                number += 1
                exports.append(
                    ws,
                    [
                        number,
                        cell.region.code,
                        str(cell.region.display_name),
                        indicator.name,
                        indicator.unit,
                        section.source_label,
                        _number(cell.target),
                        _number(cell.value),
                        _number(cell.achievement),
                        cell.grade_label,
                        "DEMO" if cell.is_demo else "",
                        _remark(cell),
                        _number(cell.pokja_target),
                    ],
                )
                row = ws.max_row
                ws.cell(row, 7).number_format = decimals
                ws.cell(row, 8).number_format = decimals
                ws.cell(row, 9).number_format = "0.00"
                ws.cell(row, 13).number_format = decimals
        return exports.recap_bytes(wb, ws, [5, 8, 30, 40, 12, 18, 12, 12, 12, 14, 10, 40, 12])
