"""Strategic issues and the knowledge centre: every write (atomic, keyword-only, `by=` the
acting user) and the reads the pages, the API and other apps rely on.

Functions for other apps:
- `guides_for_kinds(region=None)`: `{criterion kind: KnowledgeDocument}`, the most recent
  published guide for each effectiveness-criterion kind (one query). Link to a document with
  `document_url(document)` (URL name `DOCUMENT_URL_NAME`).
- `unanswered_count(region_ids, year)`: `{region_id: n}` issues covering `year` that no activity
  or policy answers yet (one query).

None of these functions checks permissions: the caller does (`accounts.access`).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, Count, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.access import has_permission, top_regions
from accounts.permissions import Permission
from audit.registry import record
from core.concurrency import save_versioned, stale_message
from core.errors import ConflictError, DomainError
from core.uploads import safe_filename
from knowledge.models import KnowledgeDocument, StrategicIssue
from knowledge.validators import document_format

ISSUE_FIELDS = (
    "title",
    "description",
    "theme",
    "priority",
    "period_start",
    "period_end",
    "subgroup",
)
DOCUMENT_FIELDS = (
    "title",
    "category",
    "kind",
    "description",
    "edition",
    "issued_on",
    "is_published",
)

# Where a criterion's explanation sends the reader: criterion kind → document category
# (assessment.models.Criterion.Kind; GDPK and planning integration are matters of advocacy,
# a declared criterion is proven like the decree, with evidence of the Pokja's formation).
KIND_CATEGORIES = {
    "decree": KnowledgeDocument.Category.FORMATION,
    "work_plan": KnowledgeDocument.Category.WORK_PLAN,
    "indicators": KnowledgeDocument.Category.INDICATORS,
    "budget": KnowledgeDocument.Category.BUDGET,
    "gdpk": KnowledgeDocument.Category.ADVOCACY,
    "planning_integration": KnowledgeDocument.Category.ADVOCACY,
    "declared": KnowledgeDocument.Category.FORMATION,
}
DOCUMENT_URL_NAME = "knowledge:document"

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


# --- helpers -------------------------------------------------------------------------------


def _full_clean(instance, *, exclude=None):
    """Model validation as a DomainError listing `{"field", "message"}` (forms and API alike)."""
    try:
        instance.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as exc:
        errors = []
        for name, messages in exc.message_dict.items():
            for message in messages:
                errors.append({"field": "" if name == "__all__" else name, "message": message})
        raise DomainError(" ".join(e["message"] for e in errors), errors=errors) from None


def _field_error(name, message):
    return DomainError(message, errors=[{"field": name, "message": message}])


def _locked(model, instance, expected_version):
    if expected_version is None:
        raise ConflictError(stale_message())
    fresh = model.objects.select_for_update().filter(pk=instance.pk).first()
    if fresh is None or fresh.version != int(expected_version):
        raise ConflictError(stale_message())
    return fresh


def _ids(items) -> list[int]:
    return sorted({int(getattr(item, "pk", item)) for item in items})


def _remove_after_commit(storage, name):
    if storage is None or not name:
        return

    def remove():
        try:
            storage.delete(name)
        except OSError:
            pass

    transaction.on_commit(remove)


# --- strategic issues: reads ---------------------------------------------------------------


def covering(year: int) -> Q:
    """Issues whose period includes `year`."""
    return Q(period_start__lte=year, period_end__gte=year)


def _answer_counts():
    return {
        "answering_activities": Count(
            "activities",
            filter=~Q(activities__status="cancelled"),
            distinct=True,
        ),
        "answering_policies": Count(
            "policies", filter=~Q(policies__status="revoked"), distinct=True
        ),
    }


def _priority_order():
    return Case(
        *[
            When(priority=key, then=Value(rank))
            for key, rank in StrategicIssue.PRIORITY_RANK.items()
        ],
        default=Value(9),
        output_field=IntegerField(),
    )


def issues_for(region_ids, *, year: int | None = None):
    """Issues of these regions (covering `year` when given) with `answering_activities` and
    `answering_policies` (cancelled activities and revoked policies do not answer), high
    priority first."""
    qs = StrategicIssue.objects.filter(region_id__in=list(region_ids))
    if year is not None:
        qs = qs.filter(covering(year))
    return (
        qs.annotate(**_answer_counts(), priority_rank_db=_priority_order())
        .select_related("region", "subgroup")
        .order_by("priority_rank_db", "-period_start", "title", "pk")
    )


def is_answered(issue) -> bool:
    """True when an activity (not cancelled) or a policy (not revoked) answers the issue. Uses
    the annotations of `issues_for` when present."""
    activities = getattr(issue, "answering_activities", None)
    policies = getattr(issue, "answering_policies", None)
    if activities is None or policies is None:
        activities = issue.activities.exclude(status="cancelled").count()
        policies = issue.policies.exclude(status="revoked").count()
    return bool(activities or policies)


def unanswered_count(region_ids, year: int) -> dict[int, int]:
    """`{region_id: n}`: issues covering `year` that nothing answers yet (one query). Regions
    without such issues are absent."""
    rows = (
        StrategicIssue.objects.filter(region_id__in=list(region_ids))
        .filter(covering(year))
        .annotate(**_answer_counts())
        .filter(answering_activities=0, answering_policies=0)
        .values_list("region_id", flat=True)
    )
    result: dict[int, int] = {}
    for region_id in rows:
        result[region_id] = result.get(region_id, 0) + 1
    return result


@dataclass
class Realisation:
    source: str
    source_label: str
    value: Decimal
    achievement: Decimal | None
    grade: str | None
    grade_label: str | None


@dataclass
class Evidence:
    """An indicator linked to an issue with its latest achievement in the region: the latest
    year that has both a target and a yearly realisation (one line per data source; sources are
    never mixed). `year` is None when no year has both (the achievement is missing, never 0)."""

    indicator: object
    year: int | None = None
    target: Decimal | None = None
    realisations: list[Realisation] = field(default_factory=list)
    latest_target_year: int | None = None
    latest_value_year: int | None = None

    @property
    def missing(self) -> bool:
        return self.year is None


def latest_achievements(region, indicators) -> dict[int, Evidence]:
    """`{indicator_id: Evidence}` for `indicators` in `region` (two queries)."""
    from indicators.achievement import achievement, grade
    from indicators.models import DataSource, Target
    from indicators.models import Value as IndicatorValue

    indicators = list(indicators)
    ids = [i.pk for i in indicators]
    targets: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for indicator_id, year, value in Target.objects.filter(
        region=region, indicator_id__in=ids
    ).values_list("indicator_id", "year", "value"):
        targets[indicator_id][year] = value
    values: dict[int, dict[int, dict[str, Decimal]]] = defaultdict(lambda: defaultdict(dict))
    for indicator_id, year, source, value in IndicatorValue.objects.filter(
        region=region, indicator_id__in=ids, period=""
    ).values_list("indicator_id", "year", "source", "value"):
        values[indicator_id][year][source] = value
    order = list(DataSource.values)
    result = {}
    for indicator in indicators:
        by_year_target = targets.get(indicator.pk, {})
        by_year_values = values.get(indicator.pk, {})
        evidence = Evidence(
            indicator=indicator,
            latest_target_year=max(by_year_target, default=None),
            latest_value_year=max(by_year_values, default=None),
        )
        both = set(by_year_target) & set(by_year_values)
        if both:
            year = max(both)
            evidence.year = year
            evidence.target = by_year_target[year]
            for source in sorted(by_year_values[year], key=order.index):
                value = by_year_values[year][source]
                score = achievement(value, evidence.target, indicator.direction)
                result_grade = grade(score)
                evidence.realisations.append(
                    Realisation(
                        source=source,
                        source_label=str(DataSource(source).label),
                        value=value,
                        achievement=score,
                        grade=result_grade.value if result_grade else None,
                        grade_label=str(result_grade.label) if result_grade else None,
                    )
                )
        result[indicator.pk] = evidence
    return result


@dataclass
class ThemeGroup:
    theme: str
    label: str
    issues: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.issues)

    @property
    def region_count(self) -> int:
        return len({issue.region_id for issue in self.issues})

    @property
    def unanswered(self) -> int:
        return sum(1 for issue in self.issues if not is_answered(issue))

    @property
    def is_shared(self) -> bool:
        return self.region_count > 1


def themes_overview(province, *, year: int | None, prefetch=()) -> list[ThemeGroup]:
    """The issues of a province and its kab/kota grouped by theme (themes in catalogue order,
    only those with issues), so the forum sees which problems several regions share.
    `prefetch`: related sets to prefetch on the issues (the API lists their links)."""
    region_ids = [province.pk, *province.children.values_list("pk", flat=True)]
    groups = {
        value: ThemeGroup(theme=value, label=str(label))
        for value, label in StrategicIssue.Theme.choices
    }
    issues = issues_for(region_ids, year=year).order_by(
        "region__code", "priority_rank_db", "title", "pk"
    )
    for issue in issues.prefetch_related(*prefetch):
        groups[issue.theme].issues.append(issue)
    return [group for group in groups.values() if group.issues]


# --- strategic issues: writes --------------------------------------------------------------


def _check_links(region, issue, *, indicators, activities, policies):
    """Indicators from the active catalogue; activities of this region's work plans within the
    issue's period; policies of this region."""
    from indicators.models import Indicator
    from planning.models import Activity
    from policies.models import Policy

    if indicators:
        found = set(
            Indicator.objects.filter(pk__in=indicators, is_active=True).values_list("pk", flat=True)
        )
        if found != set(indicators):
            raise _field_error("indicators", _("Choose indicators from the catalogue."))
    if activities:
        rows = list(
            Activity.objects.filter(pk__in=activities, plan__workgroup__region=region)
            .select_related("plan")
            .order_by("pk")
        )
        if {a.pk for a in rows} != set(activities):
            raise _field_error(
                "activities", _("Choose activities from the work plans of this region.")
            )
        outside = [a for a in rows if not issue.covers_year(a.plan.year)]
        if outside:
            raise _field_error(
                "activities",
                _(
                    "These activities belong to a work plan outside the issue's period "
                    "(%(period)s): %(activities)s."
                )
                % {
                    "period": issue.period_label,
                    "activities": "; ".join(f"{a.title} ({a.plan.year})" for a in outside),
                },
            )
    if policies:
        found = set(
            Policy.objects.filter(pk__in=policies, region=region).values_list("pk", flat=True)
        )
        if found != set(policies):
            raise _field_error("policies", _("Choose policies of this region."))


