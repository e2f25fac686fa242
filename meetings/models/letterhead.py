"""Each region's letterhead (kop surat) for printed letters."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedModel
from meetings.models.uploads import TypedUploadTo


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
