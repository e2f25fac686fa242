"""Regional policies and planning documents: `/api/v1/regions/{code}/policies…`.

Reads need `region.view`, writes `policy.edit`. `indicators` are indicator codes (only for
planning documents: RPJMD, RKPD, Renstra OPD, GDPK). Updates and deletes carry the `version`
you read; a stale version answers 409.
"""

import datetime

from django.shortcuts import get_object_or_404
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from accounts.access import RegionRecord, get_region
from accounts.permissions import Permission
from core.api_crud import ERRORS, patch_fields, patch_schema
from planning.api import api_fields
from planning.common import serve_file
from policies import services
from policies.models import Policy

router = Router(tags=["policies"])


class PolicyOut(Schema):
    id: int
    version: int
    kind: str
    number: str
    title: str
    issued_on: datetime.date | None
    status: str
    subgroup: str | None
    period_start: int | None
    period_end: int | None
    summary: str
    has_file: bool
    indicators: list[str]

    @staticmethod
    def resolve_subgroup(obj):
        return obj.subgroup.code if obj.subgroup_id else None

    @staticmethod
    def resolve_has_file(obj):
        return bool(obj.file)

    @staticmethod
    def resolve_indicators(obj):
        return [i.code for i in obj.indicators.all()]


class PolicyIn(Schema):
    kind: str
    number: str = ""
    title: str
    issued_on: datetime.date | None = None
    status: str = Policy.Status.DRAFTING
    subgroup: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    summary: str = ""
    indicators: list[str] = []


PolicyPatch = patch_schema(PolicyIn, "PolicyPatch")


class PolicyFilter(Schema):
    kind: str | None = None
    status: str | None = None
    planning_documents: bool = False


NULLABLE = ("issued_on", "subgroup", "period_start", "period_end")


def _fields(payload: dict) -> dict:
    return api_fields(payload, NULLABLE)


def _policy(region, policy_id) -> Policy:
    return get_object_or_404(
        Policy.objects.select_related("region", "subgroup"), pk=policy_id, region=region
    )


POLICIES = RegionRecord(
    "policy",
    _policy,
    Permission.POLICY_EDIT,
    patch=lambda payload, region: _fields(patch_fields(payload, drop_none=False)),
    update=services.save_policy,
    docs=(
        "",
        "Change some fields; `version` must be the one you read (else 409).",
        "Delete a policy (`?version=`).",
    ),
    context=lambda region, policy: {"region": region},
    remove=services.delete_policy,
)


@router.get("/regions/{code}/policies", response=list[PolicyOut])
def list_policies(request, code: str, filters: Query[PolicyFilter]):
    """The region's policies; filter by `kind`, `status`, or `planning_documents=true`."""
    region = get_region(request.user, code, Permission.REGION_VIEW)
    qs = (
        Policy.objects.filter(region=region)
        .select_related("subgroup")
        .prefetch_related("indicators")
    )
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.planning_documents:
        qs = qs.filter(kind__in=Policy.PLANNING_KINDS)
    return list(qs)


@router.post("/regions/{code}/policies", response={201: PolicyOut, **ERRORS})
def create_policy(request, code: str, payload: PolicyIn):
    region = get_region(request.user, code, Permission.POLICY_EDIT)
    policy = services.save_policy(by=request.user, region=region, **_fields(payload.model_dump()))
    return Status(201, policy)


POLICIES.endpoints(router, "/regions/{code}/policies/{policy_id}", PolicyOut, PolicyPatch)


@router.get("/regions/{code}/policies/{policy_id}/document")
def download_document(request, code: str, policy_id: int):
    policy = POLICIES.get(request, code, policy_id)
    return serve_file(
        policy.file, policy.original_filename or f"kebijakan-{policy.region.code}-{policy.pk}"
    )


@router.post("/regions/{code}/policies/{policy_id}/document", response={200: PolicyOut, **ERRORS})
def upload_document(
    request, code: str, policy_id: int, version: Form[int], file: File[UploadedFile]
):
    """Upload (or replace) the document (PDF): multipart with `file` and `version`."""
    return POLICIES.save(request, code, policy_id, version, {"file": file})
