"""Django admin: for national superusers and catalogue maintenance only (region users work in
the main UI, where scope and audit apply)."""

from django.contrib import admin

from workgroups.models import Decree, Institution, Member, SubGroup, WorkGroup


@admin.register(SubGroup)
class SubGroupAdmin(admin.ModelAdmin):
    list_display = ("order", "code", "name", "is_active")
    list_display_links = ("code", "name")
    list_filter = ("is_active",)
    search_fields = ("code", "name")
    ordering = ("order", "name")


class DecreeInline(admin.TabularInline):
    model = Decree
    extra = 0
    fields = ("number", "kind", "issuer", "signed_on", "valid_from", "valid_until")
    show_change_link = True


@admin.register(WorkGroup)
class WorkGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "region", "status", "formed_on", "is_demo")
    list_filter = ("status", "is_demo")
    search_fields = ("name", "region__code", "region__name")
    raw_id_fields = ("region", "created_by")
    filter_horizontal = ("subgroups",)
    inlines = [DecreeInline]


@admin.register(Decree)
class DecreeAdmin(admin.ModelAdmin):
    list_display = ("number", "workgroup", "kind", "issuer", "valid_from", "valid_until")
    list_filter = ("kind", "issuer")
    search_fields = ("number", "title", "workgroup__region__code")
    raw_id_fields = ("workgroup", "created_by")


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ("name", "region", "sector", "is_government")
    list_filter = ("sector", "is_government")
    search_fields = ("name", "region__code")
    raw_id_fields = ("region",)


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ("name", "workgroup", "role", "subgroup", "institution")
    list_filter = ("role", "subgroup")
    search_fields = ("name", "workgroup__region__code")
    raw_id_fields = ("workgroup", "institution", "user")
