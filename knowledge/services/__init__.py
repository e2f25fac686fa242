"""Strategic issues and the knowledge centre: every write (atomic, keyword-only, `by=` the
acting user) and the reads the pages, the API and other apps rely on.

Functions for other apps:
- `guides_for_kinds(region=None)`: `{criterion kind: KnowledgeDocument}`, the most recent
  published guide for each effectiveness-criterion kind (one query). Link to a document with
  `document_url(document)` (URL name `DOCUMENT_URL_NAME`).
- `unanswered_count(region_ids, year)`: `{region_id: n}` issues covering `year` that no activity
  or policy answers yet (one query).

None of these functions checks permissions: the caller does (`accounts.access`).

One module per idea (strategic issues: reads and writes; the knowledge centre's documents);
this package names them all, so `from knowledge import services` keeps working.
"""

from knowledge.services.documents import (
    CONTENT_TYPES,
    DOCUMENT_FIELDS,
    DOCUMENT_URL_NAME,
    KIND_CATEGORIES,
    can_manage,
    delete_document,
    document_url,
    download_name,
    guides_for_kinds,
    manageable_publishers,
    save_document,
    search_documents,
    visible_documents,
)
from knowledge.services.issue_reads import (
    Evidence,
    Realisation,
    ThemeGroup,
    covering,
    is_answered,
    issues_for,
    latest_achievements,
    themes_overview,
    unanswered_count,
)
from knowledge.services.issues import ISSUE_FIELDS, delete_issue, save_issue

__all__ = [
    "CONTENT_TYPES",
    "DOCUMENT_FIELDS",
    "DOCUMENT_URL_NAME",
    "Evidence",
    "ISSUE_FIELDS",
    "KIND_CATEGORIES",
    "Realisation",
    "ThemeGroup",
    "can_manage",
    "covering",
    "delete_document",
    "delete_issue",
    "document_url",
    "download_name",
    "guides_for_kinds",
    "is_answered",
    "issues_for",
    "latest_achievements",
    "manageable_publishers",
    "save_document",
    "save_issue",
    "search_documents",
    "themes_overview",
    "unanswered_count",
    "visible_documents",
]
