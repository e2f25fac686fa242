"""The e-mail of a notification: plain text and HTML, in the recipient's language (Indonesian
unless they chose English), with an absolute link to the page to act on."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def language_of(user):
    language = getattr(user, "language", "") or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    return translation.override(language)


def absolute(path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return settings.SIPOKJA_BASE_URL.rstrip("/") + path


def message(user, notification, *, context, attachments=()) -> EmailMultiAlternatives:
    with language_of(user):
        values = {
            **context,
            "user": user,
            "notification": notification,
            "url": absolute(notification.url),
            "inbox_url": absolute(reverse("notifications:inbox")),
            "preferences_url": absolute(reverse("accounts:profile")) + "#notifications",
        }
        text = render_to_string("notifications/email/notification.txt", values)
        html = render_to_string("notifications/email/notification.html", values)
        subject = f"[Sipokja] {notification.title}"
    email = EmailMultiAlternatives(subject=" ".join(subject.split()), body=text, to=[user.email])
    email.attach_alternative(html, "text/html")
    for name, content, mimetype in attachments:
        email.attach(name, content, mimetype)
    return email
