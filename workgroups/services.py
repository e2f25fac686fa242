"""The Pokja registry: read helpers other apps call, and every multi-row write.

Read helpers (safe to call from any app; none of them checks permissions, the caller does):

- `active_workgroup(region)`: the region's active Pokja, or None.
- `active_workgroups(region_ids)`: {region_id: WorkGroup} for many regions, one query.
- `current_decrees(workgroup_ids, on=date)`: {workgroup_id: Decree} of the decree in force on
  `on` for many Pokja, one query (the province matrix needs constant query counts).
- `WorkGroup.current_decree(on=date)` (models.py): the same for one Pokja.
- `sector_mix(workgroup)`: government / non-government member counts.

Writes are keyword-only, take the acting user as `by`, run in one transaction and leave audit
records (model signals, plus `audit.registry.record` for imports and sub-group changes).
Broken rules raise `core.errors.DomainError` with a translated message.
"""

import datetime
import secrets
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _

from audit.context import acting_as
from audit.models import AuditEvent
from audit.registry import record
from core.concurrency import save_versioned
from core.errors import DomainError
from core.uploads import safe_filename
from jobs.mail import PasswordResetForm
from workgroups.models import Decree, Institution, Member, SubGroup, WorkGroup
from workgroups.validators import check_decree_pdf, check_members_xlsx, normalize_phone


class WorkGroupExists(DomainError):
    """The region already has an active Pokja (HTTP 409 in the API)."""

    status = 409


# --------------------------------------------------------------------------------------------
# Reading


def active_workgroup(region) -> WorkGroup | None:
    """The active Pokja of `region` (a Region), or None when it has none (never formed, or
    dissolved)."""
    return (
        WorkGroup.objects.filter(region=region, status=WorkGroup.Status.ACTIVE)
        .select_related("region")
        .first()
    )


def active_workgroups(region_ids) -> dict[int, WorkGroup]:
    """{region_id: active WorkGroup} for the given region ids, in one query. Regions without an
    active Pokja are missing from the dict."""
    return {
        wg.region_id: wg
        for wg in WorkGroup.objects.filter(
            region_id__in=list(region_ids), status=WorkGroup.Status.ACTIVE
        )
    }


def current_decrees(workgroup_ids, *, on: datetime.date | None = None) -> dict[int, Decree]:
    """{workgroup_id: Decree in force on `on`} for many Pokja, in one query, with the same rule
    as `WorkGroup.current_decree`: among decrees valid on that date, the one that took effect
    last. Pokja without a valid decree on that date are missing from the dict."""
    on = on or timezone.localdate()
    decrees = (
        Decree.objects.filter(workgroup_id__in=list(workgroup_ids), valid_from__lte=on)
        .filter(models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=on))
        .order_by("workgroup_id", *Decree.CURRENT_ORDER)
    )
    result: dict[int, Decree] = {}
    for decree in decrees:
        result.setdefault(decree.workgroup_id, decree)
    return result


def current_members(workgroup, *, on: datetime.date | None = None):
    """The members active on `on` (default today), with institution and sub-group loaded."""
    on = on or timezone.localdate()
    return (
        workgroup.members.filter(models.Q(active_from__isnull=True) | models.Q(active_from__lte=on))
        .filter(models.Q(active_until__isnull=True) | models.Q(active_until__gte=on))
        .select_related("institution", "subgroup", "user")
    )


def sort_members(members) -> list[Member]:
    """Members in the order of a decree's membership table: by role, sub-group, name."""
    return sorted(
        members,
        key=lambda m: (m.role_rank, m.subgroup.order if m.subgroup else -1, m.name.lower()),
    )


@dataclass(frozen=True)
class SectorMix:
    government: int
    non_government: int
    unknown: int
    by_sector: list  # [(sector label, count)], largest first


