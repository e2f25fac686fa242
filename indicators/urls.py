from django.urls import path

from indicators import adoption_views, catalogue_views, import_jobs, metadata_views, views

app_name = "indicators"
urlpatterns = [
    # National catalogue
    path("indicators/", catalogue_views.catalogue, name="catalogue"),
    path("indicators/metadata/import/", metadata_views.metadata_import, name="metadata_import"),
    # Public Satu Data metadata (no sign-in)
    path(
        "data/indicators/metadata.<str:fmt>",
        metadata_views.metadata_export,
        name="metadata_export",
    ),
    path(
        "data/indicators/<slug:indicator_code>/",
        metadata_views.public_indicator,
        name="public_indicator",
    ),
    path("indicators/new/", catalogue_views.indicator_create, name="indicator_create"),
    path(
        "indicators/national-targets/<int:pk>/",
        catalogue_views.national_target_edit,
        name="national_target_edit",
    ),
    path(
        "indicators/national-targets/<int:pk>/delete/",
        catalogue_views.national_target_delete,
        name="national_target_delete",
    ),
    path(
        "indicators/<slug:indicator_code>/", catalogue_views.indicator_info, name="indicator_info"
    ),
    path(
        "indicators/<slug:indicator_code>/edit/",
        catalogue_views.indicator_edit,
        name="indicator_edit",
    ),
    path(
        "indicators/<slug:indicator_code>/national-targets/new/",
        catalogue_views.national_target_create,
        name="national_target_create",
    ),
    # A region's indicators (fixed words first: they are reserved as indicator codes)
    path("r/<str:code>/indicators/", views.region_indicators, name="region"),
    path("r/<str:code>/indicators/import/", import_jobs.import_view, name="import"),
    path("r/<str:code>/indicators/template.<str:fmt>", views.template_download, name="template"),
    path("r/<str:code>/indicators/export.<str:fmt>", views.export, name="export"),
    path("r/<str:code>/indicators/adopted/", adoption_views.adopted, name="adopted"),
    path("r/<str:code>/indicators/adopted/edit/", adoption_views.adopted_edit, name="adopted_edit"),
    path("r/<str:code>/indicators/targets/<int:pk>/", views.target_edit, name="target_edit"),
    path(
        "r/<str:code>/indicators/targets/<int:pk>/delete/",
        views.target_delete,
        name="target_delete",
    ),
    path("r/<str:code>/indicators/values/<int:pk>/", views.value_edit, name="value_edit"),
    path(
        "r/<str:code>/indicators/values/<int:pk>/delete/", views.value_delete, name="value_delete"
    ),
    path("r/<str:code>/indicators/<slug:indicator_code>/", views.indicator_detail, name="detail"),
    path(
        "r/<str:code>/indicators/<slug:indicator_code>/targets/new/",
        views.target_create,
        name="target_create",
    ),
    path(
        "r/<str:code>/indicators/<slug:indicator_code>/values/new/",
        views.value_create,
        name="value_create",
    ),
    path(
        "r/<str:code>/indicators/<slug:indicator_code>/ranking/", views.ranking_view, name="ranking"
    ),
]
