from django.urls import path

from core.routes import plain
from letters import public, views

LETTERS = "r/<str:code>/letters/"

app_name = "letters"
urlpatterns = [
    path(LETTERS, views.register, name="register"),
    path(LETTERS + "export.<str:fmt>", views.register_export, name="export"),
    path(LETTERS + "new/", views.letter_create, name="create"),
    *plain(LETTERS, views, "numbering", "certificate"),
    path(LETTERS + "certificate/remove/", views.certificate_remove, name="certificate_remove"),
    path(LETTERS + "<int:pk>/", views.letter_detail, name="detail"),
    path(LETTERS + "<int:pk>/cancel/", views.letter_cancel, name="cancel"),
    path(LETTERS + "documents/<int:pk>.pdf", views.document_file, name="document"),
    # Public: the QR code on every issued document opens this page.
    path("verifikasi/", public.lookup, name="verify_lookup"),
    path("verifikasi/<str:code>", public.verify, name="verify"),
]
