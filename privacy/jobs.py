"""Background jobs of the privacy app: the daily retention purge, a person's access export and
the erasure of a person."""

import datetime
import io
import zipfile

from django.apps import apps
from django.utils.translation import gettext_lazy

from jobs.registry import job_kind
from jobs.schedule import periodic

PURGE = "privacy.purge_expired"
EXPORT = "privacy.export"
ERASE = "privacy.erase"


@job_kind(PURGE, label=gettext_lazy("Personal data: retention purge"))
def purge_expired(ctx) -> None:
    from privacy.retention import purge

    ctx.complete(purge())


def _subject(params):
    from privacy.subject import Subject

    if params.get("member"):
        member = apps.get_model("workgroups", "Member").objects.get(pk=params["member"])
        return Subject.of_member(member)
    user = apps.get_model("accounts", "User").objects.get(pk=params["user"])
    return Subject.of_user(user)


@job_kind(EXPORT, label=gettext_lazy("Personal data: access export"))
def export(ctx) -> None:
    from privacy.export import export_files

    files = export_files(_subject(ctx.job.params))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    ctx.save_result("data-pribadi.zip", buffer.getvalue())
    ctx.progress(1, 1, force=True)


@job_kind(ERASE, label=gettext_lazy("Personal data: erasure of a person"))
def erase(ctx) -> None:
    from privacy.erasure import erase as run

    counts = run(_subject(ctx.job.params), by=ctx.job.created_by)
    total = sum(counts.values())
    ctx.progress(total, total, force=True)


periodic(PURGE, every=datetime.timedelta(days=1))


DEADLINES = "privacy.deadlines"


@job_kind(DEADLINES, label=gettext_lazy("Personal data: overdue requests and breaches"))
def deadlines(ctx) -> None:
    from privacy.deadlines import notify_overdue

    told = notify_overdue()
    ctx.progress(told, told, force=True)


periodic(DEADLINES, every=datetime.timedelta(hours=1))
