"""No lost updates, for every versioned record: two people open the same record, A saves, then B
saves from the version they opened. B is refused (HTML: the form again with the conflict message;
API: 409) and A's change is what is stored.

Every model inheriting `core.concurrency.VersionedModel` needs an entry in SWEEP (with its HTML
edit page and/or API update operation, or the reason it has neither), so a new versioned model
cannot skip this test. The records come from the demo data of Kabupaten Gowa (73.06).
"""

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter

import pytest
from django.apps import apps
from django.core.files.uploadedfile import UploadedFile
from django.core.management import call_command
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import override

from core.concurrency import VersionedModel, stale_message

GOWA = "73.06"


@dataclass
class Html:
    url: Callable[[Model], str]
    field: str  # a text field of the form that both people change
    persona: str = "gowa_operator"
    attribute: str = ""  # the model attribute holding `field`, when it differs


@dataclass
class Api:
    method: str
    url: Callable[[Model], str]
    body: Callable[[Model, str], dict]  # the change, without the version
    stored: Callable[[Model], object]
    persona: str = "gowa_operator"
    marker: Callable[[str], object] = str  # how "A" / "B" becomes a value of the field


@dataclass
class Entry:
    get: Callable[[], Model]
    html: Html | None = None
    api: Api | None = None
    reason: str = ""  # why a versioned model has no edit page and no update operation


def _gowa(model, path="region__code", **filters):
    return model.objects.filter(**{path: GOWA}, **filters).order_by("pk").first()


def _model(label):
    return apps.get_model(label)


def _draft_minutes():
    """Draft minutes of a Gowa meeting (the demo's minutes are approved and locked)."""
    draft = _gowa(_model("meetings.Minutes"), "meeting__region__code", approved_at=None)
    if draft is not None:
        return draft
    meeting = _gowa(_model("meetings.Meeting"), status="scheduled", minutes__isnull=True)
    minutes, _created = _model("meetings.Minutes").objects.get_or_create(
        meeting=meeting, defaults={"body": "<p>Rapat dibuka.</p>", "chair_name": "Ketua"}
    )
    return minutes


def _gowa_numbering():
    """Gowa's numbering scheme (the demo has none: made with the defaults)."""
    region = _model("regions.Region").objects.get(code=GOWA)
    scheme, _created = _model("letters.NumberingScheme").objects.get_or_create(region=region)
    return scheme


def _gowa_calendar():
    """Gowa's saved budget calendar for next year (the demo has none: saved with the defaults)."""
    from budget import calendar

    region = _model("regions.Region").objects.get(code=GOWA)
    year = calendar.budget_year_in_preparation(timezone.localdate())
    default = calendar.default_calendar(region, year)
    return calendar.save_calendar(
        by=None,
        region=region,
        budget_year=year,
        **{name: getattr(default, name) for name in calendar.CALENDAR_FIELDS},
    )


def _gowa_record(label, path="region__code", **filters):
    """A getter of the first Gowa record of model `label`, found through the region `path`."""
    return lambda: _gowa(_model(label), path, **filters)


def _patch(url, field, **kwargs):
    """The usual update operation: PATCH `url` with a new text in `field`, read back from it."""
    return Api("patch", url, lambda o, m: {field: m}, attrgetter(field), **kwargs)


def _put_value(url):
    """PUT a new number as `value` (the markers A and B become 11 and 22)."""
    return Api("put", url, lambda o, m: {"value": m}, lambda o: float(o.value), marker=_NUMBER)


_NUMBER = {"A": 11.0, "B": 22.0}.__getitem__


def _edit(label, path, page, operation, field, **filters):
    """The usual entry: the first Gowa record of `label` (through `path`), its edit page
    `/r/73.06/<page>` and its PATCH operation `/api/v1/regions/73.06/<operation>`, both changing
    the text `field`; `{o}` in the paths stands for the record."""
    return Entry(
        _gowa_record(label, path, **filters),
        html=Html(lambda o: f"/r/{GOWA}/" + page.format(o=o), field),
        api=_patch(lambda o: f"/api/v1/regions/{GOWA}/" + operation.format(o=o), field),
    )


R, W, P = "region__code", "workgroup__region__code", "plan__workgroup__region__code"

