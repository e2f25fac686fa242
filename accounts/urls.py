from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/profile/contact/", views.contact, name="contact"),
    path("accounts/tokens/<int:token_id>/revoke/", views.revoke_token, name="revoke_token"),
]
