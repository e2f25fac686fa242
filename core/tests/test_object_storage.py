"""AWS_STORAGE_BUCKET_NAME: uploaded and generated files live in an S3-compatible bucket (a real
moto server process started here), are served only through permission-checked views, never by
a public URL, and `copy_files_to_storage` moves local files there with their checksums."""

import hashlib
import uuid

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.test import Client

from core.s3storage import PrivateS3Storage
from core.storage import sha256
from jobs import engine
from knowledge.models import KnowledgeDocument
from knowledge.tests import helpers as k
from knowledge.tests.test_knowledge import GUIDE
from tests.services import S3Server

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def s3():
    server = S3Server()
    yield server
    server.stop()


@pytest.fixture
def bucket(s3, settings):
    """A fresh private bucket as the default storage; returns its boto3 client and name."""
    name = f"sipokja-{uuid.uuid4().hex[:12]}"
    s3.make_bucket(name)
    env = s3.settings(name)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "core.s3storage.PrivateS3Storage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": env["AWS_S3_ENDPOINT_URL"],
                "access_key": env["AWS_ACCESS_KEY_ID"],
                "secret_key": env["AWS_SECRET_ACCESS_KEY"],
                "region_name": "us-east-1",
            },
        },
    }
    client = boto3.client(
        "s3",
        endpoint_url=s3.url,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name="us-east-1",
    )
    return client, name


def _keys(client, name):
    return sorted(o["Key"] for o in client.list_objects_v2(Bucket=name).get("Contents", []))


@pytest.mark.django_db
def test_an_upload_lands_in_the_bucket_and_downloads_through_the_view(personas, bucket):
    client, name = bucket
    default_storage.exists("probe")
    assert isinstance(default_storage._wrapped, PrivateS3Storage)
    admin = personas.client("sulsel_admin")
    response = admin.post("/knowledge/new/", GUIDE | {"upload": k.pdf_upload("Panduan.pdf")})
    assert response.status_code == 302
    guide = KnowledgeDocument.objects.get()
    assert _keys(client, name) == [guide.file.name]
    stored = client.get_object(Bucket=name, Key=guide.file.name)["Body"].read()
    assert stored == k.pdf_bytes()
    # No public grant on the object, and its URL is no address of the bucket.
    grants = client.get_object_acl(Bucket=name, Key=guide.file.name)["Grants"]
    assert not [g for g in grants if "AllUsers" in str(g.get("Grantee", {}))]
    assert "127.0.0.1" not in guide.file.url and "Signature" not in guide.file.url
    # Served through the permission-checked view only.
    download = personas.client("gowa_operator").get(f"/knowledge/{guide.pk}/file/")
    assert download.status_code == 200 and download.content == k.pdf_bytes()
    assert Client().get(f"/knowledge/{guide.pk}/file/").status_code == 302  # anonymous


@pytest.mark.django_db
def test_a_job_reads_its_input_and_writes_its_result_in_the_bucket(
    personas, bucket, django_capture_on_commit_callbacks
):
    from jobs.tests import kinds  # noqa: F401  (registers the test kinds)

    client, name = bucket
    with django_capture_on_commit_callbacks(execute=True):
        job = engine.start(
            kind="tests.read_input",
            by=personas.gowa_operator,
            input_file=ContentFile(b"a,b\n1,2\n" * 700_000),  # 5.6 MB: streamed
            input_name="data.csv",
        )
    job.refresh_from_db()
    assert job.state == "succeeded"
    assert job.input.name in _keys(client, name) and job.result.name in _keys(client, name)
    response = personas.client("gowa_operator").get(f"/jobs/{job.pk}/result/")
    assert response.status_code == 200 and response.streaming
    assert b"".join(response.streaming_content) == b"A,B\n1,2\n" * 700_000


@pytest.mark.django_db
def test_readyz_checks_the_bucket(bucket, settings):
    assert Client().get("/readyz").json()["checks"]["storage"] == "ok"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            **settings.STORAGES["default"],
            "OPTIONS": {**settings.STORAGES["default"]["OPTIONS"], "bucket_name": "missing"},
        },
    }
    response = Client().get("/readyz")
    assert response.status_code == 503 and response.json()["failed"] == ["storage"]


def test_copy_files_to_storage_copies_and_verifies(bucket, tmp_path, capsys):
    client, name = bucket
    files = {"decrees/2025/sk.pdf": b"%PDF-1.4 sk", "jobs/result/a.zip": b"PK zip", "x.txt": b"x"}
    for relative, content in files.items():
        path = tmp_path / "old-media" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    call_command("copy_files_to_storage", "--source", str(tmp_path / "old-media"))
    assert "3 copied, 0 already there, 0 failed" in capsys.readouterr().out
    assert _keys(client, name) == sorted(files)
    for relative, content in files.items():
        assert sha256(default_storage, relative) == hashlib.sha256(content).hexdigest()
    # Again: checked, nothing copied; a damaged copy is replaced.
    client.put_object(Bucket=name, Key="x.txt", Body=b"damaged")
    call_command("copy_files_to_storage", "--source", str(tmp_path / "old-media"))
    assert "1 copied, 2 already there, 0 failed" in capsys.readouterr().out
    assert client.get_object(Bucket=name, Key="x.txt")["Body"].read() == b"x"


def test_copy_files_to_storage_refuses_to_copy_a_folder_onto_itself(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(CommandError, match="AWS_STORAGE_BUCKET_NAME"):
        call_command("copy_files_to_storage")


def test_kept_pdfs_of_older_data_versions_are_pruned_in_the_bucket(bucket):
    from core import pdf

    client, name = bucket
    for key in (
        "recap-73-2025/v7-id-aa.pdf",
        "recap-73-2025/v8-id-bb.pdf",
        "recap-74-2025/v7-id-cc.pdf",
    ):
        client.put_object(Bucket=name, Key=f"cache/pdf/{key}", Body=b"%PDF-1.4")
    assert pdf.prune_cache(8) == 2
    assert _keys(client, name) == ["cache/pdf/recap-73-2025/v8-id-bb.pdf"]
    assert pdf.prune_cache(8) == 0
