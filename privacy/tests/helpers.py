"""A person planted across the app (member with an account, attendance, minutes, action item,
e-mail, notification, audit history), and someone else beside them."""

from jobs.models import Job, OutgoingEmail
from meetings.models import Minutes, Participant
from meetings.tests import helpers as h
from notifications.models import Notification
from workgroups.models import Member

PERSON = {
    "name": "Wahyuningsih Paramitha",
    "phone": "+6281234509876",
    "old_phone": "+6285299887766",
    "email": "wahyu.paramitha@contoh.go.id",
    "username": "wparamitha",
}
OTHER = {"name": "Bonaventura Siregar", "phone": "+6281377766655", "email": "bona@contoh.go.id"}


def plant(personas):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create(
        username=PERSON["username"], first_name="Wahyuningsih", last_name="Paramitha",
        email=PERSON["email"],
    )  # fmt: skip
    pokja = h.pokja("73.06", members=1)
    member = Member.objects.create(
        workgroup=pokja, name=PERSON["name"], position="Kepala Bidang KB",
        institution=pokja.members.first().institution, phone=PERSON["old_phone"],
        email=PERSON["email"], user=user,
    )  # fmt: skip
    member.phone = PERSON["phone"]  # the old number stays in the audit history
    member.save()
    other = Member.objects.create(
        workgroup=pokja, name=OTHER["name"], position="Sekretaris", phone=OTHER["phone"],
        email=OTHER["email"],
    )  # fmt: skip
    meeting = h.meeting("73.06", by=personas.gowa_operator)
    for m in (member, other):
        Participant.objects.create(
            meeting=meeting, member=m, region=pokja.region, name=m.name, phone=m.phone,
            email=m.email, invited=True,
        )  # fmt: skip
    Minutes.objects.create(
        meeting=meeting, body=f"<p>Dibuka. Notulis: {PERSON['name']}.</p>", chair_name=OTHER["name"],
        secretary_name=PERSON["name"],
    )  # fmt: skip
    job = Job.objects.create(kind="jobs.mail", title="E-mail")
    for p in (PERSON, OTHER):
        OutgoingEmail.objects.create(
            job=job, to=[p["email"]], subject="Undangan", body="Yth. " + p["name"]
        )
    Notification.objects.create(
        user=user, kind="meeting.invitation", title="Undangan rapat", url="/"
    )
    return user, member, other, pokja