SWEEP = {
    "workgroups.WorkGroup": Entry(
        get=_gowa_record("workgroups.WorkGroup", status="active"),
        html=Html(lambda o: f"/r/{GOWA}/pokja/edit/", "name"),
        api=_patch(lambda o: f"/api/v1/regions/{GOWA}/workgroup", "name", marker="Pokja {}".format),
    ),
    "workgroups.Institution": _edit(
        "workgroups.Institution", R, "institutions/{o.pk}/edit/", "institutions/{o.pk}", "name"
    ),
    "workgroups.Decree": _edit(
        "workgroups.Decree", W, "pokja/decrees/{o.pk}/edit/", "workgroup/decrees/{o.pk}", "title"
    ),
    "workgroups.Member": _edit(
        "workgroups.Member", W, "pokja/members/{o.pk}/edit/", "workgroup/members/{o.pk}", "position"
    ),
    "indicators.Indicator": Entry(
        get=lambda: _model("indicators.Indicator").objects.order_by("pk").first(),
        html=Html(lambda o: f"/indicators/{o.code}/edit/", "name", persona="national_admin"),
        api=Api(
            "put",
            lambda o: f"/api/v1/indicators/{o.code}",
            lambda o, m: {"name": m, "unit": o.unit, "direction": o.direction},
            lambda o: o.name,
            persona="national_admin",
        ),
    ),
    "indicators.NationalTarget": Entry(
        get=lambda: _model("indicators.NationalTarget").objects.order_by("pk").first(),
        api=Api(
            "put",
            lambda o: f"/api/v1/indicators/{o.indicator.code}/national-targets/{o.year}",
            lambda o, m: {"value": m, "source": "RPJMN"},
            lambda o: float(o.value),
            persona="national_admin",
            marker=_NUMBER,
        ),
    ),
    "indicators.Target": Entry(
        get=_gowa_record("indicators.Target"),
        html=Html(lambda o: f"/r/{GOWA}/indicators/targets/{o.pk}/", "note"),
        api=_put_value(lambda o: f"/api/v1/regions/{GOWA}/indicators/targets/{o.pk}"),
    ),
    "indicators.Value": Entry(
        get=_gowa_record("indicators.Value"),
        html=Html(lambda o: f"/r/{GOWA}/indicators/values/{o.pk}/", "note"),
        api=_put_value(lambda o: f"/api/v1/regions/{GOWA}/indicators/values/{o.pk}"),
    ),
    "indicators.WorkGroupIndicator": Entry(
        get=_gowa_record("indicators.WorkGroupIndicator", W),
        reason="adoptions are saved as one set per Pokja (indicators/tests/test_services.py "
        "test_set_adoptions_refuses_a_stale_version_and_changes_nothing)",
    ),
    "planning.WorkPlan": _edit(
        "planning.WorkPlan", W, "plans/{o.year}/edit/", "plans/{o.year}", "notes"
    ),
    "planning.Activity": _edit(
        "planning.Activity",
        P,
        "plans/{o.plan.year}/activities/{o.pk}/edit/",
        "plans/{o.plan.year}/activities/{o.pk}",
        "expected_output",
    ),
    "budget.BudgetAllocation": _edit(
        "budget.BudgetAllocation", W, "budget/{o.pk}/edit/", "budget/{o.pk}", "purpose"
    ),
    "budget.BudgetCalendar": Entry(
        get=_gowa_calendar,
        html=Html(lambda o: f"/r/{GOWA}/budget/calendar/?year={o.budget_year}", "note"),
    ),
    "policies.Policy": _edit(
        "policies.Policy", R, "policies/{o.pk}/edit/", "policies/{o.pk}", "summary"
    ),
    "assessment.Assessment": Entry(
        get=_gowa_record("assessment.Assessment"),
        reason="not edited: submitted and verified (state changes with their own checks)",
    ),
    "meetings.Letterhead": Entry(
        get=_gowa_record("meetings.Letterhead"),
        html=Html(lambda o: f"/r/{GOWA}/letterhead/", "signatory_name"),
    ),
    "meetings.Meeting": _edit(
        "meetings.Meeting",
        R,
        "meetings/{o.pk}/edit/",
        "meetings/{o.pk}",
        "venue",
        status="scheduled",
    ),
    "letters.NumberingScheme": Entry(
        get=_gowa_numbering,
        html=Html(lambda o: f"/r/{GOWA}/letters/numbering/", "unit_code"),
    ),
    "meetings.Minutes": Entry(
        get=_draft_minutes,
        html=Html(lambda o: f"/r/{GOWA}/meetings/{o.meeting_id}/minutes/edit/", "chair_name"),
        api=Api(
            "put",
            lambda o: f"/api/v1/regions/{GOWA}/meetings/{o.meeting_id}/minutes",
            lambda o, m: {"chair_name": m},
            attrgetter("chair_name"),
        ),
    ),
    "meetings.ActionItem": _edit(
        "meetings.ActionItem", R, "action-items/{o.pk}/edit/", "action-items/{o.pk}", "description"
    ),
    "meetings.Announcement": Entry(
        get=lambda: _model("meetings.Announcement").objects.order_by("pk").first(),
        reason="announcements are sent, not edited",
    ),
    "knowledge.StrategicIssue": _edit(
        "knowledge.StrategicIssue",
        R,
        "issues/{o.pk}/edit/",
        "strategic-issues/{o.pk}",
        "description",
    ),
    "knowledge.KnowledgeDocument": Entry(
        get=lambda: _model("knowledge.KnowledgeDocument").objects.order_by("pk").first(),
        html=Html(lambda o: f"/knowledge/{o.pk}/edit/", "description", persona="national_admin"),
        api=_patch(lambda o: f"/api/v1/knowledge/{o.pk}", "description", persona="national_admin"),
    ),
    "dashboards.BoundaryMap": Entry(
        get=lambda: None,
        reason="boundary maps are replaced by a new upload, not edited",
    ),
}


