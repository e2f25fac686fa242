"""Checks shared by the forms, the API and the Excel import of the Pokja registry."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core import uploads

_PHONE_SEPARATORS = re.compile(r"[\s\-./()]")
_PHONE_CHARACTERS = re.compile(r"^\+?\d+$")


def _phone_error(text):
    return ValidationError(
        _("%(value)s is not a phone number. Write it as 0812 3456 7890 or +62 812 3456 7890.")
        % {"value": text},
        code="phone",
    )


def normalize_phone(raw) -> str:
    """A phone number in E.164 form (`+6281234567890`), as Sipokja stores every number (the form
    wa.me links and messaging services need). Local forms are accepted: `0812-3456-7890`,
    `62812…`, `+62 812 …`, `(0411) 861234`; numbers of other countries need their `+` code.
    Excel drops the leading zero of numbers typed as numbers (`81234567890`); that is put back.
    Validated with `phonenumbers` (Google's libphonenumber data). Empty input stays empty."""
    import phonenumbers

    if raw is None:
        return ""
    if isinstance(raw, bool):
        raise ValidationError(_("Enter a phone number such as 0812 3456 7890."), code="phone")
    if isinstance(raw, int | float):
        text = str(int(raw))
        if text.startswith("8"):
            text = "0" + text
    else:
        text = str(raw).strip()
    if not text:
        return ""
    cleaned = _PHONE_SEPARATORS.sub("", text)
    if cleaned.startswith("00"):  # international prefix written instead of +
        cleaned = "+" + cleaned[2:]
    if not _PHONE_CHARACTERS.match(cleaned) or len(cleaned) > 17:
        raise _phone_error(text)
    try:
        number = phonenumbers.parse(cleaned, "ID")
    except phonenumbers.NumberParseException:
        raise _phone_error(text) from None
    if not phonenumbers.is_valid_number(number):
        raise _phone_error(text)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def check_decree_pdf(uploaded) -> None:
    """The signed decree must be a real PDF (checked by content) within the size limit."""
    _checked(
        uploads.validate_pdf,
        uploaded,
        {
            "not_pdf": (
                _(
                    "The file is not a PDF document (its content was checked, not its name). "
                    "Upload the signed decree (SK) as a PDF file."
                ),
                "not_pdf",
            )
        },
    )


def check_members_xlsx(uploaded) -> None:
    """The members file must be a plain workbook (.xlsx, .xls or .ods; no macros) within the size
    limit that passes the spreadsheet guard."""
    _checked(
        uploads.validate_spreadsheet,
        uploaded,
        {
            "not_spreadsheet": (
                _(
                    "The file is not an Excel workbook (.xlsx). Download the members template, "
                    "fill it in and upload it again."
                ),
                "not_xlsx",
            ),
            "macro": (
                _(
                    "Workbooks with macros are not accepted. Save the file as a plain .xlsx workbook."
                ),
                "macro",
            ),
        },
    )


def _checked(validate, uploaded, wordings) -> None:
    """`validate(uploaded)`, its refusals said in the words of the Pokja screens: `wordings` maps
    a refusal's code to (message, code); a size refusal names the limit."""
    try:
        validate(uploaded)
    except ValidationError as exc:
        if exc.code in wordings:
            message, code = wordings[exc.code]
            raise ValidationError(message, code=code) from None
        raise _size_error(exc, uploaded) from None


def _size_error(exc, uploaded):
    from django.conf import settings

    if exc.code == "too_large":
        return ValidationError(
            _("The file is %(size).1f MB; the limit is %(limit)d MB. Upload a smaller file.")
            % {"size": uploaded.size / 1024 / 1024, "limit": settings.SIPOKJA_UPLOAD_MAX_MB},
            code="too_large",
        )
    if exc.code == "empty":
        return ValidationError(_("The file is empty."), code="empty")
    return exc
