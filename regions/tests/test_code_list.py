"""A newer official code list: the diff, confirmation, and history staying where it was."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from assessment.models import Assessment
from audit.models import AuditEvent
from indicators.models import Indicator, Value
from regions.models import Region

pytestmark = pytest.mark.django_db

SPLIT_DATE = datetime.date(2026, 1, 1)


def _stunting_2024(region, value) -> Value:
    """A 2024 SSGI stunting realisation of `region` (history a code change must not move)."""
    return Value.objects.create(
        region=region,
        indicator=Indicator.objects.get(code="stunting"),
        year=2024,
        source="ssgi",
        value=Decimal(value),
    )


def _code_list(tmp_path, *, drop=(), extra=(), rename=None):
    rename = rename or {}
    lines = ["kode,nama,kode_asal"]
    for region in Region.objects.active_on(SPLIT_DATE).order_by("code"):
        if region.code not in drop:
            lines.append(f"{region.code},{rename.get(region.code, region.name)},")
    lines += list(extra)
    path = tmp_path / "kode-wilayah-2025.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _run(path, *args, stdin_answer=None, monkeypatch=None):
    out = io.StringIO()
    if stdin_answer is not None:
        monkeypatch.setattr("builtins.input", lambda prompt: stdin_answer)
    call_command("update_region_codes", path, "--date", SPLIT_DATE.isoformat(), *args, stdout=out)
    return out.getvalue()


def test_a_split_keeps_history_on_the_old_region_and_shows_both_new_regions(
    regions, tmp_path, monkeypatch
):
    gowa = regions["73.06"]
    assessment = Assessment.objects.create(region=gowa, year=2024, status="verified")
    value = _stunting_2024(gowa, "23.4")
    path = _code_list(
        tmp_path,
        drop={"73.06"},
        extra=["73.30,Kabupaten Gowa Utara,73.06", "73.31,Kabupaten Gowa Selatan,73.06"],
    )
    # Shown, not applied without confirmation.
    shown = _run(path, stdin_answer="n", monkeypatch=monkeypatch)
    assert "split    73.06 Kabupaten Gowa -> 73.30 Kabupaten Gowa Utara, 73.31" in shown
    assert "Not applied" in shown
    assert not Region.objects.filter(code="73.30").exists()

    applied = _run(path, stdin_answer="ya", monkeypatch=monkeypatch)
    assert "Applied" in applied
    gowa.refresh_from_db()
    assert gowa.valid_until == SPLIT_DATE
    north, south = Region.objects.filter(code__in=["73.30", "73.31"]).order_by("code")
    assert list(north.predecessors.all()) == [gowa] and list(south.predecessors.all()) == [gowa]
    assert north.parent == regions["73"] and north.valid_from == SPLIT_DATE
    # History stays on the region it was recorded for.
    assessment.refresh_from_db()
    value.refresh_from_db()
    assert assessment.region == gowa and value.region == gowa
    # Before the split date: Gowa; from it: both new regions.
    sulsel = Region.objects.filter(parent=regions["73"])
    before = set(
        sulsel.active_on(SPLIT_DATE - datetime.timedelta(days=1)).values_list("code", flat=True)
    )
    after = set(sulsel.active_on(SPLIT_DATE).values_list("code", flat=True))
    assert "73.06" in before and not {"73.30", "73.31"} & before
    assert {"73.30", "73.31"} <= after and "73.06" not in after
    assert "73.06" in set(sulsel.in_year(2024).values_list("code", flat=True))
    assert AuditEvent.objects.filter(code="regions.code_list_applied").exists()
    # Applying the same list again changes nothing.
    assert "No changes." in _run(path, "--yes")


def test_renames_new_codes_and_removals(regions, tmp_path):
    makassar = regions["73.71"]
    _stunting_2024(makassar, "18")
    path = _code_list(
        tmp_path,
        drop={"73.71", "74.01"},
        rename={"73.06": "Kabupaten Gowa Raya"},
        extra=["73.79,Kota Makassar,73.71"],
    )
    out = _run(path, "--yes")
    assert "renamed  73.06 Kabupaten Gowa -> Kabupaten Gowa Raya" in out
    assert "recoded  73.71 -> 73.79 Kota Makassar" in out
    assert "removed  74.01" in out
    makassar.refresh_from_db()
    assert makassar.code == "73.79"
    assert Value.objects.get().region_id == makassar.pk
    assert makassar.as_of(datetime.date(2025, 6, 1)) == ("73.71", "Kota Makassar")
    gowa = Region.objects.get(code="73.06")
    assert gowa.name == "Kabupaten Gowa Raya"
    assert gowa.as_of(datetime.date(2024, 6, 1))[1] == "Kabupaten Gowa"
    assert Region.objects.get(code="74.01").valid_until == SPLIT_DATE


def test_the_province_matrix_of_a_year_uses_the_regions_of_that_year(regions, tmp_path):
    from assessment.matrix import province_rows

    path = _code_list(
        tmp_path,
        drop={"73.06"},
        extra=["73.30,Kabupaten Gowa Utara,73.06", "73.31,Kabupaten Gowa Selatan,73.06"],
    )
    _run(path, "--yes")
    codes_2025 = [row.region.code for row in province_rows(regions["73"], 2025)]
    codes_2026 = [row.region.code for row in province_rows(regions["73"], 2026)]
    assert "73.06" in codes_2025 and "73.30" not in codes_2025
    assert {"73.30", "73.31"} <= set(codes_2026) and "73.06" not in codes_2026
