"""The private S3-compatible bucket (django-storages), chosen by `AWS_STORAGE_BUCKET_NAME`
(config/settings.py). A module of its own so that boto3 is only loaded when it is used."""

from django.conf import settings
from storages.backends.s3 import S3Storage


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
