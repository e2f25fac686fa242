"""Phone numbers of members and Pokja contacts to E.164 (`+6281234567890`), the form Sipokja
now stores (workgroups.validators.normalize_phone). Numbers that cannot be read as a phone
number are left as they were and listed in the migration's output, to be fixed by hand."""

import re

from django.db import migrations

_SEPARATORS = re.compile(r"[\s\-./()]")
_CHARACTERS = re.compile(r"^\+?\d+$")


def to_e164(text):
    """The same rules as normalize_phone at the time of this migration (kept here so the
    migration does not change when the validator does). None when not a phone number."""
    import phonenumbers

    cleaned = _SEPARATORS.sub("", text or "")
    if not cleaned:
        return ""
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    if cleaned.startswith("8"):
        cleaned = "0" + cleaned
    if not _CHARACTERS.match(cleaned) or len(cleaned) > 17:
        return None
    try:
        number = phonenumbers.parse(cleaned, "ID")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise(apps, schema_editor):
    unreadable = []
    for model_name, field in (("Member", "phone"), ("WorkGroup", "contact_phone")):
        model = apps.get_model("workgroups", model_name)
        for pk, value in model.objects.exclude(**{field: ""}).values_list("pk", field):
            new = to_e164(value)
            if new is None:
                unreadable.append(f"{model_name} #{pk}: {value!r}")
            elif new != value:
                model.objects.filter(pk=pk).update(**{field: new})
    if unreadable:
        print(
            "\n  Phone numbers left as they were (not recognised as phone numbers; fix them by "
            "hand):\n    " + "\n    ".join(unreadable)
        )


class Migration(migrations.Migration):
    dependencies = [("workgroups", "0004_decree_signature_check")]

    operations = [migrations.RunPython(normalise, migrations.RunPython.noop, elidable=False)]
