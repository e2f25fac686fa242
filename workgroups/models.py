from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedModel
from core.fields import demo_flag, link, once, period_ordered
from core.privacy import PUBLIC_TASK
from core.provenance import Provenance, user_field
from core.uploads import upload_to


class SubGroup(models.Model):
    """A sub-group (bidang / sub-pokja) from the national catalogue: the older working groups
    merged into the Pokja Bangga Kencana (Advokasi, Kampung KB, GDPK, TPPS, …)."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("sub-group")
        verbose_name_plural = _("sub-groups")

    def __str__(self):
        return self.name


class WorkGroup(VersionedModel, Provenance):
    """The Pokja Bangga Kencana of a region (province or kab/kota). A region has at most one
    active Pokja; dissolved ones are kept for history."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        DISSOLVED = "dissolved", _("Dissolved")

    region = link("regions.Region", _("region"), "workgroups")
    name = models.CharField(_("name"), max_length=200)
    formed_on = models.DateField(_("formation date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    secretariat_office = models.CharField(_("secretariat office"), max_length=200, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    subgroups = models.ManyToManyField(
        SubGroup, blank=True, related_name="workgroups", verbose_name=_("sub-groups")
    )
    is_demo = demo_flag()

    class Meta:
        ordering = ["region__code"]
        verbose_name = _("Pokja")
        verbose_name_plural = _("Pokja")
        constraints = [
            once(
                "region",
                condition=models.Q(status="active"),
                name="one_active_workgroup_per_region",
                message=_("This region already has an active Pokja."),
            )
        ]
        indexes = [
            # The province matrix and dashboards: active Pokja per region.
            models.Index(fields=["region", "status"], name="workgroup_region_status"),
        ]

    class DataScrubbing:
        personal_fields = ("contact_name", "contact_phone", "contact_email")
        legal_basis = PUBLIC_TASK
        retention = _("While the Pokja is active; replaced when the secretariat changes.")
        visible_to = _("Users of the region and the regions above it.")
        purpose = _("So that the province and partners can reach the Pokja secretariat.")

    def __str__(self):
        return self.name

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    def current_decree(self, on=None):
        """The decree (SK) in force on `on` (default today): among the decrees valid on that
        date, the one that took effect last (then the one signed last). An amendment or a
        renewal therefore replaces the decree before it from its `valid_from` date. None when
        no decree is valid on that date (none yet, or all expired).

        For many Pokja at once use `workgroups.services.current_decrees(ids, on=…)`, which
        answers with one query."""
        on = on or timezone.localdate()
        return (
            self.decrees.filter(valid_from__lte=on)
            .filter(models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=on))
            .order_by(*Decree.CURRENT_ORDER)
            .first()
        )


class Institution(VersionedModel):
    """An institution that sends members to a Pokja: a regional government office (OPD), a
    vertical agency, a university, a religious or professional body, an NGO, a business, …"""

    class Sector(models.TextChoices):
        REGIONAL_GOVERNMENT = "regional_government", _("Regional government office")
        VERTICAL_AGENCY = "vertical_agency", _("Vertical agency")
        ACADEMIA = "academia", _("Academia")
        RELIGIOUS = "religious", _("Religious organisation")
        PROFESSIONAL = "professional", _("Professional body")
        NGO = "ngo", _("Non-governmental organisation")
        BUSINESS = "business", _("Business")
        MEDIA = "media", _("Media")
        COMMUNITY = "community", _("Community organisation")

    # Sectors whose institutions are government by default (a state university may still be
    # marked as government by hand).
    GOVERNMENT_SECTORS = frozenset({Sector.REGIONAL_GOVERNMENT, Sector.VERTICAL_AGENCY})

    region = link("regions.Region", _("region"), "institutions")
    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    is_government = models.BooleanField(_("government"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        constraints = [
            once(
                "region",
                "name",
                name="unique_institution_name_per_region",
                message=_("This region already has an institution with this name."),
            )
        ]

    def __str__(self):
        return self.name


class Decree(VersionedModel):
    """An SK (Surat Keputusan) establishing, amending or renewing the Pokja, with its signed PDF.
    A Pokja has several decrees over time; the current one is the latest valid on a given date.
    Structure of an Indonesian decree: docs/domain.md §7."""

    class Issuer(models.TextChoices):
        GOVERNOR = "governor", _("Governor")
        REGENT = "regent", _("Regent (Bupati)")
        MAYOR = "mayor", _("Mayor (Wali Kota)")
        BKKBN_HEAD = "bkkbn_head", _("Head of the BKKBN provincial office")
        OTHER = "other", _("Other")

    class Kind(models.TextChoices):
        FORMATION = "formation", _("Formation")
        AMENDMENT = "amendment", _("Amendment")
        RENEWAL = "renewal", _("Renewal")

    class SignatureState(models.TextChoices):
        """What the check of the uploaded PDF's electronic signatures found
        (core.pdf_signatures, run when the file is uploaded)."""

        NOT_CHECKED = "", _("Not checked")
        UNSIGNED = "unsigned", _("No electronic signature")
        VALID = "valid", _("Signature intact")
        TAMPERED = "tampered", _("Changed after signing")
        UNREADABLE = "unreadable", _("Signatures could not be read")

    # The order that decides which of several valid decrees is current (see current_decree).
    CURRENT_ORDER = ("-valid_from", "-signed_on", "-pk")

    workgroup = models.ForeignKey(
        WorkGroup, on_delete=models.CASCADE, related_name="decrees", verbose_name=_("Pokja")
    )
    number = models.CharField(
        _("number"),
        max_length=100,
        help_text=_("As written on the decree, e.g. 446/II/TAHUN 2022."),
    )
    title = models.CharField(_("title (tentang)"), max_length=300)
    signed_on = models.DateField(_("date signed"))
    issuer = models.CharField(_("issuer"), max_length=20, choices=Issuer.choices)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.FORMATION)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the decree has no end date."),
    )
    # The older decree this one replaces (issue 26): kept in the history, shown as replaced.
    replaces = link(
        "self",
        _("replaces"),
        "replaced_by",
        models.SET_NULL,
        optional=True,
        help_text=_("The earlier decree this one replaces; it stays in the history."),
    )
    file = models.FileField(_("signed PDF"), upload_to=upload_to("decrees", "pdf"), blank=True)
    original_filename = models.CharField(max_length=200, blank=True)
    signature_state = models.CharField(
        _("electronic signature"),
        max_length=12,
        choices=SignatureState.choices,
        default=SignatureState.NOT_CHECKED,
        blank=True,
    )
    # One entry per signature: signer, organisation, signed_at (ISO), timestamped, intact,
    # covers_whole_file, trusted (core.pdf_signatures.SignatureCheck).
    signature_details = models.JSONField(default=list, blank=True)
    signature_checked_at = models.DateTimeField(null=True, blank=True)
    signature_trust_configured = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = user_field()

    class Meta:
        ordering = ["-valid_from", "-signed_on", "-pk"]
        verbose_name = _("decree (SK)")
        verbose_name_plural = _("decrees (SK)")
        constraints = [
            period_ordered(
                "valid_from",
                "valid_until",
                name="decree_validity_ordered",
                message=_("The end of validity cannot be before its start."),
                may_be_empty=["valid_until"],
            )
        ]
        indexes = [
            # The SK criterion: the decree of a Pokja valid on a date.
            models.Index(fields=["workgroup", "valid_from", "valid_until"], name="decree_validity"),
        ]

    def __str__(self):
        return self.number

    def clean(self):
        super().clean()
        replaced = self.replaces
        if replaced is not None and (
            replaced.pk == self.pk or replaced.workgroup_id != self.workgroup_id
        ):
            raise ValidationError({"replaces": _("Choose an earlier decree of this Pokja.")})

    def is_valid_on(self, day) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    def signatures(self) -> list[dict]:
        """The stored signature checks, with `signed_at` as a datetime (or None)."""
        from django.utils.dateparse import parse_datetime

        return [
            {**entry, "signed_at": parse_datetime(entry.get("signed_at") or "")}
            for entry in self.signature_details or []
        ]


