"""API of the Pokja registry: work groups, decrees (SK, multipart upload), members,
institutions and the sub-group catalogue. Region scope as everywhere: outside your scope 404,
without the right 403. Updates take the `version` you read and answer 409 when it is stale.
Phone numbers and e-mail addresses are `null` unless you hold the contact right."""

import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from accounts.access import get_region, has_permission, require
from accounts.permissions import Permission
from core.api_crud import patch_schema
from core.api_types import choices
from core.errors import DomainError
from workgroups import services
from workgroups.api_reading import router as reading_router
from workgroups.models import Decree, Institution, Member, SubGroup, WorkGroup
from workgroups.views.common import serve_decree

router = Router(tags=["workgroups"])
# POST /regions/{code}/decrees/read (issue 26) lives in its own module.
router.add_router("", reading_router)


class Error(Schema):
    detail: str


# --------------------------------------------------------------------------------------------
# Schemas


class SubGroupOut(Schema):
    id: int
    code: str
    name: str
    description: str
    is_active: bool
    order: int


class SubGroupIn(Schema):
    code: str
    name: str
    description: str = ""
    is_active: bool = True
    order: int = 0


class SubGroupPatch(Schema):
    code: str | None = None
    name: str | None = None
    description: str | None = None
    is_active: bool | None = None
    order: int | None = None


class DecreeOut(Schema):
    id: int
    number: str
    title: str
    kind: choices(Decree.Kind)
    issuer: Decree.Issuer
    signed_on: datetime.date
    valid_from: datetime.date
    valid_until: datetime.date | None
    in_force: bool
    has_file: bool
    original_filename: str
    file_url: str | None
    # unsigned / valid / tampered / unreadable, or "" when not checked; one entry per signature
    # (signer, organisation, signed_at, timestamped, intact, covers_whole_file, trusted).
    signature_state: str
    signatures: list[dict]
    # The id of the earlier decree of this Pokja that this one replaces (kept in the history).
    replaces: int | None = None
    version: int


class DecreeIn(Schema):
    number: str
    title: str
    kind: choices(Decree.Kind) = Decree.Kind.FORMATION
    issuer: Decree.Issuer
    signed_on: datetime.date
    valid_from: datetime.date
    valid_until: datetime.date | None = None
    replaces: int | None = None


DecreePatch = patch_schema(DecreeIn, "DecreePatch")


class WorkGroupOut(Schema):
    id: int
    region: str
    name: str
    formed_on: datetime.date | None
    status: choices(WorkGroup.Status)
    secretariat_office: str
    contact_name: str
    contact_phone: str | None
    contact_email: str | None
    subgroups: list[str]
    is_demo: bool
    current_decree: DecreeOut | None
    version: int


class WorkGroupIn(Schema):
    name: str
    formed_on: datetime.date | None = None
    secretariat_office: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    subgroups: list[str] = []


class WorkGroupPatch(Schema):
    version: int
    name: str | None = None
    formed_on: datetime.date | None = None
    status: choices(WorkGroup.Status) | None = None
    secretariat_office: str | None = None
    contact_name: str | None = None
    contact_phone: str | None = None
    contact_email: str | None = None
    subgroups: list[str] | None = None


class InstitutionOut(Schema):
    id: int
    name: str
    sector: Institution.Sector
    is_government: bool
    version: int


class InstitutionIn(Schema):
    name: str
    sector: Institution.Sector
    is_government: bool | None = None


InstitutionPatch = patch_schema(InstitutionIn, "InstitutionPatch")


class MemberOut(Schema):
    id: int
    name: str
    position: str
    institution: int | None
    institution_name: str | None
    role: Member.Role
    subgroup: str | None
    phone: str | None
    email: str | None
    active_from: datetime.date | None
    active_until: datetime.date | None
    has_login: bool
    version: int


class MemberIn(Schema):
    name: str
    position: str = ""
    institution: int | None = None
    role: Member.Role = Member.Role.MEMBER
    subgroup: str | None = None
    phone: str = ""
    email: str = ""
    active_from: datetime.date | None = None
    active_until: datetime.date | None = None


MemberPatch = patch_schema(MemberIn, "MemberPatch")


class MemberFilter(Schema):
    all: bool = False


# --------------------------------------------------------------------------------------------
# Helpers


def _workgroup(region) -> WorkGroup:
    workgroup = services.active_workgroup(region)
    if workgroup is None:
        raise Http404("No Pokja")
    return workgroup


