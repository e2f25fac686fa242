from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    """A province or a kabupaten/kota, identified by its Kemendagri code (Kepmendagri on
    administrative region codes; data from the `idn-area-data` package, see regions/data/README.md).

    The region is Sipokja's tenant: users hold roles for a region and act in it and below it.
    """

    class Level(models.TextChoices):
        PROVINCE = "province", _("Province")
        REGENCY = "regency", _("Regency/City")

    code = models.CharField(_("code"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Letterhead (kop surat) of the office that runs the Pokja secretariat in this region.
    office_name = models.CharField(_("office name"), max_length=200, blank=True)
    office_address = models.CharField(_("office address"), max_length=300, blank=True)
    office_phone = models.CharField(_("office phone"), max_length=50, blank=True)
    office_email = models.EmailField(_("office e-mail"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    EDITABLE_FIELDS = ("office_name", "office_address", "office_phone", "office_email")

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(level="province", parent__isnull=True))
                | (models.Q(level="regency", parent__isnull=False)),
                name="region_level_matches_parent",
                violation_error_message=_("A province has no parent; a regency/city has one."),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def is_province(self) -> bool:
        return self.level == self.Level.PROVINCE

    @property
    def province_code(self) -> str:
        return self.code[:2]

    @property
    def display_name(self) -> str:
        """`Provinsi Sulawesi Selatan` / `Kabupaten Gowa` (kab/kota names carry their kind)."""
        if self.is_province:
            return _("Province %(name)s") % {"name": self.name}
        return self.name
