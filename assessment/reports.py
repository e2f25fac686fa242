"""The province matrix as rows, and its .xlsx and PDF exports (the recap "Rekapitulasi
Efektivitas Pokja Bangga Kencana")."""

from django.utils import timezone, translation

from assessment.engine import state_label
from assessment.matrix import criteria_columns, province_rows, regency_tally  # noqa: F401
from core import exports
from core.formats import format_date_id

SYMBOL = {"fulfilled": "✔", "not_fulfilled": "✘", "not_reported": "?"}


def summary(rows):
    """The counts under the province matrix: its kab/kota only."""
    return regency_tally(rows)


def matrix_xlsx(province, year, rows) -> bytes:
    columns = criteria_columns(rows)
    with translation.override("id"):
        wb, ws = exports.recap_sheet(
            f"Efektivitas {year}",
            f"Rekapitulasi Efektivitas Pokja Bangga Kencana — Provinsi {province.name}"
            f" — Tahun {year}",
            f"Dicetak {format_date_id(timezone.localdate())}",
            [
                "No",
                "Kode",
                "Wilayah",
                *[c.name for c in columns],
                "Status (hitung)",
                "Status resmi",
                "Verifikasi",
            ],
        )
        number = 0
        for row in rows:
            # The province's own row comes first, unnumbered; its kab/kota are numbered 1…n.
            number += bool(row.region.parent_id)
            cells = [number or "", row.region.code, str(row.region.display_name)]
            for column in columns:
                result = row.result_for(column.code)
                cells.append(f"{SYMBOL[result.state]} {result.state_label}" if result else "–")
            cells += [
                str(state_label(row.computed_status)),
                str(state_label(row.official_status)),
                # As on the matrix page: the assessment's workflow status, or – when none.
                str(row.assessment.get_status_display()) if row.assessment else "–",
            ]
            exports.append(ws, cells)
        totals = summary(rows)
        exports.append(ws, [])
        exports.append(
            ws,
            ["", "", "Kab/kota efektif (hitung)", f"{totals['effective']} dari {totals['total']}"],
        )
        exports.append(
            ws, ["", "", "Kab/kota efektif (resmi)", f"{totals['official']} dari {totals['total']}"]
        )
        exports.append(
            ws, ["", "", "Pokja terbentuk", f"{totals['formed']} dari {totals['total']}"]
        )
        return exports.recap_bytes(wb, ws, [5, 8, 34, *[18] * len(columns), 18, 22, 22])


def matrix_pdf(province, year, rows, *, letter=None, stamp=None) -> bytes:
    """The recap as PDF. As a numbered letter (`letters.services.issue_letter`) it carries the
    letter number and the verification stamp (QR code, code and, when signed, the signer)."""
    from assessment.recap_charts import criteria_achievement, effective_over_years
    from audit import version
    from letters.pdf import render_pdf
    from meetings.kop import kop

    data_version = version.token()  # read before the charts' data
    totals = summary(rows)
    columns = criteria_columns(rows)
    with translation.override("id"):
        return render_pdf(
            "assessment/matrix_pdf.html",
            {
                "province": province,
                "year": year,
                "rows": rows,
                "columns": columns,
                "summary": totals,
                "kop": kop(province),
                "chart_years": effective_over_years(province, year, totals),
                "chart_criteria": criteria_achievement(rows, columns),
                "today": letter.letter_date if letter else timezone.localdate(),
                "symbol": SYMBOL,
                "letter": letter,
                "stamp": stamp,
            },
            # Aggregates only: kept per data version (a numbered letter is rendered afresh).
            cache_as=None if letter else ("recap", province.code, year),
            data_version=data_version,
        )
