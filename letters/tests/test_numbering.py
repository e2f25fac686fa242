"""Letter numbers: the office's pattern, a gap-free serial per office and year, cancelled
numbers kept, every change audited."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEvent
from core.errors import DomainError
from letters import services
from letters.models import IssuedDocument, Letter, LetterCounter, LetterType
from letters.numbering import check_pattern, format_number

pytestmark = pytest.mark.django_db

JULY = datetime.date(2025, 7, 14)


def _register(by, office, letter_type, subject, letter_date=JULY):
    return services.register_letter(
        by=by, office=office, letter_type=letter_type, subject=subject, letter_date=letter_date
    )


def test_default_pattern_formats_classification_serial_unit_roman_month_and_year():
    number = format_number(
        "{klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}",
        serial=27,
        classification="400.13",
        unit="DPPKB",
        on=JULY,
    )
    assert number == "400.13/27/DPPKB/VII/2025"


def test_empty_unit_leaves_no_double_slash_and_padding_works():
    assert (
        format_number(
            "{klasifikasi}/{urut3}/{unit}/{bulan}/{tahun}",
            serial=7,
            classification="005",
            unit="",
            on=JULY,
        )
        == "005/007/07/2025"
    )


@pytest.mark.parametrize(
    "pattern, code",
    [
        ("{klasifikasi}/{tahun}", "serial"),
        ("{klasifikasi}/{urut}/{nomor}", "placeholder"),
        ("{urut}/{tahun", "syntax"),
        ("{urut}<script>", "characters"),
        ("{urut!r}", "placeholder"),
        ("", "required"),
    ],
)
def test_bad_patterns_are_refused(pattern, code):
    with pytest.raises(ValidationError) as info:
        check_pattern(pattern)
    assert info.value.code == code


def test_numbers_follow_each_other_per_office_and_restart_each_year(personas, regions):
    sulsel, gowa = regions["73"], regions["73.06"]
    services.save_numbering(
        by=personas.sulsel_admin,
        office=sulsel,
        pattern="{klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}",
        unit_code="PPKB",
        classifications={"invitation": "005", "recap": "400.13"},
    )

    first = _register(
        personas.sulsel_admin, sulsel, LetterType.INVITATION, "Undangan Forum Komunikasi"
    )
    second = _register(personas.sulsel_admin, sulsel, LetterType.RECAP, "Rekapitulasi")
    other_office = _register(
        personas.gowa_operator, gowa, LetterType.INVITATION, "Undangan rapat Pokja"
    )
    next_year = _register(
        personas.sulsel_admin,
        sulsel,
        LetterType.ADVOCACY,
        "Advokasi anggaran",
        letter_date=datetime.date(2026, 1, 5),
    )

    assert (first.number, second.number) == ("005/1/PPKB/VII/2025", "400.13/2/PPKB/VII/2025")
    assert other_office.number == "400/1/VII/2025"  # Gowa has no scheme: the defaults
    assert next_year.number == "400/1/PPKB/I/2026"
    assert LetterCounter.objects.get(region=sulsel, year=2025).last_serial == 2
    event = AuditEvent.objects.filter(model="letters.Letter", object_id=str(first.pk)).get()
    assert event.actor_username == "sulsel_admin" and event.region_code == "73"


def test_cancelled_number_stays_and_is_never_given_again(personas, regions):
    sulsel = regions["73"]
    letter = services.register_letter(
        by=personas.sulsel_admin, office=sulsel, letter_type="reminder", subject="Pengingat SK"
    )

    services.cancel_letter(by=personas.sulsel_admin, letter=letter, reason="Salah tujuan")
    following = services.register_letter(
        by=personas.sulsel_admin, office=sulsel, letter_type="reminder", subject="Pengingat SK"
    )

    letter.refresh_from_db()
    assert letter.status == Letter.Status.CANCELLED
    assert (letter.cancel_reason, letter.cancelled_by) == ("Salah tujuan", personas.sulsel_admin)
    assert letter.cancelled_at is not None
    assert following.serial == letter.serial + 1
    assert AuditEvent.objects.filter(
        model="letters.Letter", object_id=str(letter.pk), action="update"
    ).exists()
    with pytest.raises(DomainError):
        services.cancel_letter(by=personas.sulsel_admin, letter=letter, reason="Lagi")
    with pytest.raises(ValidationError):
        services.cancel_letter(by=personas.sulsel_admin, letter=following, reason="  ")


def test_bad_input_changes_nothing(personas, regions):
    with pytest.raises(ValidationError):
        services.register_letter(
            by=personas.sulsel_admin, office=regions["73"], letter_type="recap", subject=" "
        )
    with pytest.raises(DomainError):
        services.register_letter(
            by=personas.sulsel_admin, office=regions["73"], letter_type="memo", subject="X"
        )
    with pytest.raises(ValidationError) as info:
        services.save_numbering(
            by=personas.sulsel_admin,
            office=regions["73"],
            pattern="{klasifikasi}/{tahun}",
            unit_code="PP/KB",
            classifications={"recap": "400;13"},
        )
    assert set(info.value.message_dict) == {"pattern", "unit_code", "code_recap"}
    assert not Letter.objects.exists() and not LetterCounter.objects.exists()


def test_a_failed_document_takes_back_its_number(personas, regions):
    """Rendering fails after the number was taken: the whole issue rolls back, so the next
    letter gets the same serial (no gap)."""

    def broken(letter, stamp):
        raise RuntimeError("renderer down")

    with pytest.raises(RuntimeError):
        services.issue_letter(
            by=personas.sulsel_admin,
            office=regions["73"],
            letter_type="recap",
            subject="Rekap",
            title="Rekap",
            render=broken,
        )
    letter = services.register_letter(
        by=personas.sulsel_admin, office=regions["73"], letter_type="recap", subject="Rekap"
    )

    assert letter.serial == 1
    assert not IssuedDocument.objects.exists()


def test_preview_shows_the_next_number_without_taking_it(personas, regions):
    preview = services.preview_number(regions["73"], "recap", on=JULY)
    again = services.preview_number(regions["73"], "recap", on=JULY)

    assert preview == again == "400/1/VII/2025"
    assert not LetterCounter.objects.exists()
