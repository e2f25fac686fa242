"""Writes of the notifications app, and `notify`, which the apps above call when something
happened that someone must act on:

    from notifications import kinds, recipients
    from notifications.services import notify
    notify(kind=kinds.ASSESSMENT_SUBMITTED, users=recipients.verifiers(region),
           title=lambda: _("…") % {…}, url=reverse(…), region=region)

`title` and `body` may be callables (or lazy strings): they are evaluated in each recipient's
language. Each recipient gets an inbox entry; those who chose e-mail for the kind (or did not
choose and the kind e-mails by default) also get an e-mail, queued through `jobs.mail` in the
caller's transaction and sent by a worker after it commits (retried while the SMTP server is
down; the change itself never waits for it nor fails with it)."""

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import version
from audit.registry import record
from core.errors import DomainError
from jobs import mail
from notifications import channels, emails
from notifications.kinds import KINDS
from notifications.models import Notification, Preference


def _text(value, limit=None) -> str:
    text = str((value() if callable(value) else value) or "")
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def wants_email(users, kind) -> set:
    """The pks of `users` who get `kind` by e-mail too."""
    chosen = dict(
        Preference.objects.filter(user__in=users, kind=kind).values_list("user_id", "email")
    )
    default = KINDS[kind].email_by_default
    return {user.pk for user in users if chosen.get(user.pk, default)}


@transaction.atomic
def notify(
    *,
    kind,
    users,
    title,
    url,
    region=None,
    context=None,
    body="",
    key="",
    attachments=(),
) -> list[Notification]:
    """Tell `users` (duplicates and inactive users dropped) about something of `kind`; `url` is
    the path of the page to act on. With `key`, a user who already had a notification with that
    key is not told again. `attachments` ((name, content, mimetype) tuples) go with the e-mails.
    Returns the notifications created."""
    if kind not in KINDS:
        raise ValueError(f"Unknown notification kind {kind!r}")
    seen, targets = set(), []
    for user in users:
        if user is not None and user.is_active and user.pk not in seen:
            seen.add(user.pk)
            targets.append(user)
    if key:
        done = set(
            Notification.objects.filter(user__in=targets, key=key).values_list("user_id", flat=True)
        )
        targets = [user for user in targets if user.pk not in done]
    if not targets:
        return []
    created = []
    for user in targets:
        with emails.language_of(user):
            created.append(
                Notification(
                    user=user,
                    kind=kind,
                    title=_text(title, 300),
                    body=_text(body),
                    url=url,
                    region=region,
                    key=key,
                )
            )
    Notification.objects.bulk_create(created)
    _forget_unread(targets)
    by_email = wants_email(targets, kind)
    messages = [
        emails.message(user, notification, context=context or {}, attachments=attachments)
        for user, notification in zip(targets, created, strict=True)
        if user.pk in by_email and user.email
    ]
    if messages:
        mail.send(messages, region=region)
    channels.dispatch(targets, created)
    return created


@transaction.atomic
def mark_read(*, notification, by) -> Notification:
    if notification.user_id != by.pk:
        raise Http404("No such notification")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
        _forget_unread([by])
    return notification


@transaction.atomic
def mark_all_read(*, by) -> int:
    _forget_unread([by])
    return Notification.objects.filter(user=by, read_at__isnull=True).update(read_at=timezone.now())


# The unread count of the menu's badge, kept in the shared cache (Redis) so that a cached page
# reads no database row for it: dropped after every commit that changes it here, and at most
# UNREAD_SECONDS old if a notification changes another way. Without Redis: counted each time.
UNREAD_SECONDS = 60


def unread_key(user_id) -> str:
    return f"notifications-unread:{user_id}"


def unread_count(user) -> int:
    cache = version.shared_cache()
    if cache is None:
        return Notification.objects.filter(user=user).unread().count()
    count = cache.get(unread_key(user.pk))
    if count is None:
        count = Notification.objects.filter(user=user).unread().count()
        cache.set(unread_key(user.pk), count, UNREAD_SECONDS)
    return count


def _forget_unread(users) -> None:
    cache = version.shared_cache()
    if cache is not None:
        keys = [unread_key(user.pk) for user in users]
        transaction.on_commit(lambda: cache.delete_many(keys))


@transaction.atomic
def set_preferences(*, by, email_kinds) -> dict:
    """Make the kinds e-mailed to `by` exactly `email_kinds` (the others: inbox only); every
    change is in the audit log. Returns {kind: e-mail?}."""
    email_kinds = set(email_kinds)
    unknown = email_kinds - set(KINDS)
    if unknown:
        raise DomainError(_("Unknown notification kind: %(kinds)s") % {"kinds": sorted(unknown)})
    current = {p.kind: p for p in Preference.objects.filter(user=by)}
    result = {}
    for key, kind in KINDS.items():
        wanted = key in email_kinds
        result[key] = wanted
        existing = current.get(key)
        before = existing.email if existing else kind.email_by_default
        if existing is None:
            Preference.objects.create(user=by, kind=key, email=wanted)
        elif existing.email != wanted:
            existing.email = wanted
            existing.save(update_fields=["email"])
        if before != wanted:
            record(
                action="update",
                code="notifications.preference",
                model_label="notifications.Preference",
                object_id=str(by.pk),
                object_repr=f"{by.get_username()} · {key}",
                changes={key: [before, wanted]},
                actor=by,
            )
    return result
