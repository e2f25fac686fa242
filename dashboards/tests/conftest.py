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
