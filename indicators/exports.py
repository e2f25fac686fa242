"""Rows for exports and import templates, in the spreadsheet format of indicators.spreadsheets
(so an export can be corrected and imported again)."""

from django.utils.translation import gettext as _

from indicators.models import Target, Value
from indicators.parsing import KIND_NAMES, SOURCE_NAMES, TARGET, VALUE, format_period


def _scoped(model, regions, indicator, year):
    records = model.objects.filter(region__in=regions)
    if indicator is not None:
        records = records.filter(indicator=indicator)
    if year:
        records = records.filter(year=year)
    return records


def _rows(records, *keys):
    """(region code, indicator code, year, *keys, value, note, region name, indicator name)
    tuples in export order."""
    ordered = records.order_by("region__code", "indicator__order", "indicator__code", "year", *keys)
    fields = ("region__code", "indicator__code", "year", *keys, "value", "note")
    return ordered.values_list(*fields, "region__name", "indicator__name").iterator(chunk_size=5000)


def export_rows(regions, *, indicator=None, year=None, source=None, kind=None):
    """Targets then realisations of `regions`, filtered; yields spreadsheet rows. A source
    filter applies to realisations only (targets have no source)."""
    if kind in (None, "", TARGET):
        for code, ind, y, value, note, *names in _rows(_scoped(Target, regions, indicator, year)):
            yield [code, ind, y, str(y), KIND_NAMES[TARGET], value, "", note, *names]
    if kind in (None, "", VALUE):
        values = _scoped(Value, regions, indicator, year)
        if source:
            values = values.filter(source=source)
        for code, ind, y, period, src, value, note, *names in _rows(values, "period", "source"):
            label = format_period(y, period)
            yield [code, ind, y, label, KIND_NAMES[VALUE], value, SOURCE_NAMES[src], note, *names]


def template_rows(regions, indicators, *, year, kind=VALUE, source=""):
    """Blank rows to fill in: one per region × indicator for the year."""
    source_name = SOURCE_NAMES.get(source, "") if kind == VALUE else ""
    for region in regions:
        for indicator in indicators:
            yield [
                region.code,
                indicator.code,
                year,
                str(year),
                KIND_NAMES[kind],
                None,
                source_name,
                "",
                region.name,
                indicator.name,
            ]


def instructions() -> list[str]:
    """The instructions sheet of templates and exports."""
    sources = ", ".join(SOURCE_NAMES.values())
    return [
        _("How to fill in this sheet"),
        "",
        _(
            "One row per region, indicator, period and kind. Do not change the column names in row 1."
        ),
        _("kode_wilayah: the Kemendagri code, e.g. 73.71 or 7371."),
        _("kode_indikator: the indicator code from the catalogue, e.g. tfr, stunting, unmet-need."),
        _("tahun: the year, e.g. 2025."),
        _(
            "periode: empty or the year for the whole year, 2025-03 for a month, 2025-Q1 for a quarter (realisations only)."
        ),
        _("jenis: target or realisasi."),
        _("nilai: the number; a decimal comma (2,18) or point (2.18) are both accepted."),
        _(
            "sumber: the data source of a realisation, one of: %(sources)s. Leave it empty for targets."
        )
        % {"sources": sources},
        _("catatan: an optional note (up to 500 characters)."),
        _("nama_wilayah and nama_indikator are for reading only and are not imported."),
        "",
        _(
            "The import is all or nothing: if one row has an error, nothing is saved and the errors are listed by row and column."
        ),
        _(
            "Existing targets and realisations with the same region, indicator, period and source are replaced."
        ),
    ]
