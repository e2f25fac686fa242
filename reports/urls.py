from django.urls import path

from core.routes import plain
from reports import views

REPORTS = "r/<str:code>/reports/"

app_name = "reports"
urlpatterns = [
    path(REPORTS + "profile.pdf", views.profile_pdf, name="profile"),
    path(REPORTS + "profiles/", views.profiles_batch, name="profiles_batch"),
    *plain(REPORTS, views, "indicators"),
    path(REPORTS + "indicators.<str:fmt>", views.indicators_export, name="indicators_export"),
    path("transparansi/", views.public, name="public"),
    path("transparansi/<str:code>/", views.public_province, name="public_province"),
]
