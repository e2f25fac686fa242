"""File storage beyond one machine: S3-compatible object storage (django-storages) when
`AWS_STORAGE_BUCKET_NAME` is set, the local MEDIA_ROOT otherwise. Either way files are reached
only through Django's storage API and served only by permission-checked views
(core.uploads.serve, jobs.views.result_response): the bucket is private, no public ACL, no
signed links, and `url()` names no place that serves the file.
"""

import hashlib
from collections.abc import Iterator

from django.conf import settings
from storages.backends.s3 import S3Storage

CHUNK = 1024 * 1024


class PrivateS3Storage(S3Storage):
    """The bucket is private: objects are written without a public ACL, and `url()` gives the
    same never-served address as the local storage (a template that printed `file.url` would
    leak nothing)."""

    def get_default_settings(self):
        defaults = super().get_default_settings()
        defaults.update(
            default_acl=None,  # the bucket's own policy: private
            querystring_auth=False,
            file_overwrite=False,
            addressing_style="path",  # MinIO and most S3-compatible servers
            signature_version="s3v4",
        )
        return defaults

    def url(self, name, parameters=None, expire=None, http_method=None):
        return f"{settings.MEDIA_URL}{name}"


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
