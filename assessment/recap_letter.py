"""The province recap (Rekapitulasi Efektivitas Pokja Bangga Kencana) issued as a numbered
letter from the office's register, with its verification QR code and, when asked, the office's
electronic signature (letters.services.issue_letter)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import has_permission, region_view
from accounts.permissions import Permission
from assessment.matrix import province_rows
from assessment.reports import matrix_pdf
from core.errors import DomainError
from letters.models import LetterType
from letters.services import issue_letter


def recap_subject(year) -> str:
    return f"Rekapitulasi Efektivitas Pokja Bangga Kencana Tahun {year}"


def issue_recap(*, by, province, year, sign=False):
    """Number, render (and sign) the recap of `province` for `year`: an IssuedDocument."""
    rows = province_rows(province, year)
    return issue_letter(
        by=by,
        office=province,
        letter_type=LetterType.RECAP,
        subject=recap_subject(year),
        title=recap_subject(year),
        recipient="",
        sign=sign,
        location=province.name,
        render=lambda letter, stamp: matrix_pdf(province, year, rows, letter=letter, stamp=stamp),
    )


@require_POST
@region_view(Permission.LETTER_ISSUE)
def recap_letter(request, region):
    from core.years import selected_year

    if not region.is_province:
        raise Http404
    year = selected_year(request)
    sign = request.POST.get("sign") == "1"
    if sign and not has_permission(request.user, Permission.LETTER_SIGN, region):
        raise PermissionDenied
    try:
        document = issue_recap(by=request.user, province=region, year=year, sign=sign)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(f"{_matrix_url(region)}?year={year}")
    messages.success(
        request,
        _("The recap was issued as letter %(number)s.") % {"number": document.number},
    )
    return redirect("letters:detail", code=region.code, pk=document.letter_id)


def _matrix_url(region):
    from django.urls import reverse

    return reverse("assessment:matrix", kwargs={"code": region.code})
