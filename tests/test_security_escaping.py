"""HTML and JavaScript typed into any text field is shown as text, never run.

The demo data of Kabupaten Gowa is loaded, every free-text field of the main records (Pokja,
decree, member, institution, plan, activity, budget allocation, policy, meeting, minutes, action
item, announcement, letterhead, strategic issue, knowledge document, indicator notes) is set to
script and attribute-breaking payloads through the models, and then every page reachable by
following links from the region's pages is fetched: no payload may appear unescaped, and each
record's payload must appear escaped somewhere (so the test sees what it checks). The API
returns the same values as JSON data.
"""

import io
import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.utils.translation import override

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
RAW = [SCRIPT, "<img src=x onerror=alert(1)>"]

# model → how its records belong to Gowa
RECORDS = {
    "workgroups.WorkGroup": "region__code",
    "workgroups.Decree": "workgroup__region__code",
    "workgroups.Member": "workgroup__region__code",
    "workgroups.Institution": "region__code",
    "planning.WorkPlan": "workgroup__region__code",
    "planning.Activity": "plan__workgroup__region__code",
    "budget.BudgetAllocation": "workgroup__region__code",
    "policies.Policy": "region__code",
    "meetings.Meeting": "region__code",
    "meetings.Minutes": "meeting__region__code",
    "meetings.ActionItem": "region__code",
    "meetings.Announcement": "region__code=73",  # sent by the province to Gowa
    "meetings.Letterhead": "region__code",
    "knowledge.StrategicIssue": "region__code",
    "knowledge.KnowledgeDocument": None,  # national
    "indicators.Target": "region__code",
    "indicators.Value": "region__code",
}
# Fields that hold codes or machine values, not free text.
NOT_FREE_TEXT = {"phone", "online_url", "period", "source", "view_box", "letter_number"}
NOT_FREE_TEXT_TYPES = (models.EmailField, models.URLField, models.SlugField, models.FileField)

START = [
    "/r/73.06/",
    "/r/73.06/pokja/",
    "/r/73.06/pokja/members/",
    "/r/73.06/pokja/decrees/",
    "/r/73.06/institutions/",
    "/r/73.06/plans/",
    "/r/73.06/budget/",
    "/r/73.06/policies/",
    "/r/73.06/meetings/",
    "/r/73.06/action-items/",
    "/r/73.06/announcements/",
    "/r/73.06/letterhead/",
    "/r/73.06/issues/",
    "/r/73.06/indicators/",
    "/knowledge/",
]
FOLLOW = ("/r/73.06/", "/knowledge/")
SKIP = re.compile(
    r"(logout|/file/|/document/|/evidence/|/export|/template|\.xlsx|\.pdf|\.ics|/logo/|/print|"
    r"/download|/calendar|/delete/|/login/|\?format=|/recap)"
)
MAX_PAGES = 260


def _free_text_fields(model):
    for field in model._meta.concrete_fields:
        if (
            isinstance(field, models.CharField | models.TextField)
            and not isinstance(field, NOT_FREE_TEXT_TYPES)
            and not field.choices
            and field.name not in NOT_FREE_TEXT
            and not field.name.endswith(("filename", "_type", "code"))
            and (field.max_length or 1000) >= len(ATTRIBUTE) + 8
        ):
            yield field


def _payload(field, tag):
    both = f"{SCRIPT}{ATTRIBUTE}#{tag}"
    if len(both) <= (field.max_length or 1000):
        return both
    return f"{ATTRIBUTE}#{tag}"[: field.max_length]


def _escaped_tags(content: str) -> set[str]:
    return set(re.findall(r"(?:&gt;|&quot;)#([a-z]+\d+)", content))


@pytest.fixture
def poisoned(personas):
    """Gowa's demo records with payloads in every free-text field; returns the tags used."""
    with override("id"):
        call_command("load_demo", stdout=io.StringIO())
    tags = {}
    for label, path in RECORDS.items():
        model = apps.get_model(label)
        path, _equals, code = (path or "").partition("=")
        queryset = model.objects.filter(**{path: code or "73.06"}) if path else model.objects.all()
        fields = list(_free_text_fields(model))
        assert fields, f"{label} has no free-text field to check"
        for obj in queryset.order_by("pk")[:3]:
            tag = f"{model._meta.model_name}{obj.pk}"
            for field in fields:
                setattr(obj, field.attname, _payload(field, tag))
            obj.save()
            tags.setdefault(label, set()).add(tag)
        assert label in tags, f"the demo has no {label} in Gowa"
    return tags


def _links(url, content):
    for href in re.findall(r'href="([^"#]+)"', content):
        href = urljoin(url, href.replace("&amp;", "&"))
        parts = urlsplit(href)
        if parts.netloc or not parts.path.startswith(FOLLOW) or SKIP.search(href):
            continue
        yield parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.mark.slow
def test_payloads_in_text_fields_are_rendered_escaped_and_returned_as_data(poisoned, personas):
    client = personas.client("gowa_operator")
    queue, seen, unescaped, shown = deque(START), set(START), [], set()
    pages = 0
    while queue and pages < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url)
        assert response.status_code in (200, 302, 403, 404), (url, response.status_code)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        pages += 1
        content = response.content.decode()
        unescaped += [(url, raw) for raw in RAW if raw in content]
        shown |= _escaped_tags(content)
        for link in _links(url, content):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    assert not unescaped, unescaped
    never_shown = {
        label
        for label, tags in poisoned.items()
        if not tags & shown and label != "meetings.Minutes"
    }
    assert not never_shown, f"payloads never seen on a page (the crawl missed them): {never_shown}"
    assert pages > 40

    # The API returns the same values as JSON data (not rendered by browsers: nosniff).
    client = personas.api_client("gowa_operator")
    for url in (
        "/api/v1/regions/73.06/workgroup",
        "/api/v1/regions/73.06/workgroup/members",
        "/api/v1/regions/73.06/institutions",
        "/api/v1/regions/73.06/policies",
        "/api/v1/regions/73.06/meetings",
        "/api/v1/regions/73.06/action-items",
        "/api/v1/regions/73.06/strategic-issues",
        "/api/v1/knowledge",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("application/json"), url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert ATTRIBUTE.replace('"', '\\"') in response.content.decode(), url