class Member(VersionedModel):
    """A person in the Pokja: position (jabatan), institution, role (kedudukan), sub-group,
    contact (personal data, UU PDP: shown only to users with the contact right) and active
    period. A member may be given a log-in (`user`)."""

    class Role(models.TextChoices):
        ADVISER = "adviser", _("Adviser (Pengarah)")
        RESPONSIBLE = "responsible", _("Person in charge (Penanggung Jawab)")
        CHAIR = "chair", _("Chair (Ketua)")
        VICE_CHAIR = "vice_chair", _("Vice chair (Wakil Ketua)")
        SECRETARY = "secretary", _("Secretary (Sekretaris)")
        COORDINATOR = "coordinator", _("Field coordinator (Koordinator Bidang)")
        MEMBER = "member", _("Member (Anggota)")

    # The order of roles in a decree's membership table (Lampiran SK): Pengarah first.
    ROLE_ORDER = (
        "adviser",
        "responsible",
        "chair",
        "vice_chair",
        "secretary",
        "coordinator",
        "member",
    )

    workgroup = models.ForeignKey(
        WorkGroup, on_delete=models.CASCADE, related_name="members", verbose_name=_("Pokja")
    )
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position (jabatan)"), max_length=200, blank=True)
    institution = link(Institution, _("institution"), "members", optional=True)
    role = models.CharField(
        _("role in the Pokja"), max_length=20, choices=Role.choices, default=Role.MEMBER
    )
    subgroup = link(SubGroup, _("sub-group"), "members", optional=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # UU PDP: the member agreed to be contacted on WhatsApp at `phone` (wa.me links are offered
    # only then; docs/whatsapp.md).
    whatsapp_consent = models.BooleanField(
        _("may be contacted on WhatsApp"),
        default=False,
        help_text=_("The member agreed to receive Pokja messages on WhatsApp at this number."),
    )
    active_from = models.DateField(_("active from"), null=True, blank=True)
    active_until = models.DateField(_("active until"), null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member",
        verbose_name=_("log-in"),
    )

    class Meta:
        ordering = ["workgroup", "role", "name"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [
            period_ordered(
                "active_from",
                "active_until",
                name="member_period_ordered",
                message=_("The end of the active period cannot be before its start."),
                may_be_empty=["active_until", "active_from"],
            )
        ]

    class DataScrubbing:
        personal_fields = ("name", "phone", "email")
        legal_basis = PUBLIC_TASK
        retention = _(
            "Name and position as long as the Pokja record is kept (public record of the decree); phone and e-mail until 2 years after the member leaves."
        )
        visible_to = _("Users of the region; phone and e-mail only with the contact right.")
        consent_fields = ("phone",)  # a personal WhatsApp number rests on consent
        purpose = _(
            "To record who sits in the Pokja (required by its decree), to invite members to "
            "meetings and to remind them of action items. Phone and e-mail are shown only to "
            "users with the contact right."
        )
        personal_repr = True  # str() is the name

    def __str__(self):
        return self.name

    @property
    def role_rank(self) -> int:
        return (
            self.ROLE_ORDER.index(self.role)
            if self.role in self.ROLE_ORDER
            else len(self.ROLE_ORDER)
        )

    def is_active_on(self, day) -> bool:
        return (self.active_from is None or self.active_from <= day) and (
            self.active_until is None or day <= self.active_until
        )
