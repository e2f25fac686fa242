"""Uploads kept for a refused form (core.kept_uploads): the signed token brings the file back
once, a forged token brings nothing, and the sweep removes what was never used."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from core import kept_uploads


def test_a_token_brings_the_file_back_once_and_a_forged_one_nothing(settings, tmp_path):
    token = kept_uploads.keep(SimpleUploadedFile("SK Pokja.pdf", b"%PDF-1.7 isi"))
    assert kept_uploads.restore(token[:-2] + "xx") is None
    restored = kept_uploads.restore(token)
    assert (restored.name, restored.read()) == ("SK Pokja.pdf", b"%PDF-1.7 isi")
    assert kept_uploads.restore(token) is None  # used: removed


def test_the_sweep_removes_kept_uploads_that_were_never_used(settings):
    token = kept_uploads.keep(SimpleUploadedFile("a.pdf", b"%PDF"))
    assert kept_uploads.sweep() == 0  # still fresh
    assert kept_uploads.sweep(older_than=datetime.timedelta(seconds=-60)) == 1
    assert kept_uploads.restore(token) is None
