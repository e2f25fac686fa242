from django.urls import path

from budget import views, warning_views

app_name = "budget"
urlpatterns = [
    path("r/<str:code>/budget/", views.allocation_list, name="list"),
    path("r/<str:code>/budget/new/", views.allocation_create, name="create"),
    path("r/<str:code>/budget/regencies/", views.regency_recap, name="regencies"),
    path("r/<str:code>/budget/calendar/", warning_views.calendar_edit, name="calendar"),
    path("r/<str:code>/budget/early-warning/", warning_views.early_warning, name="early_warning"),
    path(
        "r/<str:code>/budget/early-warning/<str:regency>/letter/",
        warning_views.advocacy_letter,
        name="advocacy_letter",
    ),
    path("r/<str:code>/budget/<int:pk>/edit/", views.allocation_edit, name="edit"),
    path("r/<str:code>/budget/<int:pk>/delete/", views.allocation_delete, name="delete"),
    path("r/<str:code>/budget/<int:pk>/document/", views.allocation_document, name="document"),
]
