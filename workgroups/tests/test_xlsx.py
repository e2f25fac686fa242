import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from audit.models import AuditEvent
from core.errors import DomainError
from workgroups import services, xlsx
from workgroups.models import Institution, Member
from workgroups.tests.helpers import build_xlsx, member_row


def _template(workgroup):
    content = xlsx.members_template(
        workgroup,
        subgroups=list(services.allowed_subgroups(workgroup)),
        institutions=list(workgroup.region.institutions.all()),
    )
    return load_workbook(io.BytesIO(content))


def _import(workgroup, rows, **kwargs):
    return services.import_members(
        by=None, workgroup=workgroup, uploaded=build_xlsx(rows, **kwargs)
    )


def _errors(workgroup, rows, **kwargs):
    with pytest.raises(DomainError) as info:
        _import(workgroup, rows, **kwargs)
    return info.value.errors


def test_template_has_header_notes_lists_and_instructions(gowa_pokja):
    wb = _template(gowa_pokja)
    assert wb.sheetnames == ["Anggota", "Pilihan", "Petunjuk"]
    ws = wb["Anggota"]
    header = [c.value for c in ws[1]]
    assert header[0] == "Nama *" and header[4] == "Kedudukan dalam Pokja *"
    assert all(cell.comment is not None for cell in ws[1])
    lists = wb["Pilihan"]
    assert lists.sheet_state == "hidden"
    roles = [c.value for c in lists["A"][1:] if c.value]
    assert roles == [
        "Pengarah",
        "Penanggung Jawab",
        "Ketua",
        "Wakil Ketua",
        "Sekretaris",
        "Koordinator Bidang",
        "Anggota",
    ]
    subgroups = [c.value for c in lists["B"][1:] if c.value]
    assert subgroups == [
        "Advokasi",
        "Percepatan Penurunan Stunting (TPPS)",
        "KIE",
    ]  # the Pokja's own
    validations = {str(v.sqref): v for v in ws.data_validations.dataValidation}
    assert validations["E2:E1001"].formula1 == "Pilihan!$A$2:$A$8"
    assert validations["F2:F1001"].formula1 == "Pilihan!$B$2:$B$4"
    assert validations["D2:D1001"].type == "list"
    assert validations["C2:C1001"].showErrorMessage is False  # new institutions may be typed
    assert "Kolom bertanda * wajib diisi" in " ".join(
        str(c.value) for c in wb["Petunjuk"]["A"] if c.value
    )


def test_filled_template_imports(gowa_pokja):
    wb = _template(gowa_pokja)
    ws = wb["Anggota"]
    ws.append(
        [
            "Nur Aisyah",
            "Kepala Seksi",
            "TP-PKK Kabupaten Gowa",
            None,
            "Anggota",
            "KIE",
            "081299988877",
            None,
            "01/02/2024",
            None,
        ]
    )
    buffer = io.BytesIO()
    wb.save(buffer)
    result = services.import_members(
        by=None, workgroup=gowa_pokja, uploaded=SimpleUploadedFile("isi.xlsx", buffer.getvalue())
    )
    member = result.members[0]
    assert (member.subgroup.code, member.institution.name, member.active_from) == (
        "kie",
        "TP-PKK Kabupaten Gowa",
        datetime.date(2024, 2, 1),
    )


def test_import_creates_members_new_institutions_and_one_audit_record(gowa_pokja):
    before_events = AuditEvent.objects.count()
    rows = [member_row(i) for i in range(1, 6)]
    rows.append(member_row(6, institution="Universitas Hasanuddin", sector="Perguruan tinggi"))
    rows.append(member_row(7, institution="bappeda kabupaten  gowa", sector=""))  # matches existing
    result = _import(gowa_pokja, rows)

    assert len(result.members) == 7
    assert sorted(i.name for i in result.institutions) == [
        "Dinas Kesehatan Kabupaten Gowa",
        "Universitas Hasanuddin",
    ]
    uni = Institution.objects.get(name="Universitas Hasanuddin")
    assert (uni.sector, uni.is_government) == ("academia", False)
    assert Member.objects.get(name="Anggota Nomor 7").institution.name == "Bappeda Kabupaten Gowa"
    first = Member.objects.get(name="Anggota Nomor 1")
    assert (first.phone, first.role, first.subgroup.code) == ("+6281234560001", "member", "tpps")
    assert AuditEvent.objects.count() == before_events + 1
    event = AuditEvent.objects.latest("id")
    assert (event.code, event.region_code, event.changes["members"][1]) == (
        "members.imported",
        "73.06",
        7,
    )


def test_import_with_one_bad_row_writes_nothing_and_names_row_and_column(gowa_pokja):
    members_before = Member.objects.count()
    institutions_before = Institution.objects.count()
    events_before = AuditEvent.objects.count()
    rows = [member_row(i) for i in range(1, 10)]
    rows[4]["email"] = "bukan-email"  # Excel row 6 (header is row 1)

    errors = _errors(gowa_pokja, rows)

    assert errors == [
        {
            "row": 6,
            "column": "H",
            "field": "email",
            "label": "E-mail",
            "message": "bukan-email bukan alamat e-mail.",
        }
    ]
    assert Member.objects.count() == members_before
    assert Institution.objects.count() == institutions_before
    assert AuditEvent.objects.count() == events_before


