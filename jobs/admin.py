"""Django admin (national superusers): every job, including the system's (schedule, e-mail),
read-only, with an action to restart failed ones (e.g. e-mail after an SMTP outage)."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from jobs import engine
from jobs.models import Job, OutgoingEmail


class OutgoingEmailInline(admin.TabularInline):
    model = OutgoingEmail
    fields = ("subject", "to", "sent_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("pk", "title", "kind", "state", "done", "total", "attempts", "created_at")
    list_filter = ("state", "kind")
    search_fields = ("title", "kind", "key", "created_by__username", "region__code")
    date_hierarchy = "created_at"
    inlines = [OutgoingEmailInline]
    actions = ["restart"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Restart the selected failed jobs"))
    def restart(self, request, queryset):
        count = sum(engine.restart(job, by=request.user) for job in queryset)
        self.message_user(
            request,
            ngettext("%(count)d job restarted.", "%(count)d jobs restarted.", count)
            % {"count": count},
            messages.SUCCESS,
        )
