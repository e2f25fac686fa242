"""GET /api/v1/me/personal-data: everything Sipokja holds about the caller (UU 27/2022 Pasal 7)."""

from ninja import Router

from privacy.export import personal_data
from privacy.subject import Subject

router = Router(tags=["privacy"])


@router.get("/me/personal-data", response=dict)
def my_personal_data(request):
    """The caller's account, member records, the records that name them, their consents and
    requests, and the audit entries about them (JSON)."""
    return personal_data(Subject.of_user(request.user))