def sector_mix(members) -> SectorMix:
    """Government / non-government counts of `members` (an iterable with institutions loaded).
    Members without an institution are counted as unknown."""
    government = non_government = unknown = 0
    sectors = Counter()
    for member in members:
        institution = member.institution
        if institution is None:
            unknown += 1
            continue
        sectors[institution.get_sector_display()] += 1
        if institution.is_government:
            government += 1
        else:
            non_government += 1
    return SectorMix(government, non_government, unknown, sectors.most_common())


def allowed_subgroups(workgroup):
    """Sub-groups a member of this Pokja may belong to: the ones the Pokja picked, or the whole
    active catalogue while it has picked none."""
    picked = workgroup.subgroups.all()
    if picked.exists():
        return picked
    return SubGroup.objects.filter(is_active=True)


# --------------------------------------------------------------------------------------------
# Helpers


@contextmanager
def _acting(by):
    """The audit actor is the user named in `by` (a request already sets it; commands and
    tests may not). Everything inside runs in one transaction."""
    with acting_as(by), transaction.atomic():
        yield


def _full_clean(instance, exclude=None):
    """Run model validation (field rules and constraints) and raise its errors as they are:
    forms show them on the fields, the API answers 400."""
    instance.full_clean(exclude=exclude)


def _set_fields(instance, fields: dict, allowed):
    unknown = set(fields) - set(allowed)
    if unknown:
        raise DomainError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    for name, value in fields.items():
        setattr(instance, name, value)


# --------------------------------------------------------------------------------------------
# Work groups

WORKGROUP_FIELDS = (
    "name",
    "formed_on",
    "status",
    "secretariat_office",
    "contact_name",
    "contact_phone",
    "contact_email",
)


def _record_subgroups(workgroup, before: list[str], after: list[str]):
    if before != after:
        record(
            action=AuditEvent.Action.UPDATE,
            code="workgroup.subgroups_changed",
            instance=workgroup,
            region_code=workgroup.region.code,
            changes={"subgroups": [before, after]},
        )


def _subgroup_names(workgroup):
    return sorted(workgroup.subgroups.values_list("name", flat=True))


def create_workgroup(*, by, region, name, subgroups=(), is_demo=False, **fields) -> WorkGroup:
    """Record the Pokja of `region`. Refused (WorkGroupExists) when the region already has an
    active one."""
    with _acting(by):
        if WorkGroup.objects.select_for_update().filter(region=region, status="active").exists():
            raise WorkGroupExists(_("This region already has an active Pokja."))
        workgroup = WorkGroup(region=region, name=name, is_demo=is_demo, created_by=by)
        _set_fields(workgroup, fields, WORKGROUP_FIELDS)
        workgroup.contact_phone = _phone(workgroup.contact_phone, "contact_phone")
        _full_clean(workgroup)
        try:
            with transaction.atomic():
                workgroup.save()
        except IntegrityError:
            raise WorkGroupExists(_("This region already has an active Pokja.")) from None
        if subgroups:
            workgroup.subgroups.set(subgroups)
            _record_subgroups(workgroup, [], _subgroup_names(workgroup))
        return workgroup


def update_workgroup(*, by, workgroup, expected_version, subgroups=None, **fields) -> WorkGroup:
    """Change the Pokja's details (and, when given, its sub-groups). Raises ConflictError when
    someone saved since `expected_version`."""
    with _acting(by):
        _set_fields(workgroup, fields, WORKGROUP_FIELDS)
        if "contact_phone" in fields:
            workgroup.contact_phone = _phone(workgroup.contact_phone, "contact_phone")
        _full_clean(workgroup)
        save_versioned(workgroup, expected_version=expected_version)
        if subgroups is not None:
            before = _subgroup_names(workgroup)
            workgroup.subgroups.set(subgroups)
            _record_subgroups(workgroup, before, _subgroup_names(workgroup))
        return workgroup


def _phone(value, field="phone"):
    try:
        return normalize_phone(value)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from None


