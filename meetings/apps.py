from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Forum and meetings")

    def ready(self):
        from audit.registry import register
        from meetings import models as m

        register(m.Letterhead, region=lambda obj: obj.region.code)
        register(m.Meeting, region=lambda obj: obj.region.code)
        register(m.InvitedRegion, region=lambda obj: obj.meeting.region.code)
        register(m.InvitedInstitution, region=lambda obj: obj.meeting.region.code)
        register(m.AgendaItem, region=lambda obj: obj.meeting.region.code)
        register(m.Material, region=lambda obj: obj.meeting.region.code)
        register(m.Participant, region=lambda obj: obj.meeting.region.code)
        register(m.Minutes, region=lambda obj: obj.meeting.region.code)
        register(m.Decision, region=lambda obj: obj.minutes.meeting.region.code)
        register(m.ActionItem, region=lambda obj: obj.region.code)
        register(m.ProgressNote, region=lambda obj: obj.item.region.code)
        register(m.Announcement, region=lambda obj: obj.region.code)
        register(m.AnnouncementRecipient, region=lambda obj: obj.announcement.region.code)
        register(m.AnnouncementRead, region=lambda obj: obj.region.code)
        register(m.ReminderLog, region=lambda obj: obj.region_code)

        from accounts.region_links import register_region_links
        from meetings.navigation import REGION_LINKS

        register_region_links(*REGION_LINKS)

        from accounts.home import register_home_section
        from meetings import home

        register_home_section("meetings.member", home.member_sections, order=20)
        register_home_section("meetings.province", home.province_sections, order=30)

        from audit.presenters import register_sentence
        from meetings import jobs  # noqa: F401  (registers the hourly reminders)
        from meetings.sentences import SENTENCES

        for code, sentence in SENTENCES.items():
            register_sentence(code, sentence)
