"""The "How to use this page" help (issue 22, item 8): every main page has its own text in
Indonesian, and the link under it opens the knowledge centre's guides of the page's topic."""

import pytest
from django.urls import get_resolver
from django.utils import translation

from core.help import BY_NAMESPACE, BY_VIEW, GUIDE_CATEGORY
from knowledge.models import KnowledgeDocument
from planning.tests.helpers import workgroup

# The pages a user lands on from the menu or a region's page; each needs its own text.
MAIN_PAGES = [
    "home",
    "assessment:matrix",
    "assessment:region",
    "dashboards:region",
    "dashboards:national",
    "workgroups:profile",
    "workgroups:decrees",
    "workgroups:members",
    "meetings:list",
    "meetings:detail",
    "meetings:invitees",
    "meetings:attendance",
    "meetings:minutes",
    "meetings:items",
    "planning:list",
    "planning:detail",
    "indicators:region",
    "budget:list",
    "policies:list",
    "knowledge:documents",
    "notifications:inbox",
    "audit:region",
]


def _url_names():
    names = set()

    def walk(resolver, prefix):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                ns = pattern.namespace
                walk(pattern, f"{prefix}{ns}:" if ns else prefix)
            elif pattern.name:
                names.add(prefix + pattern.name)

    walk(get_resolver(), "")
    return names


def test_every_help_entry_names_a_real_page():
    names = _url_names()
    assert set(BY_VIEW) <= names, set(BY_VIEW) - names
    namespaces = {name.split(":")[0] for name in names if ":" in name}
    assert set(BY_NAMESPACE) <= namespaces
    categories = set(KnowledgeDocument.Category.values)
    assert set(GUIDE_CATEGORY.values()) <= categories


@pytest.mark.parametrize("view_name", MAIN_PAGES)
def test_main_page_has_its_own_text_in_indonesian(view_name):
    assert view_name in BY_VIEW
    with translation.override("en"):
        english = str(BY_VIEW[view_name])
    with translation.override("id"):
        indonesian = str(BY_VIEW[view_name])
    assert indonesian != english, f"{view_name}: help text has no Indonesian translation"


def test_page_shows_help_and_links_the_topic_guides(personas):
    workgroup("73.06")
    response = personas.client("gowa_operator").get("/r/73.06/pokja/members/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cara menggunakan halaman ini" in html
    assert "Anggota Pokja menurut instansi dan subkelompok" in html
    assert "?category=formation" in html
    assert "Panduan di pusat pengetahuan" in html
