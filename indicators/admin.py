"""Django admin for the national catalogue only (national superusers). Region data (targets,
realisations, adoptions) is edited in the main UI, where region scope is enforced."""

from django.contrib import admin

from indicators.models import Indicator, NationalTarget


class NationalTargetInline(admin.TabularInline):
    model = NationalTarget
    extra = 0
    fields = ("year", "value", "is_uncertain", "source")


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "unit", "direction", "periodicity", "is_active", "order")
    list_filter = ("direction", "periodicity", "is_active")
    search_fields = ("code", "name")
    readonly_fields = ("version",)
    inlines = [NationalTargetInline]

    def get_readonly_fields(self, request, obj=None):
        # Codes are used in spreadsheets and by other systems: they do not change.
        return ("version", "code") if obj is not None else ("version",)

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)


@admin.register(NationalTarget)
class NationalTargetAdmin(admin.ModelAdmin):
    list_display = ("indicator", "year", "value", "is_uncertain")
    list_filter = ("indicator", "is_uncertain")
    readonly_fields = ("version",)

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)
