"""One data subject: a user, a member, or both (a member with an account), and the personal
values Sipokja holds for them. Used by the access export and the erasure."""

from dataclasses import dataclass, field

from django.apps import apps
from django.db import models

from core.privacy import personal_fields
from core.pseudonyms import EMAIL, NAME, PHONE, USERNAME


@dataclass
class Subject:
    user: object = None
    members: list = field(default_factory=list)

    @classmethod
    def of_user(cls, user):
        Member = apps.get_model("workgroups", "Member")
        return cls(user=user, members=list(Member.objects.filter(user=user)))

    @classmethod
    def of_member(cls, member):
        members = [member]
        return cls(user=member.user if member.user_id else None, members=members)

    def values(self) -> dict[str, str]:
        """{value: kind} of the personal values of this person (names, e-mails, phones,
        username), stripped, never empty."""
        found: dict[str, str] = {}

        def add(value, kind):
            if isinstance(value, str) and value.strip():
                found.setdefault(value.strip(), kind)

        if self.user is not None:
            add(self.user.get_username(), USERNAME)
            add(self.user.get_full_name(), NAME)
            add(self.user.email, EMAIL)
        for member in self.members:
            add(member.name, NAME)
            add(member.email, EMAIL)
            add(member.phone, PHONE)
        return found

    def member_ids(self):
        return {m.pk for m in self.members}


def models_with_personal_fields():
    return [model for model in apps.get_models() if personal_fields(model)]


def owner_links(model, subject: Subject) -> models.Q | None:
    """Rows of `model` that belong to the subject through a foreign key: to one of their member
    records (attendance, action items), or to their user where the row is theirs (a
    notification) rather than something they did."""
    Member = apps.get_model("workgroups", "Member")
    user_model = apps.get_model("accounts", "User")
    q = models.Q()
    any_link = False
    for f in model._meta.concrete_fields:
        if not f.is_relation or f.related_model is None:
            continue
        if f.related_model is Member and subject.members:
            q |= models.Q(**{f"{f.name}__in": subject.member_ids()})
            any_link = True
        elif f.related_model is user_model and subject.user is not None and f.name == "user":
            q |= models.Q(**{f.name: subject.user})
            any_link = True
    return q if any_link else None


def value_matches(model, name, values) -> models.Q | None:
    f = model._meta.get_field(name)
    if isinstance(f, models.JSONField):
        return None  # matched in Python (privacy.export / privacy.erasure)
    return models.Q(**{f"{name}__in": list(values)})
