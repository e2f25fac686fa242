"""Seed the national sub-group catalogue with the working groups merged into the Pokja Bangga
Kencana (docs/domain.md §1 and §6). National admins maintain it afterwards."""

from django.db import migrations

SUBGROUPS = [
    ("advokasi", "Advokasi", "Advokasi kebijakan kependudukan dan Bangga Kencana kepada pimpinan daerah."),
    ("kampung-kb", "Kampung KB", "Pembinaan Kampung Keluarga Berkualitas (Kampung KB)."),
    ("gdpk", "GDPK (Grand Design Pembangunan Kependudukan)", "Penyusunan dan pelaksanaan Grand Design Pembangunan Kependudukan."),
    ("tpps", "Percepatan Penurunan Stunting (TPPS)", "Tim Percepatan Penurunan Stunting (Perpres 72/2021)."),
    ("kie", "KIE", "Komunikasi, informasi dan edukasi."),
    ("data-informasi", "Data dan Informasi", "Data, informasi, pemantauan dan evaluasi."),
]


def seed(apps, schema_editor):
    SubGroup = apps.get_model("workgroups", "SubGroup")
    for order, (code, name, description) in enumerate(SUBGROUPS, start=1):
        SubGroup.objects.update_or_create(
            code=code, defaults={"name": name, "description": description, "order": order * 10}
        )


def unseed(apps, schema_editor):
    SubGroup = apps.get_model("workgroups", "SubGroup")
    SubGroup.objects.filter(code__in=[code for code, _name, _desc in SUBGROUPS], members__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("workgroups", "0002_decree_kind")]

    operations = [migrations.RunPython(seed, unseed)]
