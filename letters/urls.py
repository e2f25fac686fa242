from django.urls import path

from letters import public, views

app_name = "letters"
urlpatterns = [
    path("r/<str:code>/letters/", views.register, name="register"),
    path("r/<str:code>/letters/export.<str:fmt>", views.register_export, name="export"),
    path("r/<str:code>/letters/new/", views.letter_create, name="create"),
    path("r/<str:code>/letters/numbering/", views.numbering, name="numbering"),
    path("r/<str:code>/letters/certificate/", views.certificate, name="certificate"),
    path(
        "r/<str:code>/letters/certificate/remove/",
        views.certificate_remove,
        name="certificate_remove",
    ),
    path("r/<str:code>/letters/<int:pk>/", views.letter_detail, name="detail"),
    path("r/<str:code>/letters/<int:pk>/cancel/", views.letter_cancel, name="cancel"),
    path("r/<str:code>/letters/documents/<int:pk>.pdf", views.document_file, name="document"),
    # Public: the QR code on every issued document opens this page.
    path("verifikasi/", public.lookup, name="verify_lookup"),
    path("verifikasi/<str:code>", public.verify, name="verify"),
]
