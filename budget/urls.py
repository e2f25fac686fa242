from django.urls import path

from budget import views, warning_views
from core.routes import crud

BUDGET = "r/<str:code>/budget/"

app_name = "budget"
urlpatterns = [
    *crud(
        BUDGET,
        views,
        "allocation",
        actions=("list", "create", "edit", "delete"),
        file=("document", "allocation_document"),
    ),
    path(BUDGET + "regencies/", views.regency_recap, name="regencies"),
    path(BUDGET + "calendar/", warning_views.calendar_edit, name="calendar"),
    path(BUDGET + "early-warning/", warning_views.early_warning, name="early_warning"),
    path(
        BUDGET + "early-warning/<str:regency>/letter/",
        warning_views.advocacy_letter,
        name="advocacy_letter",
    ),
]
