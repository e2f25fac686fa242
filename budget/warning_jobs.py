"""The daily early-warning job: when a kab/kota has no Pokja budget recorded as the KUA-PPAS
approaches (budget.early_warning.budget_flag), its operators and its province's admins are told
in the inbox (and by e-mail if they chose). Each notice goes once per region, budget year and
stage (approaching, then passed), so daily runs repeat nothing."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from budget.early_warning import province_flags
from jobs.schedule import daily
from notifications import kinds, recipients
from notifications.services import notify

EARLY_WARNING = "budget.early_warning"


def warn_missing_budgets(*, today: datetime.date | None = None) -> int:
    """Send the budget notices due `today`; returns how many notifications were created."""
    from regions.models import Region

    today = today or timezone.localdate()
    created = 0
    for province in Region.objects.filter(parent__isnull=True).order_by("code"):
        page = reverse("budget:early_warning", kwargs={"code": province.code})
        for flag in province_flags(province, today=today):
            if flag.code != "budget":
                continue
            region = flag.region
            values = {
                "region": region.display_name,
                "date": flag.date.strftime("%d-%m-%Y"),
                "year": flag.date.year + 1,
            }
            people = recipients.operators(region) + recipients.province_admins(region)
            created += len(
                notify(
                    kind=kinds.BUDGET_MISSING,
                    users=people,
                    title=lambda v=values: (
                        _(
                            "%(region)s has no Pokja budget recorded for %(year)s; "
                            "KUA-PPAS: %(date)s"
                        )
                        % v
                    ),
                    url=page,
                    region=region,
                    key=f"budget.missing:{region.pk}:{values['year']}:{flag.severity_key}",
                )
            )
    return created


daily(
    EARLY_WARNING,
    label=gettext_lazy("Early warning before the budget cycle"),
    run=warn_missing_budgets,
)
