"""One way to write a scoped create / edit / delete screen.

A screen is a function view decorated with `region_view(<permission>)` (accounts.access): the
decorator resolves `<code>` to the region once (404 outside the user's scope, 403 inside it
without the permission) and hands the region to the view. The view fetches its object within
that region and passes the rest to one helper here:

- `page`: a list or detail page, with `can_edit` for the edit permission its buttons need.
- `form_screen`: GET shows the form; a valid POST calls `save(form)`, which calls the service
  with `by=request.user` (and `expected_version=form.cleaned_data["version"]` when editing); a
  DomainError or a model ValidationError lands on the fields it names; success flashes `message`
  and redirects to `success_url`.
- `delete_screen`: the confirmation page (templates/crud/confirm_delete.html) whose form carries
  the version the user saw; POST calls `delete(version)`.
- `confirm_action`: a POST-only change from a button (reopen, approve, add a session, remove
  a participant), usually carrying the version; refusals come back as messages on the page it
  redirects to.
- `listing`: search (`?q=`), sort (`?sort=`) and pagination (`?page=`) of a long list, keeping
  the page's other filters in its links; templates include `crud/_search.html` (the search box
  and sort choice) and `crud/_pagination.html` (the page links).

The service writes the audit record inside its transaction; views never do. Example (see
docs/DEVELOPING.md, "A CRUD screen"):

    @region_view(Permission.POLICY_EDIT)
    def policy_edit(request, region, pk):
        policy = get_object_or_404(Policy, pk=pk, region=region)
        return crud.form_screen(
            request,
            crud.bind(request, PolicyForm, instance=policy, region=region),
            save=lambda form: services.save_policy(
                by=request.user, policy=policy, **crud.locked(form), **fields(form)
            ),
            template="policies/policy_form.html",
            context={"policy": policy},
            message=_("The policy was saved."),
            success_url=lambda saved: reverse("policies:detail", args=[region.code, saved.pk]),
        )
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import resubmit
from accounts.access import has_permission, region_view
from core.concurrency import save_versioned
from core.errors import DomainError
from core.forms import ConfirmForm, add_errors

DELETE_TEMPLATE = "crud/confirm_delete.html"

Message = str | Callable[[Any], str] | None
Url = str | Callable[[Any], str]


def _resolve(value, obj):
    return value(obj) if callable(value) else value


def posted(request):
    """The POST data of a POST (even an empty one, e.g. all boxes unticked), else None."""
    return request.POST if request.method == "POST" else None


def bind(request, form_class, *, instance=None, version_of=None, initial=None, **kwargs):
    """`form_class` bound to the POST (and its files) of a POST; unbound on GET. With `instance`
    (or `version_of` for a plain form acting on a record) the form starts from its version."""
    versioned = version_of if version_of is not None else instance
    initial = dict(initial or {})
    if getattr(versioned, "pk", None) and hasattr(versioned, "version"):
        initial.setdefault("version", versioned.version)
    if instance is not None:
        kwargs["instance"] = instance
    files = request.FILES if request.method == "POST" else None
    return form_class(posted(request), files, initial=initial, **kwargs)


def locked(form) -> dict:
    """`expected_version=` for a service call, from the form's version field (None when the
    form creates a record and has no version)."""
    return {"expected_version": form.cleaned_data.get("version")}


def cleaned(form, *names) -> dict:
    """The named values of a valid form as keywords for a service call
    (`**crud.cleaned(form, "title", "notes")`); a field the form left out gives None."""
    return {name: form.cleaned_data.get(name) for name in names}


def save_record(form):
    """`save` for a form that saves its record itself (no domain service): the form's instance,
    saved if nobody changed it since the user read it (core.concurrency.save_versioned); the
    record's audit comes from its registration (audit.registry)."""
    save_versioned(form.instance, **locked(form))
    return form.instance


def context_for(request, context=None) -> dict:
    """The template context: the region the decorator resolved (when there is one) and more."""
    base = {"region": request.region} if getattr(request, "region", None) is not None else {}
    return base | (context or {})


def page(request, template: str, context: dict | None = None, *, edit=None):
    """A list or detail page of the region: `template` with the region, `context` and, when
    `edit` (a Permission) is given, `can_edit`: whether the user holds it in the region."""
    extra = dict(context or {})
    if edit is not None:
        extra["can_edit"] = has_permission(request.user, edit, request.region)
    return render(request, template, context_for(request, extra))


