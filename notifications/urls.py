from django.urls import path

from core.routes import plain
from notifications import views

app_name = "notifications"
urlpatterns = [
    path("notifications/", views.inbox, name="inbox"),
    *plain("notifications/<int:pk>/", views, "read"),
    path("notifications/read-all/", views.read_all, name="read_all"),
    *plain("notifications/", views, "preferences"),
]
