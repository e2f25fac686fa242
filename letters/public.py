"""The public verification page of issued documents (no log-in): /verifikasi/<code>.

It shows what the document says about itself (title, number, office, signer's name and
position, date) and its SHA-256 hash, and tells whether an uploaded copy is the same file.
Nothing else: no personal data beyond the signer printed on the document."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from letters import services
from letters.forms import CopyForm, LookupForm
from letters.models import IssuedDocument
from letters.stamps import normalise_code


@require_http_methods(["GET", "POST"])
def lookup(request):
    """A form for the code printed under the QR code."""
    form = LookupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return redirect("letters:verify", code=normalise_code(form.cleaned_data["code"]))
    return render(request, "letters/verify_lookup.html", {"form": form})


@require_http_methods(["GET", "POST"])
def verify(request, code):
    normalised = normalise_code(code)
    document = (
        IssuedDocument.objects.select_related("region").filter(code=normalised).first()
        if normalised
        else None
    )
    if document is None:
        return render(
            request,
            "letters/verify_unknown.html",
            {"form": LookupForm(initial={"code": code[:32]})},
            status=404,
        )
    if normalised != code:
        return redirect("letters:verify", code=normalised)
    form = CopyForm(request.POST or None, request.FILES or None)
    outcome = None
    if request.method == "POST" and form.is_valid():
        same, digest = services.same_file(document, form.cleaned_data["file"].chunks())
        outcome = {"same": same, "sha256": digest}
    response = render(
        request,
        "letters/verify.html",
        {"document": document, "form": form, "outcome": outcome},
        status=400 if request.method == "POST" and not form.is_valid() else 200,
    )
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
