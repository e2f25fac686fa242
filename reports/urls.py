from django.urls import path

from reports import views

app_name = "reports"
urlpatterns = [
    path("r/<str:code>/reports/profile.pdf", views.profile_pdf, name="profile"),
    path("r/<str:code>/reports/profiles/", views.profiles_batch, name="profiles_batch"),
    path("r/<str:code>/reports/indicators/", views.indicators, name="indicators"),
    path(
        "r/<str:code>/reports/indicators.<str:fmt>",
        views.indicators_export,
        name="indicators_export",
    ),
    path("transparansi/", views.public, name="public"),
    path("transparansi/<str:code>/", views.public_province, name="public_province"),
]
