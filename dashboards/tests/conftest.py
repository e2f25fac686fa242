import pytest
from django.core.cache import cache


@pytest.fixture
def rendered_afresh(settings):
    """The page bodies are not cached (the benchmark's "not cached" rows): the page is rendered
    over the aggregates and parts kept under the data version (as in production)."""
    settings.SIPOKJA_DASHBOARD_CACHE_SECONDS = 0
    settings.SIPOKJA_KEPT_SECONDS = 3600
    cache.clear()
    yield
    cache.clear()
