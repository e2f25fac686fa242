from django.urls import path

from planning import import_jobs, views

app_name = "planning"
urlpatterns = [
    path("r/<str:code>/plans/", views.plan_list, name="list"),
    path("r/<str:code>/plans/new/", views.plan_create, name="create"),
    path("r/<str:code>/plans/<int:year>/", views.plan_detail, name="detail"),
    path("r/<str:code>/plans/<int:year>/edit/", views.plan_edit, name="edit"),
    path("r/<str:code>/plans/<int:year>/approve/", views.plan_approve, name="approve"),
    path("r/<str:code>/plans/<int:year>/reopen/", views.plan_reopen, name="reopen"),
    path("r/<str:code>/plans/<int:year>/delete/", views.plan_delete, name="delete"),
    path("r/<str:code>/plans/<int:year>/document/", views.plan_document, name="document"),
    path(
        "r/<str:code>/plans/<int:year>/activities/new/",
        views.activity_create,
        name="activity_create",
    ),
    path(
        "r/<str:code>/plans/<int:year>/activities/template.xlsx",
        views.activity_template,
        name="activity_template",
    ),
    path(
        "r/<str:code>/plans/<int:year>/activities/import/",
        import_jobs.activity_import,
        name="activity_import",
    ),
    path(
        "r/<str:code>/plans/<int:year>/activities/export.xlsx",
        views.activity_export,
        name="activity_export",
    ),
    path(
        "r/<str:code>/plans/<int:year>/activities/<int:pk>/edit/",
        views.activity_edit,
        name="activity_edit",
    ),
    path(
        "r/<str:code>/plans/<int:year>/activities/<int:pk>/delete/",
        views.activity_delete,
        name="activity_delete",
    ),
    path(
        "r/<str:code>/plans/<int:year>/activities/<int:pk>/evidence/",
        views.activity_evidence,
        name="activity_evidence",
    ),
]
