from django.urls import path

from core.routes import plain
from jobs import views

app_name = "jobs"
urlpatterns = [
    path("jobs/", views.my_jobs, name="list"),
    path("jobs/<int:pk>/", views.detail, name="detail"),
    *plain("jobs/<int:pk>/", views, "progress", "result"),
]