def next_url(request) -> str:
    """The local page named by `?next=` (the link that opened a form chose where saving leads,
    e.g. "Perbaiki →" of a returned criterion leads on to the resubmission), else ""."""
    url = request.GET.get("next", "")
    safe = url.startswith("/") and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if safe else ""


def form_screen(
    request,
    form,
    *,
    save: Callable[[Any], Any],
    template: str,
    success_url: Url,
    message: Message = None,
    context: dict | None = None,
    formsets=(),
):
    """Show `form`; on a valid POST (the form and any `formsets`) call `save(form)` (the
    service call), then flash `message` and redirect to `success_url` (a URL, or a callable
    given what `save` returned), or to the page `?next=` names."""
    if (
        request.method == "POST"
        and form.is_valid()
        and all([formset.is_valid() for formset in formsets])
    ):
        key = resubmit.fingerprint(request)
        earlier = resubmit.claim(key)
        if earlier == resubmit.PENDING:
            form.add_error(None, _("This form is already being saved. Please wait a moment."))
        elif earlier:
            messages.info(request, _("This form had already been sent; it was saved once."))
            return redirect(earlier)
        else:
            try:
                saved = save(form)
            except (DomainError, ValidationError) as exc:
                resubmit.release(key)
                add_errors(form, exc)
            except BaseException:
                resubmit.release(key)
                raise
            else:
                url = next_url(request) or _resolve(success_url, saved)
                resubmit.done(key, url)
                if message:
                    messages.success(request, _resolve(message, saved))
                return redirect(url)
    return render(request, template, context_for(request, {"form": form} | (context or {})))


def delete_screen(
    request,
    obj,
    *,
    delete: Callable[[int | None], Any],
    success_url: str,
    cancel_url: str,
    message: Message = None,
    question: str | None = None,
    versioned: bool = True,
    template: str = DELETE_TEMPLATE,
    context: dict | None = None,
):
    """Confirm, then `delete(version)` on POST. `versioned=False` for records deleted without
    a lost-update check (the confirmation then carries no version and `delete` gets None)."""
    if versioned:
        form = ConfirmForm(posted(request), initial={"version": obj.version})
    else:
        form = ConfirmForm(posted(request))
        del form.fields["version"]
    if request.method == "POST" and form.is_valid():
        try:
            delete(form.cleaned_data["version"] if versioned else None)
        except (DomainError, ValidationError) as exc:
            add_errors(form, exc)
        else:
            if message:
                messages.success(request, _resolve(message, obj))
            return redirect(success_url)
    extra = {"form": form, "object": obj, "cancel_url": cancel_url, "question": question}
    return render(request, template, context_for(request, extra | (context or {})))


@dataclass(frozen=True)
class Screens:
    """The screens of one region-scoped record type, declared once; the views come from it.

    `name` is the keyword the record's services take it by (`policy=`), `get(region, **url)`
    fetches it within the region (404 otherwise), `right` is the Permission every screen needs,
    `detail_url(record)` its page and `list_url` the URL name of the region's list. `context`
    goes to the delete confirmation (e.g. its stylesheet); the form's template gets the record.

    - `form_view()`: create (URL without `pk`) and edit, with `form` (bound with the record and
      the region), `template`, `saved` (the message) and `save`, the service, called as
      `save(by=, region=, <name>=record or None, expected_version=, **fields(form))`.
    - `delete_view(delete, message)`: the confirmation; POST calls
      `delete(by=, <name>=record, expected_version=)`.
    """

    name: str
    get: Callable[..., Any]
    right: Any
    detail_url: Callable[[Any], str]
    list_url: str
    context: dict = field(default_factory=dict)
    form: type | None = None
    fields: Callable[[Any], dict] | None = None
    save: Callable[..., Any] | None = None
    template: str = ""
    saved: Message = None

    def form_view(self):
        """The create (`.../new/`) and edit (`.../<pk>/edit/`) view: one screen, one service."""

        @region_view(self.right)
        def view(request, region, **url):
            record = self.get(region, **url) if url else None
            return form_screen(
                request,
                bind(request, self.form, instance=record, region=region),
                save=lambda form: self.save(
                    by=request.user,
                    region=region,
                    **{self.name: record},
                    **locked(form),
                    **self.fields(form),
                ),
                template=self.template,
                context={self.name: record},
                message=self.saved,
                success_url=self.detail_url,
            )

        return view

    def delete_view(self, delete: Callable[..., Any], message: Message):
        """The delete view: confirm, then `delete` the record and go back to the list."""

        @region_view(self.right)
        def view(request, region, **url):
            record = self.get(region, **url)
            return delete_screen(
                request,
                record,
                delete=lambda version: delete(
                    by=request.user, **{self.name: record}, expected_version=version
                ),
                message=message,
                success_url=reverse(self.list_url, kwargs={"code": region.code}),
                cancel_url=self.detail_url(record),
                context=self.context,
            )

        return view


