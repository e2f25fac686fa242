from django.urls import path

from core.routes import crud
from knowledge import views

app_name = "knowledge"
urlpatterns = [
    # Strategic issues of a region
    *crud("r/<str:code>/issues/", views, "issue", named=True),
    path("r/<str:code>/issues/themes/", views.issue_themes, name="themes"),
    # Knowledge centre (every logged-in user reads; national and provincial admins keep it)
    *crud("knowledge/", views, "document", named=True, file=("file", "document_file")),
]
