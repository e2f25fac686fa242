from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import crud
from accounts.access import region_view
from accounts.permissions import Permission
from core.uploads import serve
from knowledge import services
from knowledge.forms import DocumentFilter, DocumentForm, IssueFilter, IssueForm
from knowledge.models import KnowledgeDocument, StrategicIssue

STYLE = {"stylesheet": "knowledge/knowledge.css"}


# --- strategic issues ----------------------------------------------------------------------


def _issue_or_404(region, pk) -> StrategicIssue:
    return get_object_or_404(
        StrategicIssue.objects.select_related("region", "subgroup"), pk=pk, region=region
    )


def _years(region_ids) -> list[int]:
    """Years offered in the filter: those the recorded issues cover, and this year."""
    years = {timezone.localdate().year}
    for start, end in StrategicIssue.objects.filter(region_id__in=region_ids).values_list(
        "period_start", "period_end"
    ):
        years.update(range(start, end + 1))
    return sorted(years, reverse=True)


def _issue_fields(form) -> dict:
    data = form.cleaned_data
    return {name: data[name] for name in services.ISSUE_FIELDS} | {
        "indicators": list(data.get("indicators") or []),
        "activities": list(data.get("activities") or []),
        "policies": list(data.get("policies") or []),
    }


@region_view(Permission.REGION_VIEW)
def issue_list(request, region):
    """The region's strategic issues, flagging those no activity or policy answers yet."""
    filters = IssueFilter(request.GET or None, years=_years([region.pk]))
    year = filters.cleaned_data["year"] if filters.is_valid() else None
    issues = list(services.issues_for([region.pk], year=year).prefetch_related("indicators"))
    indicators = {i.pk: i for issue in issues for i in issue.indicators.all()}
    evidence = services.latest_achievements(region, indicators.values())
    rows = [
        {
            "issue": issue,
            "answered": services.is_answered(issue),
            "evidence": [evidence[i.pk] for i in issue.indicators.all()],
        }
        for issue in issues
    ]
    return crud.page(
        request,
        "knowledge/issue_list.html",
        {
            "rows": rows,
            "unanswered": sum(1 for row in rows if not row["answered"]),
            "filters": filters,
            "year": year,
        },
        edit=Permission.STRATEGIC_ISSUE_EDIT,
    )


@region_view(Permission.REGION_VIEW)
def issue_themes(request, region):
    """A province's view of its own and its kab/kota issues, grouped by theme."""
    if not region.is_province:
        raise Http404("Themes are grouped at province level")
    region_ids = [region.pk, *region.children.values_list("pk", flat=True)]
    this_year = timezone.localdate().year
    filters = IssueFilter(request.GET or {"year": this_year}, years=_years(region_ids))
    year = filters.cleaned_data["year"] if filters.is_valid() else this_year
    groups = services.themes_overview(region, year=year)
    return crud.page(
        request,
        "knowledge/themes.html",
        {
            "groups": groups,
            "filters": filters,
            "year": year,
            "total": sum(g.count for g in groups),
            "regions_with_issues": len({i.region_id for g in groups for i in g.issues}),
        },
    )


def _issue_url(issue) -> str:
    return reverse("knowledge:issue", kwargs={"code": issue.region.code, "pk": issue.pk})


ISSUES = crud.Screens(
    name="issue",
    get=_issue_or_404,
    right=Permission.STRATEGIC_ISSUE_EDIT,
    detail_url=_issue_url,
    list_url="knowledge:issues",
    context=STYLE,
    form=IssueForm,
    fields=_issue_fields,
    save=services.save_issue,
    template="knowledge/issue_form.html",
    saved=gettext_lazy("The strategic issue was saved."),
)
issue_create = issue_edit = ISSUES.form_view()
issue_delete = ISSUES.delete_view(
    services.delete_issue, gettext_lazy("The strategic issue was deleted.")
)


