""" "Baca dari PDF" (issue 26): upload, review (matched institutions and members), confirm: the
decree, its PDF and the members in one transaction with one audit record, members saved once."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.models import AuditEvent
from jobs.models import Job
from workgroups import services
from workgroups.models import Decree, Member
from workgroups.tests import decree_corpus as corpus

TEXT = corpus.CORPUS / "01-gowa-tabel-nama.pdf"
BASE = "/r/73.06/pokja/decrees/read/"


def _upload(client, django_capture_on_commit_callbacks, data=None):
    upload = SimpleUploadedFile(
        "SK Pokja Gowa.pdf", data or TEXT.read_bytes(), content_type="application/pdf"
    )
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(BASE, {"file": upload})


def _post_data(response) -> dict:
    """The review form as the browser would send it, unchanged."""
    form, formset = response.context["form"], response.context["formset"]
    data = {}
    for name in form.fields:
        value = form.initial.get(name)
        data[name] = "" if value is None else value
    data.update(
        {
            f"{formset.prefix}-TOTAL_FORMS": str(len(formset.forms)),
            f"{formset.prefix}-INITIAL_FORMS": str(len(formset.forms)),
        }
    )
    for sub in formset.forms:
        for name in sub.fields:
            value = sub.initial.get(name)
            if name == "keep":
                if value:
                    data[sub.add_prefix(name)] = "on"
                continue
            data[sub.add_prefix(name)] = "" if value is None else value
    return data


def test_read_review_confirm_writes_everything_once(
    personas, gowa_pokja, django_capture_on_commit_callbacks
):
    client = personas.client("gowa_operator")
    form_page = client.get("/r/73.06/pokja/decrees/new/")
    assert BASE.encode() in form_page.content
    # An existing member named in the SK, and an institution with a close name.
    services.create_institution(
        by=None,
        region=gowa_pokja.region,
        name="Sekretariat Daerah Kab. Gowa",
        sector="regional_government",
    )
    existing = services.create_member(
        by=None, workgroup=gowa_pokja, name="Dr. Sahabuddin Bacotang", role="member"
    )
    response = _upload(client, django_capture_on_commit_callbacks)
    job = Job.objects.get(kind="workgroups.read_decree")
    assert response.status_code == 302 and response["Location"].endswith(f"{BASE}{job.pk}/")
    review_url = client.get(response["Location"])["Location"]
    assert review_url.endswith(f"{BASE}{job.pk}/review/")
    assert not Decree.objects.exists()  # nothing saved before the confirmation

    review = client.get(review_url)
    assert review.status_code == 200
    assert review.context["form"].initial["number"] == "188.4/876/Tahun 2023"
    proposed = [row for _form, row in review.context["rows"]]
    expected = corpus.expected(TEXT)["members"]
    assert len(proposed) == len(expected)
    matched = [row for row in proposed if row.member_id == existing.pk]
    assert len(matched) == 1
    assert "update" in review.content.decode().lower() or "perbarui" in review.content.decode()

    data = _post_data(review)
    data["form-0-name"] = "Nurhayati Tanra Diubah"
    data["title"] = "Pembentukan Pokja Bangga Kencana Kabupaten Gowa"
    members_before = Member.objects.filter(workgroup=gowa_pokja).count()
    audit_before = AuditEvent.objects.count()
    done = client.post(review_url, data)
    assert done.status_code == 302, done.context["form"].errors
    decree = Decree.objects.get()
    assert decree.number == "188.4/876/Tahun 2023" and decree.file
    assert decree.title == "Pembentukan Pokja Bangga Kencana Kabupaten Gowa"
    members = Member.objects.filter(workgroup=gowa_pokja)
    # one row updated the existing member: added = read rows - 1
    assert members.count() == members_before + len(expected) - 1
    assert members.filter(name="Nurhayati Tanra Diubah").count() == 1
    existing.refresh_from_db()
    assert existing.role == "chair" and existing.version == 2
    events = AuditEvent.objects.order_by("pk")[audit_before:]
    assert [e.code for e in events] == ["decree.imported"]

    again = client.post(review_url, data)  # a second click saves nothing twice
    assert again.status_code == 302
    assert Decree.objects.count() == 1 and members.count() == members_before + len(expected) - 1


def test_not_a_pdf_is_refused_on_the_form(personas, gowa_pokja, django_capture_on_commit_callbacks):
    response = _upload(
        personas.client("gowa_operator"), django_capture_on_commit_callbacks, b"hello"
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Job.objects.exists()


def test_a_scan_shows_the_progress_bar_then_the_review(personas, gowa_pokja):
    from workgroups.decree_reader import ocr as ocr_engine

    usable, detail = ocr_engine.tesseract_status()
    if not usable:
        pytest.skip(detail)
    client = personas.client("gowa_operator")
    scan = corpus.CORPUS / "08-palopo-tabel-nama-scan.pdf"
    upload = SimpleUploadedFile(scan.name, scan.read_bytes(), content_type="application/pdf")
    response = client.post(BASE, {"file": upload})  # not committed yet: the job waits
    job = Job.objects.get()
    progress = client.get(response["Location"])
    assert progress.status_code == 200
    html = progress.content.decode()
    assert "<progress" in html and 'http-equiv="refresh"' in html
    from jobs.engine import hand_over

    hand_over(job.pk)  # what the commit would do: the immediate test backend runs it
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED
    review = client.get(response["Location"])
    assert review["Location"].endswith("/review/")
    page = client.get(review["Location"])
    assert page.status_code == 200 and page.context["reading"]["text_source"] == "ocr"
    assert not Decree.objects.exists()
