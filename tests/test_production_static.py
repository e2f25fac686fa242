"""Finding 1 of issue 17: with DEBUG off the static manifest is on, and `collectstatic` must pass
with it, or every page that uses `{% static %}` (the log-in page included) answers 500. The test
suite otherwise runs with the manifest off, so this test collects the static files into a
temporary folder with the manifest storage and serves pages from that configuration."""

import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

MANIFEST = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"


def test_vendored_assets_reference_no_missing_file():
    """A `sourceMappingURL` or `url(...)` in a vendored file must name a file that is there."""
    vendor = Path(django_settings.BASE_DIR) / "static" / "vendor"
    for path in vendor.iterdir():
        if path.suffix not in {".js", ".css"}:
            continue
        text = path.read_text(encoding="utf-8")
        for ref in re.findall(r"sourceMappingURL=([^\s*]+)", text):
            assert (path.parent / ref).exists(), f"{path.name} names a missing {ref}"
        for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)", text):
            if ref.startswith(("data:", "#", "http:", "https:")):
                continue
            assert (path.parent / ref).exists(), f"{path.name} names a missing {ref}"


@pytest.fixture
def manifest_static(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST}}
    finders.get_finder.cache_clear()
    call_command("collectstatic", "--noinput", verbosity=0)
    assert (tmp_path / "static" / "staticfiles.json").exists()
    return tmp_path / "static"


def test_pages_render_with_the_manifest_after_collectstatic(manifest_static, personas):
    """The log-in page and the dashboards render with fingerprinted names (DEBUG is off in
    tests, so a name missing from the manifest would raise)."""
    response = personas.client("anonymous").get("/accounts/login/")
    assert response.status_code == 200
    assert re.search(rb"/static/vendor/htmx-2\.0\.11\.min\.[0-9a-f]{12}\.js", response.content)
    admin = personas.client("sulsel_admin")
    for url in ("/r/73/dashboard/", "/r/73.06/dashboard/"):
        response = admin.get(url)
        assert response.status_code == 200, url
        assert re.search(
            rb"/static/vendor/chart-4\.6\.1\.umd\.min\.[0-9a-f]{12}\.js", response.content
        ), url
    response = personas.client("national_admin").get("/dashboard/")
    assert response.status_code == 200
