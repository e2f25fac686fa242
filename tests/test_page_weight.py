"""Pages stay light on a slow connection (issue 22): the bytes a cold cache transfers for the
home page and the matrix (the HTML and every stylesheet and script it links, gzip-compressed as
WhiteNoise and nginx serve them) stay under 250 kB each. The numbers are in the README."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

BUDGET = 250 * 1024
ASSET = re.compile(r'(?:href|src)="/static/([^"?]+\.(?:css|js|svg))"')


def cold_cache_bytes(html: str) -> dict:
    sizes = {"html": len(gzip.compress(html.encode(), 6))}
    for name in sorted(set(ASSET.findall(html))):
        path = finders.find(name)
        assert path, name
        with open(path, "rb") as f:
            sizes[name] = len(gzip.compress(f.read(), 6))
    return sizes


@pytest.mark.parametrize("url", ["/", "/r/73/assessment/matrix/"])
def test_home_and_matrix_are_light(personas, url):
    response = personas.client("sulsel_admin").get(url)
    assert response.status_code == 200
    sizes = cold_cache_bytes(response.content.decode())
    total = sum(sizes.values())
    print(url, total, sizes)
    assert total <= BUDGET, sizes
