from django.urls import path

from dashboards import national, views

app_name = "dashboards"
urlpatterns = [
    path("dashboard/", national.national_dashboard, name="national"),
    path("r/<str:code>/dashboard/", views.region_dashboard, name="region"),
    path("r/<str:code>/dashboard/map/", views.boundary_map, name="boundary_map"),
    path(
        "r/<str:code>/dashboard/map/remove/", views.boundary_map_remove, name="boundary_map_remove"
    ),
]
