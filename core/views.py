from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect

from accounts.access import is_national, top_regions


def home(request):
    """Send each user to their dashboard: the national one, or that of the top of their scope."""
    if not request.user.is_authenticated:
        return redirect("login")
    if is_national(request.user):
        return redirect("dashboards:national")
    region = top_regions(request.user).first()
    if region is None:
        return redirect("accounts:profile")
    return redirect("dashboards:region", code=region.code)


def healthz(request):
    """Liveness and database check for load balancers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def privacy(request):
    """Which personal data Sipokja holds and why (UU 27/2022 on personal data protection)."""
    from django.apps import apps
    from django.shortcuts import render

    from core.backup import personal_fields

    rows = []
    for model in apps.get_models():
        fields = personal_fields(model)
        if not fields:
            continue
        rows.append(
            {
                "model": model._meta.verbose_name_plural,
                "fields": [model._meta.get_field(name).verbose_name for name in fields],
                "purpose": getattr(model.DataScrubbing, "purpose", ""),
            }
        )
    return render(request, "core/privacy.html", {"rows": rows})
