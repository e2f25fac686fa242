"""A failed form keeps its upload (issue 28): when a form with a file is refused for another
field, the file is stored for a while and the form carries a signed token to it, so the user
corrects the field and saves without choosing the file again.

    class DecreeForm(KeepUploadsMixin, forms.ModelForm): ...

The token is signed (a user cannot point it at another stored file) and expires after
MAX_AGE; the stored copies live under `kept/` and are removed when used or, at the latest, by
`sweep()` (run with the jobs' daily housekeeping, or by hand).
"""

import datetime
import uuid

from django import forms
from django.core import signing
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _

from core.uploads import safe_filename

SALT = "core.kept_uploads"
MAX_AGE = 6 * 3600  # seconds
FOLDER = "kept"


def keep(uploaded) -> str:
    """Store `uploaded` and return the signed token that brings it back."""
    uploaded.seek(0)
    name = safe_filename(getattr(uploaded, "name", ""), "berkas")
    path = default_storage.save(f"{FOLDER}/{uuid.uuid4().hex}", uploaded)
    uploaded.seek(0)
    return signing.dumps(
        {"path": path, "name": name, "type": getattr(uploaded, "content_type", "")}, salt=SALT
    )


def restore(token: str):
    """The upload a token refers to (an UploadedFile), or None when the token is forged,
    expired or its file is gone."""
    try:
        info = signing.loads(token, salt=SALT, max_age=MAX_AGE)
        path = info["path"]
    except (signing.BadSignature, KeyError, TypeError):
        return None
    if not path.startswith(f"{FOLDER}/") or not default_storage.exists(path):
        return None
    with default_storage.open(path, "rb") as stored:
        content = stored.read()
    default_storage.delete(path)  # kept again if the form is refused again
    return SimpleUploadedFile(info.get("name") or "berkas", content, info.get("type") or "")


def sweep(older_than=datetime.timedelta(seconds=MAX_AGE)) -> int:
    """Delete kept uploads older than `older_than`; returns how many."""
    try:
        _dirs, names = default_storage.listdir(FOLDER)
    except (FileNotFoundError, NotImplementedError):
        return 0
    limit = timezone.now() - older_than
    removed = 0
    for name in names:
        path = f"{FOLDER}/{name}"
        try:
            if default_storage.get_modified_time(path) < limit:
                default_storage.delete(path)
                removed += 1
        except (OSError, NotImplementedError):
            continue
    return removed


class KeepUploadsMixin:
    """For a form with file fields: a bound form whose file field is empty takes the file its
    `kept_<field>` token refers to; a form refused for other fields keeps each valid upload
    and says so in the field's help text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._kept_fields = [n for n, f in self.fields.items() if isinstance(f, forms.FileField)]
        for name in self._kept_fields:
            self.fields[f"kept_{name}"] = forms.CharField(widget=forms.HiddenInput, required=False)
            token = self.data.get(f"kept_{name}") if self.is_bound else None
            if token and not (self.files and self.files.get(name)):
                restored = restore(token)
                if restored is not None:
                    self.files = self.files.copy() if self.files else {}
                    self.files[name] = restored
                    self._say_kept(name, restored.name)

    def _say_kept(self, name, filename):
        self.fields[name].help_text = _(
            "%(name)s is kept from your last try: no need to choose it again."
        ) % {"name": filename}
        self._bound_fields_cache.pop(name, None)  # a bound field copies the help text

    def full_clean(self):
        super().full_clean()
        for name in self._kept_fields:  # the tokens are the form's business, not the service's
            getattr(self, "cleaned_data", {}).pop(f"kept_{name}", None)
        if not (self.is_bound and self._errors):
            return
        for name in self._kept_fields:
            uploaded = self.files.get(name) if self.files else None
            if uploaded is None or name in self._errors:
                continue
            data = self.data.copy()
            data[f"kept_{name}"] = keep(uploaded)
            self.data = data
            self._say_kept(name, safe_filename(uploaded.name, "berkas"))
