from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteropConfig(AppConfig):
    name = "interop"
    verbose_name = _("Interoperability")

    def ready(self):
        from django.db.models.signals import post_save

        from audit.models import AuditEvent
        from audit.registry import register
        from interop import webhooks
        from interop.models import Delivery, IntegratorKey, Webhook

        # Never the key's hash or the webhook's secret in the audit trail.
        register(IntegratorKey, fields=["region", "name", "access", "prefix", "revoked_at"])
        register(Webhook, fields=["region", "url", "events", "is_active"])
        register(
            Delivery,
            region="webhook.region",
            fields=["webhook", "event", "state", "attempts", "response_status"],
        )
        post_save.connect(
            webhooks.on_audit_event, sender=AuditEvent, dispatch_uid="interop.webhooks"
        )

        from accounts.region_links import register_region_links
        from interop.navigation import REGION_LINKS

        register_region_links(*REGION_LINKS)
