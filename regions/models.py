import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import check, link, many


class RegionQuerySet(models.QuerySet):
    def active_on(self, date: datetime.date):
        """The regions that exist on `date` (before a split, the old kab/kota; from the split
        date, the new ones)."""
        return self.filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=date),
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gt=date),
        )

    def in_year(self, year: int):
        """The regions that existed at any time in `year`: reports of past years use these."""
        return self.filter(
            models.Q(valid_from__isnull=True)
            | models.Q(valid_from__lte=datetime.date(year, 12, 31)),
            models.Q(valid_until__isnull=True)
            | models.Q(valid_until__gt=datetime.date(year, 1, 1)),
        )


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
    parent = link("self", _("parent"), "children", optional=True)
    # Letterhead (kop surat) of the office that runs the Pokja secretariat in this region.
    office_name = models.CharField(_("office name"), max_length=200, blank=True)
    office_address = models.CharField(_("office address"), max_length=300, blank=True)
    office_phone = models.CharField(_("office phone"), max_length=50, blank=True)
    office_email = models.EmailField(_("office e-mail"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    # Versioned regions (pemekaran, merges, new codes; docs/interop.md): a region exists from
    # `valid_from` (empty: always) until the day before `valid_until` (empty: still). A region
    # formed by a split or merge names the regions it came from; its records start afresh,
    # and the records of the old region stay on the old region.
    valid_from = models.DateField(_("exists from"), null=True, blank=True)
    valid_until = models.DateField(_("exists until (exclusive)"), null=True, blank=True)
    predecessors = many("self", _("formed from"), "successors", symmetrical=False)

    objects = RegionQuerySet.as_manager()

    EDITABLE_FIELDS = ("office_name", "office_address", "office_phone", "office_email")

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            check(
                (models.Q(level="province", parent__isnull=True))
                | (models.Q(level="regency", parent__isnull=False)),
                "region_level_matches_parent",
                _("A province has no parent; a regency/city has one."),
            )
        ]

    def __str__(self):
        return self.name

    def exists_on(self, date: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= date) and (
            self.valid_until is None or self.valid_until > date
        )

    def as_of(self, date: datetime.date) -> tuple[str, str]:
        """(code, name) the region had on `date`: a later new code or name is undone."""
        earlier = self.former_names.filter(valid_until__gt=date).order_by("valid_until").first()
        return (earlier.code, earlier.name) if earlier else (self.code, self.name)

    def with_children_in(self, year: int) -> list:
        """The region first, then the kab/kota below it as they were in `year` (a split kab/kota
        before its split date, the new ones from it), by code: what reports of `year` list."""
        return [self, *self.children.in_year(year).order_by("code")]

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


class RegionName(models.Model):
    """A code and name a region had until `valid_until` (a new name or a new Kemendagri code
    keeps the region, and so all its history; this row remembers what it was called)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="former_names")
    code = models.CharField(_("code"), max_length=5)
    name = models.CharField(_("name"), max_length=100)
    valid_until = models.DateField(_("until (exclusive)"))
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["region", "valid_until"]
        verbose_name = _("former region name")
        verbose_name_plural = _("former region names")

    def __str__(self):
        return f"{self.code} {self.name} (< {self.valid_until})"