def _can_contact(request, region) -> bool:
    return has_permission(request.user, Permission.MEMBER_CONTACT_VIEW, region)


def _decree_out(decree, region, today=None):
    today = today or timezone.localdate()
    return {
        "id": decree.pk,
        "number": decree.number,
        "title": decree.title,
        "kind": decree.kind,
        "issuer": decree.issuer,
        "signed_on": decree.signed_on,
        "valid_from": decree.valid_from,
        "valid_until": decree.valid_until,
        "replaces": decree.replaces_id,
        "in_force": decree.is_valid_on(today),
        "has_file": bool(decree.file),
        "original_filename": decree.original_filename,
        "file_url": (
            f"/api/v1/regions/{region.code}/workgroup/decrees/{decree.pk}/file"
            if decree.file
            else None
        ),
        "signature_state": decree.signature_state,
        "signatures": decree.signature_details,
        "version": decree.version,
    }


def _workgroup_out(request, workgroup):
    region = workgroup.region
    contact = _can_contact(request, region)
    decree = workgroup.current_decree()
    return {
        "id": workgroup.pk,
        "region": region.code,
        "name": workgroup.name,
        "formed_on": workgroup.formed_on,
        "status": workgroup.status,
        "secretariat_office": workgroup.secretariat_office,
        "contact_name": workgroup.contact_name,
        "contact_phone": workgroup.contact_phone if contact else None,
        "contact_email": workgroup.contact_email if contact else None,
        "subgroups": [s.code for s in workgroup.subgroups.all()],
        "is_demo": workgroup.is_demo,
        "current_decree": _decree_out(decree, region) if decree else None,
        "version": workgroup.version,
    }


def _member_out(member, contact: bool):
    return {
        "id": member.pk,
        "name": member.name,
        "position": member.position,
        "institution": member.institution_id,
        "institution_name": member.institution.name if member.institution else None,
        "role": member.role,
        "subgroup": member.subgroup.code if member.subgroup else None,
        "phone": member.phone if contact else None,
        "email": member.email if contact else None,
        "active_from": member.active_from,
        "active_until": member.active_until,
        "has_login": member.user_id is not None,
        "version": member.version,
    }


def _subgroups_by_code(codes):
    found = {s.code: s for s in SubGroup.objects.filter(code__in=codes)}
    unknown = [c for c in codes if c not in found]
    if unknown:
        raise DomainError(_("Unknown sub-group codes: %(codes)s.") % {"codes": ", ".join(unknown)})
    return [found[c] for c in codes]


def _member_refs(region, fields: dict) -> dict:
    """Turn `institution` (id) and `subgroup` (code) of a payload into objects of this region."""
    if "institution" in fields and fields["institution"] is not None:
        institution = Institution.objects.filter(pk=fields["institution"], region=region).first()
        if institution is None:
            raise DomainError(
                _("Institution %(id)s is not an institution of this region.")
                % {"id": fields["institution"]}
            )
        fields["institution"] = institution
    if "subgroup" in fields and fields["subgroup"] is not None:
        fields["subgroup"] = _subgroups_by_code([fields["subgroup"]])[0]
    return fields


def _changes(payload) -> tuple[int, dict]:
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    return version, data


# --------------------------------------------------------------------------------------------
# Sub-groups (national catalogue)


@router.get("/subgroups", response=list[SubGroupOut])
def list_subgroups(request):
    """The national sub-group catalogue (active and inactive)."""
    return list(SubGroup.objects.all())


@router.post("/subgroups", response={201: SubGroupOut})
def create_subgroup(request, payload: SubGroupIn):
    """Add a sub-group to the catalogue (national admins)."""
    require(request.user, Permission.CATALOGUE_MANAGE, None)
    subgroup = SubGroup(**payload.dict())
    subgroup.full_clean()
    subgroup.save()
    return Status(201, subgroup)


@router.patch("/subgroups/{subgroup_id}", response=SubGroupOut)
def update_subgroup(request, subgroup_id: int, payload: SubGroupPatch):
    """Change a sub-group of the catalogue (national admins)."""
    require(request.user, Permission.CATALOGUE_MANAGE, None)
    subgroup = get_object_or_404(SubGroup, pk=subgroup_id)
    for name, value in payload.dict(exclude_unset=True).items():
        setattr(subgroup, name, value)
    subgroup.full_clean()
    subgroup.save()
    return subgroup