# --------------------------------------------------------------------------------------------
# Decrees (SK)

_DECREE_DATES = ("signed_on", "valid_from", "valid_until")
DECREE_FIELDS = ("number", "title", "issuer", "kind", *_DECREE_DATES, "replaces")


def _attach_file(decree, uploaded):
    try:
        check_decree_pdf(uploaded)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from None
    decree.file = uploaded
    decree.original_filename = safe_filename(uploaded.name, "SK.pdf")
    check_decree_signatures(decree, uploaded)


def check_decree_signatures(decree, uploaded=None) -> None:
    """Validate the electronic signatures of the decree's PDF (`uploaded`, or the stored file)
    and keep the result on the decree: who signed, when, whether intact and trusted. An
    unsigned scan is fine and recorded as such. Does not save."""
    from core.pdf_signatures import check_pdf_signatures

    source = uploaded if uploaded is not None else decree.file
    source.seek(0) if uploaded is not None else source.open("rb")
    try:
        data = source.read()
    finally:
        if uploaded is not None:
            source.seek(0)
        else:
            source.close()
    report = check_pdf_signatures(data)
    decree.signature_state = report.state
    decree.signature_details = report.as_json()
    decree.signature_trust_configured = report.trust_configured
    decree.signature_checked_at = timezone.now()


def add_decree(*, by, workgroup, file=None, **fields) -> Decree:
    """Register a decree (formation, amendment or renewal) with its signed PDF. The PDF is
    checked by content and size and stored under a random name."""
    with _acting(by):
        decree = Decree(workgroup=workgroup, created_by=by)
        _set_fields(decree, fields, DECREE_FIELDS)
        if file is not None:
            _attach_file(decree, file)
        # The file was checked above; its name is replaced by a random one when stored.
        _full_clean(decree, exclude=["file"])
        decree.save()
        return decree


def update_decree(*, by, decree, expected_version, file=None, **fields) -> Decree:
    """Change a decree; a new `file` replaces the stored PDF (the old one is removed after the
    transaction commits)."""
    with _acting(by):
        _set_fields(decree, fields, DECREE_FIELDS)
        old_name = decree.file.name if decree.file else ""
        if file is not None:
            _attach_file(decree, file)
        _full_clean(decree, exclude=["file"])
        save_versioned(decree, expected_version=expected_version)
        if file is not None and old_name and old_name != decree.file.name:
            _delete_file_on_commit(decree.file.storage, old_name)
        return decree


def delete_decree(*, by, decree) -> None:
    with _acting(by):
        storage, name = decree.file.storage, decree.file.name
        decree.delete()
        if name:
            _delete_file_on_commit(storage, name)


def _delete_file_on_commit(storage, name):
    transaction.on_commit(lambda: storage.delete(name))


# --------------------------------------------------------------------------------------------
# Institutions

INSTITUTION_FIELDS = ("name", "sector", "is_government")


def default_is_government(sector) -> bool:
    return sector in Institution.GOVERNMENT_SECTORS


def create_institution(*, by, region, name, sector, is_government=None) -> Institution:
    """Add an institution of `region`. `is_government` defaults from the sector."""
    with _acting(by):
        if is_government is None:
            is_government = default_is_government(sector)
        institution = Institution(
            region=region, name=" ".join(name.split()), sector=sector, is_government=is_government
        )
        _full_clean(institution)
        institution.save()
        return institution


def update_institution(*, by, institution, expected_version, **fields) -> Institution:
    with _acting(by):
        _set_fields(institution, fields, INSTITUTION_FIELDS)
        institution.name = " ".join(institution.name.split())
        _full_clean(institution)
        save_versioned(institution, expected_version=expected_version)
        return institution


def delete_institution(*, by, institution) -> None:
    """Remove an institution; refused while members still belong to it."""
    with _acting(by):
        if institution.members.exists():
            raise DomainError(
                _(
                    "%(name)s still has members in the Pokja. Move them to another institution "
                    "first."
                )
                % {"name": institution.name}
            )
        institution.delete()


