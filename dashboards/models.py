from django.db import models
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedModel
from core.fields import once
from core.provenance import user_field
from core.uploads import upload_to


class BoundaryMap(VersionedModel):
    """The kab/kota boundaries of a province, uploaded by a provincial admin as a GeoJSON
    FeatureCollection keyed by Kemendagri code. The dashboards draw a choropleth from it instead
    of the tile-grid map. The SVG paths are projected once, at upload (`BoundaryShape`); the
    original file is kept so it can be projected again."""

    province = models.OneToOneField(
        "regions.Region",
        on_delete=models.CASCADE,
        related_name="boundary_map",
        verbose_name=_("province"),
        limit_choices_to={"level": "province"},
    )
    source = models.FileField(_("GeoJSON file"), upload_to=upload_to("boundary-maps", "geojson"))
    original_filename = models.CharField(_("file name"), max_length=200, blank=True)
    feature_count = models.PositiveIntegerField(_("number of areas"), default=0)
    # "min-x min-y width height" of the projected shapes.
    view_box = models.CharField(max_length=60)
    uploaded_by = user_field(_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now=True)

    class Meta:
        verbose_name = _("boundary map")
        verbose_name_plural = _("boundary maps")

    def __str__(self):
        return f"{self.province}: {self.original_filename or self.source.name}"


class BoundaryShape(models.Model):
    """One kab/kota of a `BoundaryMap`, as an SVG path in the map's view box."""

    boundary_map = models.ForeignKey(BoundaryMap, on_delete=models.CASCADE, related_name="shapes")
    region = models.ForeignKey(
        "regions.Region", on_delete=models.CASCADE, related_name="boundary_shapes"
    )
    path = models.TextField()
    # The view box of the whole map, repeated here so a dashboard reads a kab/kota's shape
    # together with its other numbers in one query.
    view_box = models.CharField(max_length=60)

    class Meta:
        constraints = [
            once(
                "boundary_map",
                "region",
                name="dashboards_shape_unique_region",
                message=_("A boundary map has one shape per kab/kota."),
            )
        ]

    def __str__(self):
        return f"{self.region_id} in map {self.boundary_map_id}"
