"""Spreadsheet import: all or nothing, errors by row and column, scope, upsert, audit."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from audit.models import AuditEvent
from core.errors import DomainError
from indicators.models import Indicator, Target, Value
from indicators.services import import_file
from indicators.spreadsheets import read_table
from indicators.tests.helpers import csv_bytes, fileobj, xlsx_bytes
from regions.models import Region

pytestmark = pytest.mark.django_db


def _import(user, content, scope="73.06", name="nilai.xlsx"):
    region = Region.objects.get(code=scope) if scope else None
    return import_file(by=user, fileobj=fileobj(content), filename=name, scope_region=region)


def _refused(user, content, **options) -> DomainError:
    """The refusal of an import that must fail as a whole."""
    with pytest.raises(DomainError) as caught:
        _import(user, content, **options)
    return caught.value


def _imports():
    return AuditEvent.objects.filter(code="indicators.imported")


def test_import_xlsx_creates_targets_and_values(personas):
    rows = [
        ["7306", "stunting", 2024, "", "target", "20,5", "", "RPJMD"],
        ["73.06", "stunting", 2024, "2024", "realisasi", 23.4, "SSGI", ""],
        ["73.06", "stunting", 2024, "2024-08", "realisasi", "6,12", "e-PPGBM", "bulan timbang"],
        ["73.06", "tfr", 2024, None, "realisasi", "2.31", "PK", ""],
    ]
    result = _import(personas.gowa_operator, xlsx_bytes(rows))
    assert (result.targets_created, result.values_created, result.updated) == (1, 3, 0)
    gowa = Region.objects.get(code="73.06")
    target = Target.objects.get(region=gowa, indicator__code="stunting", year=2024)
    assert target.value == Decimal("20.5") and target.note == "RPJMD"
    assert target.created_by == personas.gowa_operator
    monthly = Value.objects.get(region=gowa, indicator__code="stunting", period="M08")
    assert (monthly.source, monthly.value, monthly.note) == (
        "eppgbm",
        Decimal("6.12"),
        "bulan timbang",
    )
    assert Value.objects.get(region=gowa, indicator__code="tfr").value == Decimal("2.31")
    event = _imports().get()
    assert event.region_code == "73.06" and event.actor_username == "gowa_operator"
    assert event.changes["values_created"] == 3 and event.changes["file"] == "nilai.xlsx"


def test_import_updates_existing_rows_and_says_so(personas):
    gowa = Region.objects.get(code="73.06")
    stunting = Indicator.objects.get(code="stunting")
    existing = Value.objects.create(
        region=gowa,
        indicator=stunting,
        year=2024,
        source="ssgi",
        value=Decimal("25"),
        created_by=personas.sulsel_admin,
    )
    rows = [
        ["73.06", "stunting", 2024, "", "realisasi", "23,4", "SSGI", ""],
        ["73.06", "stunting", 2024, "", "realisasi", "7,1", "e-PPGBM", ""],
    ]
    result = _import(personas.gowa_operator, xlsx_bytes(rows))
    assert (result.values_created, result.values_updated, result.unchanged) == (1, 1, 0)
    assert "1 updated" in result.summary() or "1 diperbarui" in result.summary()
    existing.refresh_from_db()
    assert existing.value == Decimal("23.4")
    assert existing.version == 2
    assert existing.created_by == personas.sulsel_admin  # kept
    assert existing.updated_by == personas.gowa_operator
    assert Value.objects.filter(region=gowa, indicator=stunting).count() == 2


def test_import_same_file_twice_changes_nothing_the_second_time(personas):
    content = xlsx_bytes([["73.06", "stunting", 2024, "", "realisasi", "23,4", "SSGI", ""]])
    _import(personas.gowa_operator, content)
    value = Value.objects.get()
    result = _import(personas.gowa_operator, content)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    value.refresh_from_db()
    assert value.version == 1


def test_import_bad_rows_write_nothing_and_list_errors_by_row_and_column(personas):
    rows = [
        ["73.06", "stunting", 2024, "", "realisasi", "23,4", "SSGI", ""],  # row 2: fine
        ["73.06", "stunting", 2024, "", "realisasi", "dua puluh", "SSGI", ""],  # row 3: value
        ["73.06", "stunting", 2024, "", "realisasi", "20", "", ""],  # row 4: no source
        ["73.06", "no-such", 2024, "", "target", "20", "", ""],  # row 5: indicator
        ["73.06", "tfr", 2024, "2024-03", "realisasi", "2,1", "PK", ""],  # row 6: TFR is yearly
        ["73.06", "stunting", 2024, "2024-Q1", "target", "20", "", ""],  # row 7: targets are yearly
    ]
    refused = _refused(personas.gowa_operator, xlsx_bytes(rows))
    found = {(e["row"], e["column"], e["field"]) for e in refused.errors}
    assert found == {
        (3, "F", "value"),
        (4, "G", "source"),
        (5, "B", "indicator"),
        (6, "D", "period"),
        (7, "D", "period"),
    }
    assert "nothing was saved" in str(refused.message) or "tidak ada yang disimpan" in str(
        refused.message
    )
    assert not Value.objects.exists() and not Target.objects.exists()
    assert not _imports().exists()


def test_import_rows_outside_the_scope_are_errors_naming_the_row(personas):
    rows = [
        ["73.06", "stunting", 2024, "", "realisasi", "23,4", "SSGI", ""],
        ["73.71", "stunting", 2024, "", "realisasi", "18,4", "SSGI", ""],
    ]
    refused = _refused(personas.gowa_operator, xlsx_bytes(rows))
    assert [(e["row"], e["column"]) for e in refused.errors] == [(3, "A")]
    assert "73.71" in refused.errors[0]["message"]
    assert not Value.objects.exists()


def test_import_province_admin_cannot_import_another_province(personas):
    rows = [["74.01", "stunting", 2024, "", "realisasi", "30", "SSGI", ""]]
    refused = _refused(personas.sulsel_admin, xlsx_bytes(rows), scope="73")
    assert refused.errors[0]["row"] == 2
    assert not Value.objects.exists()


def test_import_member_without_the_right_may_import_nothing(personas):
    rows = [["73.06", "stunting", 2024, "", "realisasi", "23", "SSGI", ""]]
    with pytest.raises(DomainError):
        _import(personas.gowa_member, xlsx_bytes(rows), scope=None)
    assert not Value.objects.exists()


def test_import_unknown_region_code_is_an_error(personas):
    with pytest.raises(DomainError) as caught:
        _import(
            personas.national_admin,
            xlsx_bytes([["73.99", "stunting", 2024, "", "realisasi", "23", "SSGI", ""]]),
            scope=None,
        )
    assert caught.value.errors[0]["field"] == "region"


def test_import_value_above_the_maximum_is_an_error(personas):
    with pytest.raises(DomainError) as caught:
        _import(
            personas.gowa_operator,
            xlsx_bytes([["73.06", "stunting", 2024, "", "realisasi", "234", "SSGI", ""]]),
        )
    assert (caught.value.errors[0]["row"], caught.value.errors[0]["column"]) == (2, "F")


def test_import_duplicate_rows_are_errors(personas):
    rows = [
        ["73.06", "stunting", 2024, "", "realisasi", "23", "SSGI", ""],
        ["7306", "stunting", 2024, "2024", "realisasi", "24", "ssgi", ""],
    ]
    refused = _refused(personas.gowa_operator, xlsx_bytes(rows))
    assert refused.errors[0]["row"] == 3
    assert "2" in refused.errors[0]["message"]


def test_import_missing_columns_are_reported(personas):
    content = xlsx_bytes(
        [["73.06", "stunting", 2024]], header=["kode_wilayah", "kode_indikator", "tahun"]
    )
    refused = _refused(personas.gowa_operator, content)
    assert {e["field"] for e in refused.errors} == {"kind", "value"}


def test_import_empty_file_is_refused(personas):
    with pytest.raises(DomainError):
        _import(personas.gowa_operator, xlsx_bytes([]))
    with pytest.raises(DomainError):
        _import(personas.gowa_operator, b"", name="kosong.csv")


def test_import_csv_with_semicolons_and_decimal_commas(personas):
    content = csv_bytes(
        [["7306", "unmet-need", "2025", "2025-Q1", "realisasi", "13,5", "PK", ""]], delimiter=";"
    )
    result = _import(personas.gowa_operator, content, name="nilai.csv")
    assert result.values_created == 1
    assert Value.objects.get().period == "Q1"
    assert Value.objects.get().value == Decimal("13.5")


def test_import_numbers_typed_as_numbers_are_understood(personas):
    # A spreadsheet turns 7306 into a number and 73.10 into 73.1; Excel turns 2025-03 into a date.
    import datetime

    rows = [
        [7306, "stunting", 2025, datetime.datetime(2025, 3, 1), "realisasi", 5.5, "e-PPGBM", None],
        [73.1, "stunting", 2025, None, "target", 19, None, None],
    ]
    result = _import(personas.sulsel_admin, xlsx_bytes(rows), scope="73")
    assert (result.values_created, result.targets_created) == (1, 1)
    assert Value.objects.get().period == "M03"
    assert Target.objects.get().region.code == "73.10"


def test_import_english_headers_and_year_from_period(personas):
    header = ["region", "indicator", "year", "period", "kind", "value", "source", "note"]
    content = xlsx_bytes(
        [["73.06", "mcpr", None, "2025-Q2", "value", "61,2", "PK", ""]], header=header
    )
    result = _import(personas.gowa_operator, content)
    assert result.values_created == 1
    assert Value.objects.get().year == 2025


def test_read_table_reports_rows_as_the_spreadsheet_shows_them():
    content = xlsx_bytes(
        [
            ["73.06", "tfr", 2024, "", "target", "2,1", "", ""],
            [None] * 8,
            ["73.06", "tfr", 2025, "", "target", "2,0", "", ""],
        ]
    )
    table, close = read_table(fileobj(content))
    assert [number for number, _cells in table.rows] == [2, 4]
    close()


def test_import_command_uses_the_same_service(personas, tmp_path, capsys):
    path = tmp_path / "nilai.xlsx"
    path.write_bytes(xlsx_bytes([["73.06", "stunting", 2024, "", "realisasi", "23,4", "SSGI", ""]]))
    call_command("import_indicator_values", str(path), "--user", "gowa_operator")
    assert Value.objects.get().value == Decimal("23.4")
    assert _imports().get().actor_username == "gowa_operator"
    bad = tmp_path / "salah.xlsx"
    bad.write_bytes(xlsx_bytes([["73.71", "stunting", 2024, "", "realisasi", "18", "SSGI", ""]]))
    with pytest.raises(CommandError) as caught:
        call_command("import_indicator_values", str(bad), "--user", "gowa_operator")
    assert "row 2 column A" in str(caught.value)
    assert Value.objects.count() == 1


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_round_trips_through_the_import(personas, fmt):
    rows = [
        ["73.06", "stunting", 2024, "", "target", "20,5", "", "RPJMD"],
        ["73.06", "stunting", 2024, "", "realisasi", "23,4", "SSGI", "survei"],
        ["73.06", "stunting", 2024, "2024-08", "realisasi", "6,125", "e-PPGBM", ""],
        ["73.06", "mcpr", 2024, "2024-Q3", "realisasi", "60", "PK", ""],
    ]
    _import(personas.gowa_operator, xlsx_bytes(rows))
    response = personas.client("gowa_operator").get(f"/r/73.06/indicators/export.{fmt}")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{fmt}"')
    result = _import(personas.gowa_operator, response.content, name=f"export.{fmt}")
    assert (result.rows, result.created, result.updated, result.unchanged) == (4, 0, 0, 4)


def test_a_cell_type_the_reader_does_not_know_is_a_clear_error_and_nothing_is_saved(personas):
    # Before python-calamine the hand-written reader fell back to openpyxl for such cells; now
    # the one reader refuses the (invalid) cell type with the usual message.
    import io
    import zipfile

    content = xlsx_bytes(
        [["73.06", "stunting", 2024, "", "realisasi", "23,4", "SSGI", "catatan x"]]
    )
    source, target = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(target, "w") as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b't="inlineStr"><is><t>catatan x</t></is>', b't="x"><v>catatan x</v>'
                )
                assert b't="x"' in data
            archive.writestr(item, data)
    with pytest.raises(DomainError) as info:
        _import(personas.gowa_operator, target.getvalue())
    assert "Excel" in info.value.message or "LibreOffice" in info.value.message
    assert not Value.objects.exists()


def test_import_query_count_does_not_grow_with_the_rows(personas):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def rows(count):
        codes = list(Region.objects.filter(parent__code="73").values_list("code", flat=True))
        return [
            [code, "stunting", year, "", "realisasi", "20", "SSGI", ""]
            for year in range(2000, 2000 + count // len(codes) + 1)
            for code in codes
        ][:count]

    with CaptureQueriesContext(connection) as small:
        _import(personas.sulsel_admin, xlsx_bytes(rows(24)), scope="73")
    with CaptureQueriesContext(connection) as large:
        _import(personas.sulsel_admin, xlsx_bytes(rows(2400)), scope="73")
    assert Value.objects.count() == 2400
    assert len(large) <= len(small) + 2
