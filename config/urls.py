from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from accounts import language as account_language
from accounts import views as account_views
from api.main import api
from core import routes
from core import views as core_views
from jobs.mail import PasswordResetForm
from ops import health as ops_health
from privacy import views as privacy_views

urlpatterns = [
    path("", account_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", ops_health.readyz, name="readyz"),
    path("privacy/", privacy_views.index, name="privacy"),
    path("privacy/", include("privacy.urls")),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password-reset/",
        # The e-mail leaves through the mail job (jobs/mail.py), never inside the request.
        auth_views.PasswordResetView.as_view(form_class=PasswordResetForm),
        name="password_reset",
    ),
    path(
        "accounts/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("i18n/setlang/", account_language.set_language, name="set_language"),
    routes.app("accounts.urls"),
    routes.app("accounts.region_urls"),
    routes.app("accounts.audit_urls"),
    routes.app("jobs.urls"),
    routes.app("notifications.urls"),
    routes.app("workgroups.urls"),
    routes.app("indicators.urls"),
    routes.app("planning.urls"),
    routes.app("budget.urls"),
    routes.app("policies.urls"),
    routes.app("assessment.urls"),
    routes.app("meetings.urls"),
    routes.app("letters.urls"),
    routes.app("knowledge.urls"),
    routes.app("dashboards.urls"),
    routes.app("reports.urls"),
    routes.app("interop.urls"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
