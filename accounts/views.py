from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import services
from accounts.access import is_national, top_regions
from accounts.forms import ContactForm, TokenForm
from accounts.home import sections_for
from accounts.models import ApiToken
from accounts.profile_sections import render_sections
from accounts.roles import ROLES
from core.years import open_year


def home(request):
    """What to do next: the person's open work for the open assessment year (sections that the
    apps above register, accounts.home), then the way to their dashboard."""
    if not request.user.is_authenticated:
        return redirect("login")
    year = open_year()
    if is_national(request.user):
        dashboard = reverse("dashboards:national")
    else:
        region = top_regions(request.user).first()
        dashboard = reverse("dashboards:region", kwargs={"code": region.code}) if region else ""
    return render(
        request,
        "accounts/home.html",
        {
            "year": year,
            "sections": sections_for(request.user, year),
            "dashboard_url": f"{dashboard}?year={year}" if dashboard else "",
        },
    )


@login_required
def profile(request):
    """The user's roles and API tokens; a new token is shown once."""
    form = TokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        _token, new_token = ApiToken.issue(user=request.user, name=form.cleaned_data["name"])
        messages.success(request, _("Token created. Copy it now: it will not be shown again."))
        form = TokenForm()
    assignments = [
        (ROLES[a.role], a.region) for a in request.user.role_assignments.select_related("region")
    ]
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "new_token": new_token,
            "tokens": request.user.api_tokens.active(),
            "assignments": assignments,
            "contact_form": ContactForm(
                initial={"email": request.user.email, "language": request.user.language}
            ),
            "sections": render_sections(request),
        },
    )


@login_required
@require_POST
def contact(request):
    """The user's own e-mail address and e-mail language."""
    form = ContactForm(request.POST)
    if form.is_valid():
        services.update_contact(by=request.user, user=request.user, **form.cleaned_data)
        messages.success(request, _("Your e-mail settings were saved."))
    else:
        messages.error(request, _("Enter a valid e-mail address."))
    return redirect("accounts:profile")


@login_required
@require_POST
def revoke_token(request, token_id):
    token = get_object_or_404(request.user.api_tokens.active(), pk=token_id)
    token.revoke()
    messages.success(request, _("Token “%(name)s” was revoked.") % {"name": token.name})
    return redirect("accounts:profile")
