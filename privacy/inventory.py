"""The inventory of personal data (UU 27/2022 Pasal 31: the record of processing): every model's
declaration (core.privacy) with its purpose, legal basis, retention and who may see it."""

import re

from django.apps import apps

from core.privacy import LEGAL_BASES, declaration

# Field names that look personal: a field of a model that matches and is not declared in its
# DataScrubbing.personal_fields must be listed here with the reason it is not personal
# (privacy/tests/test_inventory.py fails otherwise).
PERSONAL_LOOKING = re.compile(
    r"(^|_)(name|phone|email|e_mail|nip|nik|id_number|whatsapp|wa|photo|foto|address|alamat|"
    r"signer|signatory|recipient|username|author|chair|secretary|approver|contact|"
    r"represented_by|birth|gender)($|_)"
)
NOT_PERSONAL = {
    # Names of things, not of people.
    "regions.region": {"name", "office_name", "office_address", "office_email", "office_phone"},
    "workgroups.subgroup": {"name"},
    "workgroups.workgroup": {"name"},
    "workgroups.institution": {"name"},
    "indicators.indicator": {"name"},
    "accounts.apitoken": {"name"},
    "planning.activity": {"name"},
    "assessment.criterion": {"name"},
    "dashboards.boundarymap": {"name"},
    "dashboards.boundaryshape": {"name"},
    "interop.integratorkey": {"name"},  # the name of an integration (e.g. "SIPD Gowa")
    "regions.regionname": {"name"},  # a region's former name
    "privacy.controller": {"controller_name", "address"},  # an office and its address
    "meetings.participant": {"institution_name"},
    # Positions (jabatan) of officials: public.
    "letters.issueddocument": {"signer_title"},
    "letters.officecertificate": {"signer_title"},
    "meetings.letterhead": {"signatory_title"},
    "planning.workplan": {"approver_position", "document_filename"},
    # The system's sender address; a yes/no choice of e-mail.
    "jobs.outgoingemail": {"from_email"},
    "notifications.preference": {"email"},
    # A yes/no mirror of the WhatsApp consent register (privacy/whatsapp_sync.py).
    "workgroups.member": {"whatsapp_consent"},
    # Original file names of uploads.
    "meetings.material": {"original_filename"},
    "meetings.progressnote": {"evidence_filename"},
    "jobs.job": {"input_name", "result_name"},
    # Usernames of the acting official (service-level records); scrubbed in the audit log.
    "audit.auditevent": {"actor_username"},
    # Log-in records of django-axes: purged by retention (privacy.retention) and on erasure.
    "axes.accessattempt": {"username", "ip_address"},
    "axes.accesslog": {"username", "ip_address"},
    "axes.accessfailurelog": {"username", "ip_address"},
    # Other framework tables.
    "auth.permission": {"name"},
    "auth.group": {"name"},
    "contenttypes.contenttype": set(),
    "django_tasks_database.dbtaskresult": {"task_name", "backend_name", "queue_name"},
    "accounts.user": {"username"},  # the account name; replaced on erasure
}


def undeclared_personal_fields(models_=None) -> list[str]:
    """`app.model.field` of every personal-looking field neither declared nor excused."""
    missing = []
    for model in models_ if models_ is not None else apps.get_models():
        label = model._meta.label_lower
        declared = set((declaration(model) or {}).get("fields", ()))
        excused = NOT_PERSONAL.get(label, set())
        for f in model._meta.concrete_fields:
            if f.is_relation or f.name in declared or f.name in excused:
                continue
            if PERSONAL_LOOKING.search(f.name):
                missing.append(f"{label}.{f.name}")
    return sorted(missing)


def rows() -> list[dict]:
    result = []
    for model in apps.get_models():
        found = declaration(model)
        if not found:
            continue
        result.append(
            {
                "model": model._meta.verbose_name_plural,
                "fields": [model._meta.get_field(name).verbose_name for name in found["fields"]],
                "purpose": found["purpose"],
                "legal_basis": LEGAL_BASES.get(found["legal_basis"], ""),
                "retention": found["retention"],
                "visible_to": found["visible_to"],
            }
        )
    return result
