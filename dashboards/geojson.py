"""Reading a province's kab/kota boundaries from GeoJSON and projecting them to SVG paths.

Checked by content: valid JSON, a FeatureCollection of Polygon/MultiPolygon features with
numeric coordinates, each feature carrying the Kemendagri code of one of the province's kab/kota
(property `code`, `kode`, `kode_kab` or `kemendagri`; `7306` and `73.06` are both accepted).
Every kab/kota must appear exactly once. Projection: equirectangular with the longitude scaled by
cos(latitude at the centre), fitted to a view box 1000 units wide, y pointing down.
"""

import json
import math
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.uploads import check_size
from regions.codes import normalize_code

CODE_PROPERTIES = ("code", "kode", "kode_kab", "kemendagri")
WIDTH = 1000


@dataclass
class Shapes:
    """The projected map: `{region code: SVG path}` and the view box."""

    paths: dict
    view_box: str


def _fail(message, errors=None):
    raise DomainError(message, errors=errors or [message])


def _read(uploaded):
    try:
        check_size(uploaded)
    except ValidationError as exc:
        _fail(exc.messages[0])
    uploaded.seek(0)
    raw = uploaded.read()
    uploaded.seek(0)
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        _fail(_("The file is not valid GeoJSON: it cannot be read as JSON."))


def _code_of(properties):
    if not isinstance(properties, dict):
        return None
    for name in CODE_PROPERTIES:
        for key in (name, name.upper()):
            value = properties.get(key)
            if isinstance(value, bool) or value in (None, ""):
                continue
            if isinstance(value, int | str):
                return str(value).strip()
    return None


def _is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _rings(geometry):
    """The rings of a Polygon or MultiPolygon as lists of (lon, lat), or None when malformed."""
    if not isinstance(geometry, dict):
        return None
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        polygons = [coordinates]
    elif kind == "MultiPolygon":
        polygons = coordinates
    else:
        return None
    if not isinstance(polygons, list) or not polygons:
        return None
    rings = []
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            return None
        for ring in polygon:
            if not isinstance(ring, list) or len(ring) < 4:
                return None
            points = []
            for position in ring:
                if not (
                    isinstance(position, list)
                    and len(position) >= 2
                    and _is_number(position[0])
                    and _is_number(position[1])
                    and -180 <= position[0] <= 180
                    and -90 <= position[1] <= 90
                ):
                    return None
                points.append((float(position[0]), float(position[1])))
            rings.append(points)
    return rings


def _codes(values):
    return ", ".join(sorted(values))


def parse(uploaded, province, children) -> Shapes:
    """Validate an uploaded GeoJSON for `province` (whose kab/kota are `children`) and project
    it. Raises DomainError with one message per problem; nothing is stored here."""
    data = _read(uploaded)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        _fail(_("The file is not a GeoJSON FeatureCollection."))
    features = data.get("features")
    if not isinstance(features, list) or not features:
        _fail(_("The FeatureCollection has no features."))
    expected = {child.code for child in children}
    errors, seen, rings_by_code = [], [], {}
    unknown, other_province, duplicated = set(), set(), set()
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            errors.append(_("Item %(n)d is not a GeoJSON Feature.") % {"n": number})
            continue
        raw = _code_of(feature.get("properties"))
        if raw is None:
            errors.append(
                _("Feature %(n)d has no Kemendagri code (property %(names)s).")
                % {"n": number, "names": ", ".join(CODE_PROPERTIES)}
            )
            continue
        try:
            code = normalize_code(raw)
        except ValueError:
            unknown.add(raw)
            continue
        if code in seen:
            duplicated.add(code)
            continue
        seen.append(code)
        if code not in expected:
            if code[:2] != province.code:
                other_province.add(code)
            else:
                unknown.add(code)
            continue
        rings = _rings(feature.get("geometry"))
        if rings is None:
            errors.append(
                _(
                    "The geometry of %(code)s is not a Polygon or MultiPolygon with numeric "
                    "longitude/latitude coordinates."
                )
                % {"code": code}
            )
            continue
        rings_by_code[code] = rings
    missing = expected - set(seen)
    if missing:
        errors.append(_("Missing kab/kota: %(codes)s.") % {"codes": _codes(missing)})
    if unknown:
        errors.append(
            _("Unknown codes, not a kab/kota of this province: %(codes)s.")
            % {"codes": _codes(unknown)}
        )
    if other_province:
        errors.append(
            _("Codes of another province: %(codes)s.") % {"codes": _codes(other_province)}
        )
    if duplicated:
        errors.append(
            _("Codes that appear more than once: %(codes)s.") % {"codes": _codes(duplicated)}
        )
    if errors:
        raise DomainError(
            _("The boundary file does not match the kab/kota of %(province)s.")
            % {"province": province.display_name},
            errors=errors,
        )
    return project(rings_by_code)


def project(rings_by_code) -> Shapes:
    """Equirectangular projection with cos(latitude) correction, fitted to a view box."""
    points = [p for rings in rings_by_code.values() for ring in rings for p in ring]
    min_lon, max_lon = min(p[0] for p in points), max(p[0] for p in points)
    min_lat, max_lat = min(p[1] for p in points), max(p[1] for p in points)
    factor = math.cos(math.radians((min_lat + max_lat) / 2))
    span_x = max((max_lon - min_lon) * factor, 1e-9)
    span_y = max(max_lat - min_lat, 1e-9)
    scale = WIDTH / max(span_x, span_y)
    width, height = span_x * scale, span_y * scale

    def xy(lon, lat):
        return (lon - min_lon) * factor * scale, (max_lat - lat) * scale

    paths = {}
    for code, rings in rings_by_code.items():
        parts = []
        for ring in rings:
            coords = [xy(lon, lat) for lon, lat in ring]
            parts.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in coords) + "Z")
        paths[code] = "".join(parts)
    return Shapes(paths=paths, view_box=f"0 0 {width:.0f} {height:.0f}")
