from django.urls import path

from assessment import recap_letter, review_views, views

app_name = "assessment"
urlpatterns = [
    path("assessment/national/", views.national, name="national"),
    path("assessment/criteria/", views.criteria_list, name="criteria"),
    path("assessment/criteria/<int:pk>/edit/", views.criterion_edit, name="criterion_edit"),
    path("r/<str:code>/assessment/", views.region_assessment, name="region"),
    path("r/<str:code>/assessment/matrix/", views.matrix, name="matrix"),
    path("r/<str:code>/assessment/matrix.<str:fmt>", views.matrix_export, name="matrix_export"),
    path("r/<str:code>/assessment/matrix/letter/", recap_letter.recap_letter, name="recap_letter"),
    path("r/<str:code>/assessment/history/", views.history, name="history"),
    path("r/<str:code>/assessment/turnaround/", views.turnaround, name="turnaround"),
    path(
        "r/<str:code>/assessment/criteria/", views.provincial_criteria, name="provincial_criteria"
    ),
    path(
        "r/<str:code>/assessment/criteria/<int:pk>/edit/",
        views.provincial_criterion_edit,
        name="provincial_criterion_edit",
    ),
    path("r/<str:code>/assessment/<int:year>/submit/", views.submit, name="submit"),
    path("r/<str:code>/assessment/<int:year>/review/", review_views.review, name="review"),
    path("r/<str:code>/assessment/<int:year>/verify/", review_views.verify, name="verify"),
    path("r/<str:code>/assessment/<int:year>/accept/", review_views.accept_met, name="accept_met"),
    path("r/<str:code>/assessment/<int:year>/resubmit/", review_views.resubmit, name="resubmit"),
    path("r/<str:code>/assessment/<int:year>/reopen/", views.reopen, name="reopen"),
    path(
        "r/<str:code>/assessment/<int:year>/declare/<int:criterion_id>/",
        views.declare,
        name="declare",
    ),
]
