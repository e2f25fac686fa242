from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkgroupsConfig(AppConfig):
    name = "workgroups"
    verbose_name = _("Pokja registry")

    def ready(self):
        from audit.registry import register
        from workgroups.models import Decree, Institution, Member, SubGroup, WorkGroup

        register(WorkGroup, Institution)
        register(Decree, Member, region="workgroup.region")
        # The national catalogue: no region.
        register(SubGroup, region=None)

        from accounts.region_links import register_region_links
        from workgroups.navigation import REGION_LINKS

        register_region_links(*REGION_LINKS)

        # Job kinds: the members import, the daily SK expiry notices, reading an SK.
        # Members' WhatsApp numbers (with consent) for notification channels (docs/whatsapp.md).
        from notifications.channels import register_phone_source
        from workgroups import decree_import, import_jobs, notify  # noqa: F401
        from workgroups.contact import member_phones

        register_phone_source(member_phones)