# --------------------------------------------------------------------------------------------
# Members

MEMBER_FIELDS = (
    "name",
    "position",
    "institution",
    "role",
    "subgroup",
    "phone",
    "email",
    "active_from",
    "active_until",
)


def _check_member(member):
    workgroup = member.workgroup
    member.phone = _phone(member.phone)
    member.name = " ".join((member.name or "").split())
    errors = {}
    if member.institution is not None and member.institution.region_id != workgroup.region_id:
        errors["institution"] = [_("Choose an institution of this region.")]
    if (
        member.subgroup is not None
        and not allowed_subgroups(workgroup).filter(pk=member.subgroup.pk).exists()
    ):
        errors["subgroup"] = [_("Choose one of the Pokja's sub-groups.")]
    if errors:
        raise ValidationError(errors)
    _full_clean(member, exclude=["user"])


def create_member(*, by, workgroup, **fields) -> Member:
    with _acting(by):
        member = Member(workgroup=workgroup)
        _set_fields(member, fields, MEMBER_FIELDS)
        _check_member(member)
        member.save()
        return member


def update_member(*, by, member, expected_version, **fields) -> Member:
    with _acting(by):
        _set_fields(member, fields, MEMBER_FIELDS)
        _check_member(member)
        save_versioned(member, expected_version=expected_version)
        return member


def delete_member(*, by, member) -> None:
    """Remove a member. A log-in given to them loses its member role for the region."""
    with _acting(by):
        member = Member.objects.select_related("user", "workgroup__region").get(pk=member.pk)
        user = member.user
        region = member.workgroup.region
        member.delete()
        if user is not None:
            _drop_member_role(user, region)


def _drop_member_role(user, region):
    from accounts.models import RoleAssignment

    for assignment in RoleAssignment.objects.filter(user=user, role="member", region=region):
        assignment.delete()  # audited by the accounts app
    if not RoleAssignment.objects.filter(user=user).exists() and user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])


# --------------------------------------------------------------------------------------------
# Log-ins for members


class LoginMethod:
    EMAIL = "email"
    PASSWORD = "password"


def _free_username(member) -> str:
    User = get_user_model()
    candidates = []
    if member.email and len(member.email) <= 150:
        candidates.append(member.email.lower())
    base = slugify(member.name).replace("-", ".")[:40] or "anggota"
    candidates.append(base)
    for candidate in candidates:
        if not User.objects.filter(username__iexact=candidate).exists():
            return candidate
    for _attempt in range(100):
        candidate = f"{base}.{secrets.randbelow(9000) + 1000}"
        if not User.objects.filter(username__iexact=candidate).exists():
            return candidate
    raise DomainError(_("No free user name was found. Try again."))


_PASSWORD_CHARS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def generate_password(length=14) -> str:
    return "".join(secrets.choice(_PASSWORD_CHARS) for _i in range(length))


def grant_login(*, by, member, method=LoginMethod.EMAIL) -> tuple[object, str | None]:
    """Give `member` a log-in with the `member` role for the Pokja's region.

    `method="email"` sends a link to choose a password to the member's e-mail address (after
    the transaction commits); `method="password"` returns an initial password, to be shown
    once. Returns (user, password or None)."""
    from accounts.services import upsert_user_with_role

    with _acting(by):
        member = (
            Member.objects.select_for_update().select_related("workgroup__region").get(pk=member.pk)
        )
        if member.user_id is not None:
            raise DomainError(_("%(name)s already has a log-in.") % {"name": member.name})
        if method == LoginMethod.EMAIL and not member.email:
            raise DomainError(
                _("%(name)s has no e-mail address. Add one, or create an initial password.")
                % {"name": member.name}
            )
        if method not in (LoginMethod.EMAIL, LoginMethod.PASSWORD):
            raise DomainError(_("Unknown way of giving the log-in."))
        password = generate_password() if method == LoginMethod.PASSWORD else None
        user, created = upsert_user_with_role(
            username=_free_username(member),
            role="member",
            region_code=member.workgroup.region.code,
            password=password,
            email=member.email,
            full_name=member.name,
        )
        if not created:  # _free_username checked, but a parallel request may have won
            raise DomainError(_("No free user name was found. Try again."))
        member.user = user
        member.version += 1
        member.save(update_fields=["user", "version"])
        record(
            action=AuditEvent.Action.OTHER,
            code="member.login_granted",
            instance=member,
            region_code=member.workgroup.region.code,
            changes={"username": [None, user.username], "method": [None, method]},
        )
        if method == LoginMethod.EMAIL:
            transaction.on_commit(lambda: send_set_password_email(user))
        return user, password


