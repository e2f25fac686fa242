"""Strategic issues (`/api/v1/regions/{code}/strategic-issues…`) and the knowledge centre
(`/api/v1/knowledge…`).

Strategic issues: reads need `region.view`, writes `strategic_issue.edit`. `indicators` are
indicator codes, `activities` and `policies` ids of this region's activities and policies,
`subgroup` a sub-group code. Updates and deletes carry the `version` you read; a stale version
answers 409.

Knowledge centre: every logged-in user reads and searches published documents (`q` matches
words in the title and description). National admins publish nationally (`publisher` empty),
provincial admins for their province (`publisher` = the province code); both need
`knowledge.manage` for that publisher.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from accounts.access import get_region
from accounts.permissions import Permission
from core.api_crud import ERRORS, deleted, patch_fields, patch_schema
from knowledge import services
from knowledge.models import KnowledgeDocument, StrategicIssue
from planning.api import api_fields, field_error
from regions.codes import normalize_code
from regions.models import Region

router = Router()
ISSUES = ["strategic issues"]
KNOWLEDGE = ["knowledge centre"]


# --- strategic issues ----------------------------------------------------------------------


class ActivityRef(Schema):
    id: int
    year: int
    title: str
    status: str

    @staticmethod
    def resolve_year(obj):
        return obj.plan.year


class PolicyRef(Schema):
    id: int
    kind: str
    number: str
    title: str
    status: str


class IssueOut(Schema):
    id: int
    version: int
    region: str
    title: str
    description: str
    theme: str
    priority: str
    period_start: int
    period_end: int
    subgroup: str | None
    indicators: list[str]
    activities: list[ActivityRef]
    policies: list[PolicyRef]
    answered: bool

    @staticmethod
    def resolve_region(obj):
        return obj.region.code

    @staticmethod
    def resolve_subgroup(obj):
        return obj.subgroup.code if obj.subgroup_id else None

    @staticmethod
    def resolve_indicators(obj):
        return [i.code for i in obj.indicators.all()]

    @staticmethod
    def resolve_activities(obj):
        return list(obj.activities.all())

    @staticmethod
    def resolve_policies(obj):
        return list(obj.policies.all())

    @staticmethod
    def resolve_answered(obj):
        return services.is_answered(obj)


class RealisationOut(Schema):
    source: str
    value: Decimal
    achievement: Decimal | None
    grade: str | None


class EvidenceOut(Schema):
    indicator: str
    year: int | None
    target: Decimal | None
    realisations: list[RealisationOut]
    latest_target_year: int | None
    latest_value_year: int | None

    @staticmethod
    def resolve_indicator(obj):
        return obj.indicator.code


class IssueDetailOut(IssueOut):
    evidence: list[EvidenceOut]

    @staticmethod
    def resolve_evidence(obj):
        indicators = list(obj.indicators.all())
        evidence = services.latest_achievements(obj.region, indicators)
        return [evidence[i.pk] for i in indicators]


class IssueIn(Schema):
    title: str
    description: str = ""
    theme: str
    priority: str = StrategicIssue.Priority.MEDIUM
    period_start: int
    period_end: int
    subgroup: str | None = None
    indicators: list[str] = []
    activities: list[int] = []
    policies: list[int] = []


IssuePatch = patch_schema(IssueIn, "IssuePatch")


class IssueFilter(Schema):
    year: int | None = None
    theme: str | None = None
    unanswered: bool = False


class ThemeOut(Schema):
    theme: str
    label: str
    count: int
    region_count: int
    unanswered: int
    issues: list[IssueOut]


NULLABLE = ("subgroup",)


def _issue_fields(payload: dict) -> dict:
    return api_fields(payload, NULLABLE)


def _issues(region_ids, **kwargs):
    return services.issues_for(region_ids, **kwargs).prefetch_related(
        "indicators", "activities__plan", "policies"
    )


def _issue(region, issue_id) -> StrategicIssue:
    return get_object_or_404(_issues([region.pk]), pk=issue_id)


@router.get("/regions/{code}/strategic-issues", response=list[IssueOut], tags=ISSUES)
def list_issues(request, code: str, filters: Query[IssueFilter]):
    """The region's strategic issues, high priority first; filter by `year` (issues whose period
    covers it), `theme`, or `unanswered=true` (no activity or policy answers them yet)."""
    region = get_region(request.user, code, Permission.REGION_VIEW)
    issues = _issues([region.pk], year=filters.year)
    if filters.theme:
        issues = issues.filter(theme=filters.theme)
    if filters.unanswered:
        issues = issues.filter(answering_activities=0, answering_policies=0)
    return list(issues)


@router.post(
    "/regions/{code}/strategic-issues", response={201: IssueDetailOut, **ERRORS}, tags=ISSUES
)
def create_issue(request, code: str, payload: IssueIn):
    region = get_region(request.user, code, Permission.STRATEGIC_ISSUE_EDIT)
    issue = services.save_issue(
        by=request.user, region=region, **_issue_fields(payload.model_dump())
    )
    return Status(201, _issue(region, issue.pk))


@router.get("/regions/{code}/strategic-issues/themes", response=list[ThemeOut], tags=ISSUES)
def list_themes(request, code: str, year: int | None = None):
    """A province's own and its kab/kota issues grouped by theme (`year`: issues covering it;
    default all years). Kab/kota answer 404: themes are grouped at province level."""
    region = get_region(request.user, code, Permission.REGION_VIEW)
    if not region.is_province:
        raise Http404("Themes are grouped at province level")
    return services.themes_overview(
        region, year=year, prefetch=("indicators", "activities__plan", "policies")
    )


@router.get("/regions/{code}/strategic-issues/{issue_id}", response=IssueDetailOut, tags=ISSUES)
def get_issue(request, code: str, issue_id: int):
    """One issue with its evidence: each linked indicator's latest year having both a target
    and a realisation, one line per data source (year null when none: achievement missing)."""
    region = get_region(request.user, code, Permission.REGION_VIEW)
    return _issue(region, issue_id)


@router.patch(
    "/regions/{code}/strategic-issues/{issue_id}",
    response={200: IssueDetailOut, **ERRORS},
    tags=ISSUES,
)
def update_issue(request, code: str, issue_id: int, payload: IssuePatch):
    """Change some fields; lists given replace the linked sets; `version` must be the one you
    read (else 409)."""
    region = get_region(request.user, code, Permission.STRATEGIC_ISSUE_EDIT)
    issue = _issue(region, issue_id)
    services.save_issue(
        by=request.user,
        region=region,
        issue=issue,
        expected_version=payload.version,
        **_issue_fields(patch_fields(payload, drop_none=False)),
    )
    return _issue(region, issue_id)


@router.delete(
    "/regions/{code}/strategic-issues/{issue_id}", response={204: None, **ERRORS}, tags=ISSUES
)
def delete_issue(request, code: str, issue_id: int, version: int):
    """Delete an issue (`?version=`)."""
    region = get_region(request.user, code, Permission.STRATEGIC_ISSUE_EDIT)
    return deleted(services.delete_issue, request, version, issue=_issue(region, issue_id))


# --- knowledge centre ----------------------------------------------------------------------


class DocumentOut(Schema):
    id: int
    version: int
    title: str
    category: str
    kind: str
    description: str
    edition: str
    issued_on: datetime.date
    file_format: str
    filename: str
    publisher: str | None
    is_published: bool
    is_generated: bool
    url: str
    file_url: str

    @staticmethod
    def resolve_filename(obj):
        return services.download_name(obj)

    @staticmethod
    def resolve_publisher(obj):
        return obj.publisher.code if obj.publisher_id else None

    @staticmethod
    def resolve_url(obj):
        return services.document_url(obj)

    @staticmethod
    def resolve_file_url(obj):
        return f"/api/v1/knowledge/{obj.pk}/file"


class DocumentFilter(Schema):
    q: str = ""
    category: str = ""
    kind: str = ""


class DocumentIn(Schema):
    title: str
    category: str
    kind: str = KnowledgeDocument.Kind.GUIDE
    description: str = ""
    edition: str = ""
    issued_on: datetime.date
    is_published: bool = True
    publisher: str = ""


DocumentPatch = patch_schema(DocumentIn, "DocumentPatch", exclude=("publisher",))


def _document(request, document_id) -> KnowledgeDocument:
    return get_object_or_404(services.visible_documents(request.user), pk=document_id)


def _managed(request, document_id) -> KnowledgeDocument:
    document = _document(request, document_id)
    if not services.can_manage(request.user, document.publisher):
        raise PermissionDenied
    return document


def _publisher(user, code: str):
    """The publishing province for `code` (empty: national); 403 without the right for it."""
    if not code:
        publisher = None
    else:
        try:
            publisher = Region.objects.filter(code=normalize_code(code)).first()
        except ValueError:
            publisher = None
        if publisher is None:
            raise field_error("publisher", _("Unknown region code %(code)s.") % {"code": code})
    if not services.can_manage(user, publisher):
        raise PermissionDenied
    return publisher


@router.get("/knowledge", response=list[DocumentOut], tags=KNOWLEDGE)
def list_documents(request, filters: Query[DocumentFilter]):
    """Guides and templates, newest first: `q` (words in the title or description),
    `category`, `kind` (guide or template)."""
    return list(
        services.search_documents(
            services.visible_documents(request.user),
            q=filters.q,
            category=filters.category,
            kind=filters.kind,
        )
    )


@router.post("/knowledge", response={201: DocumentOut, **ERRORS}, tags=KNOWLEDGE)
def create_document(request, payload: Form[DocumentIn], file: File[UploadedFile]):
    """Publish a document (multipart: the fields and `file`, a PDF, XLSX or DOCX checked by
    content). `publisher`: empty for national, else the province code."""
    if not services.manageable_publishers(request.user):
        raise PermissionDenied
    publisher = _publisher(request.user, payload.publisher)
    fields = payload.model_dump(exclude={"publisher"})
    document = services.save_document(by=request.user, publisher=publisher, file=file, **fields)
    return Status(201, document)


@router.get("/knowledge/{document_id}", response=DocumentOut, tags=KNOWLEDGE)
def get_document(request, document_id: int):
    return _document(request, document_id)


@router.patch("/knowledge/{document_id}", response={200: DocumentOut, **ERRORS}, tags=KNOWLEDGE)
def update_document(request, document_id: int, payload: DocumentPatch):
    """Change the description fields (not the file or the publisher); `version` as read."""
    document = _managed(request, document_id)
    return services.save_document(
        by=request.user,
        document=document,
        expected_version=payload.version,
        **patch_fields(payload),
    )


@router.delete("/knowledge/{document_id}", response={204: None, **ERRORS}, tags=KNOWLEDGE)
def delete_document(request, document_id: int, version: int):
    document = _managed(request, document_id)
    return deleted(services.delete_document, request, version, document=document)


@router.get("/knowledge/{document_id}/file", tags=KNOWLEDGE)
def download_document(request, document_id: int):
    from knowledge.views import serve_document

    return serve_document(_document(request, document_id))
