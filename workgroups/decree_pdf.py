"""A decree (SK) as a PDF, laid out like an Indonesian Keputusan Kepala Daerah
(docs/domain.md §7): issuer heading, NOMOR, TENTANG, Menimbang, Mengingat, MEMUTUSKAN,
the diktum KESATU…, the signature block and the LAMPIRAN with the membership table.

Used for demo data (a real, readable PDF as the uploaded SK) and in tests; it is a specimen,
never a legal document, and says so on every page."""

from pathlib import Path

from django.template.loader import render_to_string

from core import pdf
from core.formats import format_date_id

_PDF = Path(__file__).parent / "templates" / "workgroups" / "pdf"
# The decree layout shared with the knowledge centre's SK skeleton, then the decree's own rules.
BASE_CSS = _PDF / "decree_base.css"
_CSS = _PDF / "decree.css"


def issuer_office(region) -> tuple[str, str]:
    """(office in capitals, Decree.Issuer value) of the head of `region`: GUBERNUR SULAWESI
    SELATAN, BUPATI GOWA or WALI KOTA MAKASSAR."""
    if region.is_province:
        return f"GUBERNUR {region.name.upper()}", "governor"
    name = region.name
    if name.startswith("Kota "):
        return f"WALI KOTA {name[5:].upper()}", "mayor"
    if name.startswith("Kabupaten "):
        name = name[10:]
    return f"BUPATI {name.upper()}", "regent"


def render_decree_pdf(
    *, region, number, title, signed_on, valid_from, valid_until, members=(), city="", specimen=True
) -> bytes:
    """The decree as PDF bytes. `members` are (role label, position or name, institution)
    triples for the LAMPIRAN table."""
    office, _issuer = issuer_office(region)
    html = render_to_string(
        "workgroups/pdf/decree.html",
        {
            "office": office,
            "province": ""
            if region.is_province
            else f"PROVINSI {region.parent.name.upper()}"
            if region.parent
            else "",
            "number": number,
            "title": title.upper(),
            "signed_on": format_date_id(signed_on),
            "valid_from": format_date_id(valid_from),
            "valid_until": format_date_id(valid_until) if valid_until else "",
            "members": list(members),
            "city": city or region.name.replace("Kabupaten ", "").replace("Kota ", ""),
            "region_name": region.name if not region.is_province else f"Provinsi {region.name}",
            "specimen": specimen,
        },
    )
    return pdf.render_pdf(html, stylesheets=[BASE_CSS, _CSS])
