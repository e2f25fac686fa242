"""The region's letterhead (kop surat) printed on invitations, minutes and letters."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import crud
from accounts.access import region_view
from accounts.permissions import Permission
from meetings import services
from meetings.files import serve_stored
from meetings.forms import LetterheadForm
from meetings.models import Letterhead


def _save(request, region, form):
    try:
        return services.save_letterhead(
            region=region,
            by=request.user,
            expected_version=form.cleaned_data.get("version"),
            logo=form.cleaned_data.get("logo_upload"),
            remove_logo=form.cleaned_data.get("remove_logo", False),
            **{name: form.cleaned_data[name] for name in Letterhead.EDITABLE_FIELDS},
        )
    except ValidationError as exc:
        # A logo the upload checks refused: shown on the logo field.
        raise ValidationError({"logo_upload": exc.error_list}) from None


@region_view(Permission.REGION_EDIT)
def letterhead_edit(request, region):
    letterhead = Letterhead.objects.filter(region=region).first()
    return crud.form_screen(
        request,
        crud.bind(request, LetterheadForm, instance=letterhead),
        save=lambda form: _save(request, region, form),
        template="meetings/letterhead.html",
        context={"letterhead": letterhead},
        message=_("The letterhead was saved."),
        success_url=reverse("meetings:letterhead", kwargs={"code": region.code}),
    )


@region_view(Permission.REGION_VIEW)
def letterhead_logo(request, region):
    letterhead = Letterhead.objects.filter(region=region).exclude(logo="").first()
    if letterhead is None:
        raise Http404("No logo")
    return serve_stored(letterhead.logo, "logo", inline=True)