def report(request, exc) -> None:
    """A refusal as messages (for actions without a page of their own): the summary, then each
    further entry."""
    messages.error(request, exc.message)
    for entry in getattr(exc, "errors", None) or []:
        if entry.get("message") and entry["message"] != str(exc.message):
            messages.error(request, entry["message"])


def _invalid(request, form, incomplete) -> None:
    if callable(incomplete):
        for text in incomplete(form):
            messages.error(request, text)
    elif incomplete:
        messages.error(request, incomplete)
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)


def confirm_action(
    request,
    *,
    action: Callable[[Any], Any],
    success_url: Url,
    message: Message = None,
    form=None,
    incomplete: str | Callable[[Any], Any] | None = None,
):
    """A POST-only change from a button: validate `form` (usually `ConfirmForm(request.POST)`,
    carrying the version; None for a button without one), call `action(form)`, flash the outcome
    (refusals as error messages; `incomplete`: what to say about an invalid form, or a callable
    listing it) and redirect to `success_url` either way."""
    saved = None
    if form is not None and not form.is_valid():
        _invalid(request, form, incomplete)
    else:
        try:
            saved = action(form)
        except DomainError as exc:
            report(request, exc)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            if message:
                messages.success(request, _resolve(message, saved))
    return redirect(_resolve(success_url, saved))


PER_PAGE = 25


@dataclass
class Listing:
    """One page of a long list and what its controls need: the search text (`q`), the sort key,
    the sort choices and the other query parameters (filters), kept by the search form (as
    hidden fields) and by the page links."""

    page: Any
    q: str
    sort: str
    sorts: list
    kept: list  # [(name, value)] of the other GET parameters
    searchable: bool

    @property
    def query(self) -> str:
        """The query string without `page`: filters, search and sort (for page links)."""
        params = [*self.kept, ("q", self.q), ("sort", self.sort)]
        return urlencode([(k, v) for k, v in params if v])

    def __iter__(self):
        return iter(self.page)


def dated_sorts(field: str, *, title: str = "title") -> dict:
    """The sorts of a dated list for `listing`: latest first (the default), earliest first, by
    title."""
    return {
        f"-{field}": (gettext_lazy("Latest first"), (f"-{field}", "-pk")),
        field: (gettext_lazy("Earliest first"), (field, "pk")),
        title: (gettext_lazy("Title"), (title, "pk")),
    }


def listing(request, rows, *, search=(), sorts=None, per_page=PER_PAGE) -> Listing:
    """Search, sort and paginate `rows` (a queryset) from `?q=`, `?sort=` and `?page=`.

    `search`: the fields `q` is looked for in (icontains, any of them). `sorts`: ordered
    {key: (label, order)} where order is a tuple of `order_by` fields or a callable turning the
    rows into a sorted list; the first is the default. Other parameters (the page's filters) are
    kept in the links and the search form."""
    q = request.GET.get("q", "").strip()[:100]
    if q and search:
        condition = Q()
        for field in search:
            condition |= Q(**{f"{field}__icontains": q})
        rows = rows.filter(condition)
    sorts = sorts or {}
    sort = request.GET.get("sort", "")
    if sort not in sorts:
        sort = next(iter(sorts), "")
    if sort:
        order = sorts[sort][1]
        rows = order(rows) if callable(order) else rows.order_by(*order)
    kept = [
        (name, value)
        for name, values in request.GET.lists()
        if name not in ("q", "sort", "page")
        for value in values
    ]
    return Listing(
        page=Paginator(rows, per_page).get_page(request.GET.get("page")),
        q=q,
        sort=sort,
        sorts=[(key, label) for key, (label, _order) in sorts.items()],
        kept=kept,
        searchable=bool(search),
    )
