"""The URLs the benchmark runs against: the whole site plus a trivial view (never served in
production; `run_bench` switches ROOT_URLCONF to this module for its in-process requests)."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site


def trivial(request):
    """The floor every logged-in page pays: the middleware stack, the session and the user."""
    return HttpResponse(f"ok {request.user.is_authenticated}", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial, name="bench_trivial"), *site]