# --------------------------------------------------------------------------------------------
# Work group


@router.get("/regions/{code}/workgroup", response={200: WorkGroupOut, 404: Error})
def get_workgroup(request, code: str):
    """The region's active Pokja with its current decree; 404 when it has none."""
    region = get_region(request.user, code, Permission.REGION_VIEW)
    workgroup = services.active_workgroup(region)
    if workgroup is None:
        return Status(404, {"detail": _("This region has no Pokja yet.")})
    return _workgroup_out(request, workgroup)


@router.post("/regions/{code}/workgroup", response={201: WorkGroupOut})
def create_workgroup(request, code: str, payload: WorkGroupIn):
    """Record the region's Pokja; 409 when it already has an active one."""
    region = get_region(request.user, code, Permission.WORKGROUP_EDIT)
    data = payload.dict()
    subgroups = _subgroups_by_code(data.pop("subgroups"))
    workgroup = services.create_workgroup(
        by=request.user, region=region, subgroups=subgroups, **data
    )
    return Status(201, _workgroup_out(request, workgroup))


@router.patch("/regions/{code}/workgroup", response=WorkGroupOut)
def update_workgroup(request, code: str, payload: WorkGroupPatch):
    """Change the Pokja. Send the `version` you read; 409 when someone saved since."""
    region = get_region(request.user, code, Permission.WORKGROUP_EDIT)
    workgroup = _workgroup(region)
    version, data = _changes(payload)
    subgroups = data.pop("subgroups", None)
    if subgroups is not None:
        subgroups = _subgroups_by_code(subgroups)
    workgroup = services.update_workgroup(
        by=request.user, workgroup=workgroup, expected_version=version, subgroups=subgroups, **data
    )
    return _workgroup_out(request, workgroup)


# --------------------------------------------------------------------------------------------
# Decrees


def _decree(region, decree_id) -> Decree:
    return get_object_or_404(
        Decree.objects.select_related("workgroup__region"), pk=decree_id, workgroup__region=region
    )


def _with_replaced(region, data: dict) -> dict:
    """`replaces` as the region's decree it names (404 for another region's id)."""
    if data.get("replaces") is not None:
        data["replaces"] = _decree(region, data["replaces"])
    return data


@router.get("/regions/{code}/workgroup/decrees", response=list[DecreeOut])
def list_decrees(request, code: str):
    """The decrees of the region's Pokja, newest first."""
    region = get_region(request.user, code, Permission.REGION_VIEW)
    today = timezone.localdate()
    decrees = _workgroup(region).decrees.order_by(*Decree.CURRENT_ORDER)
    return [_decree_out(d, region, today) for d in decrees]


@router.post("/regions/{code}/workgroup/decrees", response={201: DecreeOut})
def create_decree(request, code: str, payload: Form[DecreeIn], file: File[UploadedFile]):
    """Register a decree with its signed PDF (multipart/form-data: the fields plus `file`).
    The file must really be a PDF (checked by content) within the size limit."""
    region = get_region(request.user, code, Permission.WORKGROUP_EDIT)
    data = _with_replaced(region, payload.dict())
    decree = services.add_decree(by=request.user, workgroup=_workgroup(region), file=file, **data)
    return Status(201, _decree_out(decree, region))


@router.get("/regions/{code}/workgroup/decrees/{decree_id}", response=DecreeOut)
def get_decree(request, code: str, decree_id: int):
    region = get_region(request.user, code, Permission.REGION_VIEW)
    return _decree_out(_decree(region, decree_id), region)


@router.patch("/regions/{code}/workgroup/decrees/{decree_id}", response=DecreeOut)
def update_decree(request, code: str, decree_id: int, payload: DecreePatch):
    """Change a decree's details (JSON). To replace the PDF, delete and upload again."""
    region = get_region(request.user, code, Permission.WORKGROUP_EDIT)
    version, data = _changes(payload)
    decree = services.update_decree(
        by=request.user,
        decree=_decree(region, decree_id),
        expected_version=version,
        **_with_replaced(region, data),
    )
    return _decree_out(decree, region)


@router.delete("/regions/{code}/workgroup/decrees/{decree_id}", response={204: None})
def delete_decree(request, code: str, decree_id: int):
    region = get_region(request.user, code, Permission.WORKGROUP_EDIT)
    services.delete_decree(by=request.user, decree=_decree(region, decree_id))
    return Status(204, None)


