""" "Baca dari PDF" (issue 26): upload an SK, read it (a background job: instant for a text PDF,
OCR with a progress bar for a scan), review the prefilled decree and member table (institutions
and existing members matched, low-confidence values highlighted) and confirm: the decree, its
PDF and the members are written in one transaction with one audit record. Nothing is saved
before the confirmation."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.access import region_view
from accounts.permissions import Permission
from core.errors import DomainError
from core.forms import add_errors
from jobs.access import get_job
from jobs.models import Job
from workgroups import decree_import
from workgroups.forms import DecreeForm
from workgroups.models import Decree, Member
from workgroups.views.common import with_workgroup

NEW = "new"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("The SK as a PDF (text or scan)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )


class ReviewDecreeForm(forms.ModelForm):
    def __init__(self, *args, workgroup, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.workgroup = workgroup
        self.fields["replaces"].queryset = workgroup.decrees.order_by(*Decree.CURRENT_ORDER)

    class Meta:
        model = Decree
        fields = DecreeForm.Meta.fields
        widgets = DecreeForm.Meta.widgets


class RowForm(forms.Form):
    keep = forms.BooleanField(label=gettext_lazy("Save"), required=False, initial=True)
    name = forms.CharField(label=gettext_lazy("Name"), max_length=150)
    position = forms.CharField(label=gettext_lazy("Position"), max_length=200, required=False)
    role = forms.ChoiceField(label=gettext_lazy("Role"), choices=Member.Role.choices)
    institution = forms.ChoiceField(label=gettext_lazy("Institution"), required=False)
    new_institution = forms.CharField(
        label=gettext_lazy("New institution"), max_length=200, required=False
    )
    member = forms.ChoiceField(label=gettext_lazy("Existing member"), required=False)

    def __init__(self, *args, institutions=(), members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].choices = [
            ("", _("— none —")),
            (NEW, _("New institution (the name below)")),
            *[(str(pk), name) for pk, name in institutions],
        ]
        self.fields["member"].choices = [
            ("", _("Add as a new member")),
            *[(str(pk), _("Update: %(name)s") % {"name": name}) for pk, name in members],
        ]


RowFormSet = forms.formset_factory(RowForm, extra=0)


def _reading_job(request, region, pk) -> Job:
    job = get_job(request.user, pk)
    if job.kind != decree_import.READ_KIND or job.region_id != region.pk:
        raise Http404("Unknown reading")
    return job


@region_view(Permission.WORKGROUP_EDIT)
@with_workgroup
def decree_read(request, region, workgroup):
    """Upload the SK; its reading starts as a job."""
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            data = decree_import.check_upload(uploaded)
            decree_import.needs_ocr(data)  # a broken PDF is refused here, not in the job
            job = decree_import.start_reading(
                region=region, data=data, name=uploaded.name, by=request.user
            )
        except DomainError as exc:
            form.add_error("file", exc.message)
        else:
            return redirect("workgroups:decree_read_progress", code=region.code, job=job.pk)
    return render(
        request,
        "workgroups/decree_read.html",
        {"region": region, "workgroup": workgroup, "form": form},
    )


@region_view(Permission.WORKGROUP_EDIT)
def decree_read_progress(request, region, job):
    """The reading's progress (a scan: page by page); on to the review once it has finished."""
    job = _reading_job(request, region, job)
    if job.state == Job.State.SUCCEEDED:
        return redirect("workgroups:decree_read_review", code=region.code, job=job.pk)
    return render(
        request,
        "workgroups/decree_read_progress.html",
        {"region": region, "job": job},
    )


def _initial_decree(reading: dict, workgroup) -> dict:
    current = workgroup.current_decree()
    if "PERUBAHAN" in (reading.get("title") or "").upper():
        kind = Decree.Kind.AMENDMENT
    elif current is not None:
        kind = Decree.Kind.RENEWAL
    else:
        kind = Decree.Kind.FORMATION
    return {
        "replaces": current.pk if current else None,
        "number": reading.get("number"),
        "title": reading.get("title"),
        "signed_on": reading.get("date"),
        "issuer": reading.get("issuer_kind"),
        "valid_from": reading.get("valid_from") or reading.get("date"),
        "valid_until": reading.get("valid_until"),
        "kind": kind,
    }


