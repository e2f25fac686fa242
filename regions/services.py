"""Loading the official region list into the database."""

import csv
from pathlib import Path

from django.db import transaction

from regions.models import Region

DATA_DIR = Path(__file__).resolve().parent / "data"


def _rows(name):
    with open(DATA_DIR / name, encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


@transaction.atomic
def load_regions() -> dict:
    """Create or update the 38 provinces and 514 kab/kota. Idempotent; never deletes."""
    existing = {r.code: r for r in Region.objects.all()}
    created = updated = 0
    for row in _rows("provinces.csv"):
        region = existing.get(row["code"])
        if region is None:
            existing[row["code"]] = Region.objects.create(
                code=row["code"], name=row["name"], level=Region.Level.PROVINCE
            )
            created += 1
        elif region.name != row["name"]:
            Region.objects.filter(pk=region.pk).update(name=row["name"])
            updated += 1
    new = []
    for row in _rows("regencies.csv"):
        region = existing.get(row["code"])
        parent = existing[row["province_code"]]
        if region is None:
            new.append(
                Region(
                    code=row["code"], name=row["name"], level=Region.Level.REGENCY, parent=parent
                )
            )
        elif region.name != row["name"] or region.parent_id != parent.pk:
            Region.objects.filter(pk=region.pk).update(name=row["name"], parent=parent)
            updated += 1
    Region.objects.bulk_create(new)
    created += len(new)
    return {"created": created, "updated": updated, "total": Region.objects.count()}
