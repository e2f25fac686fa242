"""The integrations page of a region (admins with `user.manage`): API keys and webhooks, each
secret shown once, and the delivery log."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.access import region_view
from accounts.permissions import Permission
from core.errors import DomainError
from interop import services
from interop.models import Delivery, IntegratorKey, Webhook


class KeyForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Integrator"), max_length=150)
    access = forms.ChoiceField(label=gettext_lazy("Access"), choices=IntegratorKey.Access.choices)


class WebhookForm(forms.Form):
    url = forms.URLField(label=gettext_lazy("URL"), max_length=500, assume_scheme="https")
    events = forms.MultipleChoiceField(
        label=gettext_lazy("Events"),
        choices=Webhook.Event.choices,
        widget=forms.CheckboxSelectMultiple,
    )


def _page(request, region, *, key_form=None, webhook_form=None, shown=None):
    return render(
        request,
        "interop/integrations.html",
        {
            "region": region,
            "keys": IntegratorKey.objects.filter(region=region),
            "webhooks": Webhook.objects.filter(region=region),
            "deliveries": Delivery.objects.filter(webhook__region=region).select_related("webhook")[
                :50
            ],
            "key_form": key_form or KeyForm(),
            "webhook_form": webhook_form or WebhookForm(),
            "shown": shown,
        },
    )


def _created(request, region, form_key, form, create, label):
    """Create a key or webhook from `form` and show its secret this once (`label(record)` names
    it), or show the form again with what is wrong."""
    if form.is_valid():
        try:
            record, secret = create(by=request.user, region=region, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            return _page(request, region, shown={"label": label(record), "secret": secret})
    return _page(request, region, **{form_key: form})


@region_view(Permission.USER_MANAGE)
def integrations(request, region):
    return _page(request, region)


@region_view(Permission.USER_MANAGE)
@require_POST
def key_create(request, region):
    return _created(
        request,
        region,
        "key_form",
        KeyForm(request.POST),
        services.create_key,
        label=lambda key: _("API key for %(name)s") % {"name": key.name},
    )


@region_view(Permission.USER_MANAGE)
@require_POST
def key_revoke(request, region, pk):
    key = get_object_or_404(IntegratorKey, pk=pk, region=region)
    services.revoke_key(by=request.user, key=key)
    messages.success(request, _("The key was revoked."))
    return redirect("interop:integrations", code=region.code)


@region_view(Permission.USER_MANAGE)
@require_POST
def webhook_create(request, region):
    form = WebhookForm(request.POST)
    label = lambda hook: _("Signing secret for %(url)s") % {"url": hook.url}  # noqa: E731
    return _created(request, region, "webhook_form", form, services.create_webhook, label)


@region_view(Permission.USER_MANAGE)
@require_POST
def webhook_toggle(request, region, pk):
    webhook = get_object_or_404(Webhook, pk=pk, region=region)
    services.set_webhook_active(by=request.user, webhook=webhook, active=not webhook.is_active)
    return redirect("interop:integrations", code=region.code)
