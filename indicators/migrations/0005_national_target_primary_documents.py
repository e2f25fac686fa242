"""Every seeded national target names its primary source document and year first (issue 21),
before the secondary article it was read from. Sources an administrator has already changed
are left alone. Facts: docs/domain.md §4."""

from django.db import migrations

RPJMN_2020 = "RPJMN 2020–2024 (Perpres 18/2020)"
RPJMN_2025 = "RPJMN 2025–2029 (Perpres 12/2025)"
RENSTRA = "Renstra BKKBN 2020–2024"
UNCHECKED = " (angka belum dicocokkan dengan dokumen primer)"

PRIMARY = {
    ("tfr", 2021): f"{RENSTRA}, target tahun 2021{UNCHECKED}",
    ("tfr", 2022): f"{RENSTRA}, target tahun 2022{UNCHECKED}",
    ("tfr", 2024): f"{RPJMN_2020}, target tahun 2024",
    ("mcpr", 2024): f"{RPJMN_2020}, target tahun 2024",
    ("unmet-need", 2021): f"{RENSTRA}, target tahun 2021{UNCHECKED}",
    ("unmet-need", 2022): f"{RENSTRA}, target tahun 2022{UNCHECKED}",
    ("unmet-need", 2023): f"{RENSTRA}, target tahun 2023{UNCHECKED}",
    ("unmet-need", 2024): f"{RPJMN_2020}, target tahun 2024",
    ("ibangga", 2023): f"{RENSTRA}, target tahun 2023{UNCHECKED}",
    ("mukp", 2023): f"{RENSTRA}, target tahun 2023{UNCHECKED}",
    ("stunting", 2024): f"Perpres 72/2021 Pasal 5 dan {RPJMN_2020}, target tahun 2024",
    ("stunting", 2025): (
        f"{RPJMN_2025}, target tahun 2025 (dokumen menyebut 18,8%; 18% adalah revisi Bappenas)"
    ),
    ("stunting", 2029): f"{RPJMN_2025}, target tahun 2029",
}
PREFIX = "Dokumen primer: "
SECONDARY = ". Rujukan: "


def name_documents(apps, schema_editor):
    NationalTarget = apps.get_model("indicators", "NationalTarget")
    for target in NationalTarget.objects.select_related("indicator"):
        document = PRIMARY.get((target.indicator.code, target.year))
        if document and not target.source.startswith(PREFIX):
            target.source = f"{PREFIX}{document}{SECONDARY}{target.source}"
            target.save(update_fields=["source"])


seed = name_documents  # re-run by conftest.reseed_catalogues after a flush


def unname_documents(apps, schema_editor):
    NationalTarget = apps.get_model("indicators", "NationalTarget")
    for target in NationalTarget.objects.filter(source__startswith=PREFIX):
        if SECONDARY in target.source:
            target.source = target.source.split(SECONDARY, 1)[1]
            target.save(update_fields=["source"])


class Migration(migrations.Migration):
    dependencies = [("indicators", "0004_indicator_metadata_plan_document")]

    operations = [migrations.RunPython(name_documents, unname_documents)]
