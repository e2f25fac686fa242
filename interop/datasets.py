"""The open datasets: public aggregates only (no names, phone numbers, e-mail addresses or
any other personal data; docs/interop.md lists every column). Each dataset is a list of rows
with fixed columns, published as CSV and JSON by `interop.catalogue`."""

from dataclasses import dataclass

from django.db.models import Count, Sum

from assessment.models import Assessment, CriterionReview, Snapshot
from budget.models import BudgetAllocation
from core.exports import csv_value
from indicators.models import Value


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    notes: str
    columns: tuple
    rows: object  # () -> list[dict]
    # The audited models whose latest change is the dataset's modification date.
    models: tuple
    keywords: tuple = ()


def _effective_rows():
    latest = {}
    for snap in Snapshot.objects.select_related("region", "region__parent").order_by("taken_at"):
        latest[(snap.region_id, snap.year)] = snap
    counts = {}
    for snap in latest.values():
        region = snap.region
        province = region if region.is_province else region.parent
        key = (province.code, province.name, snap.year)
        entry = counts.setdefault(key, {"verified": 0, "effective": 0})
        entry["verified"] += 1
        entry["effective"] += int(snap.effective)
    return [
        {
            "kode_provinsi": code,
            "nama_provinsi": name,
            "tahun": year,
            "jumlah_pokja_terverifikasi": entry["verified"],
            "jumlah_pokja_efektif": entry["effective"],
        }
        for (code, name, year), entry in sorted(counts.items())
    ]


def _criteria_rows():
    reviews = (
        CriterionReview.objects.filter(assessment__status=Assessment.Status.VERIFIED)
        .select_related("assessment__region", "criterion")
        .order_by("assessment__year", "assessment__region__code", "criterion__order")
    )
    return [
        {
            "kode_wilayah": r.assessment.region.code,
            "nama_wilayah": r.assessment.region.name,
            "tahun": r.assessment.year,
            "kode_kriteria": r.criterion.code,
            "kriteria": r.criterion.name,
            "terpenuhi": r.decision == CriterionReview.Decision.ACCEPTED and r.stale_at is None,
        }
        for r in reviews
    ]


def _value_rows():
    values = Value.objects.select_related("region", "indicator").order_by(
        "year", "region__code", "indicator__order", "indicator__code", "period"
    )
    return [
        {
            "kode_wilayah": v.region.code,
            "nama_wilayah": v.region.name,
            "kode_indikator": v.indicator.code,
            "indikator": v.indicator.name,
            "satuan": v.indicator.unit,
            "tahun": v.year,
            "periode": v.period,
            "nilai": csv_value(v.value),
            "sumber": v.get_source_display(),
            "data_demo": v.is_demo,
        }
        for v in values
    ]


def _budget_rows():
    totals = (
        BudgetAllocation.objects.values(
            "workgroup__region__code", "workgroup__region__name", "year"
        )
        .annotate(total=Sum("amount"), realised=Sum("realised"), n=Count("pk"))
        .order_by("year", "workgroup__region__code")
    )
    return [
        {
            "kode_wilayah": t["workgroup__region__code"],
            "nama_wilayah": t["workgroup__region__name"],
            "tahun": t["year"],
            "jumlah_alokasi": t["n"],
            "total_anggaran_rp": t["total"],
            "total_realisasi_rp": t["realised"] or 0,
        }
        for t in totals
    ]


DATASETS = {
    d.name: d
    for d in (
        Dataset(
            "pokja-efektif",
            "Jumlah Pokja Bangga Kencana efektif per provinsi dan tahun",
            "Jumlah Pokja kabupaten/kota dan provinsi yang penilaian efektivitasnya telah "
            "diverifikasi, dan yang dinyatakan efektif, per provinsi dan tahun.",
            (
                "kode_provinsi",
                "nama_provinsi",
                "tahun",
                "jumlah_pokja_terverifikasi",
                "jumlah_pokja_efektif",
            ),
            _effective_rows,
            ("assessment.Snapshot", "assessment.Assessment"),
            ("pokja", "efektivitas"),
        ),
        Dataset(
            "pemenuhan-kriteria",
            "Pemenuhan kriteria Pokja efektif per wilayah dan tahun",
            "Untuk setiap penilaian yang telah diverifikasi: apakah tiap kriteria terpenuhi.",
            ("kode_wilayah", "nama_wilayah", "tahun", "kode_kriteria", "kriteria", "terpenuhi"),
            _criteria_rows,
            ("assessment.CriterionReview", "assessment.Assessment"),
            ("pokja", "kriteria"),
        ),
        Dataset(
            "nilai-indikator",
            "Nilai indikator Bangga Kencana per wilayah",
            "Realisasi indikator per wilayah, tahun dan periode, dengan sumber datanya; "
            "data_demo menandai data contoh.",
            (
                "kode_wilayah",
                "nama_wilayah",
                "kode_indikator",
                "indikator",
                "satuan",
                "tahun",
                "periode",
                "nilai",
                "sumber",
                "data_demo",
            ),
            _value_rows,
            ("indicators.Value",),
            ("indikator", "bangga kencana"),
        ),
        Dataset(
            "anggaran-pokja",
            "Total anggaran Pokja per wilayah dan tahun",
            "Total alokasi dan realisasi anggaran operasional Pokja (Rupiah) per wilayah dan "
            "tahun anggaran.",
            (
                "kode_wilayah",
                "nama_wilayah",
                "tahun",
                "jumlah_alokasi",
                "total_anggaran_rp",
                "total_realisasi_rp",
            ),
            _budget_rows,
            ("budget.BudgetAllocation",),
            ("anggaran",),
        ),
    )
}
