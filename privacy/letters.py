"""The breach notification letters (UU 27/2022 Pasal 46 ayat (2)): to the data subjects and to
the authority, in Indonesian, generated from the register."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from core.pdf import render_pdf
from privacy.models import Controller

MONTHS = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip


def _date(value) -> str:
    local = timezone.localtime(value)
    return f"{local.day} {MONTHS[local.month - 1]} {local.year} pukul {local:%H.%M}"


def letter_html(breach, to) -> str:
    controller = Controller.objects.filter(region=breach.region).first() if breach.region else None
    name = controller.controller_name if controller else "BKKBN"
    dpo = ""
    if controller and controller.dpo_name:
        dpo = ", ".join(v for v in (controller.dpo_name, controller.dpo_email) if v)
    context = {
        "breach": breach,
        "to": to,
        "controller": name,
        "dpo": dpo,
        "occurred": _date(breach.occurred_at),
        "discovered": _date(breach.discovered_at),
        "place_date": _date(timezone.now()).split(" pukul")[0],
    }
    return render_to_string("privacy/letter.html", context)


def letter_response(breach, to) -> HttpResponse:
    pdf = render_pdf(letter_html(breach, to))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="pemberitahuan-{to}-{breach.pk}.pdf"'
    return response
