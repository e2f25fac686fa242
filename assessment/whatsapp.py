"""The WhatsApp message of a returned assessment (core.whatsapp): the province chases the
kab/kota's Pokja secretariat to correct and resubmit. In Indonesian, like the letters."""

from django.urls import reverse

from assessment.models import Assessment
from core.whatsapp import share
from workgroups.contact import pokja_whatsapp_number


def returned_share(request, region, year, outcome):
    assessment = outcome.assessment
    if assessment is None or assessment.status != Assessment.Status.RETURNED:
        return None
    url = request.build_absolute_uri(
        reverse("assessment:region", kwargs={"code": region.code}) + f"?year={year}"
    )
    text = (
        f"Yth. Pokja Bangga Kencana {region.name},\n"
        f"Penilaian efektivitas Pokja tahun {year} dikembalikan oleh provinsi untuk diperbaiki. "
        f"Mohon perbaiki kriteria yang ditolak dan ajukan kembali: {url}"
    )
    workgroup = outcome.workgroup
    return share(
        text,
        pokja_whatsapp_number(request.user, workgroup),
        workgroup.contact_name if workgroup else "",
    )
