import pytest
from django.core.cache import cache


@pytest.fixture
def kept_aggregates(settings):
    """The aggregates are kept an hour under the data version, starting from an empty cache
    (emptied again afterwards)."""
    settings.SIPOKJA_KEPT_SECONDS = 3600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def rendered_afresh(settings, kept_aggregates):
    """The page bodies are not cached (the benchmark's "not cached" rows): the page is rendered
    over the aggregates and parts kept under the data version (as in production)."""
    settings.SIPOKJA_DASHBOARD_CACHE_SECONDS = 0
