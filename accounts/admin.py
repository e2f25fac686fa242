from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import RoleAssignment, User


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    raw_id_fields = ("region",)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Users with their e-mail address, e-mail language and roles."""

    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Notifications"), {"fields": ("language",)}),
    )
    list_display = ("username", "email", "first_name", "last_name", "language", "is_active")
    inlines = [RoleAssignmentInline]
