"""Who created a record and when it was created and last changed: the fields every Pokja record
carries (work plans, activities, budgets, policies, strategic issues, documents, the Pokja)."""

from django.conf import settings
from django.db import models

from core.fields import demo_flag


def user_field(verbose_name=None, **options):
    """A link to the user who did something (created, recorded, approved…): by default optional
    and kept as NULL when the user is deleted, with no reverse accessor (`related_name="+"`)."""
    options = {
        "null": True,
        "blank": True,
        "on_delete": models.SET_NULL,
        "related_name": "+",
    } | options
    return models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=verbose_name, **options)


class Provenance(models.Model):
    """`created_at`, `updated_at` and `created_by` (kept when the user is deleted: SET_NULL).
    The services set `created_by=by`; every change is also in the audit history."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = user_field()

    class Meta:
        abstract = True


class LastChange(models.Model):
    """`updated_at` and `updated_by`: who last changed a record that is edited in place (an
    office's letterhead or numbering scheme, a meeting's minutes) and when. The services set
    `updated_by=by`; every change is also in the audit history."""

    updated_at = models.DateTimeField(auto_now=True)
    updated_by = user_field()

    class Meta:
        abstract = True


class DemoData(models.Model):
    """`is_demo`: the record was loaded as demo data (`load_demo`); removing the demo data
    (ops.demo_data) deletes exactly the rows marked so; real records keep it false."""

    is_demo = demo_flag()

    class Meta:
        abstract = True
