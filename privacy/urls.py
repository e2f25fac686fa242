from django.urls import path

from privacy import views

app_name = "privacy"

urlpatterns = [
    path("controllers/<str:code>/", views.controller, name="controller"),
    path("requests/", views.requests, name="requests"),
    path("r/<str:code>/requests/new/", views.request_new, name="request_new"),
    path("requests/<int:pk>/", views.request_detail, name="request"),
    path("requests/<int:pk>/export/", views.request_export, name="request_export"),
    path("requests/<int:pk>/erase/", views.request_erase, name="request_erase"),
    path("me/export/", views.my_export, name="my_export"),
    path("me/contact/", views.my_contact, name="my_contact"),
    path("members/<int:pk>/consent/", views.consent, name="consent"),
    path(
        "members/<int:pk>/consent/<str:purpose>/withdraw/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
    path("breaches/", views.breaches, name="breaches"),
    path("breaches/new/", views.breach_new, name="breach_new"),
    path("breaches/<int:pk>/", views.breach_detail, name="breach"),
    path("breaches/<int:pk>/letter/<str:to>/", views.breach_letter, name="breach_letter"),
]