@region_view(Permission.REGION_VIEW)
def issue_detail(request, region, pk):
    issue = _issue_or_404(region, pk)
    indicators = list(issue.indicators.all())
    evidence = services.latest_achievements(region, indicators)
    activities = issue.activities.select_related("plan", "subgroup").order_by(
        "-plan__year", "start_month", "pk"
    )
    policies = issue.policies.all()
    return crud.page(
        request,
        "knowledge/issue_detail.html",
        {
            "issue": issue,
            "evidence": [evidence[i.pk] for i in indicators],
            "activities": activities,
            "policies": policies,
            "answered": services.is_answered(issue),
        },
        edit=Permission.STRATEGIC_ISSUE_EDIT,
    )


# --- knowledge centre ----------------------------------------------------------------------


def _document_or_404(request, pk) -> KnowledgeDocument:
    return get_object_or_404(services.visible_documents(request.user), pk=pk)


def _managed_document(request, pk) -> KnowledgeDocument:
    """A document the user may change: 404 when they cannot see it, 403 when they see it but
    it belongs to another publisher."""
    document = _document_or_404(request, pk)
    if not services.can_manage(request.user, document.publisher):
        raise PermissionDenied
    return document


@login_required
def document_list(request):
    """Every logged-in user: search by title and description (`?q=`), filter by category."""
    filters = DocumentFilter(request.GET or None)
    documents = services.visible_documents(request.user)
    if filters.is_valid():
        documents = services.search_documents(documents, **filters.cleaned_data)
    listing = crud.listing(request, documents)  # searched by the filter form above
    return render(
        request,
        "knowledge/document_list.html",
        {
            "page": listing.page,
            "listing": listing,
            "filters": filters,
            "can_add": bool(services.manageable_publishers(request.user)),
            "searched": bool(filters.is_valid() and any(filters.cleaned_data.values())),
        },
    )


def _document_url(document) -> str:
    return reverse("knowledge:document", kwargs={"pk": document.pk})


def _document_fields(form) -> dict:
    return {name: form.cleaned_data[name] for name in services.DOCUMENT_FIELDS}


def _document_form(request, document=None, publishers=()):
    """Publish (`document=None`, for one of `publishers`) or edit a knowledge-centre document."""
    return crud.form_screen(
        request,
        crud.bind(request, DocumentForm, instance=document, publishers=list(publishers)),
        save=lambda form: services.save_document(
            by=request.user,
            **({"document": document} if document else {"publisher": form.publisher}),
            **crud.locked(form),
            file=form.cleaned_data.get("upload") or None,
            **_document_fields(form),
        ),
        template="knowledge/document_form.html",
        context={"document": document},
        message=_("The document was saved.")
        if document
        else _("The document was published in the knowledge centre."),
        success_url=_document_url,
    )


@login_required
def document_create(request):
    publishers = services.manageable_publishers(request.user)
    if not publishers:
        raise PermissionDenied
    return _document_form(request, publishers=publishers)


@login_required
def document_detail(request, pk):
    document = _document_or_404(request, pk)
    return render(
        request,
        "knowledge/document_detail.html",
        {
            "document": document,
            "can_manage": services.can_manage(request.user, document.publisher),
        },
    )


@login_required
def document_edit(request, pk):
    return _document_form(request, _managed_document(request, pk))


@login_required
def document_delete(request, pk):
    document = _managed_document(request, pk)
    return crud.delete_screen(
        request,
        document,
        delete=lambda version: services.delete_document(
            by=request.user, document=document, expected_version=version
        ),
        message=_("The document was deleted."),
        success_url=reverse("knowledge:documents"),
        cancel_url=_document_url(document),
        context=STYLE | {"breadcrumbs": "knowledge/_breadcrumbs.html"},
    )


def serve_document(document) -> HttpResponse:
    """The stored file as a download (the caller has checked that the user may read it)."""
    return serve(document.file, services.download_name(document), file_type=document.file_format)


@login_required
def document_file(request, pk):
    return serve_document(_document_or_404(request, pk))
