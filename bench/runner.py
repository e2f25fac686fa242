"""The measurements of `make bench` on one database (run through `manage.py run_bench`).

Pages are requested in-process through Django's whole middleware stack with the test client
(a logged-in national admin, the settings of the environment: `make bench` runs with DEBUG off
and production settings, see bench/__main__.py) and compared with a trivial view under the same
stack. Queries are counted in one more request after the timed runs (the steady state), so that
counting does not slow them.
"""

import csv
import io
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import warnings
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import NoReverseMatch, reverse

from bench import stats

warnings.filterwarnings("ignore", "No directory at", UserWarning)

WARMUPS = 2
RUNS = 20
SLOW_RUNS = 5  # PDF, XLSX, recompute
IMPORT_ROWS = 100_000
BENCH_USER = "bench.nasional"
PROVINCE = "73"
REGENCY = "73.06"


def _user():
    from accounts.models import RoleAssignment, User

    user, _created = User.objects.get_or_create(username=BENCH_USER, defaults={"is_active": True})
    RoleAssignment.objects.get_or_create(user=user, role="national_admin", region=None)
    return user


class Runner:
    def __init__(self, *, label, year, runs=RUNS, load_seconds=60, port=8103, out=None, log=print,
                 scale=1):  # fmt: skip
        self.label = label
        self.scale = scale
        self.year = year
        self.runs = runs
        self.load_seconds = load_seconds
        self.port = port
        self.out = Path(out or settings.BASE_DIR / "var" / "bench")
        self.log = log
        self.rows = []
        self.user = _user()
        self.client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING=ACCEPT_ENCODING)
        self.client.force_login(self.user, backend="django.contrib.auth.backends.ModelBackend")
        self.trivial_ms = None

    # -- helpers -----------------------------------------------------------------------------

    def add(self, row):
        if self.trivial_ms and row.get("median_ms") is not None and row.get("page"):
            row["ratio"] = row["median_ms"] / self.trivial_ms
        row["scale"] = self.scale
        row["misses"] = stats.misses(row) if self.label.startswith("postgresql") else []
        self.rows.append(row)
        if row.get("status") == "missing":
            shown = "missing (URL name not found)"
        elif row.get("error"):
            shown = f"error: {row['error']}"
        else:
            shown = f"median {stats.fmt_ms(row.get('median_ms'))} ms"
            if row.get("p95_ms") is not None:
                shown += f", p95 {stats.fmt_ms(row['p95_ms'])} ms"
            if row.get("queries") is not None:
                shown += f", {row['queries']} queries"
            if row.get("peak_mb") is not None:
                shown += f", peak {row['peak_mb']:.0f} MB"
        self.log(f"  {row['label']}: {shown}")

    def timed(self, function, runs, warmups=WARMUPS):
        for _ in range(warmups):
            function()
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            function()
            times.append((time.perf_counter() - started) * 1000)
        return {"median_ms": stats.median(times), "p95_ms": stats.percentile(times, 95),
                "runs": runs}  # fmt: skip

    def page(self, key, label, url_name, kwargs=None, query="", *, runs=None, target=True,
             headers=None, path=None):  # fmt: skip
        row = {"key": key, "label": label, "page": True, "page_target": target}
        if path is None:
            try:
                path = reverse(url_name, kwargs=kwargs)
            except NoReverseMatch:
                row["status"] = "missing"
                self.add(row)
                return row
        url = path + (f"?{query}" if query else "")
        row["url"] = url
        headers = headers or {}

        def get():
            response = self.client.get(url, secure=True, headers=headers)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
            if getattr(response, "streaming", False):
                b"".join(response.streaming_content)
            return response

        try:
            row.update(self.timed(get, runs or self.runs))
            # Counted after the warm-ups: the steady state (status cache filled).
            with CaptureQueriesContext(connection) as queries:
                get()
            row["queries"] = len(queries.captured_queries)
            row["status"] = "ok"
        except RuntimeError as exc:
            row["status"] = "error"
            row["error"] = str(exc)
        self.add(row)
        return row

    # -- the measurements --------------------------------------------------------------------

    def trivial(self):
        row = self.page("trivial", "Trivial view (logged in)", "bench_trivial", target=False)
        self.trivial_ms = row.get("median_ms")
        row["ratio"] = 1.0

    def pages(self):
        year = f"year={self.year}"
        self.page("national_dashboard", "National dashboard", "dashboards:national")
        self.page("province_dashboard", f"Province dashboard ({PROVINCE})", "dashboards:region",
                  {"code": PROVINCE})  # fmt: skip
        self.page("regency_dashboard", f"Kab/kota dashboard ({REGENCY})", "dashboards:region",
                  {"code": REGENCY})  # fmt: skip
        # The dashboards rendered afresh every time (what the first view after a change costs).
        with override_settings(SIPOKJA_DASHBOARD_CACHE_SECONDS=0):
            self.page("province_dashboard_uncached", f"Province dashboard ({PROVINCE}), not cached",
                      "dashboards:region", {"code": PROVINCE})  # fmt: skip
            self.page("regency_dashboard_uncached", f"Kab/kota dashboard ({REGENCY}), not cached",
                      "dashboards:region", {"code": REGENCY})  # fmt: skip
        self.page("matrix", f"Assessment matrix ({PROVINCE})", "assessment:matrix",
                  {"code": PROVINCE}, year)  # fmt: skip
        self.page("national_assessment", "National assessment recap", "assessment:national",
                  query=year)  # fmt: skip
        self.page("public_report", "Public report", "reports:public")
        from accounts.models import ApiToken

        _token, raw = ApiToken.issue(user=self.user, name="bench")
        self.page("api_matrix", f"API assessment matrix ({PROVINCE})", None,
                  path=f"/api/v1/regions/{PROVINCE}/assessment/matrix", query=year,
                  headers={"authorization": f"Bearer {raw}"}, target=False)  # fmt: skip
        self.page("recap_xlsx", f"Province recap .xlsx ({PROVINCE})", "assessment:matrix_export",
                  {"code": PROVINCE, "fmt": "xlsx"}, year, runs=SLOW_RUNS, target=False)  # fmt: skip
        self.page("recap_pdf", f"Province recap PDF ({PROVINCE})", "assessment:matrix_export",
                  {"code": PROVINCE, "fmt": "pdf"}, year, runs=SLOW_RUNS, target=False)  # fmt: skip
        # The first download after a change: rendered by WeasyPrint (core.pdf), no cached copy.
        with override_settings(SIPOKJA_PDF_CACHE=False):
            self.page("recap_pdf_uncached", f"Province recap PDF ({PROVINCE}), not cached",
                      "assessment:matrix_export", {"code": PROVINCE, "fmt": "pdf"}, year,
                      runs=SLOW_RUNS, target=False)  # fmt: skip

    def recompute(self):
        from regions.models import Region

        regions = list(Region.objects.all())
        try:
            from assessment.summary import refresh_all

            def run():
                refresh_all(self.year)

            how = "assessment.summary.refresh_all(year)"
        except ImportError:
            from assessment.engine import evaluate

            def run():
                evaluate(regions, self.year)

            how = "assessment.engine.evaluate (no status cache yet)"
        row = {"key": "recompute", "label": f"Recompute assessment, {len(regions)} regions",
               "extra": how}  # fmt: skip
        with CaptureQueriesContext(connection) as queries:
            run()
        row["queries"] = len(queries.captured_queries)
        row.update(self.timed(run, SLOW_RUNS, warmups=1))
        self.add(row)

    def statuses(self):
        """How the generated data judges (a check that the mix is realistic)."""
        from collections import Counter

        from assessment.engine import evaluate
        from regions.models import Region

        results = evaluate(list(Region.objects.all()), self.year)
        counts = Counter(r.computed_status for r in results.values())
        return dict(counts)

    def import_file(self, fmt):
        from indicators.models import Indicator

        indicators = list(
            Indicator.objects.filter(is_active=True, periodicity="monthly").order_by(
                "order", "code"
            )
        )
        from regions.models import Region

        codes = list(Region.objects.order_by("code").values_list("code", flat=True))
        source = "Lainnya" if fmt == "xlsx" else "Susenas"
        header = ["kode_wilayah", "kode_indikator", "tahun", "periode", "jenis", "nilai", "sumber"]
        rows = []
        years = [self.year - offset for offset in range(5)]
        for year in years:
            for code in codes:
                for indicator in indicators:
                    for month in range(1, 13):
                        if len(rows) == IMPORT_ROWS:
                            break
                        value = f"{(len(rows) * 37 % 9000) / 100 + 5:.2f}"
                        rows.append([code, indicator.code, year, f"{year}-{month:02d}", "realisasi",
                                     value.replace(".", ","), source])  # fmt: skip
        directory = Path(tempfile.mkdtemp(prefix="sipokja-bench-"))
        path = directory / f"import.{fmt}"
        if fmt == "xlsx":
            from openpyxl import Workbook

            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet("Data")
            sheet.append(header)
            for line in rows:
                sheet.append(line)
            workbook.save(path)
        else:
            buffer = io.StringIO()
            writer = csv.writer(buffer, delimiter=";")
            writer.writerow(header)
            writer.writerows(rows)
            path.write_text(buffer.getvalue(), encoding="utf-8")
        if fmt == "xlsx":
            # Before and after python-calamine (issue 18), on the same file in the same run:
            # reading the rows alone, then the whole import (each import starts from the same
            # database state: the values of the previous one are deleted first).
            for mode, key, label in (
                ("read-baseline", "read_xlsx_baseline", "Read {n} values (.xlsx), baseline reader"),
                ("read", "read_xlsx", "Read {n} values (.xlsx), python-calamine"),
                ("import-baseline", "import_xlsx_baseline", "Import {n} values (.xlsx), baseline reader"),
                ("import", "import_xlsx", "Import {n} values (.xlsx)"),
            ):  # fmt: skip
                if mode.startswith("import"):
                    _delete_imported(source)
                self.add(self._child(path, mode, key, label.format(n=f"{len(rows):,}")))
            _speedup(self.rows, "read_xlsx")
            _speedup(self.rows, "import_xlsx")
        else:
            label = f"Import {len(rows):,} values (.{fmt})"
            self.add(self._child(path, "import", f"import_{fmt}", label))
        shutil.rmtree(directory, ignore_errors=True)

    def _child(self, path, mode, key, label):
        """One import (or reading) in a fresh process, so that its peak memory is its own."""
        command = [sys.executable, "-m", "bench.import_child", str(path), BENCH_USER, mode]
        started = time.perf_counter()
        done = subprocess.run(
            command, capture_output=True, text=True, env=os.environ.copy(), cwd=settings.BASE_DIR
        )
        seconds = time.perf_counter() - started
        row = {"key": key, "label": label}
        if done.returncode != 0:
            lines = (done.stderr or done.stdout).strip().splitlines() or ["no output"]
            row["error"] = lines[-1][:300]
        else:
            # The child prints: seconds inside the import (or reading), and its peak RSS in kB.
            inner, peak_kb = done.stdout.strip().splitlines()[-1].split()
            row.update({"median_ms": float(inner) * 1000, "p95_ms": None, "runs": 1,
                        "peak_mb": int(peak_kb) / 1024,
                        "extra": f"process {seconds:.1f} s incl. start-up"})  # fmt: skip
            lines = done.stdout.strip().splitlines()
            if "guard" in lines[0]:  # reading with python-calamine: the guard's time apart
                row["extra"] = lines[0].split("; ", 1)[1] + "; " + row["extra"]
        return row

    def decree_reading(self):
        """Reading an SK PDF (issue 26) from the reader's test corpus: a 4-page scan by OCR
        (target ≤ 20 s) and a text PDF. Database-independent; measured in-process."""
        from workgroups.decree_reader import read_decree
        from workgroups.decree_reader.ocr import tesseract_status

        folder = Path(settings.BASE_DIR) / "workgroups" / "tests" / "data" / "decrees"
        cases = (
            ("decree_text", "Read an SK with a text layer (5 pages)", "04-bone-multihalaman.pdf",
             SLOW_RUNS),
            ("decree_scan", "Read a 4-page scanned SK (OCR, Tesseract ind)",
             "13-takalar-perubahan-scan.pdf", 3),
        )  # fmt: skip
        for key, label, name, runs in cases:
            row = {"key": key, "label": label}
            usable, detail = tesseract_status()
            if key == "decree_scan" and not usable:
                row["error"] = f"OCR not measured: {detail} (apt-get install tesseract-ocr-ind)"
                self.add(row)
                continue
            data = (folder / name).read_bytes()
            reading = read_decree(data)
            row.update(self.timed(lambda data=data: read_decree(data), runs, warmups=0))
            row["extra"] = (f"{reading.pages} pages, {reading.text_source}, "
                            f"{len(reading.members)} members, {os.cpu_count()} cores")  # fmt: skip
            self.add(row)

    def load(self):
        """wrk against gunicorn (2 workers) on loopback: the province dashboard and the trivial
        view, each for `load_seconds` in all, in LOAD_ROUNDS alternating rounds (worker restarts
        and how the connections happen to spread over the two workers then fall on both alike;
        one long run of each gave ratios from 0.55 to 0.87 on the same code)."""
        wrk = shutil.which("wrk")
        if wrk is None and os.geteuid() == 0 and shutil.which("apt-get"):
            subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], capture_output=True)
            wrk = shutil.which("wrk")
        label = (f"Load: wrk 20 connections, gunicorn 2 workers, {{}} ({self.load_seconds} s in "
                 f"{LOAD_ROUNDS} rounds)")  # fmt: skip
        try:
            page = reverse("dashboards:region", kwargs={"code": PROVINCE})
            name = f"province dashboard ({PROVINCE})"
        except NoReverseMatch:
            page = reverse("assessment:matrix", kwargs={"code": PROVINCE}) + f"?year={self.year}"
            name = f"assessment matrix ({PROVINCE}), dashboard missing"
        row = {"key": "load", "label": label.format(name)}
        trivial = {"key": "load_trivial", "label": label.format("trivial view")}
        if wrk is None:
            row["error"] = "wrk is not installed (apt-get install wrk); load test skipped"
            self.add(row)
            return
        # Every cookie the logged-in client holds, as a browser sends them: the session and the
        # CSRF cookie (the menu's forms carry a token of its secret, so a cached page is kept
        # per secret; without the cookie each request would get a new secret and a new page).
        # Like every browser, wrk says it takes gzip (`_wrk`): a kept page is sent as kept.
        cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in self.client.cookies.items())
        env = {**os.environ, "SECURE_SSL_REDIRECT": "false"}
        gunicorn = Path(sys.executable).with_name("gunicorn")
        server = subprocess.Popen(
            [str(gunicorn), "bench.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{self.port}",
             "--log-level", "warning"],
            cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        base = f"http://127.0.0.1:{self.port}"
        each = max(5, self.load_seconds // LOAD_ROUNDS)
        runs = {"load": [], "load_trivial": []}
        try:
            _wait_for(base + page, cookie)
            for _ in range(LOAD_ROUNDS):
                for key, url in (("load", base + page), ("load_trivial", base + "/bench/trivial/")):
                    runs[key].append(self._wrk(wrk, url, cookie, each))
                    time.sleep(2)  # let the workers finish the requests still queued
        except RuntimeError as exc:
            row["error"] = str(exc)
        finally:
            server.terminate()
            server.wait(timeout=30)
        if "error" in row:
            self.add(row)
            return
        for target in (row, trivial):
            target.update(_rounds(runs[target["key"]], each))
        row["throughput"] = row["rps"] / trivial["rps"]
        row["extra"] += f"; {row['throughput']:.2f}× the trivial view's req/s"
        self.add(row)
        self.add(trivial)

    def _wrk(self, wrk, url, cookie, seconds):
        script = Path(tempfile.mkstemp(suffix=".lua")[1])
        script.write_text(_WRK_SCRIPT)
        done = subprocess.run(
            [wrk, "-t", "2", "-c", "20", "-d", f"{seconds}s", "--timeout", "10s",
             "-H", f"Cookie: {cookie}", "-H", f"Accept-Encoding: {ACCEPT_ENCODING}",
             "-s", str(script), url],
            capture_output=True, text=True,
        )  # fmt: skip
        script.unlink()
        line = next((x for x in done.stdout.splitlines() if x.startswith("RESULT ")), None)
        if line is None:
            raise RuntimeError(f"wrk failed: {done.stdout[-300:]} {done.stderr[-300:]}")
        return {key: int(value) for key, value in (part.split("=") for part in line.split()[1:])}

    def run(self, *, load=True, imports=True, pages=True, decree=True):
        started = time.monotonic()
        self.log(
            f"Measuring on {self.label} (year {self.year}, {self.runs} runs after {WARMUPS} warm-ups)"
        )
        if pages:
            self.trivial()
            self.pages()
            self.recompute()
        if imports:
            self.import_file("xlsx")
            self.import_file("csv")
        if decree:
            self.decree_reading()
        if load and connection.vendor == "postgresql":
            self.load()
        return {
            "database": self.label,
            "vendor": connection.vendor,
            "server_version": _server_version(),
            "year": self.year,
            "scale": self.scale,
            "runs": self.runs,
            "statuses": self.statuses(),
            "machine": machine(),
            "seconds": round(time.monotonic() - started, 1),
            "rows": self.rows,
        }


def _delete_imported(source_name):
    """The values an earlier import run left (one statement: no per-row signals)."""
    from indicators.models import Value
    from indicators.parsing import parse_source

    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {connection.ops.quote_name(Value._meta.db_table)} WHERE source = %s",
            [parse_source(source_name)],
        )


def _speedup(rows, key):
    """Note on the `key` row how many times faster it is than its `_baseline` row."""
    by_key = {row["key"]: row for row in rows}
    new, old = by_key.get(key), by_key.get(f"{key}_baseline")
    if new and old and new.get("median_ms") and old.get("median_ms"):
        new["speedup"] = old["median_ms"] / new["median_ms"]
        new["extra"] = f"{new['speedup']:.1f}× the baseline reader; " + new.get("extra", "")


def _rounds(results, seconds):
    """One row from the rounds of one URL: requests per second over all of them; the median of
    the rounds' medians and the highest of their p95 and p99 (wrk gives percentiles per run)."""
    requests = sum(r["requests"] for r in results)
    row = {
        "median_ms": statistics.median(r["p50"] for r in results) / 1000,
        "p95_ms": max(r["p95"] for r in results) / 1000,
        "p99_ms": max(r["p99"] for r in results) / 1000,
        "requests": requests,
        "non2xx": sum(r["non2xx"] for r in results),
        "socket_errors": sum(r["errors"] for r in results),
        "rps": round(requests / (seconds * len(results)), 1),
        "rounds_rps": [round(r["requests"] / seconds, 1) for r in results],
    }
    rounds = ", ".join(f"{x:.0f}" for x in row["rounds_rps"])
    row["extra"] = f"{row['rps']:.0f} req/s (rounds {rounds}), p99 {row['p99_ms']:.0f} ms"
    return row


def _wait_for(url, cookie):
    """Until gunicorn answers the page with a 200 for the session (not a redirect)."""
    for _ in range(150):
        try:
            request = urllib.request.Request(url, headers={"Cookie": cookie})
            with urllib.request.urlopen(request, timeout=30) as response:
                if response.status != 200 or response.url != url:
                    raise RuntimeError(f"{url} answered {response.status} ({response.url})")
                return
        except urllib.error.HTTPError as exc:
            raise RuntimeError(f"{url} answered {exc.code}") from None
        except (ConnectionError, urllib.error.URLError):
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url}")


def _server_version():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return "PostgreSQL " + cursor.fetchone()[0]
    import sqlite3

    return f"SQLite {sqlite3.sqlite_version}"


def machine():
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return {"cpus": os.cpu_count(), "ram_gb": round(ram, 1), "cpu": cpu,
            "python": platform.python_version(), "os": platform.platform()}  # fmt: skip


# The load test's alternating rounds of each URL (`Runner.load`).
LOAD_ROUNDS = 4

# What a browser (Chromium, Firefox) says it takes.
ACCEPT_ENCODING = "gzip, deflate, br, zstd"

_WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("non2xx") end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("RESULT p50=%d p95=%d p99=%d requests=%d non2xx=%d errors=%d\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    summary.requests, bad, errors))
end
"""
