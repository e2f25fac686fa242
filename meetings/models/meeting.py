"""Meetings with their invited regions and institutions, agenda and materials; the types and
storage of uploaded files; each region's letterhead (kop surat) for printed letters."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedModel
from core.fields import check, demo_flag, link, once, period_ordered, set_together
from core.privacy import LEGAL_OBLIGATION
from core.provenance import LastChange, Provenance, user_field
from core.uploads import stored_name
from meetings.timezones import region_timezone


class FileType(models.TextChoices):
    """What an uploaded file turned out to be, judged by its content."""

    PDF = "pdf", "PDF"
    XLSX = "xlsx", "Excel (XLSX)"
    PNG = "png", "PNG"
    JPG = "jpg", "JPEG"


@deconstructible(path="meetings.models.TypedUploadTo")
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


class Letterhead(VersionedModel, LastChange):
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
            set_together(
                "logo",
                "logo_type",
                "meetings_letterhead_logo_typed",
                _("A logo needs its file type."),
            )
        ]

    class DataScrubbing:
        personal_fields = ("signatory_name", "signatory_id_number")
        purpose = _(
            "The official (name and NIP) who signs the invitations and letters of the office."
        )
        legal_basis = LEGAL_OBLIGATION
        retention = _("While the official signs the letters of the office.")
        visible_to = _("Users of the region; printed on letters.")

    def __str__(self):
        return str(_("Letterhead of %(region)s") % {"region": self.region})


class Meeting(VersionedModel, Provenance):
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

    region = link("regions.Region", _("organising region"), "meetings")
    title = models.CharField(_("title"), max_length=250)
    is_demo = demo_flag(editable=False)
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

    EDITABLE_FIELDS = (
        "title", "kind", "status", "description", "starts_at", "ends_at", "venue", "online_url",
        "letter_number", "letter_nature", "letter_subject", "letter_date",
    )  # fmt: skip

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            check(
                Q(ends_at__gt=models.F("starts_at")),
                "meetings_meeting_ends_after_start",
                _("A meeting must end after it starts."),
            ),
            check(
                ~Q(venue="", online_url=""),
                "meetings_meeting_has_place",
                _("Give a venue or an online meeting link."),
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
    region = link("regions.Region", _("region"), "meeting_invitations")

    class Meta:
        ordering = ["region__code"]
        verbose_name = _("invited region")
        verbose_name_plural = _("invited regions")
        constraints = [
            once(
                "meeting",
                "region",
                name="meetings_invitedregion_once",
                message=_("This region is already invited."),
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
    institution = link(
        "workgroups.Institution", _("institution"), "meeting_invitations", models.CASCADE
    )

    class Meta:
        ordering = ["institution__name"]
        verbose_name = _("invited institution")
        verbose_name_plural = _("invited institutions")
        constraints = [
            once(
                "meeting",
                "institution",
                name="meetings_invitedinstitution_once",
                message=_("This institution is already invited."),
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
            period_ordered(
                "starts_at",
                "ends_at",
                name="meetings_agendaitem_ordered",
                message=_("A session cannot end before it starts."),
                may_be_empty=["ends_at", "starts_at"],
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
    uploaded_by = user_field()

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("meeting material")
        verbose_name_plural = _("meeting materials")

    def __str__(self):
        return self.title