@router.get("/regions/{code}/workgroup/decrees/{decree_id}/file")
def download_decree(request, code: str, decree_id: int):
    """The signed PDF."""
    region = get_region(request.user, code, Permission.REGION_VIEW)
    return serve_decree(_decree(region, decree_id))


# --------------------------------------------------------------------------------------------
# Institutions


def _institution(region, institution_id) -> Institution:
    return get_object_or_404(Institution, pk=institution_id, region=region)


@router.get("/regions/{code}/institutions", response=list[InstitutionOut])
def list_institutions(request, code: str):
    region = get_region(request.user, code, Permission.REGION_VIEW)
    return list(region.institutions.order_by("name"))


@router.post("/regions/{code}/institutions", response={201: InstitutionOut})
def create_institution(request, code: str, payload: InstitutionIn):
    """Add an institution; `is_government` defaults from the sector."""
    region = get_region(request.user, code, Permission.WORKGROUP_EDIT)
    institution = services.create_institution(by=request.user, region=region, **payload.dict())
    return Status(201, institution)


@router.get("/regions/{code}/institutions/{institution_id}", response=InstitutionOut)
def get_institution(request, code: str, institution_id: int):
    region = get_region(request.user, code, Permission.REGION_VIEW)
    return _institution(region, institution_id)


@router.patch("/regions/{code}/institutions/{institution_id}", response=InstitutionOut)
def update_institution(request, code: str, institution_id: int, payload: InstitutionPatch):
    region = get_region(request.user, code, Permission.WORKGROUP_EDIT)
    version, data = _changes(payload)
    return services.update_institution(
        by=request.user,
        institution=_institution(region, institution_id),
        expected_version=version,
        **data,
    )


@router.delete("/regions/{code}/institutions/{institution_id}", response={204: None})
def delete_institution(request, code: str, institution_id: int):
    """Delete an institution; 400 while members still belong to it."""
    region = get_region(request.user, code, Permission.WORKGROUP_EDIT)
    services.delete_institution(by=request.user, institution=_institution(region, institution_id))
    return Status(204, None)


# --------------------------------------------------------------------------------------------
# Members


def _member(region, member_id) -> Member:
    return get_object_or_404(
        Member.objects.select_related("workgroup__region", "institution", "subgroup"),
        pk=member_id,
        workgroup__region=region,
        workgroup__status=WorkGroup.Status.ACTIVE,
    )


@router.get("/regions/{code}/workgroup/members", response=list[MemberOut])
def list_members(request, code: str, filters: Query[MemberFilter]):
    """The current members (`?all=true`: former members too)."""
    region = get_region(request.user, code, Permission.REGION_VIEW)
    workgroup = _workgroup(region)
    if filters.all:
        members = workgroup.members.select_related("institution", "subgroup")
    else:
        members = services.current_members(workgroup)
    contact = _can_contact(request, region)
    return [_member_out(m, contact) for m in services.sort_members(members)]


@router.post("/regions/{code}/workgroup/members", response={201: MemberOut})
def create_member(request, code: str, payload: MemberIn):
    region = get_region(request.user, code, Permission.WORKGROUP_EDIT)
    fields = _member_refs(region, payload.dict())
    member = services.create_member(by=request.user, workgroup=_workgroup(region), **fields)
    return Status(201, _member_out(member, _can_contact(request, region)))


@router.get("/regions/{code}/workgroup/members/{member_id}", response=MemberOut)
def get_member(request, code: str, member_id: int):
    region = get_region(request.user, code, Permission.REGION_VIEW)
    return _member_out(_member(region, member_id), _can_contact(request, region))


@router.patch("/regions/{code}/workgroup/members/{member_id}", response=MemberOut)
def update_member(request, code: str, member_id: int, payload: MemberPatch):
    region = get_region(request.user, code, Permission.WORKGROUP_EDIT)
    version, data = _changes(payload)
    member = services.update_member(
        by=request.user,
        member=_member(region, member_id),
        expected_version=version,
        **_member_refs(region, data),
    )
    return _member_out(member, _can_contact(request, region))


@router.delete("/regions/{code}/workgroup/members/{member_id}", response={204: None})
def delete_member(request, code: str, member_id: int):
    region = get_region(request.user, code, Permission.WORKGROUP_EDIT)
    services.delete_member(by=request.user, member=_member(region, member_id))
    return Status(204, None)
