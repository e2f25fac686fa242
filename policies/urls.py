from django.urls import path

from policies import views

app_name = "policies"
urlpatterns = [
    path("r/<str:code>/policies/", views.policy_list, name="list"),
    path("r/<str:code>/policies/new/", views.policy_create, name="create"),
    path("r/<str:code>/policies/<int:pk>/", views.policy_detail, name="detail"),
    path("r/<str:code>/policies/<int:pk>/edit/", views.policy_edit, name="edit"),
    path("r/<str:code>/policies/<int:pk>/delete/", views.policy_delete, name="delete"),
    path("r/<str:code>/policies/<int:pk>/document/", views.policy_file, name="document"),
]
