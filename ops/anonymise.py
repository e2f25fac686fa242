"""The anonymised copy (`manage.py anonymise_copy`): the backup archive with every personal value
replaced, in the tables and in the logs.

What is personal is declared on the models (core.privacy): `DataScrubbing.personal_fields`, and
`DataScrubbing.personal_repr = True` where the text of a row (`str()`, which the logs keep as
`object_repr`) names a person. Usernames, names and e-mail addresses of users are personal too.

1. Collect every personal value the database holds: the personal fields of every row, the users'
   usernames and names, and what the audit log kept of rows since changed or deleted (the
   personal fields in `changes`, usernames in `actor_username` and under `username`-like keys).
2. Give each value one pseudonym (`Anonim 3`, `anon3@example.invalid`, `08000000003`,
   `anon3`), the same wherever it occurs, so the copy stays consistent: the member and the
   user of one person get one name.
3. Replace the personal fields of every row; in the audit log and Django's admin log replace
   every occurrence of a collected value (as a whole word) in `object_repr`, `changes`,
   `actor_username` and `change_message`.

Uploaded documents are copied unchanged (decree PDFs are public instruments); see README.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import Serializer as JSONSerializer

from core.privacy import personal_fields
from core.pseudonyms import NAME, USERNAME, Pseudonyms, kind_of, leaves

# Keys of service-level audit events (`audit.registry.record(changes=…)`) whose values are
# usernames, whatever the model.
USERNAME_KEYS = {"username", "approved_by", "actor_username"}
_AUDIT_LABEL = "audit.auditevent"
_ADMIN_LOG_LABEL = "admin.logentry"


def personal_repr(model) -> bool:
    return bool(getattr(getattr(model, "DataScrubbing", None), "personal_repr", False))


class Anonymiser:
    """Collects the personal values of the database, then scrubs objects before they are
    written to the archive (ops.backup.write_archive)."""

    def __init__(self):
        self.pseudonyms = Pseudonyms()
        self.user_model = get_user_model()

    # 1. Collecting ---------------------------------------------------------------------------

    def collect(self, models_) -> "Anonymiser":
        pseudonyms = self.pseudonyms
        usernames = self.user_model._base_manager.order_by("pk")
        for username in usernames.values_list(self.user_model.USERNAME_FIELD, flat=True):
            pseudonyms.add(username, USERNAME)
        for model in models_:
            for name in personal_fields(model):
                kind = kind_of(model, name)
                values = model._base_manager.order_by("pk").values_list(name, flat=True)
                for value in values:
                    pseudonyms.add(value, kind)
        for first, last in self.user_model._base_manager.values_list("first_name", "last_name"):
            pseudonyms.add(f"{first} {last}".strip(), NAME)
        self._collect_from_logs()
        return self

    def _collect_from_logs(self):
        AuditEvent = apps.get_model("audit", "AuditEvent")
        events = AuditEvent.objects.values_list("model", "actor_username", "changes", "object_repr")
        for label, actor, changes, repr_ in events.iterator(chunk_size=2000):
            if actor and actor != "system":
                self.pseudonyms.add(actor, USERNAME)
            model = _model(label)
            if model is not None and personal_repr(model):
                self.pseudonyms.add(repr_, NAME)
            if isinstance(changes, dict):
                for key, value in changes.items():
                    kind = self._key_kind(model, key)
                    if kind:
                        for item in leaves(value):
                            self.pseudonyms.add(item, kind)

    def _key_kind(self, model, key):
        if key in USERNAME_KEYS:
            return USERNAME
        if model is not None and key in personal_fields(model):
            return kind_of(model, key)
        return None

    # 2. Scrubbing ----------------------------------------------------------------------------

    def scrub(self, model, objects) -> None:
        """Replace the personal data of `objects` (rows of `model`) in place."""
        label = model._meta.label_lower
        fields = personal_fields(model)
        for obj in objects:
            for name in fields:
                setattr(obj, name, self.pseudonyms.get(getattr(obj, name), kind_of(model, name)))
        if model is self.user_model:
            for obj in objects:
                setattr(
                    obj,
                    model.USERNAME_FIELD,
                    self.pseudonyms.get(obj.get_username(), USERNAME),
                )
                obj.set_unusable_password()
        elif label == _AUDIT_LABEL:
            for event in objects:
                self._scrub_event(event)
        elif label == _ADMIN_LOG_LABEL:
            for entry in objects:
                entry_model = None
                if entry.content_type_id:
                    entry_model = ContentType.objects.get_for_id(
                        entry.content_type_id
                    ).model_class()
                if entry_model is not None and personal_repr(entry_model):
                    entry.object_repr = self.pseudonyms.get(entry.object_repr, NAME)
                entry.object_repr = self.pseudonyms.scrub_text(entry.object_repr)
                entry.change_message = self.pseudonyms.scrub_text(entry.change_message)

    def _scrub_event(self, event):
        text = self.pseudonyms.scrub_text
        model = _model(event.model)
        if event.actor_username != "system":
            event.actor_username = self.pseudonyms.get(event.actor_username, USERNAME)
        if model is not None and personal_repr(model):
            event.object_repr = self.pseudonyms.get(event.object_repr, NAME)
        event.object_repr = text(event.object_repr)
        if isinstance(event.changes, dict):
            event.changes = {
                key: self._scrub_value(value, self._key_kind(model, key))
                for key, value in event.changes.items()
            }
        else:
            event.changes = self._scrub_value(event.changes, None)

    def _scrub_value(self, value, kind):
        if isinstance(value, str):
            return self.pseudonyms.get(value, kind) if kind else self.pseudonyms.scrub_text(value)
        if isinstance(value, list):
            return [self._scrub_value(item, kind) for item in value]
        if isinstance(value, dict):
            return {k: self._scrub_value(v, kind) for k, v in value.items()}
        return value

    def serializer(self):
        """The JSON serializer for the copy: foreign keys to users are written as primary keys,
        since a user's natural key is the username, which the copy replaces."""
        return _UsersByPrimaryKey(self.user_model)


class _UsersByPrimaryKey(JSONSerializer):
    def __init__(self, user_model):
        super().__init__()
        self.user_model = user_model

    def _plain(self, handle, obj, field):
        natural = self.use_natural_foreign_keys
        if field.remote_field.model is self.user_model:
            self.use_natural_foreign_keys = False
        try:
            handle(obj, field)
        finally:
            self.use_natural_foreign_keys = natural

    def handle_fk_field(self, obj, field):
        self._plain(super().handle_fk_field, obj, field)

    def handle_m2m_field(self, obj, field):
        self._plain(super().handle_m2m_field, obj, field)


def _model(label):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None
