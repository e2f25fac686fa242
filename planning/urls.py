from django.urls import path

from core.routes import crud
from planning import import_jobs, views

app_name = "planning"
urlpatterns = [
    *crud(
        "r/<str:code>/plans/",
        views,
        "plan",
        key="<int:year>",
        more=("approve", "reopen"),
        file=("document", "plan_document"),
    ),
    *crud(
        "r/<str:code>/plans/<int:year>/activities/",
        views,
        "activity",
        actions=("create", "edit", "delete"),
        more=("evidence",),
        named=True,
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
]
