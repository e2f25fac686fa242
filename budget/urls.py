from django.urls import path

from budget import views

app_name = "budget"
urlpatterns = [
    path("r/<str:code>/budget/", views.allocation_list, name="list"),
    path("r/<str:code>/budget/new/", views.allocation_create, name="create"),
    path("r/<str:code>/budget/regencies/", views.regency_recap, name="regencies"),
    path("r/<str:code>/budget/<int:pk>/edit/", views.allocation_edit, name="edit"),
    path("r/<str:code>/budget/<int:pk>/delete/", views.allocation_delete, name="delete"),
    path("r/<str:code>/budget/<int:pk>/document/", views.allocation_document, name="document"),
]
