"""The decree reader (issue 26) on the corpus in workgroups/tests/data/decrees*/: fictitious
SKs of Sulsel regions in several layouts, half with a text layer and half scanned. Per file:
the scalar fields and the members' precision and recall; over each path: the issue's targets
(text ≥ 95 % of the fields exact and member F1 ≥ 0.95; scans ≥ 85 % and ≥ 0.85)."""

import functools
import os

import pytest
from django.utils import translation

from workgroups.decree_reader import (
    DecreeReading,
    NotAPdf,
    OcrUnavailable,
    read_decree,
    scan_pages,
)
from workgroups.decree_reader import ocr as ocr_engine
from workgroups.tests import decree_corpus as corpus

TEXT_FILES = corpus.files(scans=False) + corpus.files(corpus.ALT_CORPUS, scans=False)
SCAN_FILES = corpus.files(scans=True) + corpus.files(corpus.ALT_CORPUS, scans=True)


def need_tesseract():
    usable, detail = ocr_engine.tesseract_status()
    if not usable:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the OCR tests: {detail} (.ci/run installs tesseract-ocr-ind)")
        pytest.skip(f"OCR path not testable here: {detail}")


@functools.cache
def reading(path) -> DecreeReading:
    return read_decree(path.read_bytes())


def test_corpus_is_big_enough_and_half_scanned():
    main_text, main_scans = corpus.files(scans=False), corpus.files(scans=True)
    assert len(main_text) + len(main_scans) >= 12
    assert abs(len(main_text) - len(main_scans)) <= 1
    layouts = {corpus.expected(p)["layout"] for p in main_text + main_scans}
    assert {"names_first", "role_first", "list", "two_col", "grouped"} <= layouts
    size = sum(p.stat().st_size for p in corpus.DATA.rglob("*") if p.is_file())
    assert size < 8 * 1024 * 1024


def _check_against_the_answer(path, result, *, wrong_fields, share):
    """The reading of `path` scored against its expected answer: at most `wrong_fields` fields
    wrong, and the members found with precision and recall of at least `share`."""
    scored = corpus.score(result.as_dict(), corpus.expected(path))
    wrong = [name for name, ok in scored["fields"].items() if not ok]
    assert len(wrong) <= wrong_fields, (wrong, result.as_dict())
    assert scored["precision"] >= share and scored["recall"] >= share, (
        scored["missed"],
        scored["wrong"],
    )


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.stem)
def test_text_pdf(path):
    result = reading(path)
    assert result.text_source == "text"
    assert result.ocr_pages == []
    _check_against_the_answer(path, result, wrong_fields=1, share=0.95)


def test_text_pdfs_meet_the_targets():
    scores = [corpus.score(reading(p).as_dict(), corpus.expected(p)) for p in TEXT_FILES]
    fields = sum(s["field_share"] for s in scores) / len(scores)
    f1 = sum(s["f1"] for s in scores) / len(scores)
    assert fields >= 0.95 and f1 >= 0.95, (fields, f1)


@pytest.mark.slow
@pytest.mark.parametrize("path", SCAN_FILES, ids=lambda p: p.stem)
def test_scanned_pdf(path):
    need_tesseract()
    result = reading(path)
    assert result.text_source == "ocr"
    assert result.ocr_pages == list(range(1, result.pages + 1))
    _check_against_the_answer(path, result, wrong_fields=2, share=0.85)


@pytest.mark.slow
def test_scans_meet_the_targets():
    need_tesseract()
    scores = [corpus.score(reading(p).as_dict(), corpus.expected(p)) for p in SCAN_FILES]
    fields = sum(s["field_share"] for s in scores) / len(scores)
    f1 = sum(s["f1"] for s in scores) / len(scores)
    assert fields >= 0.85 and f1 >= 0.85, (fields, f1)


def test_answer_has_the_api_fields_with_iso_dates():
    path = corpus.CORPUS / "01-gowa-tabel-nama.pdf"
    answer = reading(path).as_dict()
    assert list(answer) == [
        "number", "date", "title", "issuer", "signatory", "valid_from", "valid_until",
        "members", "text_source", "confidence",
    ]  # fmt: skip
    want = corpus.expected(path)
    assert answer["date"] == want["date"] and len(answer["date"]) == 10
    assert set(answer["members"][0]) == {"name", "position", "institution"}
    assert set(answer["confidence"]) == {*corpus.SCALARS, "members"}
    assert all(0 <= v <= 1 for v in answer["confidence"].values())


