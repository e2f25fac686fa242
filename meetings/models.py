"""Forum Komunikasi: meetings with their invitations, agenda, materials and attendance; minutes
(notulen) with decisions; action items and commitments with their follow-up; announcements from
the province; the reminder log; and each region's letterhead (kop surat) for printed letters.

A meeting belongs to the region that organises it and is reached through that region or through
a region it invites (`/r/<code>/meetings/<pk>/`). An action item belongs to the region that set it
and is also reached through the region it is assigned to.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedModel
from core.uploads import stored_name
from meetings.sanitize import sanitize_html
from meetings.timezones import region_timezone


class FileType(models.TextChoices):
    """What an uploaded file turned out to be, judged by its content."""

    PDF = "pdf", "PDF"
    XLSX = "xlsx", "Excel (XLSX)"
    PNG = "png", "PNG"
    JPG = "jpg", "JPEG"


@deconstructible
class TypedUploadTo:
    """`upload_to=TypedUploadTo("materials", "file_type")`: a random name whose extension comes
    from the content type recorded on the instance (never from the user's file name)."""

    def __init__(self, prefix: str, type_field: str):
        self.prefix = prefix
        self.type_field = type_field

    def __call__(self, instance, filename):
        return stored_name(self.prefix, getattr(instance, self.type_field) or "bin")

    def __eq__(self, other):
        return isinstance(other, TypedUploadTo) and (self.prefix, self.type_field) == (
            other.prefix,
            other.type_field,
        )


class Letterhead(VersionedModel):
    """The parts of a region's kop surat that `Region` does not hold: the logo, the line above
    the office name and the signatory of letters. Office name, address, phone and e-mail stay on
    the region (edited on its office page). Tata Naskah Dinas: the letterhead carries the emblem or
    logo, the name of the office and its address."""

    class LogoType(models.TextChoices):
        PNG = "png", "PNG"
        JPG = "jpg", "JPEG"

    region = models.OneToOneField(
        "regions.Region",
        on_delete=models.CASCADE,
        related_name="letterhead",
        verbose_name=_("region"),
    )
    header_line = models.CharField(
        _("line above the office name"),
        max_length=300,
        blank=True,
        help_text=_(
            "For example KEMENTERIAN KEPENDUDUKAN DAN PEMBANGUNAN KELUARGA/BKKBN or "
            "PEMERINTAH KABUPATEN GOWA."
        ),
    )
    city = models.CharField(
        _("city of the letters"),
        max_length=100,
        blank=True,
        help_text=_("Printed before the date, e.g. Makassar."),
    )
    signatory_title = models.CharField(_("title of the signatory"), max_length=200, blank=True)
    signatory_name = models.CharField(_("name of the signatory"), max_length=150, blank=True)
    signatory_id_number = models.CharField(_("NIP of the signatory"), max_length=30, blank=True)
    logo = models.FileField(
        _("logo"), upload_to=TypedUploadTo("letterheads", "logo_type"), blank=True
    )
    logo_type = models.CharField(max_length=4, choices=LogoType.choices, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    EDITABLE_FIELDS = (
        "header_line",
        "city",
        "signatory_title",
        "signatory_name",
        "signatory_id_number",
    )

    class Meta:
        verbose_name = _("letterhead")
        verbose_name_plural = _("letterheads")
        constraints = [
            models.CheckConstraint(
                condition=Q(logo="", logo_type="") | (~Q(logo="") & ~Q(logo_type="")),
                name="meetings_letterhead_logo_typed",
                violation_error_message=_("A logo needs its file type."),
            )
        ]

    class DataScrubbing:
        personal_fields = ("signatory_name", "signatory_id_number")

    def __str__(self):
        return str(_("Letterhead of %(region)s") % {"region": self.region})


class Meeting(VersionedModel):
    """A meeting of the Pokja or a forum event at province or kab/kota level, organised by one
    region, which may invite other regions (a province its kab/kota), institutions and members.
    The province's Forum Komunikasi Pokja Bangga Kencana (docs/domain.md §1) is the model case."""

    class Kind(models.TextChoices):
        FORUM = "forum", _("Communication forum (Forum Komunikasi)")
        COORDINATION = "coordination", _("Coordination meeting (Rapat Koordinasi)")
        WORKSHOP = "workshop", _("Workshop / technical guidance (Bimtek)")
        ADVOCACY = "advocacy", _("Advocacy")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    class LetterNature(models.TextChoices):
        """Sifat of the invitation letter."""

        ORDINARY = "biasa", _("Ordinary (Biasa)")
        IMPORTANT = "penting", _("Important (Penting)")
        URGENT = "segera", _("Urgent (Segera)")

    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("organising region"),
    )
    title = models.CharField(_("title"), max_length=250)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.COORDINATION
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    description = models.TextField(
        _("purpose and programme"),
        blank=True,
        help_text=_("Printed in the invitation letter as the agenda (acara)."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    letter_number = models.CharField(_("letter number (Nomor)"), max_length=100, blank=True)
    letter_nature = models.CharField(
        _("nature of the letter (Sifat)"),
        max_length=10,
        choices=LetterNature.choices,
        default=LetterNature.IMPORTANT,
    )
    letter_subject = models.CharField(_("subject (Perihal)"), max_length=200, blank=True)
    letter_date = models.DateField(_("date of the letter"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    EDITABLE_FIELDS = (
        "title", "kind", "status", "description", "starts_at", "ends_at", "venue", "online_url",
        "letter_number", "letter_nature", "letter_subject", "letter_date",
    )  # fmt: skip

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="meetings_meeting_ends_after_start",
                violation_error_message=_("A meeting must end after it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(venue="", online_url=""),
                name="meetings_meeting_has_place",
                violation_error_message=_("Give a venue or an online meeting link."),
            ),
        ]
        indexes = [
            # A region's meeting list, newest first.
            models.Index(fields=["region", "starts_at"], name="meetings_meeting_region_start"),
            # send_reminders: the meetings starting tomorrow.
            models.Index(fields=["starts_at"], name="meetings_meeting_start"),
            # Dashboards: the meetings that have not ended yet.
            models.Index(fields=["ends_at"], name="meetings_meeting_end"),
        ]

    def __str__(self):
        return self.title

    @property
    def tz(self):
        return region_timezone(self.region)

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    def local_start(self):
        return timezone.localtime(self.starts_at, self.tz)

    def local_end(self):
        return timezone.localtime(self.ends_at, self.tz)


class InvitedRegion(models.Model):
    """A region invited to a meeting: a province invites its kab/kota to the forum. The invited
    region sees the meeting in its own list."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invited_regions")
    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="meeting_invitations",
        verbose_name=_("region"),
    )

    class Meta:
        ordering = ["region__code"]
        verbose_name = _("invited region")
        verbose_name_plural = _("invited regions")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "region"],
                name="meetings_invitedregion_once",
                violation_error_message=_("This region is already invited."),
            )
        ]
        indexes = [
            # A region's meeting list: the meetings it is invited to.
            models.Index(fields=["region"], name="meetings_invitedregion_region"),
        ]

    def __str__(self):
        return f"{self.meeting} · {self.region}"


class InvitedInstitution(models.Model):
    """An institution invited as such (the letter goes to its head, who sends someone)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="invited_institutions"
    )
    institution = models.ForeignKey(
        "workgroups.Institution",
        on_delete=models.CASCADE,
        related_name="meeting_invitations",
        verbose_name=_("institution"),
    )

    class Meta:
        ordering = ["institution__name"]
        verbose_name = _("invited institution")
        verbose_name_plural = _("invited institutions")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "institution"],
                name="meetings_invitedinstitution_once",
                violation_error_message=_("This institution is already invited."),
            )
        ]

    def __str__(self):
        return f"{self.meeting} · {self.institution}"


