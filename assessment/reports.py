"""The province matrix as rows, and its .xlsx and PDF exports (the recap "Rekapitulasi
Efektivitas Pokja Bangga Kencana")."""

import io

from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from assessment.engine import EFFECTIVE, evaluate, state_label
from core.formats import format_date_id

SYMBOL = {"fulfilled": "✔", "not_fulfilled": "✘", "not_reported": "?"}


def province_rows(province, year):
    """The province itself, then its kab/kota, each a RegionResult."""
    regions = [province, *province.children.all()]
    results = evaluate(regions, year)
    return [results[r.code] for r in regions]


def criteria_columns(rows):
    seen, columns = set(), []
    for row in rows:
        for result in row.results:
            if result.criterion.pk not in seen:
                seen.add(result.criterion.pk)
                columns.append(result.criterion)
    return columns


def summary(rows):
    regencies = [r for r in rows if r.region.parent_id]
    return {
        "total": len(regencies),
        "formed": sum(r.workgroup is not None for r in regencies),
        "effective": sum(r.computed_status == EFFECTIVE for r in regencies),
        "official": sum(r.official_status == EFFECTIVE for r in regencies),
    }


def matrix_xlsx(province, year, rows) -> bytes:
    columns = criteria_columns(rows)
    with translation.override("id"):
        wb = Workbook()
        ws = wb.active
        ws.title = f"Efektivitas {year}"
        ws.append(
            [
                f"Rekapitulasi Efektivitas Pokja Bangga Kencana — Provinsi {province.name} — Tahun {year}"
            ]
        )
        ws["A1"].font = Font(bold=True, size=13)
        ws.append([f"Dicetak {format_date_id(timezone.localdate())}"])
        ws.append([])
        header = [
            "No",
            "Kode",
            "Wilayah",
            *[c.name for c in columns],
            "Status (hitung)",
            "Status resmi",
            "Verifikasi",
        ]
        ws.append(header)
        for cell in ws[4]:
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor="0B6E4F")
            cell.alignment = Alignment(wrap_text=True, vertical="center")
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
            ws.append(cells)
        totals = summary(rows)
        ws.append([])
        ws.append(
            ["", "", "Kab/kota efektif (hitung)", f"{totals['effective']} dari {totals['total']}"]
        )
        ws.append(
            ["", "", "Kab/kota efektif (resmi)", f"{totals['official']} dari {totals['total']}"]
        )
        ws.append(["", "", "Pokja terbentuk", f"{totals['formed']} dari {totals['total']}"])
        widths = [5, 8, 34, *[18] * len(columns), 18, 22, 22]
        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = "D5"
        buffer = io.BytesIO()
        wb.save(buffer)
    return buffer.getvalue()


def matrix_pdf(province, year, rows, *, letter=None, stamp=None) -> bytes:
    """The recap as PDF. As a numbered letter (`letters.services.issue_letter`) it carries the
    letter number and the verification stamp (QR code, code and, when signed, the signer)."""
    from letters.pdf import render_pdf

    with translation.override("id"):
        return render_pdf(
            "assessment/matrix_pdf.html",
            {
                "province": province,
                "year": year,
                "rows": rows,
                "columns": criteria_columns(rows),
                "summary": summary(rows),
                "today": letter.letter_date if letter else timezone.localdate(),
                "symbol": SYMBOL,
                "letter": letter,
                "stamp": stamp,
            },
        )
