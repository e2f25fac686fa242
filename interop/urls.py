from django.urls import path

from interop import exchange_views, opendata_views

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
]
