from django.http import JsonResponse


def healthz(request):
    """Liveness: the process answers (nothing else is asked; `/readyz` checks the services)."""
    return JsonResponse({"status": "ok"})


def privacy(request):
    """Which personal data Sipokja holds and why (UU 27/2022 on personal data protection)."""
    from django.apps import apps
    from django.shortcuts import render

    from core.privacy import personal_fields

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
