"""File storage beyond one machine: S3-compatible object storage (core.s3storage, django-storages)
when `AWS_STORAGE_BUCKET_NAME` is set, the local MEDIA_ROOT otherwise. Either way files are reached
only through Django's storage API and served only by permission-checked views
(core.uploads.serve, jobs.views.result_response): the bucket is private, no public ACL, no
signed links, and `url()` names no place that serves the file.
"""

import hashlib
from collections.abc import Iterator

CHUNK = 1024 * 1024


def walk(storage, path: str = "") -> Iterator[str]:
    """Every file name in `storage` under `path`, folders first-to-last, sorted."""
    directories, files = storage.listdir(path)
    for name in sorted(files):
        yield f"{path}/{name}" if path else name
    for directory in sorted(directories):
        yield from walk(storage, f"{path}/{directory}" if path else directory)


def sha256(storage, name: str) -> str:
    """SHA-256 of a stored file, read in chunks."""
    digest = hashlib.sha256()
    with storage.open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()
