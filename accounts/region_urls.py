"""URLs of the region pages (namespace `regions`, views in accounts.region_views)."""

from django.urls import path

from accounts import region_views as views

REGION = "r/<str:code>/"

app_name = "regions"
urlpatterns = [
    path("regions/", views.region_list, name="list"),
    path(REGION, views.region_detail, name="detail"),
    path(REGION + "office/", views.region_edit, name="edit"),
    path(REGION + "next/", views.next_step, name="next_step"),
]