def _initial_rows(rows) -> list[dict]:
    return [
        {
            "keep": True,
            "name": row.name,
            "position": row.position,
            "role": row.role,
            "institution": str(row.institution_id) if row.institution_id else NEW,
            "new_institution": "" if row.institution_id else row.institution_text,
            "member": str(row.member_id) if row.member_id else "",
        }
        for row in rows
    ]


def _confirmed_rows(formset, workgroup) -> list:
    institutions = {str(i.pk): i for i in workgroup.region.institutions.all()}
    members = {str(m.pk): m for m in workgroup.members.all()}
    rows, seen = [], set()
    for form in formset.forms:
        data = form.cleaned_data
        if not data.get("keep"):
            continue
        member = members.get(data.get("member") or "")
        if member is not None:
            if member.pk in seen:
                form.add_error("member", _("This member is already updated by another row."))
                continue
            seen.add(member.pk)
        choice = data.get("institution") or ""
        new_name = (data.get("new_institution") or "").strip() if choice == NEW else ""
        rows.append(
            decree_import.ConfirmedRow(
                name=data["name"],
                position=data.get("position") or "",
                role=data["role"],
                institution=institutions.get(choice),
                new_institution=new_name,
                member=member,
            )
        )
    return rows


@region_view(Permission.WORKGROUP_EDIT)
@with_workgroup
def decree_read_review(request, region, workgroup, job):
    """The prefilled decree and member table; confirming writes them all at once."""
    job = _reading_job(request, region, job)
    if job.params.get("decree_id"):
        messages.info(request, _("This SK has already been saved."))
        return redirect("workgroups:decrees", code=region.code)
    reading = decree_import.job_reading(job)
    if reading is None:
        return redirect("workgroups:decree_read_progress", code=region.code, job=job.pk)
    proposed = decree_import.propose(reading, workgroup)
    choices = {
        "institutions": list(
            workgroup.region.institutions.order_by("name").values_list("pk", "name")
        ),
        "members": list(workgroup.members.order_by("name").values_list("pk", "name")),
    }
    if request.method == "POST":
        form = ReviewDecreeForm(request.POST, workgroup=workgroup)
        formset = RowFormSet(request.POST, form_kwargs=choices)
        if form.is_valid() and formset.is_valid():
            rows = _confirmed_rows(formset, workgroup)
            if all(f.is_valid() for f in formset.forms):
                saved = _confirm(request, form, workgroup, job, rows)
                if saved:
                    messages.success(
                        request,
                        _("The decree (SK) and %(count)d member(s) were saved.")
                        % {"count": len(rows)},
                    )
                    return redirect("workgroups:decrees", code=region.code)
    else:
        form = ReviewDecreeForm(initial=_initial_decree(reading, workgroup), workgroup=workgroup)
        formset = RowFormSet(initial=_initial_rows(proposed), form_kwargs=choices)
    low = set(reading.get("low_confidence", []))
    field_low = {
        "number": "number" in low,
        "title": "title" in low,
        "signed_on": "date" in low,
        "issuer": "issuer" in low,
        "valid_from": "valid_from" in low,
        "valid_until": "valid_until" in low,
    }
    return render(
        request,
        "workgroups/decree_read_review.html",
        {
            "region": region,
            "workgroup": workgroup,
            "job": job,
            "reading": reading,
            "form": form,
            "decree_fields": [(form[name], field_low.get(name, False)) for name in form.fields],
            "rows": list(zip(formset.forms, proposed, strict=False)),
            "formset": formset,
        },
    )


def _confirm(request, form, workgroup, job, rows) -> bool:
    try:
        with transaction.atomic():
            decree = decree_import.confirm(
                by=request.user,
                workgroup=workgroup,
                decree_fields=form.cleaned_data,
                pdf=decree_import.job_pdf(job),
                filename=job.input_name,
                rows=rows,
            )
            params = {**job.params, "decree_id": decree.pk}
            Job.objects.filter(pk=job.pk).update(params=params)
    except ValidationError as exc:
        add_errors(form, exc)
        return False
    except DomainError as exc:
        for error in exc.errors or [exc.message]:
            form.add_error(None, error)
        return False
    return True
