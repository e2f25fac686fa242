"""The letterhead (kop surat) every PDF of Sipokja prints: recap, profile, meeting letters.

The logo is the region's own (uploaded on its letterhead page), else its province's, else a
neutral emblem shipped in static (img/kop-default.png); it is embedded as a `data:` URI (core.pdf
loads nothing else). The city of the place-and-date line is the letterhead's, else the office's
default city (regions.capitals)."""

import base64

from core.pdf import static_file
from meetings.models import Letterhead
from regions.capitals import office_city

DEFAULT_LOGO = "img/kop-default.png"


def _data_uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def uploaded_logo(letterhead) -> str:
    if letterhead is None or not letterhead.logo:
        return ""
    try:
        with letterhead.logo.open("rb") as fh:
            data = fh.read()
    except OSError:
        return ""
    mime = "image/png" if letterhead.logo_type == Letterhead.LogoType.PNG else "image/jpeg"
    return _data_uri(data, mime)


def default_logo() -> str:
    path = static_file(DEFAULT_LOGO)
    return _data_uri(path.read_bytes(), "image/png") if path else ""


def kop(region) -> dict:
    """Letterhead parts of `region`'s office (falling back to its province's for what the
    kab/kota has not entered): header_line, office_name, address, phone, email, logo, city."""
    province = region if region.is_province else region.parent
    offices = [region] if province is None or province == region else [region, province]
    heads = {h.region_id: h for h in Letterhead.objects.filter(region__in=offices)}
    own = heads.get(region.pk)
    office = next((o for o in offices if o.office_name), None)
    logo = ""
    for candidate in offices:
        logo = uploaded_logo(heads.get(candidate.pk))
        if logo:
            break
    header_line = ""
    for candidate in offices:
        head = heads.get(candidate.pk)
        if head is not None and head.header_line:
            header_line = head.header_line
            break
    if office is None:
        name = f"Perwakilan BKKBN Provinsi {province.name}" if province else region.display_name
    else:
        name = office.office_name
    return {
        "letterhead": own,
        "header_line": header_line,
        "office_name": name,
        "office_address": (office or region).office_address,
        "office_phone": (office or region).office_phone,
        "office_email": (office or region).office_email,
        "logo": logo or default_logo(),
        "city": (own.city if own and own.city else "") or office_city(region),
    }
