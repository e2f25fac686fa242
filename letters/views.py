"""The office's outgoing-letter register (agenda surat keluar): list, filter, export, take a
number, cancel one; the numbering settings; the signing certificate (national admin)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import crud
from accounts.access import has_permission, region_view
from accounts.permissions import Permission
from core.errors import DomainError
from core.uploads import serve
from core.whatsapp import share
from core.years import open_year
from letters import services
from letters.certificates import has_signer
from letters.exports import register_file
from letters.forms import CancelForm, CertificateForm, LetterForm, NumberingForm, RegisterFilter
from letters.models import IssuedDocument, Letter, LetterType, OfficeCertificate


def _add_errors(form, exc):
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    elif isinstance(exc, ValidationError):
        form.add_error(None, exc.messages)
    else:
        form.add_error(None, str(exc.message))


def _years(region):
    this_year = open_year()
    years = set(Letter.objects.filter(region=region).values_list("year", flat=True).distinct())
    return sorted(years | {this_year}, reverse=True)


def _filtered(request, region):
    filters = RegisterFilter(request.GET or None, years=_years(region))
    letters = Letter.objects.filter(region=region).select_related("created_by", "cancelled_by")
    letters, year = filters.filter(letters, open_year())
    return filters, letters.order_by("-serial"), year


@region_view(Permission.LETTER_VIEW)
def register(request, region):
    filters, letters, year = _filtered(request, region)
    listing = crud.listing(request, letters, per_page=50)  # searched by the filter form
    return render(
        request,
        "letters/register.html",
        {
            "region": region,
            "filters": filters,
            "letters": listing.page,
            "listing": listing,
            "year": year,
            "query": request.GET.urlencode(),
            "can_issue": has_permission(request.user, Permission.LETTER_ISSUE, region),
            "can_configure": has_permission(request.user, Permission.REGION_EDIT, region),
            "can_manage_certificate": has_permission(
                request.user, Permission.SIGNING_CERTIFICATE_MANAGE, region
            ),
        },
    )


@region_view(Permission.LETTER_VIEW)
def register_export(request, region, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _filters, letters, year = _filtered(request, region)
    content, content_type = register_file(letters, fmt)
    response = HttpResponse(content, content_type=content_type)
    name = f"agenda-surat-keluar-{region.code}-{year}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _next_numbers(region) -> list:
    """The number each letter type would take next, as (label, number)."""
    return [(label, services.preview_number(region, value)) for value, label in LetterType.choices]


@region_view(Permission.LETTER_ISSUE)
def letter_create(request, region):
    return crud.form_screen(
        request,
        crud.bind(request, LetterForm),
        save=lambda form: services.register_letter(
            by=request.user, office=region, **form.cleaned_data
        ),
        template="letters/letter_form.html",
        context={"next_numbers": _next_numbers(region)},
        message=lambda letter: _("Number %(number)s was registered.") % {"number": letter.number},
        success_url=lambda letter: reverse("letters:detail", args=[region.code, letter.pk]),
    )


def _letter(region, pk) -> Letter:
    return get_object_or_404(
        Letter.objects.select_related("created_by", "cancelled_by"), pk=pk, region=region
    )


@region_view(Permission.LETTER_VIEW)
def letter_detail(request, region, pk):
    letter = _letter(region, pk)
    can_issue = has_permission(request.user, Permission.LETTER_ISSUE, region)
    documents = list(letter.documents.all())
    if not letter.is_cancelled:
        for document in documents:
            document.wa_share = _share(request, letter, document)
    return render(
        request,
        "letters/letter_detail.html",
        {
            "region": region,
            "letter": letter,
            "documents": documents,
            "cancel_form": CancelForm() if can_issue and not letter.is_cancelled else None,
        },
    )


def _share(request, letter, document):
    """A WhatsApp message (any chat or group) passing the letter on with its public
    verification page, in Indonesian like the letter (core.whatsapp)."""
    url = request.build_absolute_uri(reverse("letters:verify", kwargs={"code": document.code}))
    return share(
        f"Surat nomor {letter.number} perihal {letter.subject}.\n"
        f"Dokumen dan keasliannya dapat diperiksa di {url}"
    )


@require_POST
@region_view(Permission.LETTER_ISSUE)
def letter_cancel(request, region, pk):
    letter = _letter(region, pk)
    form = CancelForm(request.POST)
    if form.is_valid():
        try:
            services.cancel_letter(
                by=request.user, letter=letter, reason=form.cleaned_data["reason"]
            )
        except (DomainError, ValidationError) as exc:
            _add_errors(form, exc)
        else:
            messages.success(
                request, _("Number %(number)s was cancelled.") % {"number": letter.number}
            )
            return redirect("letters:detail", code=region.code, pk=letter.pk)
    return render(
        request,
        "letters/letter_detail.html",
        {
            "region": region,
            "letter": letter,
            "documents": letter.documents.all(),
            "cancel_form": form,
        },
        status=400,
    )


@region_view(Permission.LETTER_VIEW)
def document_file(request, region, pk):
    document = get_object_or_404(IssuedDocument, pk=pk, region=region)
    name = (document.number or document.title).replace("/", "-")
    return serve(document.file, name, inline=request.GET.get("inline") == "1", file_type="pdf")


@region_view(Permission.REGION_EDIT)
def numbering(request, region):
    scheme = services.scheme_for(region)
    initial = {
        "pattern": scheme.pattern,
        "unit_code": scheme.unit_code,
        "version": scheme.version if scheme.pk else None,
        **{f"code_{k}": v for k, v in (scheme.classifications or {}).items()},
    }
    return crud.form_screen(
        request,
        crud.bind(request, NumberingForm, initial=initial),
        save=lambda form: services.save_numbering(
            by=request.user,
            office=region,
            **crud.cleaned(form, "pattern", "unit_code"),
            classifications=form.classifications(),
            **crud.locked(form),
        ),
        template="letters/numbering.html",
        context={"examples": _next_numbers(region)},
        message=_("The numbering was saved."),
        success_url=reverse("letters:register", args=[region.code]),
    )


@region_view(Permission.SIGNING_CERTIFICATE_MANAGE)
def certificate(request, region):
    current = OfficeCertificate.objects.filter(region=region).first()
    return crud.form_screen(
        request,
        crud.bind(request, CertificateForm),
        save=lambda form: services.upload_certificate(
            by=request.user,
            office=region,
            p12=form.cleaned_data["file"].read(),
            password=form.cleaned_data["password"],
            signer_name=form.cleaned_data["signer_name"],
            signer_title=form.cleaned_data["signer_title"],
        ),
        template="letters/certificate.html",
        context={"current": current, "from_environment": current is None and has_signer(region)},
        message=_("The signing certificate was saved."),
        success_url=reverse("letters:certificate", args=[region.code]),
    )


@require_POST
@region_view(Permission.SIGNING_CERTIFICATE_MANAGE)
def certificate_remove(request, region):
    services.remove_certificate(by=request.user, office=region)
    messages.success(request, _("The signing certificate was removed."))
    return redirect("letters:certificate", code=region.code)
