from django.conf import settings


def sipokja(request):
    return {"SIPOKJA_VERSION": settings.VERSION}