@transaction.atomic
def save_issue(
    *,
    by,
    region,
    issue=None,
    expected_version=None,
    indicators=None,
    activities=None,
    policies=None,
    is_demo=False,
    **fields,
) -> StrategicIssue:
    """Create (`issue=None`) or update a strategic issue of `region`. `indicators`, `activities`
    and `policies` (ids or objects) replace the linked sets when given; the final links must
    belong to the region (activities also to the issue's period). Updates need
    `expected_version` and are refused when someone saved in between."""
    from workgroups.models import SubGroup

    unknown = set(fields) - set(ISSUE_FIELDS)
    if unknown:
        raise TypeError(f"unknown strategic issue fields: {sorted(unknown)}")
    creating = issue is None
    if creating:
        issue = StrategicIssue(region=region, created_by=by, is_demo=is_demo)
    else:
        if issue.region_id != region.pk:
            raise DomainError(_("This strategic issue belongs to another region."))
        issue = _locked(StrategicIssue, issue, expected_version)
    for name, value in fields.items():
        setattr(issue, name, value.strip() if isinstance(value, str) and name == "title" else value)
    if (
        issue.subgroup_id
        and not SubGroup.objects.filter(pk=issue.subgroup_id, is_active=True).exists()
    ):
        raise _field_error("subgroup", _("Choose an active sub-group."))
    _full_clean(issue, exclude=["region", "created_by"])

    before = {
        "indicators": [] if creating else _ids(issue.indicators.all()),
        "activities": [] if creating else _ids(issue.activities.all()),
        "policies": [] if creating else _ids(issue.policies.all()),
    }
    after = {
        "indicators": before["indicators"] if indicators is None else _ids(indicators),
        "activities": before["activities"] if activities is None else _ids(activities),
        "policies": before["policies"] if policies is None else _ids(policies),
    }
    _check_links(region, issue, **after)

    if creating:
        issue.save()
    else:
        save_versioned(issue, expected_version=expected_version)
    changes = {}
    for name, ids in after.items():
        if ids != before[name]:
            getattr(issue, name).set(ids)
            changes[name] = [before[name], ids]
    if changes:
        record(
            action="update",
            code="strategic_issue.links_changed",
            instance=issue,
            region_code=region.code,
            changes=changes,
            actor=by,
        )
    return issue


