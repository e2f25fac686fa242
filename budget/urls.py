from django.urls import path

from budget import views, warning_views
from core.routes import crud

BUDGET = "r/<str:code>/budget/"
WARNING = BUDGET + "early-warning/"

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
    path(WARNING, warning_views.early_warning, name="early_warning"),
    path(WARNING + "<str:regency>/letter/", warning_views.advocacy_letter, name="advocacy_letter"),
]
