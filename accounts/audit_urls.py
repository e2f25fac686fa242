"""URL of a region's audit history (namespace `audit`, view in accounts.audit_views)."""

from django.urls import path

from accounts import audit_views as views

app_name = "audit"
urlpatterns = [path("r/<str:code>/audit/", views.region_audit, name="region")]
