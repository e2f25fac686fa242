from django.urls import path

from core.routes import plain
from interop import exchange_views, integration_views, opendata_views

EXCHANGE = "r/<str:code>/planning-exchange/"
INTEGRATIONS = "r/<str:code>/integrations/"
KEYS = INTEGRATIONS + "keys/"
WEBHOOKS = INTEGRATIONS + "webhooks/"

app_name = "interop"
urlpatterns = [
    # Open data (public, stable: docs/interop.md)
    path("data.json", opendata_views.data_json, name="data_json"),
    *plain("api/3/action/", opendata_views, "package_list", "package_show", end=""),
    path("data/datasets/<slug:name>.<str:fmt>", opendata_views.resource, name="resource"),
    # Exchange with regional planning (SIPD)
    path(EXCHANGE, exchange_views.exchange, name="exchange"),
    path(EXCHANGE + "import/", exchange_views.exchange_import, name="exchange_import"),
    path(EXCHANGE + "<str:part>.<str:fmt>", exchange_views.exchange_export, name="exchange_export"),
    # Integrators: API keys, webhooks, delivery log
    path(INTEGRATIONS, integration_views.integrations, name="integrations"),
    path(KEYS, integration_views.key_create, name="key_create"),
    path(KEYS + "<int:pk>/revoke/", integration_views.key_revoke, name="key_revoke"),
    path(WEBHOOKS, integration_views.webhook_create, name="webhook_create"),
    path(WEBHOOKS + "<int:pk>/toggle/", integration_views.webhook_toggle, name="webhook_toggle"),
]