@pytest.mark.parametrize(
    ("overrides", "column", "field", "fragment"),
    [
        ({"name": ""}, "A", "name", "Nama wajib diisi"),
        ({"role": "Bendahara"}, "E", "role", "bukan kedudukan"),
        ({"role": ""}, "E", "role", "Kedudukan wajib diisi"),
        (
            {"subgroup": "GDPK (Grand Design Pembangunan Kependudukan)"},
            "F",
            "subgroup",
            "bukan sub-pokja",
        ),
        ({"sector": "Partai politik"}, "D", "sector", "bukan sektor"),
        ({"institution": "Dinas Baru", "sector": ""}, "D", "sector", "Isi sektornya"),
        ({"phone": "12345"}, "G", "phone", "bukan nomor telepon"),
        ({"email": "a@b"}, "H", "email", "bukan alamat e-mail"),
        ({"active_from": "31/02/2024"}, "I", "active_from", "bukan tanggal"),
        (
            {"active_from": datetime.date(2025, 1, 1), "active_until": datetime.date(2024, 1, 1)},
            "J",
            "active_until",
            "sebelum awalnya",
        ),
        ({"name": "Andi Makkasau"}, "A", "name", "sudah menjadi anggota"),
    ],
)
def test_import_row_errors(gowa_pokja, overrides, column, field, fragment):
    errors = _errors(gowa_pokja, [member_row(1), member_row(2, **overrides)])
    assert [(e["row"], e["column"], e["field"]) for e in errors] == [(3, column, field)]
    assert fragment in errors[0]["message"]
    assert not Member.objects.filter(name="Anggota Nomor 1").exists()


def test_import_reports_every_error_of_every_row(gowa_pokja):
    rows = [member_row(1, role="?"), member_row(2), member_row(3, email="x", phone="abc")]
    errors = _errors(gowa_pokja, rows)
    assert [(e["row"], e["column"]) for e in errors] == [(2, "E"), (4, "G"), (4, "H")]


def test_import_reports_duplicate_names_in_the_file(gowa_pokja):
    errors = _errors(gowa_pokja, [member_row(1), member_row(2, name="anggota  nomor 1")])
    assert errors[0]["row"] == 3 and "baris 2" in errors[0]["message"]


def test_import_accepts_english_headers_and_labels(gowa_pokja):
    header = [
        "Name",
        "Position (jabatan)",
        "Institution",
        "Institution sector",
        "Role in the Pokja",
        "Sub-group",
        "Phone",
        "E-mail",
        "Active from",
        "Active until",
    ]
    row = member_row(
        1, role="Field coordinator", sector="Regional government office", phone=81234567890
    )
    result = _import(gowa_pokja, [row], header=header)
    member = result.members[0]
    assert (member.role, member.phone) == ("coordinator", "+6281234567890")


def test_import_without_required_column_is_refused(gowa_pokja):
    errors = _errors(gowa_pokja, [member_row(1)], header=["Nama", "Jabatan"])
    assert errors[0]["row"] == 1 and "Kedudukan dalam Pokja" in errors[0]["message"]


def test_import_skips_empty_rows_and_refuses_an_empty_file(gowa_pokja):
    with pytest.raises(DomainError) as info:
        _import(gowa_pokja, [{}, {}])
    assert not info.value.errors


def test_import_refuses_a_file_that_is_not_xlsx(gowa_pokja, docx_bytes):
    with pytest.raises(DomainError) as info:
        services.import_members(
            by=None, workgroup=gowa_pokja, uploaded=SimpleUploadedFile("a.xlsx", docx_bytes)
        )
    assert "bukan buku kerja Excel" in str(info.value.message)


def test_import_refuses_a_workbook_with_macros(gowa_pokja):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/vbaProject.bin", "macro")
    with pytest.raises(DomainError) as info:
        services.import_members(
            by=None, workgroup=gowa_pokja, uploaded=SimpleUploadedFile("a.xlsm", buffer.getvalue())
        )
    assert "makro" in str(info.value.message)


def _export(workgroup, include_contact):
    members = services.sort_members(services.current_members(workgroup))
    return load_workbook(
        io.BytesIO(xlsx.export_members(workgroup, members, include_contact=include_contact))
    )


def test_export_with_contact_has_phone_and_email(gowa_pokja):
    ws = _export(gowa_pokja, True)["Anggota"]
    header = [c.value for c in ws[1]]
    assert "Telepon" in header and "E-mail" in header
    values = {str(c.value) for row in ws.iter_rows() for c in row}
    assert "+6281234567890" in values and "andi@gowakab.example" in values
    assert [c.value for c in ws["A"][1:]] == [
        "Andi Makkasau",
        "Sitti Rahmawati",
        "Hasnah Daeng Ngemba",
    ]


def test_export_without_contact_leaves_phone_and_email_out(gowa_pokja):
    wb = _export(gowa_pokja, False)
    text = " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    assert "Telepon" not in text and "@" not in text and "0812" not in text
    assert "Andi Makkasau" in text


def test_exported_file_imports_into_another_pokja(personas, gowa_pokja, regions):
    content = xlsx.export_members(
        gowa_pokja,
        services.sort_members(services.current_members(gowa_pokja)),
        include_contact=True,
    )
    makassar = services.create_workgroup(by=None, region=regions["73.71"], name="Pokja Makassar")
    errors = None
    try:
        services.import_members(
            by=None, workgroup=makassar, uploaded=SimpleUploadedFile("e.xlsx", content)
        )
    except DomainError as exc:
        errors = exc.errors
    assert errors is None
    assert makassar.members.count() == 3
    assert Institution.objects.filter(
        region=regions["73.71"], name="Bappeda Kabupaten Gowa"
    ).exists()
