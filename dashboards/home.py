"""The dashboards' part of the home page (accounts.home): a viewer sees the headline figures of
their province (or kab/kota) for the open year."""

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.home import HomeItem, HomeSection


def viewer_sections(user, year):
    from assessment.engine import state_label
    from assessment.summary import statuses
    from dashboards.views import tiles

    sections = []
    for assignment in user.role_assignments.filter(role="viewer").select_related("region"):
        region = assignment.region
        if region is None:
            continue
        url = reverse("dashboards:region", kwargs={"code": region.code}) + f"?year={year}"
        if region.is_province:
            children = list(region.children.in_year(year).order_by("code"))
            summaries = statuses(children, [year, year - 1])
            items = [
                HomeItem(
                    text=f"{t['label']}: {t['count']} / {t['total']}",
                    url=t["url"],
                    tag=t["key"],
                )
                for t in tiles(summaries, [c.code for c in children], year)
            ]
        else:
            own = statuses([region], [year])[(region.code, year)]
            items = [
                HomeItem(text=_("Computed status: %s") % state_label(own.computed_status)),
                HomeItem(text=_("Official status: %s") % state_label(own.official_status)),
            ]
        sections.append(
            HomeSection(
                key=f"figures-{region.code}",
                title=_("%(region)s in %(year)s") % {"region": region.display_name, "year": year},
                items=items,
                more_url=url,
                more_label=_("Open the dashboard"),
            )
        )
    return sections
