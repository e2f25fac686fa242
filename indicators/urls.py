from django.urls import path

from core.routes import crud, plain
from indicators import adoption_views, catalogue_views, import_jobs, metadata_views, views

CATALOGUE = "indicators/"
INDICATOR = CATALOGUE + "<slug:indicator_code>/"
REGION = "r/<str:code>/indicators/"
REGION_INDICATOR = REGION + "<slug:indicator_code>/"
EDIT_DELETE = {"actions": ("edit", "delete"), "named": True, "in_place": True}

app_name = "indicators"
urlpatterns = [
    # National catalogue
    path(CATALOGUE, catalogue_views.catalogue, name="catalogue"),
    path(CATALOGUE + "metadata/import/", metadata_views.metadata_import, name="metadata_import"),
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
    path(CATALOGUE + "new/", catalogue_views.indicator_create, name="indicator_create"),
    *crud(CATALOGUE + "national-targets/", catalogue_views, "national_target", **EDIT_DELETE),
    path(INDICATOR, catalogue_views.indicator_info, name="indicator_info"),
    path(INDICATOR + "edit/", catalogue_views.indicator_edit, name="indicator_edit"),
    path(
        INDICATOR + "national-targets/new/",
        catalogue_views.national_target_create,
        name="national_target_create",
    ),
    # A region's indicators (fixed words first: they are reserved as indicator codes)
    path(REGION, views.region_indicators, name="region"),
    path(REGION + "import/", import_jobs.import_view, name="import"),
    path(REGION + "template.<str:fmt>", views.template_download, name="template"),
    path(REGION + "export.<str:fmt>", views.export, name="export"),
    *plain(REGION, adoption_views, "adopted"),
    *plain(REGION + "adopted/", adoption_views, "edit", stem="adopted"),
    *crud(REGION + "targets/", views, "target", **EDIT_DELETE),
    *crud(REGION + "values/", views, "value", **EDIT_DELETE),
    path(REGION_INDICATOR, views.indicator_detail, name="detail"),
    path(REGION_INDICATOR + "targets/new/", views.target_create, name="target_create"),
    path(REGION_INDICATOR + "values/new/", views.value_create, name="value_create"),
    path(REGION_INDICATOR + "ranking/", views.ranking_view, name="ranking"),
]
