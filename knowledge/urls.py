from django.urls import path

from knowledge import views

app_name = "knowledge"
urlpatterns = [
    # Strategic issues of a region
    path("r/<str:code>/issues/", views.issue_list, name="issues"),
    path("r/<str:code>/issues/new/", views.issue_create, name="issue_create"),
    path("r/<str:code>/issues/themes/", views.issue_themes, name="themes"),
    path("r/<str:code>/issues/<int:pk>/", views.issue_detail, name="issue"),
    path("r/<str:code>/issues/<int:pk>/edit/", views.issue_edit, name="issue_edit"),
    path("r/<str:code>/issues/<int:pk>/delete/", views.issue_delete, name="issue_delete"),
    # Knowledge centre (every logged-in user reads; national and provincial admins keep it)
    path("knowledge/", views.document_list, name="documents"),
    path("knowledge/new/", views.document_create, name="document_create"),
    path("knowledge/<int:pk>/", views.document_detail, name="document"),
    path("knowledge/<int:pk>/edit/", views.document_edit, name="document_edit"),
    path("knowledge/<int:pk>/delete/", views.document_delete, name="document_delete"),
    path("knowledge/<int:pk>/file/", views.document_file, name="document_file"),
]
