"""Types for the API schemas (ninja `Schema` fields)."""

from typing import Annotated

from pydantic import WithJsonSchema


def choices(enum_class):
    """A model's `TextChoices` as an API field, described inline in the OpenAPI schema.

    Many models name their choices `Status` or `Kind`; as schema components they would share one
    name and one would silently replace the other (tests/test_api_fuzz.py checks this)."""
    return Annotated[
        enum_class,
        WithJsonSchema({"type": "string", "enum": [choice.value for choice in enum_class]}),
    ]
