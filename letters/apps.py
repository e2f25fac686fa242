from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = _("Letters")

    def ready(self):
        from audit.registry import register
        from letters.models import IssuedDocument, Letter, NumberingScheme, OfficeCertificate

        register(Letter, NumberingScheme, IssuedDocument)
        # Never the encrypted key material: only what identifies the certificate.
        register(OfficeCertificate, fields=OfficeCertificate.AUDITED_FIELDS)

        from accounts.region_links import register_region_links
        from letters.navigation import REGION_LINKS

        register_region_links(*REGION_LINKS)
