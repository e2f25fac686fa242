"""A region's audit history. The audit app records and stores events and knows no users; the page
that shows them to those allowed lives here, above both (docs/architecture.md).

Each event reads as: who (name and role), when (in full, in the region's zone: WIB/WITA/WIT),
what (the record by name, each field by its label, old → new formatted by audit.readable).
Filters (sub-region, record type, person, period) stay in the URL, so a filtered view can be
shared; `?format=csv` or `?format=xlsx` exports what the filters select."""

import io

from django import forms
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import audit_readable as readable
from accounts import crud
from accounts.access import region_view
from accounts.models import RoleAssignment, User
from accounts.permissions import Permission
from accounts.roles import ROLES
from audit.models import AuditEvent
from audit.presenters import describe, model_name
from core import exports
from core.longdates import long_datetime
from regions.models import Region
from regions.zones import zone_for_code

EXPORT_LIMIT = 20000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class AuditFilter(forms.Form):
    area = forms.ChoiceField(label=gettext_lazy("Region"), required=False)
    type = forms.ChoiceField(label=gettext_lazy("Record type"), required=False)
    person = forms.ChoiceField(label=gettext_lazy("Person"), required=False)
    since = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=gettext_lazy("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data, *, region, events):
        super().__init__(data)
        everything = [("", _("All"))]
        areas = [region, *region.children.order_by("code")] if region.is_province else [region]
        self.fields["area"].choices = everything + [(r.code, r.display_name) for r in areas]
        labels = sorted(events.values_list("model", flat=True).distinct().order_by())
        self.fields["type"].choices = everything + sorted(
            ((label, model_name(label)[:1].upper() + model_name(label)[1:]) for label in labels),
            key=lambda pair: pair[1],
        )
        people = events.values_list("actor_username", flat=True).distinct().order_by()
        names = _names(people)
        self.fields["person"].choices = everything + sorted(
            ((username, names.get(username, username)) for username in people),
            key=lambda pair: pair[1].lower(),
        )

    def apply(self, events):
        if not self.is_valid():
            return events
        data = self.cleaned_data
        if data["area"]:
            events = events.filter(region_code=data["area"])
        if data["type"]:
            events = events.filter(model=data["type"])
        if data["person"]:
            events = events.filter(actor_username=data["person"])
        if data["since"]:
            events = events.filter(created_at__date__gte=data["since"])
        if data["until"]:
            events = events.filter(created_at__date__lte=data["until"])
        return events


def _names(usernames) -> dict[str, str]:
    users = User.objects.filter(username__in=list(usernames))
    return {u.username: (u.get_full_name() or u.username) for u in users}


class _People:
    """Name and role of the actors of a page of events, read once per page."""

    def __init__(self, events):
        ids = {e.actor_id for e in events if e.actor_id}
        self.users = {u.pk: u for u in User.objects.filter(pk__in=ids)}
        self.roles: dict[int, list[tuple[str, str | None]]] = {}
        for user_id, role, code in RoleAssignment.objects.filter(user_id__in=ids).values_list(
            "user_id", "role", "region__code"
        ):
            self.roles.setdefault(user_id, []).append((role, code))

    def name(self, event) -> str:
        user = self.users.get(event.actor_id)
        if user is None:
            return _("System") if event.actor_username == "system" else event.actor_username
        return user.get_full_name() or user.username

    def role(self, event) -> str:
        held = self.roles.get(event.actor_id, [])
        code = event.region_code or ""

        def fits(item):
            assigned = item[1]
            return assigned is None or code == assigned or code.startswith(assigned + ".")

        best = sorted(held, key=lambda item: (not fits(item), -len(item[1] or "")))
        if best:
            return str(ROLES[best[0][0]].name) if best[0][0] in ROLES else best[0][0]
        user = self.users.get(event.actor_id)
        return _("Administrator") if user is not None and user.is_superuser else ""


def _rows(events, regions: dict[str, Region]):
    people = _People(events)
    rows = []
    for event in events:
        zone, abbreviation = zone_for_code(event.region_code)
        region = regions.get(event.region_code)
        rows.append(
            {
                "event": event,
                "when": long_datetime(event.created_at, zone, abbreviation),
                "who": people.name(event),
                "role": people.role(event),
                "region": region.display_name if region else event.region_code or "–",
                "type": model_name(event.model),
                "sentence": describe(event, actor=people.name(event)),
                "changes": readable.changes(event, zone=zone, abbreviation=abbreviation),
            }
        )
    return rows


def _scope(region):
    condition = Q(region_code=region.code)
    if region.is_province:
        condition |= Q(region_code__startswith=region.code + ".")
    return AuditEvent.objects.filter(condition)


@region_view(Permission.AUDIT_VIEW)
def region_audit(request, region):
    """The audit history of a region and, for a province, of its kab/kota."""
    scoped = _scope(region)
    form = AuditFilter(request.GET or None, region=region, events=scoped)
    events = form.apply(scoped)
    regions = {r.code: r for r in Region.objects.filter(Q(pk=region.pk) | Q(parent=region))}
    export = request.GET.get("format")
    if export in ("csv", "xlsx"):
        return _export(region, events[:EXPORT_LIMIT], regions, export)
    listing = crud.listing(request, events, per_page=50)
    return render(
        request,
        "audit/region.html",
        {
            "region": region,
            "listing": listing,
            "rows": _rows(listing.page, regions),
            "form": form,
            "query": listing.query,
        },
    )


def _export_rows(events, regions):
    for row in _rows(list(events), regions):
        base = [
            row["when"],
            row["region"],
            row["who"],
            row["role"],
            str(row["event"].get_action_display()),
            row["type"],
            row["event"].object_repr,
        ]
        if not row["changes"]:
            yield [*base, "", "", ""]
        for change in row["changes"]:
            yield [*base, change.label, change.old, change.new]


def _export(region, events, regions, kind):
    with translation.override(translation.get_language()):
        header = [
            _("Time"),
            _("Region"),
            _("Person"),
            _("Role"),
            _("Action"),
            _("Record type"),
            _("Record"),
            _("Field"),
            _("Old value"),
            _("New value"),
        ]
        filename = f"audit-{region.code}"
        if kind == "csv":
            buffer = io.StringIO()
            writer = exports.csv_writer(buffer)
            writer.writerow(header)
            writer.writerows(_export_rows(events, regions))
            response = HttpResponse(
                "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
            )
        else:
            wb, ws = exports.recap_sheet(
                _("Audit history")[:31],
                f"{_('Audit history')} — {region.display_name}",
                "",
                header,
            )
            for values in _export_rows(events, regions):
                exports.append(ws, values)
            response = HttpResponse(
                exports.recap_bytes(wb, ws, [34, 24, 22, 22, 12, 22, 30, 22, 26, 26]),
                content_type=XLSX_TYPE,
            )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{kind}"'
    return response
