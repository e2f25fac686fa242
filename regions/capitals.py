"""The city an office writes before the date of its documents ("Makassar, 4 Desember 2026"):
a province's capital, a kota's own name; a kabupaten's office enters its town on the letterhead
page (meetings.Letterhead.city), until then its name stands in."""

# Province code (Kemendagri) → capital (UU pembentukan provinsi; Kalimantan Selatan: UU 8/2022).
PROVINCE_CAPITALS = {
    "11": "Banda Aceh",
    "12": "Medan",
    "13": "Padang",
    "14": "Pekanbaru",
    "15": "Jambi",
    "16": "Palembang",
    "17": "Bengkulu",
    "18": "Bandar Lampung",
    "19": "Pangkalpinang",
    "21": "Tanjungpinang",
    "31": "Jakarta",
    "32": "Bandung",
    "33": "Semarang",
    "34": "Yogyakarta",
    "35": "Surabaya",
    "36": "Serang",
    "51": "Denpasar",
    "52": "Mataram",
    "53": "Kupang",
    "61": "Pontianak",
    "62": "Palangka Raya",
    "63": "Banjarbaru",
    "64": "Samarinda",
    "65": "Tanjung Selor",
    "71": "Manado",
    "72": "Palu",
    "73": "Makassar",
    "74": "Kendari",
    "75": "Gorontalo",
    "76": "Mamuju",
    "81": "Ambon",
    "82": "Sofifi",
    "91": "Jayapura",
    "92": "Manokwari",
    "93": "Merauke",
    "94": "Nabire",
    "95": "Wamena",
    "96": "Sorong",
}


def office_city(region) -> str:
    """The default city of `region`'s office: the capital of a province, else the kab/kota's
    name without "Kabupaten"/"Kota"."""
    if region.is_province:
        return PROVINCE_CAPITALS.get(region.code, region.name)
    name = region.name
    for prefix in ("Kabupaten ", "Kota ", "Kab. "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name
