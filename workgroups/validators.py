"""Checks shared by the forms, the API and the Excel import of the Pokja registry."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core import uploads

_PHONE_SEPARATORS = re.compile(r"[\s\-./()]")
_PHONE = re.compile(r"^(?:\+62|62|0)(\d{7,13})$")


def normalize_phone(raw) -> str:
    """An Indonesian phone number in national form: `0812 3456 7890`, `+62 812-3456-7890` and
    `62812…` all become `081234567890`. Excel drops the leading zero of numbers typed as
    numbers (`81234567890`); that is put back. Empty input stays empty."""
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
    match = _PHONE.match(cleaned)
    if not match:
        raise ValidationError(
            _("%(value)s is not a phone number. Write it as 0812 3456 7890 or +62 812 3456 7890.")
            % {"value": text},
            code="phone",
        )
    return "0" + match.group(1)


def check_decree_pdf(uploaded) -> None:
    """The signed decree must be a real PDF (checked by content) within the size limit."""
    try:
        uploads.validate_pdf(uploaded)
    except ValidationError as exc:
        if exc.code == "not_pdf":
            raise ValidationError(
                _(
                    "The file is not a PDF document (its content was checked, not its name). "
                    "Upload the signed decree (SK) as a PDF file."
                ),
                code="not_pdf",
            ) from None
        raise _size_error(exc, uploaded) from None


def check_members_xlsx(uploaded) -> None:
    """The members file must be a plain workbook (.xlsx, .xls or .ods; no macros) within the size
    limit that passes the spreadsheet guard."""
    try:
        uploads.validate_spreadsheet(uploaded)
    except ValidationError as exc:
        if exc.code == "not_spreadsheet":
            raise ValidationError(
                _(
                    "The file is not an Excel workbook (.xlsx). Download the members template, "
                    "fill it in and upload it again."
                ),
                code="not_xlsx",
            ) from None
        if exc.code == "macro":
            raise ValidationError(
                _(
                    "Workbooks with macros are not accepted. Save the file as a plain .xlsx workbook."
                ),
                code="macro",
            ) from None
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
