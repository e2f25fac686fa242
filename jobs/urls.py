from django.urls import path

from jobs import views

app_name = "jobs"
urlpatterns = [
    path("jobs/", views.my_jobs, name="list"),
    path("jobs/<int:pk>/", views.detail, name="detail"),
    path("jobs/<int:pk>/progress/", views.progress, name="progress"),
    path("jobs/<int:pk>/result/", views.result, name="result"),
]
