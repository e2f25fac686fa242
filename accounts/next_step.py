"""The guided path (issue 28): every saved form of an operator's yearly work ends on the next
missing step of that year ("Berikutnya: …"), not on a module page. The app that knows the steps
(assessment.checklist) registers the finder from its `AppConfig.ready()`, so the lower apps whose
forms are the steps never import it:

    from accounts.next_step import guided
    success_url=lambda saved: guided(request, region, saved.year, plan_url(saved))

A form with "Simpan dan tambah lagi" (a submit button named `add_another`) comes back to an
empty form instead: `guided(..., again=url_of_the_empty_form)`.
"""

from django.contrib import messages
from django.utils.translation import gettext as _

from core.years import selected_year

# function(region, year) -> (label, url) of the first missing step, or None.
_FINDERS: list = []


def register_next_step(function) -> None:
    if function not in _FINDERS:
        _FINDERS.append(function)


def next_step(region, year):
    """(label, url) of the first missing step of the region's work for `year`, or None."""
    for function in _FINDERS:
        found = function(region, year)
        if found:
            return found
    return None


def add_another(request) -> bool:
    return request.method == "POST" and "add_another" in request.POST


def guided(request, region, year, fallback: str, *, again: str = "") -> str:
    """Where a saved form goes: `again` when the user chose "Save and add another", else the
    next missing step of `year` (None: the page's `?year=`, else the open year; with a
    "Berikutnya: …" message), else `fallback`."""
    if again and add_another(request):
        return again
    if year is None:
        year = selected_year(request)
    found = next_step(region, year)
    if not found:
        return fallback
    label, url = found
    messages.info(request, _("Next: %(step)s") % {"step": label})
    return url
