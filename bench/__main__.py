"""`make bench` (= `python -m bench`): fresh SQLite and PostgreSQL databases with the synthetic
national data, the measurements on each, then var/bench/results.json, results.md and a table.

Environment: BENCH_PG (default postgres://postgres@127.0.0.1:5432/sipokja_bench; the database is
dropped and recreated), BENCH_SEED (1), BENCH_RUNS (20), BENCH_LOAD_SECONDS (60), BENCH_PORT
(8103), BENCH_ONLY (sqlite or postgresql, to run one database), BENCH_SCALE (the data scales
to measure, comma-separated, default 1; `make bench` runs "1,4"): at scale N the generator
writes N × five years of plans, budgets, targets, values, meetings and action items on the same
regions. The first scale is measured in full on both databases; each further scale measures the
pages (and the recompute) on PostgreSQL only (SQLite too with BENCH_ONLY=sqlite), in a database
of its own. BENCH_REDIS_URL (default redis://127.0.0.1:6379/15) is the shared cache of the
measured processes when a Redis answers there; `BENCH_REDIS_URL=` (empty) measures without one.
Everything else is the production configuration: DEBUG off, and SECRET_KEY a throw-away value
unless one is set.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.stats import growth_misses, growth_table, misses, table

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
SQLITE = OUT / "bench.sqlite3"
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/sipokja_bench"


DEFAULT_REDIS = "redis://127.0.0.1:6379/15"


def scales() -> list[int]:
    """BENCH_SCALE: "1", "4" or "1,4" (whole multiples of the five years of data)."""
    raw = os.environ.get("BENCH_SCALE", "1") or "1"
    values = []
    for part in raw.split(","):
        value = int(part.strip())
        if not 1 <= value <= 10:
            sys.exit(f"BENCH_SCALE: {value} is not a scale from 1 to 10.")
        if value not in values:
            values.append(value)
    return values


def redis_url() -> str:
    """The Redis the measured processes share (dashboard cache), or "" when none answers."""
    url = os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS)
    if not url:
        return ""
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception as exc:  # noqa: BLE001 - any failure means: measure without Redis
        print(f"No Redis at {url} ({exc}): measuring with each process's own memory cache.")
        return ""
    return url


def environment(database_url: str, *, cache_prefix: str = "bench", redis: str = "") -> dict:
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
            "REDIS_URL": redis,
            # One namespace per measured database: never a body cached from another one.
            "SIPOKJA_CACHE_PREFIX": cache_prefix,
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


def _admin(url: str) -> tuple[str, str]:
    """The server's maintenance database URL and the database name of `url`."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/postgres")), parts.path.lstrip("/")


def template_name(url: str) -> str:
    return f"{_admin(url)[1]}_template"


def fresh_postgresql(url: str, *, template: str = "") -> str | None:
    """Drop and recreate the bench database (a copy of `template` when given); None (and a
    message) when no server answers."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    admin, name = _admin(url)
    create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template:
        create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
            conn.execute(create)
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


def keep_as_template(url: str, template: str) -> None:
    """Copy the migrated database with its regions (nothing generated yet) to `template`, so
    that a further scale's database starts from it instead of migrating again (~40 s)."""
    import psycopg
    from psycopg import sql

    admin, name = _admin(url)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(template)))
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(template), sql.Identifier(name)
            )
        )


def drop_database(url: str, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(_admin(url)[0], autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))


def run_database(label, url, seed, *, scale=1, full=True, redis="", keep_as="", copy_of=""):
    """Set up, generate and measure one database: migrated and with the regions loaded (then
    kept as the template `keep_as` when given), or, `copy_of`, created from that template."""
    env = environment(url, cache_prefix=f"bench-{label}-{os.getpid()}", redis=redis)
    timings = {}
    if copy_of:
        timings.update(migrate_s=0.0, load_regions_s=0.0, copy_of=copy_of)
    else:
        timings["migrate_s"] = round(manage(env, "migrate", "--noinput", quiet=True), 1)
        timings["load_regions_s"] = round(manage(env, "load_regions"), 1)
        if keep_as:
            keep_as_template(url, keep_as)
    timings["generate_s"] = round(
        manage(env, "generate_national_data", "--seed", str(seed), "--history", str(scale)), 1
    )
    extra = [] if full else ["--no-import", "--no-load", "--no-decree"]
    manage(
        env,
        "run_bench",
        *extra,
        "--scale",
        str(scale),
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
    results["scale"] = scale
    return results


def label_for(database: str, scale: int, first: int) -> str:
    return database if scale == first else f"{database}-{scale}x"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    seed = int(os.environ.get("BENCH_SEED", "1"))
    only = os.environ.get("BENCH_ONLY", "")
    wanted = scales()
    redis = redis_url()
    started = time.monotonic()
    results = {}
    base = os.environ.get("BENCH_PG", DEFAULT_PG)
    # With further scales, the first PostgreSQL database, migrated and with its regions, is
    # copied as their template (CREATE DATABASE … TEMPLATE) instead of migrating each again.
    template = template_name(base) if len(wanted) > 1 else ""
    for scale in wanted:
        full = scale == wanted[0]
        if only in ("", "postgresql"):
            if full:
                url, keep_as, copy_of = fresh_postgresql(base), template, ""
            else:
                url = fresh_postgresql(f"{base}_{scale}x", template=template)
                keep_as, copy_of = "", template
            if url:
                label = label_for("postgresql", scale, wanted[0])
                results[label] = run_database(
                    label, url, seed, scale=scale, full=full, redis=redis, keep_as=keep_as,
                    copy_of=copy_of,
                )  # fmt: skip
        if only == "sqlite" or (only == "" and full):
            path = SQLITE if full else SQLITE.with_name(f"bench-{scale}x.sqlite3")
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            label = label_for("sqlite", scale, wanted[0])
            results[label] = run_database(
                label, f"sqlite:///{path}", seed, scale=scale, full=full, redis=redis
            )
    if template and "postgresql" in results:
        drop_database(base, template)
    if not results:
        sys.exit("No database was measured.")
    any_result = next(iter(results.values()))
    summary = {
        "seed": seed,
        "scales": wanted,
        "redis": bool(redis),
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
        prepared = (
            f"copy of {setup['copy_of']} (migrated, regions loaded)"
            if setup.get("copy_of")
            else f"migrate {setup.get('migrate_s')} s, load_regions {setup.get('load_regions_s')} s"
        )
        lines.append(
            f"- {label}: {prepared}, generate_national_data {setup.get('generate_s')} s; "
            f"statuses {result['statuses']}"
        )
    first = {k: v for k, v in summary["results"].items() if "x" not in k.rsplit("-", 1)[-1]}
    lines += ["", table(first), ""]
    scaled = {k: v for k, v in summary["results"].items() if k not in first}
    if scaled:
        lines += [growth_table(summary["results"]), ""]
    pg = summary["results"].get("postgresql")
    if pg:
        missed = [(row["label"], misses(row)) for row in pg["rows"]]
        missed += [
            (f"{row['label']} at {result['scale']}×", misses(row))
            for label, result in scaled.items()
            if label.startswith("postgresql")
            for row in result["rows"]
        ]
        missed += growth_misses(summary["results"])
        missed = [(label, m) for label, m in missed if m]
        if missed:
            lines.append("Targets missed on PostgreSQL:")
            lines += [f"- {label}: {', '.join(m)}" for label, m in missed]
        else:
            lines.append("Every target is met on PostgreSQL.")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
