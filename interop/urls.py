from django.urls import path

from interop import exchange_views, integration_views, opendata_views

app_name = "interop"
urlpatterns = [
    # Open data (public, stable: docs/interop.md)
    path("data.json", opendata_views.data_json, name="data_json"),
    path("api/3/action/package_list", opendata_views.package_list, name="package_list"),
    path("api/3/action/package_show", opendata_views.package_show, name="package_show"),
    path("data/datasets/<slug:name>.<str:fmt>", opendata_views.resource, name="resource"),
    # Exchange with regional planning (SIPD)
    path("r/<str:code>/planning-exchange/", exchange_views.exchange, name="exchange"),
    path(
        "r/<str:code>/planning-exchange/import/",
        exchange_views.exchange_import,
        name="exchange_import",
    ),
    path(
        "r/<str:code>/planning-exchange/<str:part>.<str:fmt>",
        exchange_views.exchange_export,
        name="exchange_export",
    ),
    # Integrators: API keys, webhooks, delivery log
    path("r/<str:code>/integrations/", integration_views.integrations, name="integrations"),
    path("r/<str:code>/integrations/keys/", integration_views.key_create, name="key_create"),
    path(
        "r/<str:code>/integrations/keys/<int:pk>/revoke/",
        integration_views.key_revoke,
        name="key_revoke",
    ),
    path(
        "r/<str:code>/integrations/webhooks/",
        integration_views.webhook_create,
        name="webhook_create",
    ),
    path(
        "r/<str:code>/integrations/webhooks/<int:pk>/toggle/",
        integration_views.webhook_toggle,
        name="webhook_toggle",
    ),
]
