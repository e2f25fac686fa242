from django.urls import path

from audit import views

app_name = "audit"
urlpatterns = [path("r/<str:code>/audit/", views.region_audit, name="region")]