class AgendaItem(models.Model):
    """One session of the programme (susunan acara) with its speaker (narasumber)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    title = models.CharField(_("session"), max_length=250)
    speaker = models.CharField(_("speaker"), max_length=250, blank=True)

    class Meta:
        ordering = ["starts_at", "order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True)
                | Q(starts_at__isnull=True)
                | Q(ends_at__gte=models.F("starts_at")),
                name="meetings_agendaitem_ordered",
                violation_error_message=_("A session cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.title


class Material(models.Model):
    """A file handed out at a meeting (slides as PDF, tables as XLSX, photos), checked by content."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=TypedUploadTo("meeting-materials", "file_type"))
    file_type = models.CharField(max_length=4, choices=FileType.choices)
    original_filename = models.CharField(max_length=200, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("meeting material")
        verbose_name_plural = _("meeting materials")

    def __str__(self):
        return self.title


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


class Minutes(VersionedModel):
    """The notulen of a meeting: a rich-text account (a safe HTML subset, sanitised on every
    save), the decisions as separate items, and the chair's approval. Approved minutes are locked:
    changing them needs an explicit un-approval first, which is recorded."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    body = models.TextField(_("minutes"), blank=True)
    chair_name = models.CharField(_("chaired by"), max_length=150, blank=True)
    secretary_name = models.CharField(_("minutes taken by"), max_length=150, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("approved by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        constraints = [
            models.CheckConstraint(
                condition=Q(approved_at__isnull=True, approved_by__isnull=True)
                | Q(approved_at__isnull=False, approved_by__isnull=False),
                name="meetings_minutes_approval_pair",
                violation_error_message=_("Approval needs both the time and the approver."),
            )
        ]

    class DataScrubbing:
        personal_fields = ("chair_name", "secretary_name")

    def __str__(self):
        return str(_("Minutes of %(meeting)s") % {"meeting": self.meeting})

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None

    def save(self, *args, **kwargs):
        # Whatever the path (form, API, shell), only the safe subset reaches the database.
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)


class Decision(models.Model):
    """One decision or agreement (kesepakatan) of the meeting, numbered as in the minutes."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="decisions")
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("decision"))

    class Meta:
        ordering = ["number", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self):
        return f"{self.number}. {self.text[:80]}"


