"""The province's early warning on the home page (accounts.home): the most severe budget flags
of its kab/kota, with a link to the full list."""

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.home import HomeItem, HomeSection
from budget.early_warning import HIGH, province_flags

LIMIT = 8


def province_section(user, year):
    sections = []
    for assignment in user.role_assignments.filter(role="provincial_admin").select_related(
        "region"
    ):
        province = assignment.region
        if province is None:
            continue
        flags = [f for f in province_flags(province) if f.code == "budget"]
        sections.append(
            HomeSection(
                key=f"early-warning-{province.code}",
                title=_("Early warning: Pokja budgets before the KUA-PPAS"),
                items=[
                    HomeItem(
                        text=flag.region.display_name,
                        detail=flag.reason,
                        url=reverse(
                            "budget:advocacy_letter",
                            kwargs={"code": province.code, "regency": flag.region.code},
                        ),
                        link_label=_("Advocacy letter"),
                        tag="late" if flag.severity == HIGH else "",
                    )
                    for flag in flags[:LIMIT]
                ],
                empty=_("No kab/kota is missing its Pokja budget."),
                more_url=reverse("budget:early_warning", kwargs={"code": province.code}),
                more_label=_("All early-warning flags"),
            )
        )
    return sections
