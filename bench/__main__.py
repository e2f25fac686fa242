"""`make bench` (= `python -m bench`): fresh SQLite and PostgreSQL databases with the synthetic
national data, the measurements on each, then var/bench/results.json, results.md and a table.

Environment: BENCH_PG (default postgres://postgres@127.0.0.1:5432/sipokja_bench; the database is
dropped and recreated), BENCH_SEED (1), BENCH_RUNS (20), BENCH_LOAD_SECONDS (60), BENCH_PORT
(8103), BENCH_ONLY (sqlite or postgresql, to run one database). Everything else is the
production configuration: DEBUG off, and SECRET_KEY a throw-away value unless one is set.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.stats import misses, table

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
SQLITE = OUT / "bench.sqlite3"
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/sipokja_bench"


def environment(database_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        {
            "DATABASE_URL": database_url,
            "DEBUG": "false",
            "SECRET_KEY": os.environ.get("SECRET_KEY")
            or "bench-only-throw-away-secret-key-0123456789",
            # In-process requests say they are HTTPS; gunicorn is plain HTTP on loopback.
            "SECURE_SSL_REDIRECT": "false",
            # Static files are not measured: no collectstatic manifest needed.
            "SIPOKJA_STATIC_MANIFEST": "false",
            "SIPOKJA_MEDIA_ROOT": str(OUT / "media"),
            "LOG_LEVEL": "WARNING",
            "DATABASE_CONN_MAX_AGE": os.environ.get("DATABASE_CONN_MAX_AGE", "60"),
        }
    )
    return env


def manage(env, *args, quiet=False):
    started = time.monotonic()
    print(f"$ manage.py {' '.join(args)}", flush=True)
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )
    return time.monotonic() - started


def fresh_postgresql(url: str) -> str | None:
    """Drop and recreate the bench database; None (and a message) when no server answers."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            # The usual planner setting for SSD storage (recommended in the README for
            # production too): without it small joins are planned as hash joins over whole tables.
            conn.execute(
                sql.SQL("ALTER DATABASE {} SET random_page_cost = 1.1").format(sql.Identifier(name))
            )
    except psycopg.OperationalError as exc:
        print(
            f"PostgreSQL skipped: no server answers at {parts.hostname}:{parts.port} ({exc})".strip()
        )
        return None
    return url


def run_database(label, url, seed):
    env = environment(url)
    timings = {}
    timings["migrate_s"] = round(manage(env, "migrate", "--noinput", quiet=True), 1)
    timings["load_regions_s"] = round(manage(env, "load_regions"), 1)
    timings["generate_s"] = round(manage(env, "generate_national_data", "--seed", str(seed)), 1)
    manage(
        env,
        "run_bench",
        "--label",
        label,
        "--runs",
        os.environ.get("BENCH_RUNS", "20"),
        "--load-seconds",
        os.environ.get("BENCH_LOAD_SECONDS", "60"),
        "--port",
        os.environ.get("BENCH_PORT", "8103"),
    )
    results = json.loads((OUT / f"results-{label}.json").read_text())
    results["setup"] = timings
    return results


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    seed = int(os.environ.get("BENCH_SEED", "1"))
    only = os.environ.get("BENCH_ONLY", "")
    started = time.monotonic()
    results = {}
    if only in ("", "postgresql"):
        url = fresh_postgresql(os.environ.get("BENCH_PG", DEFAULT_PG))
        if url:
            results["postgresql"] = run_database("postgresql", url, seed)
    if only in ("", "sqlite"):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE}{suffix}").unlink(missing_ok=True)
        results["sqlite"] = run_database("sqlite", f"sqlite:///{SQLITE}", seed)
    if not results:
        sys.exit("No database was measured.")
    any_result = next(iter(results.values()))
    summary = {
        "seed": seed,
        "year": any_result["year"],
        "machine": any_result["machine"],
        "databases": {k: v.get("server_version") for k, v in results.items()},
        "minutes": round((time.monotonic() - started) / 60, 1),
        "results": results,
    }
    (OUT / "results.json").write_text(json.dumps(summary, indent=2, default=str))
    markdown = report(summary)
    (OUT / "results.md").write_text(markdown + "\n")
    print()
    print(markdown)
    print(f"\nWrote {OUT / 'results.json'} and {OUT / 'results.md'}.")


def report(summary) -> str:
    machine = summary["machine"]
    lines = [
        f"Seed {summary['seed']}, assessment year {summary['year']}; "
        + ", ".join(f"{k}: {v}" for k, v in summary["databases"].items())
        + f"; {machine['cpus']} CPUs ({machine['cpu']}), {machine['ram_gb']} GB RAM, "
        f"Python {machine['python']}; whole run {summary['minutes']} min.",
        "",
    ]
    for label, result in summary["results"].items():
        setup = result.get("setup", {})
        lines.append(
            f"- {label}: migrate {setup.get('migrate_s')} s, load_regions "
            f"{setup.get('load_regions_s')} s, generate_national_data {setup.get('generate_s')} s; "
            f"statuses {result['statuses']}"
        )
    lines += ["", table(summary["results"]), ""]
    pg = summary["results"].get("postgresql")
    if pg:
        missed = [(row["label"], misses(row)) for row in pg["rows"]]
        missed = [(label, m) for label, m in missed if m]
        if missed:
            lines.append("Targets missed on PostgreSQL:")
            lines += [f"- {label}: {', '.join(m)}" for label, m in missed]
        else:
            lines.append("Every target is met on PostgreSQL.")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