class ActionItem(VersionedModel):
    """A follow-up (tindak lanjut) or a commitment (komitmen), set by a region at a meeting or on
    its own, and assigned to a region (itself or one of its kab/kota), optionally narrowed to an
    institution and/or a member. Tracked until done or dropped.

    Example: at the 2023 provincial forum each kab/kota committed to allocate the Pokja's
    operational budget in its APBD (docs/domain.md §1)."""

    class Kind(models.TextChoices):
        ACTION = "action", _("Action item")
        COMMITMENT = "commitment", _("Commitment")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)
    CLOSED_STATUSES = (Status.DONE, Status.DROPPED)

    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="action_items",
        verbose_name=_("set by"),
    )
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        verbose_name=_("meeting"),
    )
    decision = models.ForeignKey(
        Decision,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        verbose_name=_("decision"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.ACTION)
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    assigned_region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="assigned_action_items",
        verbose_name=_("assigned region"),
    )
    assigned_institution = models.ForeignKey(
        "workgroups.Institution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        verbose_name=_("assigned institution"),
    )
    assigned_member = models.ForeignKey(
        "workgroups.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        verbose_name=_("assigned member"),
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    EDITABLE_FIELDS = (
        "kind", "title", "description", "assigned_region", "assigned_institution", "assigned_member", "due_date",
        "meeting", "decision",
    )  # fmt: skip

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["done", "dropped"], closed_at__isnull=False)
                | (~Q(status__in=["done", "dropped"]) & Q(closed_at__isnull=True)),
                name="meetings_actionitem_closed_pair",
                violation_error_message=_(
                    "A closed item has a closing time; an open one has none."
                ),
            )
        ]
        indexes = [
            # A region's list and agenda page: open items assigned to it, by due date.
            models.Index(
                fields=["assigned_region", "status", "due_date"], name="meetings_item_assigned"
            ),
            # A region's list: the items it set.
            models.Index(fields=["region", "status", "due_date"], name="meetings_item_region"),
            # send_reminders: open items due soon or overdue.
            models.Index(fields=["status", "due_date"], name="meetings_item_due"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.is_open and self.due_date < today


class ProgressNote(models.Model):
    """One entry of an action item's follow-up log: what was done, by whom and when, the status
    change it made and, optionally, the evidence (a PDF, XLSX or photo)."""

    item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(_("author's name"), max_length=150, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    text = models.TextField(_("progress note"))
    status_from = models.CharField(max_length=12, choices=ActionItem.Status.choices, blank=True)
    status_to = models.CharField(max_length=12, choices=ActionItem.Status.choices, blank=True)
    evidence = models.FileField(
        _("evidence"), upload_to=TypedUploadTo("action-evidence", "evidence_type"), blank=True
    )
    evidence_type = models.CharField(max_length=4, choices=FileType.choices, blank=True)
    evidence_filename = models.CharField(max_length=200, blank=True)

    class DataScrubbing:
        personal_fields = ("author_name",)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        constraints = [
            models.CheckConstraint(
                condition=Q(evidence="", evidence_type="")
                | (~Q(evidence="") & ~Q(evidence_type="")),
                name="meetings_progressnote_evidence_typed",
                violation_error_message=_("Evidence needs its file type."),
            )
        ]

    def __str__(self):
        return self.text[:80]


class Announcement(VersionedModel):
    """A notice from the province to the Pokjas of its kab/kota (pengumuman), with a record of
    which kab/kota have opened it."""

    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="announcements",
        verbose_name=_("sent by"),
    )
    title = models.CharField(_("title"), max_length=250)
    body = models.TextField(_("text"))
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        indexes = [
            # The province's list of sent announcements.
            models.Index(fields=["region", "published_at"], name="meetings_announcement_region"),
        ]

    def __str__(self):
        return self.title


class AnnouncementRecipient(models.Model):
    """A kab/kota an announcement was sent to."""

    announcement = models.ForeignKey(
        Announcement, on_delete=models.CASCADE, related_name="recipients"
    )
    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="received_announcements",
        verbose_name=_("region"),
    )

    class Meta:
        ordering = ["region__code"]
        verbose_name = _("announcement recipient")
        verbose_name_plural = _("announcement recipients")
        constraints = [
            models.UniqueConstraint(
                fields=["announcement", "region"],
                name="meetings_recipient_once",
                violation_error_message=_("This region already receives the announcement."),
            )
        ]
        indexes = [
            # A kab/kota's list of received announcements.
            models.Index(fields=["region"], name="meetings_recipient_region"),
        ]

    def __str__(self):
        return f"{self.announcement} → {self.region}"


class AnnouncementRead(models.Model):
    """A read receipt: a user holding a role in a receiving kab/kota opened the announcement."""

    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="reads")
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(default=timezone.now)

    class DataScrubbing:
        personal_repr = True  # str() names the user

    class Meta:
        ordering = ["read_at", "pk"]
        verbose_name = _("read receipt")
        verbose_name_plural = _("read receipts")
        constraints = [
            models.UniqueConstraint(
                fields=["announcement", "region", "user"],
                name="meetings_read_once",
                violation_error_message=_("This read is already recorded."),
            )
        ]

    def __str__(self):
        return f"{self.announcement} · {self.region} · {self.user}"


class ReminderLog(models.Model):
    """One reminder e-mail sent by `send_reminders`. The unique constraint is what makes each
    reminder go out once, however often cron runs the command."""

    class Kind(models.TextChoices):
        ITEM_DUE_SOON = "item_due_soon", _("Action item due soon")
        ITEM_OVERDUE = "item_overdue", _("Action item overdue")
        MEETING_TOMORROW = "meeting_tomorrow", _("Meeting tomorrow")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    recipient = models.EmailField()
    due_date = models.DateField()
    region_code = models.CharField(max_length=5, blank=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at", "pk"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "recipient", "due_date"],
                name="meetings_reminder_once",
                violation_error_message=_("This reminder was already sent."),
            )
        ]

    class DataScrubbing:
        personal_fields = ("recipient",)

    def __str__(self):
        return f"{self.kind} #{self.object_id} → {self.recipient}"
