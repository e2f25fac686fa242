"""The pure parts of the benchmark: statistics, targets and the results table."""

from bench.stats import median, misses, percentile, table


def test_median_and_nearest_rank_percentile():
    runs = [float(n) for n in range(1, 21)]  # 1 … 20 ms
    assert median(runs) == 10.5
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert percentile(runs, 95) == 19.0
    assert percentile([5.0], 95) == 5.0
    assert median([]) is None and percentile([], 95) is None


def test_misses_name_each_target_missed():
    page = {"key": "matrix", "page_target": True, "queries": 12, "median_ms": 180.0}
    assert misses(page) == ["12 queries > 10", "median 180 ms > 150 ms"]
    assert misses({**page, "queries": 9, "median_ms": 80.0}) == []
    assert misses({"key": "recap_pdf", "median_ms": 3500.0}) == ["3500 ms > 3000 ms"]
    assert misses({"key": "import_xlsx", "median_ms": 9000.0, "peak_mb": 620.0}) == [
        "peak 620 MB > 500 MB"
    ]
    load = {"key": "load", "p95_ms": 650.0, "non2xx": 3, "socket_errors": 0}
    assert misses(load) == ["3 non-2xx, 0 socket errors", "p95 650 ms > 500 ms"]
    assert misses({"key": "national_dashboard", "status": "missing"}) == ["page missing"]


def test_table_has_a_line_per_measurement_and_says_whether_each_target_is_met():
    row = {"key": "matrix", "label": "Assessment matrix (73)", "page_target": True,
           "queries": 12, "median_ms": 40.0, "p95_ms": 55.0, "ratio": 8.0}  # fmt: skip
    fast = {**row, "key": "province_dashboard", "label": "Province dashboard", "queries": 9}
    missing = {"key": "national_dashboard", "label": "National dashboard", "status": "missing"}
    text = table({"postgresql": {"rows": [row, fast, missing]}, "sqlite": {"rows": [row]}})
    lines = text.splitlines()
    assert len(lines) == 5
    assert lines[2].startswith("| Assessment matrix (73) | 40.0 · 55.0 | 8.0 | 12 | 40.0 · 55.0 |")
    assert "**missed: 12 queries > 10**" in lines[2]
    assert "median ≤ 150 ms ✔" in lines[3] and "| not run |" in lines[3]
    assert lines[4].startswith("| National dashboard | page missing |")


def test_the_calamine_reading_must_be_twice_as_fast_as_the_baseline_in_150_mb():
    row = {"key": "read_xlsx", "median_ms": 900.0, "peak_mb": 133.0, "speedup": 3.3}
    assert misses(row) == []
    assert misses({**row, "peak_mb": 160.0, "speedup": 1.5}) == [
        "peak 160 MB > 150 MB",
        "1.5× < 2× the baseline",
    ]


def test_load_rounds_add_up_to_one_row():
    """The load test's rounds of one URL: requests per second over them all, the median of their
    medians, the worst of their p95 and p99, every non-2xx answer and socket error counted."""
    from bench.runner import _rounds

    rounds = [
        {"p50": 40_000, "p95": 90_000, "p99": 120_000, "requests": 3000, "non2xx": 0, "errors": 0},
        {"p50": 50_000, "p95": 300_000, "p99": 900_000, "requests": 1500, "non2xx": 2, "errors": 1},
        {"p50": 45_000, "p95": 80_000, "p99": 100_000, "requests": 3000, "non2xx": 0, "errors": 0},
    ]
    row = _rounds(rounds, 15)
    assert row["requests"] == 7500 and row["rps"] == round(7500 / 45, 1)
    assert row["rounds_rps"] == [200.0, 100.0, 200.0]
    assert (row["median_ms"], row["p95_ms"], row["p99_ms"]) == (45.0, 300.0, 900.0)
    assert (row["non2xx"], row["socket_errors"]) == (2, 1)
    assert "rounds 200, 100, 200" in row["extra"]
