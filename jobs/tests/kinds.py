"""Job kinds used only by the engine's tests (registered when this module is imported). They
follow the documented pattern: progress, row-numbered messages, all-or-nothing writes."""

from audit.models import AuditEvent
from audit.registry import record
from core.errors import DomainError
from jobs.registry import job_kind

# How many attempts of `tests.flaky` fail before one succeeds (set by the test).
FLAKY = {"failures": 0}


def written(tag) -> int:
    return AuditEvent.objects.filter(code="tests.row", object_repr=tag).count()


@job_kind("tests.import", label="Test import")
def fake_import(ctx):
    """Reads `rows` from the params; a row "bad" fails the import with its row number."""
    rows = ctx.params["rows"]
    ctx.progress(0, len(rows))
    errors = [
        {"row": number, "column": "B", "message": f"Nilai tidak valid: {value}"}
        for number, value in enumerate(rows, start=2)
        if value == "bad"
    ]
    if errors:
        raise DomainError("Berkas berisi kesalahan; tidak ada yang disimpan.", errors=errors)
    with ctx.atomic():
        for value in rows:
            record(action="other", code="tests.row", object_repr=ctx.params["tag"])
            ctx.advance()
            if value == "crash":
                raise RuntimeError("the worker crashed half-way")


@job_kind("tests.flaky", label="Test flaky", retry_on=(OSError,), max_attempts=3)
def flaky(ctx):
    if FLAKY["failures"] > 0:
        FLAKY["failures"] -= 1
        raise ConnectionRefusedError("server down")
    with ctx.atomic():
        record(action="other", code="tests.row", object_repr=ctx.params["tag"])


@job_kind("tests.read_input", label="Test input")
def read_input(ctx):
    with ctx.open_input() as handle:
        content = handle.read()
    ctx.save_result("copy.csv", content.upper())


@job_kind("tests.record", label="Test record input")
def record_input(ctx):
    from regions.models import Region

    region = ctx.input(Region, ctx.params["region_id"], what="The region")
    ctx.message(f"Read {region.code}", level="info")


@job_kind("tests.log", label="Test log line")
def log_line(ctx):
    import logging

    logging.getLogger("jobs.tests.kinds").warning("working on %s", ctx.params["tag"])
