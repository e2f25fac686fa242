from django.urls import path

from assessment import recap_letter, review_views, views
from core.routes import crud, plain

REGION = "r/<str:code>/assessment/"
YEAR = REGION + "<int:year>/"

app_name = "assessment"
urlpatterns = [
    path("assessment/national/", views.national, name="national"),
    path("assessment/criteria/", views.criteria_list, name="criteria"),
    *crud("assessment/criteria/", views, "criterion", actions=("edit",), named=True),
    path(REGION, views.region_assessment, name="region"),
    *plain(REGION, views, "matrix", "history", "turnaround"),
    path(REGION + "matrix.<str:fmt>", views.matrix_export, name="matrix_export"),
    path(REGION + "matrix/letter/", recap_letter.recap_letter, name="recap_letter"),
    path(REGION + "criteria/", views.provincial_criteria, name="provincial_criteria"),
    *crud(REGION + "criteria/", views, "provincial_criterion", actions=("edit",), named=True),
    *plain(YEAR, views, "submit", "reopen"),
    *plain(YEAR, review_views, "review", "verify", "resubmit"),
    path(YEAR + "accept/", review_views.accept_met, name="accept_met"),
    path(YEAR + "declare/<int:criterion_id>/", views.declare, name="declare"),
]
