"""Participants of a meeting: invitees, guests and their attendance."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from meetings.models.meeting import Meeting


class Participant(models.Model):
    """A person on the attendance list of a meeting: an invited Pokja member, or a guest written
    in by name and institution (invited, or a walk-in who signed the daftar hadir). Name, position
    and institution are copied when the person is added, so the record stays as it was on the
    day even if the member record changes later."""

    class Attendance(models.TextChoices):
        UNKNOWN = "unknown", _("Not recorded")
        PRESENT = "present", _("Present")
        REPRESENTED = "represented", _("Represented")
        ABSENT = "absent", _("Absent")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    member = models.ForeignKey(
        "workgroups.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_participations",
        verbose_name=_("member"),
    )
    institution = models.ForeignKey(
        "workgroups.Institution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_participants",
        verbose_name=_("institution"),
    )
    region = models.ForeignKey(
        "regions.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_participants",
        verbose_name=_("region represented"),
    )
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position"), max_length=200, blank=True)
    institution_name = models.CharField(_("institution"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # E.164 (`+6281234567890`, workgroups.validators.normalize_phone); guests only, a member's
    # number stays on the member.
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    invited = models.BooleanField(_("invited"), default=True)
    attendance = models.CharField(
        _("attendance"), max_length=12, choices=Attendance.choices, default=Attendance.UNKNOWN
    )
    represented_by = models.CharField(_("represented by"), max_length=150, blank=True)
    invitation_sent_at = models.DateTimeField(null=True, blank=True)
    recorded_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["region__code", "institution_name", "name", "pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "member"],
                condition=Q(member__isnull=False),
                name="meetings_participant_member_once",
                violation_error_message=_("This member is already on the list."),
            ),
            models.CheckConstraint(
                condition=~Q(name=""),
                name="meetings_participant_named",
                violation_error_message=_("A participant needs a name."),
            ),
            models.CheckConstraint(
                condition=~Q(attendance="represented") | ~Q(represented_by=""),
                name="meetings_participant_representative_named",
                violation_error_message=_("Write who represented the participant."),
            ),
        ]

    class DataScrubbing:
        personal_fields = ("name", "email", "phone", "represented_by")
        personal_repr = True  # str() is the name

    def __str__(self):
        return self.name

    @property
    def is_guest(self) -> bool:
        return self.member_id is None

    @property
    def attended(self) -> bool:
        return self.attendance in (self.Attendance.PRESENT, self.Attendance.REPRESENTED)

    def contact_email(self) -> str:
        """The address invitations and reminders go to: the member's, else the one written in."""
        if self.member_id and self.member:
            if self.member.email:
                return self.member.email
            if self.member.user_id and self.member.user and self.member.user.email:
                return self.member.user.email
        return self.email

    def contact_phone(self) -> str:
        """The number (E.164) to reach the participant on: the member's, else the guest's."""
        if self.member_id and self.member and self.member.phone:
            return self.member.phone
        return self.phone
