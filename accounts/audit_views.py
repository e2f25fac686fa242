"""A region's audit history. The audit app records and stores events and knows no users; the page
that shows them to those allowed lives here, above both (docs/architecture.md)."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render

from accounts.access import region_view
from accounts.permissions import Permission
from audit.models import AuditEvent
from audit.presenters import describe


@region_view(Permission.AUDIT_VIEW)
def region_audit(request, region):
    """The audit history of a region and, for a province, of its kab/kota."""
    condition = Q(region_code=region.code)
    if region.is_province:
        condition |= Q(region_code__startswith=region.code + ".")
    page = Paginator(AuditEvent.objects.filter(condition), 50).get_page(request.GET.get("page"))
    rows = [(event, describe(event)) for event in page]
    return render(request, "audit/region.html", {"region": region, "page": page, "rows": rows})
