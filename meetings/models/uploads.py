"""Uploaded files of the meetings app: their content type and where they are stored."""

from django.db import models
from django.utils.deconstruct import deconstructible

from core.uploads import stored_name


class FileType(models.TextChoices):
    """What an uploaded file turned out to be, judged by its content."""

    PDF = "pdf", "PDF"
    XLSX = "xlsx", "Excel (XLSX)"
    PNG = "png", "PNG"
    JPG = "jpg", "JPEG"


@deconstructible(path="meetings.models.TypedUploadTo")
class TypedUploadTo:
    """`upload_to=TypedUploadTo("materials", "file_type")`: a random name whose extension comes
    from the content type recorded on the instance (never from the user's file name)."""

    def __init__(self, prefix: str, type_field: str):
        self.prefix = prefix
        self.type_field = type_field

    def __call__(self, instance, filename):
        return stored_name(self.prefix, getattr(instance, self.type_field) or "bin")

    def __eq__(self, other):
        return isinstance(other, TypedUploadTo) and (self.prefix, self.type_field) == (
            other.prefix,
            other.type_field,
        )
