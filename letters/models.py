"""Official letters: each office's outgoing-letter register (agenda surat keluar) with its
numbering, the documents Sipokja issues from it (signed PDFs anyone can verify) and the
office's signing certificate. Sources and the meaning of the number pattern: docs/letters.md."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedModel
from core.fields import check, link, once
from core.privacy import LEGAL_OBLIGATION
from core.provenance import LastChange, user_field
from core.uploads import upload_to


class LetterType(models.TextChoices):
    """The kinds of outgoing letter Sipokja numbers; each has its own classification code."""

    INVITATION = "invitation", _("Invitation")
    MINUTES_COVER = "minutes_cover", _("Minutes cover letter")
    RECAP = "recap", _("Recap letter")
    ADVOCACY = "advocacy", _("Advocacy letter")
    REMINDER = "reminder", _("Reminder to regencies/cities")
    OTHER = "other", _("Other letter")


# The pattern most regional offices use (docs/letters.md): classification code, serial number,
# unit code, month in Roman numerals, year.
DEFAULT_PATTERN = "{klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}"
# Main class 400 (Kesejahteraan Rakyat) of the archive classification codes (Permendagri
# 83/2022); each office refines it per letter type from the regulation's annex.
DEFAULT_CLASSIFICATION = "400"


class NumberingScheme(VersionedModel, LastChange):
    """How an office numbers its outgoing letters: the pattern, its unit code and the archive
    classification code (kode klasifikasi arsip, Permendagri 83/2022) of each letter type.
    An office without a scheme uses the defaults."""

    region = models.OneToOneField(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="numbering_scheme",
        verbose_name=_("office"),
    )
    pattern = models.CharField(_("number pattern"), max_length=120, default=DEFAULT_PATTERN)
    unit_code = models.CharField(
        _("unit code"),
        max_length=40,
        blank=True,
        help_text=_("The office's code in letter numbers, e.g. DPPKB or PPKB."),
    )
    # {letter type: classification code}; a missing type uses DEFAULT_CLASSIFICATION.
    classifications = models.JSONField(_("classification codes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("numbering scheme")
        verbose_name_plural = _("numbering schemes")

    def __str__(self):
        return self.pattern

    def classification_for(self, letter_type: str) -> str:
        return (self.classifications or {}).get(letter_type) or DEFAULT_CLASSIFICATION


class LetterCounter(models.Model):
    """The last serial number an office gave in a year. Taken under a row lock
    (select_for_update) in the transaction that registers the letter, so numbers are never
    duplicated and, since a failed registration rolls the counter back too, never skipped."""

    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="letter_counters"
    )
    year = models.PositiveSmallIntegerField()
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [once("region", "year", name="letters_one_counter_per_year")]

    def __str__(self):
        return f"{self.region_id}/{self.year}: {self.last_serial}"


class Letter(models.Model):
    """One entry of an office's outgoing-letter register (agenda surat keluar): the number it
    was given, the kind of letter, its subject and recipient. Entries are never deleted; a
    number that is not used is cancelled (with the reason, who and when) and stays listed."""

    class Status(models.TextChoices):
        ISSUED = "issued", _("Issued")
        CANCELLED = "cancelled", _("Cancelled")

    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="letters", verbose_name=_("office")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    serial = models.PositiveIntegerField(_("serial number"))
    number = models.CharField(_("letter number"), max_length=160)
    letter_type = models.CharField(_("letter type"), max_length=20, choices=LetterType.choices)
    classification = models.CharField(_("classification code"), max_length=40)
    subject = models.CharField(_("subject"), max_length=300)
    recipient = models.CharField(_("recipient"), max_length=300, blank=True)
    letter_date = models.DateField(_("letter date"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ISSUED
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    created_by = user_field()
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = user_field()
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)

    class Meta:
        ordering = ["region", "-year", "-serial"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        constraints = [
            once(
                "region",
                "year",
                "serial",
                name="letters_serial_once_per_office_year",
                message=_("This serial number was already given."),
            ),
            once(
                "region",
                "year",
                "number",
                name="letters_number_once_per_office_year",
                message=_("This letter number was already given."),
            ),
            check(
                models.Q(status="issued", cancelled_at__isnull=True, cancel_reason="")
                | (
                    models.Q(status="cancelled", cancelled_at__isnull=False)
                    & ~models.Q(cancel_reason="")
                ),
                "letters_cancellation_recorded",
                _("A cancelled number needs its reason and time."),
            ),
        ]
        indexes = [
            # The register filtered by type within an office and year.
            models.Index(fields=["region", "year", "letter_type"], name="letters_register_type"),
        ]

    class DataScrubbing:
        personal_fields = ("recipient",)
        purpose = _("The addressee of a letter, as written in the letter register.")
        legal_basis = LEGAL_OBLIGATION
        retention = _("As long as the letter register is kept (archive law).")
        visible_to = _("Users of the region with the letter right.")

    def __str__(self):
        return self.number

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED


class PrintedOnDocument:
    """The privacy terms of a name printed on the documents Sipokja issues (the signer): kept
    with the document under archive law and readable by whoever holds it."""

    legal_basis = LEGAL_OBLIGATION
    retention = _("As long as the document is kept (archive law).")
    visible_to = _("Anyone holding the document or its public verification page.")


class IssuedDocument(models.Model):
    """A PDF Sipokja issued (a numbered letter or a recap), kept byte for byte as it was given
    out, with the public code printed on it (QR code and text) that opens the verification page
    /verifikasi/<code>. When the office's certificate signed it, the signature is PAdES."""

    code = models.CharField(_("verification code"), max_length=16, unique=True)
    region = link("regions.Region", _("office"), "issued_documents")
    letter = link(Letter, _("letter"), "documents", optional=True)
    title = models.CharField(_("title"), max_length=300)
    number = models.CharField(_("letter number"), max_length=160, blank=True)
    is_signed = models.BooleanField(_("electronically signed"), default=False)
    signer_name = models.CharField(_("signer"), max_length=200, blank=True)
    signer_title = models.CharField(_("signer's position"), max_length=200, blank=True)
    issued_at = models.DateTimeField(_("issued at"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("size (bytes)"))
    file = models.FileField(_("PDF"), upload_to=upload_to("letters", "pdf"))
    created_by = user_field()

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("issued document")
        verbose_name_plural = _("issued documents")
        constraints = [
            check(
                models.Q(is_signed=False) | ~models.Q(signer_name=""),
                "letters_signed_document_names_signer",
                _("A signed document names its signer."),
            )
        ]

    class DataScrubbing(PrintedOnDocument):
        personal_fields = ("signer_name",)
        purpose = _("The signer's name as printed on the document, shown on its public page.")

    def __str__(self):
        return f"{self.code} {self.title}"


class OfficeCertificate(models.Model):
    """An office's signing certificate (PKCS#12), uploaded by the national admin. The key
    material and its password are kept only encrypted (Fernet, key derived from SECRET_KEY),
    in the database, never under MEDIA_ROOT and never served. In production: a certificate
    from BSrE (Balai Besar Sertifikasi Elektronik), see docs/letters.md."""

    AUDITED_FIELDS = (
        "subject",
        "issuer",
        "serial_number",
        "fingerprint",
        "valid_from",
        "valid_until",
        "signer_name",
        "signer_title",
        "uploaded_by",
    )

    region = models.OneToOneField(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="signing_certificate",
        verbose_name=_("office"),
    )
    secret = models.BinaryField(editable=False)
    subject = models.CharField(_("subject"), max_length=300)
    issuer = models.CharField(_("issuer"), max_length=300)
    serial_number = models.CharField(_("serial number"), max_length=80)
    fingerprint = models.CharField(_("SHA-256 fingerprint"), max_length=64)
    valid_from = models.DateTimeField(_("valid from"))
    valid_until = models.DateTimeField(_("valid until"))
    signer_name = models.CharField(_("signer"), max_length=200)
    signer_title = models.CharField(_("signer's position"), max_length=200, blank=True)
    uploaded_at = models.DateTimeField(auto_now=True)
    uploaded_by = user_field()

    class Meta:
        verbose_name = _("signing certificate")
        verbose_name_plural = _("signing certificates")

    class DataScrubbing(PrintedOnDocument):
        personal_fields = ("signer_name",)
        purpose = _("The name printed with the office's electronic signature.")

    def __str__(self):
        return self.subject