@transaction.atomic
def delete_issue(*, by, issue, expected_version) -> None:
    """Delete an issue (its links go with it; the audit history keeps the record)."""
    issue = _locked(StrategicIssue, issue, expected_version)
    issue.delete()


# --- knowledge centre: reads ---------------------------------------------------------------


def can_manage(user, publisher) -> bool:
    """May `user` add or change documents published by `publisher` (a province, or None for
    national documents)?"""
    return has_permission(user, Permission.KNOWLEDGE_MANAGE, publisher)


def manageable_publishers(user) -> list:
    """The publishers `user` may publish as: None (national) for national admins, then the
    provinces where they manage the knowledge centre."""
    choices = []
    if can_manage(user, None):
        choices.append(None)
    for region in top_regions(user).order_by("code"):
        if region.is_province and can_manage(user, region):
            choices.append(region)
    return choices


def visible_documents(user):
    """Documents `user` may read: every published document, and the unpublished ones they
    manage."""
    qs = KnowledgeDocument.objects.select_related("publisher")
    if can_manage(user, None):
        return qs
    managed = [r.pk for r in manageable_publishers(user) if r is not None]
    return qs.filter(Q(is_published=True) | Q(publisher_id__in=managed))


def search_documents(qs, *, q="", category="", kind=""):
    """Filter by words in the title or description (every word must appear), category, type."""
    for word in (q or "").split():
        qs = qs.filter(Q(title__icontains=word) | Q(description__icontains=word))
    if category:
        qs = qs.filter(category=category)
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def guides_for_kinds(region=None) -> dict[str, KnowledgeDocument]:
    """`{criterion kind: KnowledgeDocument}`: for each effectiveness-criterion kind
    (`KIND_CATEGORIES`), the most recent published document of the matching category, guides
    before templates. With `region`, only national documents and those of the region's
    province. Kinds without a document are absent. One query."""
    qs = KnowledgeDocument.objects.filter(
        is_published=True, category__in=set(KIND_CATEGORIES.values())
    )
    if region is not None:
        province_id = region.pk if region.is_province else region.parent_id
        qs = qs.filter(Q(publisher__isnull=True) | Q(publisher_id=province_id))
    guide_first = Case(
        When(kind=KnowledgeDocument.Kind.GUIDE, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    ranked = (
        qs.annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("category")],
                order_by=[guide_first.asc(), F("issued_on").desc(), F("pk").desc()],
            )
        )
        .filter(rank=1)
        .select_related("publisher")
    )
    by_category = {document.category: document for document in ranked}
    return {
        kind: by_category[category]
        for kind, category in KIND_CATEGORIES.items()
        if category in by_category
    }