def test_member_roles_are_mapped_for_the_member_model():
    from workgroups.models import Member

    members = reading(corpus.CORPUS / "05-parepare-bidang.pdf").members
    assert {m.role for m in members} <= set(Member.Role.values)
    assert [m.role for m in members[:5]] == [
        "adviser",
        "adviser",
        "chair",
        "vice_chair",
        "secretary",
    ]
    coordinators = [m for m in members if m.role == "coordinator"]
    assert coordinators and all(m.position.startswith("Koordinator Bidang") for m in coordinators)


def test_issuer_kind_matches_the_decree_model():
    from workgroups.models import Decree

    kinds = {reading(p).issuer_kind for p in TEXT_FILES}
    assert kinds <= set(Decree.Issuer.values)
    assert {"governor", "regent", "mayor"} <= kinds


def test_scan_pages_tells_which_pages_need_ocr_without_reading_them():
    assert scan_pages((corpus.CORPUS / "01-gowa-tabel-nama.pdf").read_bytes()) == []
    scan = (corpus.CORPUS / "13-takalar-perubahan-scan.pdf").read_bytes()
    assert scan_pages(scan) == [1, 2, 3, 4]


def test_progress_is_reported_per_page():
    calls = []
    result = read_decree(
        (corpus.CORPUS / "04-bone-multihalaman.pdf").read_bytes(),
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls == [(n, result.pages) for n in range(1, result.pages + 1)]


def test_reads_the_specimen_sk_sipokja_renders(db):
    """The demo SK (workgroups.decree_pdf): `Jabatan / Nama` cells hold `jabatan (name)`."""
    from workgroups.tests.helpers import sk_pdf_bytes

    result = read_decree(sk_pdf_bytes())
    assert result.number == "188.45/76/KPTS/2023"
    assert result.issuer == "Bupati Gowa" and result.issuer_kind == "regent"
    assert result.title == "PEMBENTUKAN KELOMPOK KERJA BANGGA KENCANA KABUPATEN GOWA"
    assert str(result.date) == "2023-07-12"
    assert (str(result.valid_from), str(result.valid_until)) == ("2023-07-12", "2027-12-31")
    assert [(m.position, m.institution) for m in result.members] == [
        ("Pengarah", "Sekretariat Daerah Kabupaten Gowa")
    ]


def test_a_file_that_is_not_a_pdf_is_refused_with_a_message():
    with translation.override("id"), pytest.raises(NotAPdf) as error:
        read_decree(b"PK\x03\x04 a zip, not a PDF")
    assert "PDF" in str(error.value)
    with pytest.raises(NotAPdf):
        read_decree(b"%PDF-1.7\n broken beyond repair")


def test_without_tesseract_text_pdfs_still_work_and_scans_get_a_clear_message(
    monkeypatch, tmp_path
):
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on PATH
    ocr_engine.tesseract_status.cache_clear()
    try:
        text = read_decree((corpus.CORPUS / "02-makassar-daftar.pdf").read_bytes())
        assert text.number and text.members
        scan = (corpus.CORPUS / "09-bulukumba-daftar-scan.pdf").read_bytes()
        with translation.override("id"), pytest.raises(OcrUnavailable) as error:
            read_decree(scan)
        message = str(error.value)
        assert "tesseract-ocr" in message and "tesseract-ocr-ind" in message
        assert "Tesseract" in message and "pindaian" in message  # in Indonesian
        assert error.value.code == "ocr_unavailable"
    finally:
        ocr_engine.tesseract_status.cache_clear()


def test_ocr_never_skips_scanned_pages_with_a_warning():
    result = read_decree((corpus.CORPUS / "09-bulukumba-daftar-scan.pdf").read_bytes(), ocr="never")
    assert result.text_source == "text" and result.number is None and result.members == []
    assert result.warnings
    with pytest.raises(ValueError):
        read_decree(b"%PDF-", ocr="sometimes")
