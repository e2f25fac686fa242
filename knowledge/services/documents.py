"""The knowledge centre: documents, who may publish them, reads and writes."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.access import has_permission, top_regions
from accounts.permissions import Permission
from core.concurrency import known_fields, lock_version, save_record
from core.errors import DomainError, field_error
from core.uploads import safe_filename
from knowledge.models import KnowledgeDocument
from knowledge.services.common import _full_clean
from knowledge.validators import document_format
from planning.common import delete_versioned, remove_after_commit

DOCUMENT_FIELDS = (
    "title",
    "category",
    "kind",
    "description",
    "edition",
    "issued_on",
    "is_published",
)

# Where a criterion's explanation sends the reader: criterion kind → document category
# (assessment.models.Criterion.Kind; GDPK and planning integration are matters of advocacy,
# a declared criterion is proven like the decree, with evidence of the Pokja's formation).
KIND_CATEGORIES = {
    "decree": KnowledgeDocument.Category.FORMATION,
    "work_plan": KnowledgeDocument.Category.WORK_PLAN,
    "indicators": KnowledgeDocument.Category.INDICATORS,
    "budget": KnowledgeDocument.Category.BUDGET,
    "gdpk": KnowledgeDocument.Category.ADVOCACY,
    "planning_integration": KnowledgeDocument.Category.ADVOCACY,
    "declared": KnowledgeDocument.Category.FORMATION,
}
DOCUMENT_URL_NAME = "knowledge:document"

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def can_manage(user, publisher) -> bool:
    """May `user` add or change documents published by `publisher` (a province, or None for
    national documents)?"""
    return has_permission(user, Permission.KNOWLEDGE_MANAGE, publisher)


def manageable_publishers(user) -> list:
    """The publishers `user` may publish as: None (national) for national admins, then the
    provinces where they manage the knowledge centre."""
    choices = []
    if can_manage(user, None):
        choices.append(None)
    for region in top_regions(user).order_by("code"):
        if region.is_province and can_manage(user, region):
            choices.append(region)
    return choices


def visible_documents(user):
    """Documents `user` may read: every published document, and the unpublished ones they
    manage."""
    qs = KnowledgeDocument.objects.select_related("publisher")
    if can_manage(user, None):
        return qs
    managed = [r.pk for r in manageable_publishers(user) if r is not None]
    return qs.filter(Q(is_published=True) | Q(publisher_id__in=managed))


def search_documents(qs, *, q="", category="", kind=""):
    """Filter by words in the title or description (every word must appear), category, type."""
    for word in (q or "").split():
        qs = qs.filter(Q(title__icontains=word) | Q(description__icontains=word))
    if category:
        qs = qs.filter(category=category)
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def guides_for_kinds(region=None) -> dict[str, KnowledgeDocument]:
    """`{criterion kind: KnowledgeDocument}`: for each effectiveness-criterion kind
    (`KIND_CATEGORIES`), the most recent published document of the matching category, guides
    before templates. With `region`, only national documents and those of the region's
    province. Kinds without a document are absent. One query."""
    qs = KnowledgeDocument.objects.filter(
        is_published=True, category__in=set(KIND_CATEGORIES.values())
    )
    if region is not None:
        province_id = region.pk if region.is_province else region.parent_id
        qs = qs.filter(Q(publisher__isnull=True) | Q(publisher_id=province_id))
    guide_first = Case(
        When(kind=KnowledgeDocument.Kind.GUIDE, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    ranked = (
        qs.annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("category")],
                order_by=[guide_first.asc(), F("issued_on").desc(), F("pk").desc()],
            )
        )
        .filter(rank=1)
        .select_related("publisher")
    )
    by_category = {document.category: document for document in ranked}
    return {
        kind: by_category[category]
        for kind, category in KIND_CATEGORIES.items()
        if category in by_category
    }


def document_url(document) -> str:
    return reverse(DOCUMENT_URL_NAME, kwargs={"pk": document.pk})


def download_name(document) -> str:
    if document.original_filename:
        return document.original_filename
    from django.utils.text import slugify

    return f"{slugify(document.title)[:80] or 'dokumen'}.{document.file_format}"


def _attach(document, uploaded):
    """Check `uploaded` by content and put it on the document; the replaced file is removed once
    the transaction commits."""
    try:
        fmt = document_format(uploaded)
    except ValidationError as exc:
        raise DomainError(
            " ".join(exc.messages), errors=[{"field": "file", "message": m} for m in exc.messages]
        ) from None
    old = document.file
    old_storage, old_name = (old.storage, old.name) if old else (None, "")
    document.original_filename = safe_filename(uploaded.name or f"dokumen.{fmt}")
    if not document.original_filename.lower().endswith("." + fmt):
        document.original_filename = f"{document.original_filename}.{fmt}"[-200:]
    uploaded.name = f"document.{fmt}"
    document.file = uploaded
    document.file_format = fmt
    remove_after_commit(old_storage, old_name)


@transaction.atomic
def save_document(
    *,
    by,
    document=None,
    expected_version=None,
    publisher=None,
    file=None,
    is_generated=False,
    generator="",
    is_demo=False,
    **fields,
) -> KnowledgeDocument:
    """Create (`document=None`, `file` required) or update a knowledge document. `publisher` is
    a province or None (national); on update the publisher does not change. The caller checks
    that `by` may manage documents of that publisher (`can_manage`)."""
    known_fields(fields, DOCUMENT_FIELDS, "document")
    creating = document is None
    if creating:
        if publisher is not None and not publisher.is_province:
            raise field_error(
                "publisher", _("Documents are published nationally or by a province.")
            )
        document = KnowledgeDocument(
            publisher=publisher,
            created_by=by,
            is_generated=is_generated,
            generator=generator,
            is_demo=is_demo,
        )
        if file is None:
            raise field_error("file", _("Upload the document (PDF, XLSX or DOCX)."))
    else:
        document = lock_version(document, expected_version)
    for name, value in fields.items():
        setattr(
            document,
            name,
            value.strip() if isinstance(value, str) and name in ("title", "edition") else value,
        )
    if isinstance(document.issued_on, datetime.datetime):
        document.issued_on = document.issued_on.date()
    if file is not None:
        _attach(document, file)
    _full_clean(document, exclude=["file", "file_format", "created_by"])
    save_record(document, expected_version=expected_version)
    return document


@transaction.atomic
def delete_document(*, by, document, expected_version) -> None:
    delete_versioned(document, expected_version, "file")