def document_url(document) -> str:
    return reverse(DOCUMENT_URL_NAME, kwargs={"pk": document.pk})


def download_name(document) -> str:
    if document.original_filename:
        return document.original_filename
    from django.utils.text import slugify

    return f"{slugify(document.title)[:80] or 'dokumen'}.{document.file_format}"


# --- knowledge centre: writes --------------------------------------------------------------


def _attach(document, uploaded):
    """Check `uploaded` by content and put it on the document; the replaced file is removed once
    the transaction commits."""
    try:
        fmt = document_format(uploaded)
    except ValidationError as exc:
        raise DomainError(
            " ".join(exc.messages), errors=[{"field": "file", "message": m} for m in exc.messages]
        ) from None
    old = document.file
    old_storage, old_name = (old.storage, old.name) if old else (None, "")
    document.original_filename = safe_filename(uploaded.name or f"dokumen.{fmt}")
    if not document.original_filename.lower().endswith("." + fmt):
        document.original_filename = f"{document.original_filename}.{fmt}"[-200:]
    uploaded.name = f"document.{fmt}"
    document.file = uploaded
    document.file_format = fmt
    _remove_after_commit(old_storage, old_name)


@transaction.atomic
def save_document(
    *,
    by,
    document=None,
    expected_version=None,
    publisher=None,
    file=None,
    is_generated=False,
    generator="",
    is_demo=False,
    **fields,
) -> KnowledgeDocument:
    """Create (`document=None`, `file` required) or update a knowledge document. `publisher` is
    a province or None (national); on update the publisher does not change. The caller checks
    that `by` may manage documents of that publisher (`can_manage`)."""
    unknown = set(fields) - set(DOCUMENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown document fields: {sorted(unknown)}")
    creating = document is None
    if creating:
        if publisher is not None and not publisher.is_province:
            raise _field_error(
                "publisher", _("Documents are published nationally or by a province.")
            )
        document = KnowledgeDocument(
            publisher=publisher,
            created_by=by,
            is_generated=is_generated,
            generator=generator,
            is_demo=is_demo,
        )
        if file is None:
            raise _field_error("file", _("Upload the document (PDF, XLSX or DOCX)."))
    else:
        document = _locked(KnowledgeDocument, document, expected_version)
    for name, value in fields.items():
        setattr(
            document,
            name,
            value.strip() if isinstance(value, str) and name in ("title", "edition") else value,
        )
    if isinstance(document.issued_on, datetime.datetime):
        document.issued_on = document.issued_on.date()
    if file is not None:
        _attach(document, file)
    _full_clean(document, exclude=["file", "file_format", "created_by"])
    if creating:
        document.save()
    else:
        save_versioned(document, expected_version=expected_version)
    return document


@transaction.atomic
def delete_document(*, by, document, expected_version) -> None:
    document = _locked(KnowledgeDocument, document, expected_version)
    file = document.file
    storage, name = (file.storage, file.name) if file else (None, "")
    document.delete()
    _remove_after_commit(storage, name)
