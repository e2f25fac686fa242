"""Which fields of a model hold personal data: each model lists them in an inner class

    class DataScrubbing:
        personal_fields = ("name", "phone", "email")
        purpose = _("Why Sipokja keeps them.")

The privacy page (core.views.privacy) lists them; the anonymised copy (ops.backup) replaces them.
"""


def personal_fields(model) -> tuple:
    scrubbing = getattr(model, "DataScrubbing", None)
    return tuple(getattr(scrubbing, "personal_fields", ()))
