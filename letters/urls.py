from django.urls import path

from core.routes import crud, plain
from letters import public, views

LETTERS = "r/<str:code>/letters/"

app_name = "letters"
urlpatterns = [
    path(LETTERS, views.register, name="register"),
    path(LETTERS + "export.<str:fmt>", views.register_export, name="export"),
    *plain(LETTERS, views, "numbering", "certificate"),
    path(LETTERS + "certificate/remove/", views.certificate_remove, name="certificate_remove"),
    *crud(LETTERS, views, "letter", actions=("create", "detail"), more=("cancel",)),
    path(LETTERS + "documents/<int:pk>.pdf", views.document_file, name="document"),
    # Public: the QR code on every issued document opens this page.
    path("verifikasi/", public.lookup, name="verify_lookup"),
    path("verifikasi/<str:code>", public.verify, name="verify"),
]
