from django.urls import path

from core.routes import crud, plain
from privacy import views

app_name = "privacy"

urlpatterns = [
    path("controllers/<str:code>/", views.controller, name="controller"),
    *plain("", views, "requests"),
    path("r/<str:code>/requests/new/", views.request_new, name="request_new"),
    *crud("requests/", views, "request", actions=("detail",), more=("export", "erase"), named=True),
    path("me/export/", views.my_export, name="my_export"),
    path("me/contact/", views.my_contact, name="my_contact"),
    path("members/<int:pk>/consent/", views.consent, name="consent"),
    path(
        "members/<int:pk>/consent/<str:purpose>/withdraw/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
    *plain("", views, "breaches"),
    path("breaches/new/", views.breach_new, name="breach_new"),
    *crud("breaches/", views, "breach", actions=("detail",), named=True),
    path("breaches/<int:pk>/letter/<str:to>/", views.breach_letter, name="breach_letter"),
]