def send_set_password_email(user) -> None:
    """E-mail `user` a link to choose their password (the standard password-reset e-mail, sent
    by the mail job)."""
    base = settings.SIPOKJA_BASE_URL.rstrip("/")
    protocol, _sep, domain = base.partition("://")
    context = {
        "email": user.email,
        "domain": domain,
        "site_name": "Sipokja",
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": protocol or "https",
    }
    PasswordResetForm().send_mail(
        "registration/password_reset_subject.txt",
        "registration/password_reset_email.html",
        context,
        None,
        user.email,
    )


# --------------------------------------------------------------------------------------------
# Excel import


@dataclass
class ImportResult:
    members: list
    institutions: list


def import_members(*, by, workgroup, uploaded) -> ImportResult:
    """Create members from a filled-in members template (.xlsx), all or nothing.

    Every row is validated first (see `workgroups.xlsx.read_members`). When any row is wrong,
    raises DomainError whose `errors` lists `{row, column, field, message}` and writes nothing.
    Otherwise creates the members (and institutions named in the file that do not exist yet,
    with the sector given) in one transaction and writes one audit record for the import."""
    from workgroups import xlsx

    try:
        check_members_xlsx(uploaded)
    except ValidationError as exc:
        raise DomainError(exc.messages[0]) from None
    rows, errors = xlsx.read_members(
        workgroup,
        uploaded,
        subgroups=list(allowed_subgroups(workgroup)),
        institutions=list(workgroup.region.institutions.all()),
        existing_names=list(current_members(workgroup).values_list("name", flat=True)),
    )
    if not errors and not rows:
        raise DomainError(_("The file has no members. Fill in at least one row under the header."))
    if errors:
        raise DomainError(
            _(
                "The file was not imported: %(count)d problem(s) found. Nothing was saved. "
                "Correct the rows listed below and upload the file again."
            )
            % {"count": len(errors)},
            errors=errors,
        )
    with _acting(by):
        new_institutions = {}
        for row in rows:
            if row.new_institution and row.new_institution[0].lower() not in new_institutions:
                name, sector = row.new_institution
                new_institutions[name.lower()] = Institution(
                    region=workgroup.region,
                    name=name,
                    sector=sector,
                    is_government=default_is_government(sector),
                )
        created_institutions = Institution.objects.bulk_create(list(new_institutions.values()))
        members = []
        for row in rows:
            fields = dict(row.fields)
            if row.new_institution:
                fields["institution"] = new_institutions[row.new_institution[0].lower()]
            members.append(Member(workgroup=workgroup, **fields))
        created = Member.objects.bulk_create(members)
        record(
            action=AuditEvent.Action.OTHER,
            code="members.imported",
            instance=workgroup,
            region_code=workgroup.region.code,
            changes={
                "members": [None, len(created)],
                "institutions_created": [None, [i.name for i in created_institutions]],
                "file": [None, safe_filename(getattr(uploaded, "name", ""), "anggota.xlsx")],
            },
        )
        return ImportResult(created, created_institutions)
