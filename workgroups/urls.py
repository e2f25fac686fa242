from django.urls import path

from core.routes import crud
from workgroups import import_jobs
from workgroups.views import catalogue, decree_reading, decrees, institutions, members, workgroup

EDITABLE = ("list", "create", "edit", "delete")

app_name = "workgroups"
urlpatterns = [
    path("r/<str:code>/pokja/", workgroup.profile, name="profile"),
    path("r/<str:code>/pokja/new/", workgroup.create, name="create"),
    path("r/<str:code>/pokja/edit/", workgroup.edit, name="edit"),
    # Decrees (SK)
    *crud(
        "r/<str:code>/pokja/decrees/",
        decrees,
        "decree",
        actions=EDITABLE,
        file=("file", "decree_file"),
        named=True,
    ),
    path("r/<str:code>/pokja/decrees/read/", decree_reading.decree_read, name="decree_read"),
    path(
        "r/<str:code>/pokja/decrees/read/<int:job>/",
        decree_reading.decree_read_progress,
        name="decree_read_progress",
    ),
    path(
        "r/<str:code>/pokja/decrees/read/<int:job>/review/",
        decree_reading.decree_read_review,
        name="decree_read_review",
    ),
    # Members
    *crud(
        "r/<str:code>/pokja/members/",
        members,
        "member",
        actions=EDITABLE,
        more=("login",),
        named=True,
    ),
    path("r/<str:code>/pokja/members/template/", members.members_template, name="members_template"),
    path("r/<str:code>/pokja/members/import/", import_jobs.members_import, name="members_import"),
    path("r/<str:code>/pokja/members/export/", members.members_export, name="members_export"),
    # Institutions
    *crud("r/<str:code>/institutions/", institutions, "institution", actions=EDITABLE, named=True),
    # National catalogue
    path("catalogue/subgroups/", catalogue.subgroup_list, name="subgroups"),
    path("catalogue/subgroups/<int:pk>/edit/", catalogue.subgroup_edit, name="subgroup_edit"),
]
