"""Public open-data endpoints (no sign-in; only aggregates): DCAT `data.json`, the CKAN action
API's `package_list`/`package_show`, and the CSV/JSON resources. Every answer carries an ETag
(hash of the body) and Last-Modified, and answers 304 to a matching conditional request."""

import json

from django.http import Http404, HttpResponse, HttpResponseNotModified, JsonResponse
from django.utils.http import http_date, parse_http_date_safe
from django.views.decorators.http import require_GET

from interop import catalogue
from interop.datasets import DATASETS

CACHE_CONTROL = "public, max-age=300"


def _base(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _answer(request, content: bytes, content_type: str, last_modified, status=200):
    tag = catalogue.etag(content)
    stamp = int(last_modified.timestamp())
    match = request.headers.get("If-None-Match")
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    if (match and tag in [t.strip() for t in match.split(",")]) or (
        not match and since is not None and since >= stamp
    ):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(content, content_type=content_type, status=status)
    response["ETag"] = tag
    response["Last-Modified"] = http_date(stamp)
    response["Cache-Control"] = CACHE_CONTROL
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, default=str).encode()


@require_GET
def data_json(request):
    return _answer(
        request,
        _json(catalogue.dcat(_base(request))),
        "application/json; charset=utf-8",
        catalogue.catalogue_modified(),
    )


def _ckan(request, action, result, last_modified):
    body = {
        "help": request.build_absolute_uri(f"/api/3/action/help_show?name={action}"),
        "success": True,
        "result": result,
    }
    return _answer(request, _json(body), "application/json; charset=utf-8", last_modified)


@require_GET
def package_list(request):
    return _ckan(request, "package_list", sorted(DATASETS), catalogue.catalogue_modified())


@require_GET
def package_show(request):
    dataset = DATASETS.get(request.GET.get("id", ""))
    if dataset is None:
        body = {
            "help": request.build_absolute_uri("/api/3/action/help_show?name=package_show"),
            "success": False,
            "error": {"__type": "Not Found Error", "message": "Not found"},
        }
        return JsonResponse(body, status=404)
    return _ckan(
        request,
        "package_show",
        catalogue.package(dataset, _base(request)),
        catalogue.modified(dataset),
    )


@require_GET
def resource(request, name, fmt):
    dataset = DATASETS.get(name)
    if dataset is None or fmt not in ("csv", "json"):
        raise Http404
    if fmt == "csv":
        content, content_type = catalogue.as_csv(dataset), "text/csv; charset=utf-8"
    else:
        content, content_type = catalogue.as_json(dataset), "application/json; charset=utf-8"
    response = _answer(request, content, content_type, catalogue.modified(dataset))
    response["Content-Disposition"] = f'inline; filename="{name}.{fmt}"'
    return response
