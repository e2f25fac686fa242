"""The open-data catalogue: every dataset of `interop.datasets` as a CKAN package (action API
shape) and as a DCAT-US `data.json` entry, each with a CSV and a JSON resource.

Stable URLs (docs/interop.md):
    /data.json                                   DCAT catalogue (Project Open Data 1.1)
    /api/3/action/package_list                   CKAN: the dataset names
    /api/3/action/package_show?id=<name>         CKAN: one dataset with its resources
    /data/datasets/<name>.csv, .json             the resources
"""

import csv
import datetime
import hashlib
import io
import json

from django.db.models import Max

from audit.models import AuditEvent
from core.exports import csv_value
from interop.datasets import DATASETS, Dataset

LICENSE_ID = "CC-BY-4.0"
LICENSE_TITLE = "Creative Commons Attribution 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
PUBLISHER = "Sipokja: Pokja Bangga Kencana"
# Before any audited change: a fixed, honest "unknown" rather than "now" (harvesters re-poll).
EPOCH = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)


def modified(dataset: Dataset) -> datetime.datetime:
    latest = AuditEvent.objects.filter(model__in=dataset.models).aggregate(m=Max("created_at"))
    return (latest["m"] or EPOCH).replace(microsecond=0)


def catalogue_modified() -> datetime.datetime:
    return max(modified(d) for d in DATASETS.values())


def as_csv(dataset: Dataset) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(dataset.columns)
    for row in dataset.rows():
        writer.writerow([csv_value(row[c]) for c in dataset.columns])
    return buffer.getvalue().encode("utf-8")


def as_json(dataset: Dataset) -> bytes:
    document = {"dataset": dataset.name, "columns": list(dataset.columns), "rows": dataset.rows()}
    return json.dumps(document, ensure_ascii=False, default=str).encode()


def etag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def _resource_url(base: str, dataset: Dataset, fmt: str) -> str:
    return f"{base}/data/datasets/{dataset.name}.{fmt}"


def package(dataset: Dataset, base: str) -> dict:
    """A CKAN package dict (the fields CKAN's package_show returns that harvesters read)."""
    when = modified(dataset).isoformat()
    return {
        "id": dataset.name,
        "name": dataset.name,
        "title": dataset.title,
        "notes": dataset.notes,
        "license_id": LICENSE_ID,
        "license_title": LICENSE_TITLE,
        "license_url": LICENSE_URL,
        "metadata_modified": when,
        "organization": {"name": "sipokja", "title": PUBLISHER},
        "tags": [{"name": k} for k in dataset.keywords],
        "num_resources": 2,
        "resources": [
            {
                "id": f"{dataset.name}-{fmt}",
                "package_id": dataset.name,
                "name": f"{dataset.title} ({fmt.upper()})",
                "format": fmt.upper(),
                "mimetype": mimetype,
                "url": _resource_url(base, dataset, fmt),
                "last_modified": when,
            }
            for fmt, mimetype in (("csv", "text/csv"), ("json", "application/json"))
        ],
    }


def dcat(base: str) -> dict:
    """The catalogue as DCAT-US 1.1 `data.json` (https://resources.data.gov/resources/dcat-us/)."""
    return {
        "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
        "@type": "dcat:Catalog",
        "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
        "describedBy": "https://project-open-data.cio.gov/v1.1/schema/catalog.json",
        "dataset": [
            {
                "@type": "dcat:Dataset",
                "identifier": f"{base}/data/datasets/{d.name}",
                "title": d.title,
                "description": d.notes,
                "keyword": list(d.keywords),
                "modified": modified(d).isoformat(),
                "publisher": {"@type": "org:Organization", "name": PUBLISHER},
                "accessLevel": "public",
                "license": LICENSE_URL,
                "distribution": [
                    {
                        "@type": "dcat:Distribution",
                        "downloadURL": _resource_url(base, d, fmt),
                        "mediaType": mimetype,
                        "format": fmt.upper(),
                    }
                    for fmt, mimetype in (("csv", "text/csv"), ("json", "application/json"))
                ],
            }
            for d in DATASETS.values()
        ],
    }
