from django.urls import path

from workgroups import import_jobs
from workgroups.views import catalogue, decree_reading, decrees, institutions, members, workgroup

app_name = "workgroups"
urlpatterns = [
    path("r/<str:code>/pokja/", workgroup.profile, name="profile"),
    path("r/<str:code>/pokja/new/", workgroup.create, name="create"),
    path("r/<str:code>/pokja/edit/", workgroup.edit, name="edit"),
    # Decrees (SK)
    path("r/<str:code>/pokja/decrees/", decrees.decree_list, name="decrees"),
    path("r/<str:code>/pokja/decrees/new/", decrees.decree_create, name="decree_create"),
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
    path("r/<str:code>/pokja/decrees/<int:pk>/edit/", decrees.decree_edit, name="decree_edit"),
    path(
        "r/<str:code>/pokja/decrees/<int:pk>/delete/", decrees.decree_delete, name="decree_delete"
    ),
    path("r/<str:code>/pokja/decrees/<int:pk>/file/", decrees.decree_file, name="decree_file"),
    # Members
    path("r/<str:code>/pokja/members/", members.member_list, name="members"),
    path("r/<str:code>/pokja/members/new/", members.member_create, name="member_create"),
    path("r/<str:code>/pokja/members/template/", members.members_template, name="members_template"),
    path("r/<str:code>/pokja/members/import/", import_jobs.members_import, name="members_import"),
    path("r/<str:code>/pokja/members/export/", members.members_export, name="members_export"),
    path("r/<str:code>/pokja/members/<int:pk>/edit/", members.member_edit, name="member_edit"),
    path(
        "r/<str:code>/pokja/members/<int:pk>/delete/", members.member_delete, name="member_delete"
    ),
    path("r/<str:code>/pokja/members/<int:pk>/login/", members.member_login, name="member_login"),
    # Institutions
    path("r/<str:code>/institutions/", institutions.institution_list, name="institutions"),
    path(
        "r/<str:code>/institutions/new/", institutions.institution_create, name="institution_create"
    ),
    path(
        "r/<str:code>/institutions/<int:pk>/edit/",
        institutions.institution_edit,
        name="institution_edit",
    ),
    path(
        "r/<str:code>/institutions/<int:pk>/delete/",
        institutions.institution_delete,
        name="institution_delete",
    ),
    # National catalogue
    path("catalogue/subgroups/", catalogue.subgroup_list, name="subgroups"),
    path("catalogue/subgroups/<int:pk>/edit/", catalogue.subgroup_edit, name="subgroup_edit"),
]
