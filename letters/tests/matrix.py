"""Permission matrix of the letters app: every route × every persona."""

from regions.models import Region
from tests.matrix import Row, action, edit_gowa, expect, view_sulsel


def _letter(personas):
    """A letter of Gowa's register with an issued (unsigned) document."""
    from letters import services

    gowa = Region.objects.get(code="73.06")
    document = services.issue_letter(
        by=personas.gowa_operator,
        office=gowa,
        letter_type="invitation",
        subject="Undangan rapat Pokja",
        title="Undangan rapat Pokja",
        render=lambda letter, stamp: _pdf(),
    )
    return {"letter": document.letter_id, "document": document.pk, "doc_code": document.code}


def _pdf():
    from weasyprint import HTML

    return HTML(string="<p>Undangan</p>").write_pdf()


def _certificate(personas):
    from letters import services
    from tests.pki import PASSWORD, make_pki

    services.upload_certificate(
        by=personas.national_admin,
        office=Region.objects.get(code="73"),
        p12=make_pki().p12,
        password=PASSWORD,
    )


# Reads of Gowa's register: the member has no right to it (403).
_view_gowa = expect(200, gowa_member=403, sultra_admin=404, anonymous=302)
_national_only = expect(
    403, national_admin=200, gowa_operator=404, gowa_member=404, sultra_admin=404, anonymous=302
)
_public = expect(200)
_L = "/r/{gowa}/letters"

ROWS = [
    Row("letters:register", "GET", f"{_L}/", _view_gowa, setup=_letter),
    Row("letters:register", "GET", "/r/{sulsel}/letters/?year=2025&type=recap&q=x", view_sulsel()),
    Row("letters:export", "GET", f"{_L}/export.xlsx", _view_gowa, setup=_letter),
    Row("letters:export", "GET", f"{_L}/export.csv", _view_gowa, setup=_letter),
    Row("letters:create", "GET", f"{_L}/new/", edit_gowa()),
    action("letters:create", f"{_L}/new/", data={"letter_type": "invitation", "subject": "Undangan"}),
    Row("letters:detail", "GET", f"{_L}/{{letter}}/", _view_gowa, setup=_letter),
    action("letters:cancel", f"{_L}/{{letter}}/cancel/", _letter, {"reason": "Tidak jadi dikirim"}),
    Row("letters:document", "GET", f"{_L}/documents/{{document}}.pdf", _view_gowa, setup=_letter),
    Row("letters:numbering", "GET", f"{_L}/numbering/", edit_gowa()),
    action("letters:numbering", f"{_L}/numbering/", data={"pattern": "{klasifikasi}/{urut}/{tahun}", "unit_code": "DPPKB"}),
    Row("letters:certificate", "GET", "/r/{sulsel}/letters/certificate/", _national_only, setup=_certificate),
    Row("letters:certificate_remove", "POST", "/r/{sulsel}/letters/certificate/remove/", {**_national_only, "national_admin": 302}, setup=_certificate),
    Row("letters:verify_lookup", "GET", "/verifikasi/", _public),
    Row("letters:verify", "GET", "/verifikasi/{doc_code}", _public, setup=_letter),
    Row("letters:verify", "GET", "/verifikasi/TIDAKADA00", expect(404), note="unknown code"),
]  # fmt: skip
