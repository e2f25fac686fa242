"""What the privacy app connects from its AppConfig.ready(): audit of its registers, the consent
check of core.privacy, the home section for province admins, job kinds and the daily purge."""


def connect():
    from accounts.home import register_home_section
    from accounts.profile_sections import register_profile_section
    from audit.registry import register
    from core.privacy import register_consent_check
    from privacy import (
        jobs,  # noqa: F401  (registers the job kinds and the schedule)
        whatsapp_sync,
    )
    from privacy.home import open_requests_section
    from privacy.models import Breach, Consent, Controller, DataRequest
    from privacy.profile import personal_data_section
    from privacy.services import consent_in_force

    register(Controller, region=lambda obj: obj.region.code)
    register(DataRequest, region=lambda obj: obj.region.code)
    register(Consent, region=lambda obj: obj.member.workgroup.region.code)
    register(Breach, region=lambda obj: obj.region.code if obj.region_id else "")
    register_consent_check(consent_in_force)
    whatsapp_sync.connect()
    register_profile_section(personal_data_section)
    register_home_section("privacy.requests", open_requests_section, order=15)
