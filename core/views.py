from django.http import JsonResponse


def healthz(request):
    """Liveness: the process answers (nothing else is asked; `/readyz` checks the services)."""
    return JsonResponse({"status": "ok"})
