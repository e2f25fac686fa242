"""What comes of a meeting: its participants and their attendance, the minutes (notulen) with
their decisions, and the action items and commitments with their follow-up (progress notes)."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedModel
from core.fields import check, demo_flag, link, once, set_together
from core.privacy import PUBLIC_TASK, RegionRecord
from core.provenance import LastChange, Provenance, user_field
from meetings.models.meeting import FileType, Meeting, TypedUploadTo
from meetings.sanitize import sanitize_html


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
    member = link(
        "workgroups.Member", _("member"), "meeting_participations", models.SET_NULL, optional=True
    )
    institution = link(
        "workgroups.Institution",
        _("institution"),
        "meeting_participants",
        models.SET_NULL,
        optional=True,
    )
    region = link(
        "regions.Region",
        _("region represented"),
        "meeting_participants",
        models.SET_NULL,
        optional=True,
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
    recorded_by = user_field()

    class Meta:
        ordering = ["region__code", "institution_name", "name", "pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            once(
                "meeting",
                "member",
                condition=Q(member__isnull=False),
                name="meetings_participant_member_once",
                message=_("This member is already on the list."),
            ),
            check(~Q(name=""), "meetings_participant_named", _("A participant needs a name.")),
            check(
                ~Q(attendance="represented") | ~Q(represented_by=""),
                "meetings_participant_representative_named",
                _("Write who represented the participant."),
            ),
        ]

    class DataScrubbing:
        personal_fields = ("name", "email", "phone", "represented_by")
        purpose = _(
            "To record who attended a meeting (attendance list) and to send them the minutes."
        )
        legal_basis = PUBLIC_TASK
        retention = _(
            "Name as long as the minutes are kept; phone and e-mail 2 years after the meeting."
        )
        visible_to = _("Users of the region; phone and e-mail only with the contact right.")
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


class Minutes(VersionedModel, LastChange):
    """The notulen of a meeting: a rich-text account (a safe HTML subset, sanitised on every
    save), the decisions as separate items, and the chair's approval. Approved minutes are locked:
    changing them needs an explicit un-approval first, which is recorded."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    body = models.TextField(_("minutes"), blank=True)
    chair_name = models.CharField(_("chaired by"), max_length=150, blank=True)
    secretary_name = models.CharField(_("minutes taken by"), max_length=150, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = user_field(_("approved by"), on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        constraints = [
            set_together(
                "approved_at",
                "approved_by",
                "meetings_minutes_approval_pair",
                _("Approval needs both the time and the approver."),
                empty=None,
            )
        ]

    class DataScrubbing(RegionRecord):
        personal_fields = ("chair_name", "secretary_name")
        purpose = _("The chair and minute taker named in the minutes.")
        retention = _("As long as the minutes are kept (public record).")

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


class ActionItem(VersionedModel, Provenance):
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

    region = link("regions.Region", _("set by"), "action_items")
    meeting = link(Meeting, _("meeting"), "action_items", models.SET_NULL, optional=True)
    decision = link(Decision, _("decision"), "action_items", models.SET_NULL, optional=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.ACTION)
    title = models.CharField(_("title"), max_length=250)
    is_demo = demo_flag(editable=False)
    description = models.TextField(_("description"), blank=True)
    assigned_region = link("regions.Region", _("assigned region"), "assigned_action_items")
    assigned_institution = link(
        "workgroups.Institution",
        _("assigned institution"),
        "action_items",
        models.SET_NULL,
        optional=True,
    )
    assigned_member = link(
        "workgroups.Member", _("assigned member"), "action_items", models.SET_NULL, optional=True
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    EDITABLE_FIELDS = (
        "kind", "title", "description", "assigned_region", "assigned_institution", "assigned_member", "due_date",
        "meeting", "decision",
    )  # fmt: skip

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        constraints = [
            check(
                Q(status__in=["done", "dropped"], closed_at__isnull=False)
                | (~Q(status__in=["done", "dropped"]) & Q(closed_at__isnull=True)),
                "meetings_actionitem_closed_pair",
                _("A closed item has a closing time; an open one has none."),
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
    author = user_field()
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

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        constraints = [
            set_together(
                "evidence",
                "evidence_type",
                "meetings_progressnote_evidence_typed",
                _("Evidence needs its file type."),
            )
        ]

    class DataScrubbing(RegionRecord):
        personal_fields = ("author_name",)
        purpose = _("Who reported progress on an action item.")
        retention = _("As long as the action item is kept.")

    def __str__(self):
        return self.text[:80]
