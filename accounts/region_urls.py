"""URLs of the region pages (namespace `regions`, views in accounts.region_views)."""

from django.urls import path

from accounts import region_views as views

app_name = "regions"
urlpatterns = [
    path("regions/", views.region_list, name="list"),
    path("r/<str:code>/", views.region_detail, name="detail"),
    path("r/<str:code>/office/", views.region_edit, name="edit"),
    path("r/<str:code>/next/", views.next_step, name="next_step"),
]
