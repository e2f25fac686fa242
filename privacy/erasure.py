"""Deleting a person (UU 27/2022 Pasal 8 and 43–44) so that it means it: every personal value of
theirs is replaced by a pseudonym (core.pseudonyms, as in the anonymised copy) wherever it is
stored — member and user records, attendance lists, minutes, e-mails, notifications, the
request register, login-attempt logs and past audit entries (which keep who changed what and
when, with the personal values replaced). The Pokja's records stay: the member row keeps its
office, role, position and period, under a pseudonym.

Rows are rewritten with queryset updates (no audit signals, which would copy the values again);
one audit event records the erasure with counts only."""

import json

from django.apps import apps
from django.db import models, transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast

from audit.registry import record
from core.privacy import personal_fields
from core.pseudonyms import EMAIL, NAME, PHONE, USERNAME, Pseudonyms, kind_of, leaves
from privacy.subject import Subject, models_with_personal_fields, owner_links

SKIP = {"workgroups.member", "accounts.user"}
LOGS = {"audit.auditevent", "admin.logentry"}
FRAMEWORK = {"contenttypes", "auth", "sessions", "axes"}


class Eraser:
    def __init__(self, subject: Subject):
        self.subject = subject
        tag = f"M{subject.members[0].pk}" if subject.members else f"U{subject.user.pk}"
        self.tag = tag
        self.pseudonyms = Pseudonyms(
            formats={
                NAME: f"Anonim {tag}-{{n}}",
                EMAIL: f"anon-{tag.lower()}-{{n}}@example.invalid",
                PHONE: "0800{n:07d}",
                USERNAME: f"terhapus-{tag.lower()}-{{n}}",
            }
        )
        self.counts: dict[str, int] = {}

    # Collecting: the person's values, what their linked rows hold, what the audit log kept.
    def collect(self):
        add = self.pseudonyms.add
        for value, kind in self.subject.values().items():
            add(value, kind)
        for model in models_with_personal_fields():
            if model._meta.label_lower in SKIP:
                continue
            link = owner_links(model, self.subject)
            if link is None:
                continue
            for name in personal_fields(model):
                for value in model._base_manager.filter(link).values_list(name, flat=True):
                    for leaf in leaves(value):
                        add(leaf, kind_of(model, name))
        AuditEvent = apps.get_model("audit", "AuditEvent")
        Member = apps.get_model("workgroups", "Member")
        user_model = apps.get_model("accounts", "User")
        about = Q(
            model=Member._meta.label, object_id__in=[str(p) for p in self.subject.member_ids()]
        )
        if self.subject.user is not None:
            about |= Q(model=user_model._meta.label, object_id=str(self.subject.user.pk))
        for label, changes in AuditEvent.objects.filter(about).values_list("model", "changes"):
            model = apps.get_model(label)
            if isinstance(changes, dict):
                for key, value in changes.items():
                    if key in personal_fields(model) or key == "username":
                        kind = USERNAME if key == "username" else kind_of(model, key)
                        for leaf in leaves(value):
                            add(leaf, kind)
        return self

    def _exact_or_text(self, value):
        if isinstance(value, str):
            stripped = value.strip()
            if stripped in self.pseudonyms.by_value:
                return self.pseudonyms.by_value[stripped]
            return self.pseudonyms.scrub_text(value)
        if isinstance(value, list):
            return [self._exact_or_text(v) for v in value]
        if isinstance(value, dict):
            return {k: self._exact_or_text(v) for k, v in value.items()}
        return value

    def _count(self, label, n=1):
        self.counts[label] = self.counts.get(label, 0) + n

    def _text_q(self, name, annotate=False):
        q = Q(pk__in=[])  # nothing when there is no value
        for value in self.pseudonyms.by_value:
            q |= Q(**{f"{name}__contains": value})
            escaped = json.dumps(value)[1:-1]
            if annotate and escaped != value:
                q |= Q(**{f"{name}__contains": escaped})
        return q

    # Rewriting.
    def rows(self):
        """Every text of every table (not only the declared fields: a name also stands in
        minutes and e-mail bodies) where one of the person's values stands as whole words."""
        for model in apps.get_models():
            label = model._meta.label_lower
            if label in SKIP or label in LOGS or model._meta.app_label in FRAMEWORK:
                continue
            for f in model._meta.concrete_fields:
                if f.primary_key or f.is_relation:
                    continue
                name = f.name
                if isinstance(f, models.JSONField):
                    rows = model._base_manager.annotate(_t=Cast(name, TextField())).filter(
                        self._text_q("_t", annotate=True)
                    )
                elif isinstance(f, models.CharField | models.TextField):
                    rows = model._base_manager.filter(self._text_q(name))
                else:
                    continue
                for pk, value in rows.values_list("pk", name):
                    new = self._exact_or_text(value)
                    if new != value:
                        model._base_manager.filter(pk=pk).update(**{name: new})
                        self._count(label)
        Member = apps.get_model("workgroups", "Member")
        for member in self.subject.members:
            Member._base_manager.filter(pk=member.pk).update(
                name=self.pseudonyms.get(member.name, NAME), phone="", email="", user=None
            )
            self._count("workgroups.member")
        user = self.subject.user
        if user is not None:
            user.role_assignments.all().delete()
            user.api_tokens.all().delete()
            apps.get_model("notifications", "Notification").objects.filter(user=user).delete()
            username = self.pseudonyms.get(user.get_username(), USERNAME)
            user.set_unusable_password()
            type(user)._base_manager.filter(pk=user.pk).update(
                username=username,
                first_name="",
                last_name="",
                email="",
                is_active=False,
                password=user.password,
            )
            self._count("accounts.user")
            usernames = [v for v, k in self.subject.values().items() if k == USERNAME]
            for model in apps.get_app_config("axes").get_models():
                if any(f.name == "username" for f in model._meta.fields):
                    n, _ = model._base_manager.filter(username__in=usernames).delete()
                    self._count("axes", n)

    def logs(self):
        AuditEvent = apps.get_model("audit", "AuditEvent")
        q = self._text_q("object_repr") | self._text_q("_changes", annotate=True)
        usernames = [v for v, k in self.pseudonyms.by_value.items()]
        q |= Q(actor_username__in=usernames)
        if self.subject.user is not None:
            q |= Q(actor_id=self.subject.user.pk)
        events = AuditEvent.objects.annotate(_changes=Cast("changes", TextField())).filter(q)
        for event in events.only("pk", "actor_username", "object_repr", "changes"):
            actor = self._exact_or_text(event.actor_username)
            if self.subject.user is not None and event.actor_id == self.subject.user.pk:
                actor = self.pseudonyms.get(event.actor_username, USERNAME)
            AuditEvent.objects.filter(pk=event.pk).update(
                actor_username=actor,
                object_repr=self._exact_or_text(event.object_repr),
                changes=self._exact_or_text(event.changes),
            )
            self._count("audit.auditevent")
        LogEntry = apps.get_model("admin", "LogEntry")
        entries = LogEntry.objects.filter(
            self._text_q("object_repr") | self._text_q("change_message")
        )
        for pk, repr_, message in entries.values_list("pk", "object_repr", "change_message"):
            LogEntry.objects.filter(pk=pk).update(
                object_repr=self._exact_or_text(repr_),
                change_message=self.pseudonyms.scrub_text(message),
            )
            self._count("admin.logentry")


@transaction.atomic
def erase(subject: Subject, *, by) -> dict:
    """Erase the person; returns {table: rows rewritten} (counts, never values)."""
    eraser = Eraser(subject).collect()
    eraser.rows()
    eraser.logs()
    member = subject.members[0] if subject.members else None
    region = member.workgroup.region.code if member is not None else ""
    record(
        action="other",
        code="privacy.erased",
        model_label="workgroups.Member" if member is not None else "accounts.User",
        object_id=str(member.pk if member is not None else subject.user.pk),
        object_repr=f"Anonim {eraser.tag}",
        region_code=region,
        changes={"rows": eraser.counts},
        actor=by,
    )
    return eraser.counts