def test_every_versioned_model_is_in_the_sweep():
    versioned = {
        model._meta.label for model in apps.get_models() if issubclass(model, VersionedModel)
    }
    missing = sorted(versioned - set(SWEEP))
    assert not missing, f"versioned models without a lost-update entry in SWEEP: {missing}"
    for label, entry in SWEEP.items():
        assert entry.html or entry.api or entry.reason, label


def _form_data(form) -> dict:
    """What the browser would send back for `form` unchanged."""
    data = {}
    for bound in form:
        value = bound.value()
        if value is None or isinstance(value, UploadedFile) or hasattr(value, "url"):
            continue
        if getattr(bound.field.widget, "input_type", "") == "file":
            continue
        if isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
            continue
        if isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        else:
            data[bound.html_name] = str(value)
    return data


def _formsets_data(response) -> dict:
    data = {}
    for value in _context_values(response):
        if hasattr(value, "management_form") and hasattr(value, "forms"):
            data.update(_form_data(value.management_form))
            for form in value.forms:
                data.update(_form_data(form))
    return data


def _context_values(response):
    contexts = response.context
    contexts = contexts if isinstance(contexts, list) else [contexts]
    for context in contexts:
        for layer in context.dicts:
            yield from layer.values()


def _edit_form(response):
    for value in _context_values(response):
        if "version" in getattr(value, "fields", {}):
            return value
    raise AssertionError("no form with a version field on the edit page")


@pytest.fixture
def demo(personas):
    with override("id"):
        call_command("load_demo", stdout=io.StringIO())
    return personas


def _stale_text() -> str:
    with override("id"):
        return str(stale_message())


def _check_html(label, entry, personas):
    html = entry.html
    obj = entry.get()
    assert obj is not None, f"{label}: no demo record in Gowa"
    url = html.url(obj)
    attribute = html.attribute or html.field
    first, second = personas.client(html.persona), personas.client(html.persona)
    page_a, page_b = first.get(url), second.get(url)
    assert page_a.status_code == page_b.status_code == 200, (label, url, page_a.status_code)
    data_a = {**_formsets_data(page_a), **_form_data(_edit_form(page_a))}
    data_b = {**_formsets_data(page_b), **_form_data(_edit_form(page_b))}
    data_a[html.field], data_b[html.field] = "Perubahan A", "Perubahan B"

    saved = first.post(url, data_a)
    assert saved.status_code == 302, (label, "A's save was refused", _errors(saved))
    refused = second.post(url, data_b)
    assert refused.status_code in (200, 409), (label, refused.status_code)
    text = re.sub(r"\s+", " ", refused.content.decode())
    assert _stale_text() in text or refused.status_code == 409, (label, _errors(refused))
    obj.refresh_from_db()
    assert getattr(obj, attribute) == "Perubahan A", label


def _errors(response):
    try:
        return _edit_form(response).errors
    except (AssertionError, TypeError, AttributeError):
        return response.status_code


def _check_api(label, entry, personas):
    spec = entry.api
    obj = entry.get()
    assert obj is not None, f"{label}: no demo record in Gowa"
    first, second = personas.api_client(spec.persona), personas.api_client(spec.persona)
    version = obj.version  # what both clients read before either saves
    url = spec.url(obj)

    def send(client, marker):
        body = {**spec.body(obj, spec.marker(marker)), "version": version}
        return getattr(client, spec.method)(url, body, content_type="application/json")

    saved = send(first, "A")
    assert saved.status_code == 200, (label, saved.status_code, saved.content[:300])
    refused = send(second, "B")
    assert refused.status_code == 409, (label, refused.status_code, refused.content[:300])
    assert refused.json()["detail"]
    obj.refresh_from_db()
    assert spec.stored(obj) == spec.marker("A"), label


@pytest.mark.slow
def test_no_lost_updates(demo):
    """One test over all entries (the demo data is loaded once); every failure is listed."""
    failures = []
    for label, entry in SWEEP.items():
        for kind, check in (("html", _check_html), ("api", _check_api)):
            if getattr(entry, kind) is None:
                continue
            try:
                check(label, entry, demo)
            except Exception as exc:  # noqa: BLE001 (list every model that fails)
                failures.append(f"{label} {kind}: {exc}")
    assert not failures, "\n".join(failures)
