"""The standard offices of a kab/kota that usually sit in a Pokja Bangga Kencana, offered in the
members template's institution list next to the region's own institutions, so a new region's
drop-down is not empty (issue 28). A standard name typed or chosen in the template is added as
the region's institution with its sector, without the operator filling the sector in.

The list and where the names come from: docs/standard-offices.md. Names are the usual short
names; a region that records its offices under longer names ("Dinas Kesehatan Kabupaten
Sinjai") keeps them, and the template lists those instead of the standard ones.
"""

from workgroups.models import Institution

_GOV = Institution.Sector.REGIONAL_GOVERNMENT
_VERTICAL = Institution.Sector.VERTICAL_AGENCY

STANDARD_OFFICES = [
    ("Sekretariat Daerah", _GOV),
    ("Badan Perencanaan Pembangunan Daerah", _GOV),
    ("Dinas Pengendalian Penduduk dan Keluarga Berencana", _GOV),
    ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", _GOV),
    ("Dinas Kesehatan", _GOV),
    ("Dinas Pendidikan", _GOV),
    ("Dinas Sosial", _GOV),
    ("Dinas Kependudukan dan Pencatatan Sipil", _GOV),
    ("Dinas Pemberdayaan Masyarakat dan Desa", _GOV),
    ("Dinas Komunikasi dan Informatika", _GOV),
    ("Dinas Ketahanan Pangan", _GOV),
    ("Dinas Perumahan dan Kawasan Permukiman", _GOV),
    ("Dinas Tenaga Kerja", _GOV),
    ("Badan Pengelola Keuangan dan Aset Daerah", _GOV),
    ("Inspektorat Daerah", _GOV),
    ("Badan Pusat Statistik", _VERTICAL),
    ("Kantor Kementerian Agama", _VERTICAL),
    ("Tim Penggerak PKK", Institution.Sector.COMMUNITY),
]


def _norm(value) -> str:
    return " ".join(str(value or "").split()).casefold()


def standard_office(name):
    """(name as listed, sector) of a standard office written `name` (any spacing or case), or
    None."""
    wanted = _norm(name)
    return next((entry for entry in STANDARD_OFFICES if _norm(entry[0]) == wanted), None)


def offered_names(institutions) -> list[str]:
    """The names the template offers: the region's institutions, then the standard offices it
    has not recorded."""
    names = [i.name for i in institutions]
    known = {_norm(n) for n in names}
    return names + [office for office, _sector in STANDARD_OFFICES if _norm(office) not in known]
