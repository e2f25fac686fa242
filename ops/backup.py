"""Backup and restore: one zip archive holding the database (as Django fixtures, so it moves
between SQLite and PostgreSQL), every uploaded file that a record refers to, and a manifest of
row counts and SHA-256 checksums that `restore` verifies.

The anonymised copy (`anonymise_copy`) is the same archive with every personal value replaced, in
the tables and in the audit and admin logs (ops/anonymise.py), for test and training instances.
"""

import hashlib
import io
import json
import zipfile
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.storage import sha256, walk
from ops.anonymise import Anonymiser

FORMAT_VERSION = 1
# Framework tables rebuilt by `migrate`, or not worth keeping (sessions, log-in attempts).
EXCLUDED_APPS = {"contenttypes", "sessions", "axes"}
EXCLUDED_MODELS = {"auth.permission"}


def _models():
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in EXCLUDED_APPS or label in EXCLUDED_MODELS:
            continue
        if model._meta.proxy or not model._meta.managed:
            continue
        yield model


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def write_archive(target, *, anonymise=False) -> dict:
    """Write the archive to `target` (a path or file object). Returns the manifest."""
    manifest = {
        "format": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "anonymised": anonymise,
        "counts": {},
        "files": {},
    }
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # One snapshot for every table: the archive is consistent even while users write.
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            anonymiser = Anonymiser().collect(list(_models())) if anonymise else None
            for model in _models():
                label = model._meta.label_lower
                objects = list(model._base_manager.order_by("pk"))
                manifest["counts"][label] = len(objects)
                if not objects:
                    continue
                if anonymiser is not None:
                    anonymiser.scrub(model, objects)
                    data = anonymiser.serializer().serialize(objects, use_natural_foreign_keys=True)
                else:
                    data = serializers.serialize("json", objects, use_natural_foreign_keys=True)
                archive.writestr(f"data/{label}.json", data)
                for field in _file_fields(model):
                    for obj in objects:
                        name = getattr(obj, field.attname).name
                        if not name or name in manifest["files"]:
                            continue
                        with default_storage.open(name, "rb") as fh:
                            content = fh.read()
                        manifest["files"][name] = _sha256(content)
                        archive.writestr(f"media/{name}", content)
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


def _instance_is_empty() -> bool:
    from accounts.models import User
    from audit.models import AuditEvent

    return not User.objects.exists() and not AuditEvent.objects.exists()


def restore_archive(source, *, force=False) -> dict:
    """Restore an archive into an empty instance (migrated, no users yet). Verifies row counts and
    file checksums; refuses a non-empty instance unless `force`."""
    try:
        archive = zipfile.ZipFile(source)
        manifest = json.loads(archive.read("manifest.json"))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise DomainError(_("This file is not a Sipokja backup archive.")) from None
    if manifest.get("format") != FORMAT_VERSION:
        raise DomainError(_("This backup was made by an incompatible version of Sipokja."))
    if not force and not _instance_is_empty():
        raise DomainError(
            _(
                "The database is not empty. Restore only into a new, migrated instance (or use --force)."
            )
        )
    for name, checksum in manifest["files"].items():
        if _sha256(archive.read(f"media/{name}")) != checksum:
            raise DomainError(
                _("The archive is damaged: %(name)s does not match its checksum.") % {"name": name}
            )

    with transaction.atomic():
        call_command("flush", interactive=False, verbosity=0)
        order = [m._meta.label_lower for m in _models()]
        present = {
            n[len("data/") : -len(".json")] for n in archive.namelist() if n.startswith("data/")
        }
        for label in order:
            if label not in present:
                continue
            for deserialized in serializers.deserialize(
                "json", archive.read(f"data/{label}.json"), handle_forward_references=True
            ):
                deserialized.save()
        _reset_sequences()
        counts = {m._meta.label_lower: m._base_manager.count() for m in _models()}
        mismatched = {
            k: (v, counts.get(k)) for k, v in manifest["counts"].items() if counts.get(k) != v
        }
        if mismatched:
            raise DomainError(
                _("Row counts differ after restore: %(tables)s") % {"tables": mismatched}
            )

    for name in manifest["files"]:
        if default_storage.exists(name):
            default_storage.delete(name)
        default_storage.save(name, io.BytesIO(archive.read(f"media/{name}")))
        with default_storage.open(name, "rb") as fh:
            if _sha256(fh.read()) != manifest["files"][name]:
                raise DomainError(
                    _("The file %(name)s could not be restored intact.") % {"name": name}
                )
    return manifest


def _reset_sequences():
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), list(_models()))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def media_checksums() -> dict:
    """SHA-256 of every stored file (for tests and after-restore checks), local or in S3."""
    if (
        isinstance(default_storage, FileSystemStorage)
        and not Path(default_storage.location).is_dir()
    ):
        return {}
    return {name: sha256(default_storage, name) for name in walk(default_storage)}
