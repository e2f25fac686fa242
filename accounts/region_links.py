"""Links shown on a region's page (accounts.region_views.region_detail). Each app contributes
its own from its `AppConfig.ready()`, so this lower layer never imports the apps above it:

    from accounts.region_links import RegionLink, register_region_links
    register_region_links(RegionLink(_("Pokja"), "workgroups:profile", Permission.REGION_VIEW))

`levels` limits a link to provinces or kab/kota ("province", "regency"). Links show in the order
they were registered (the order of INSTALLED_APPS).
"""

from dataclasses import dataclass

from django.urls import reverse

from accounts.access import has_permission

_LINKS: list["RegionLink"] = []


@dataclass(frozen=True)
class RegionLink:
    label: str
    url_name: str
    permission: str
    levels: tuple = ("province", "regency")


def register_region_links(*links: RegionLink) -> None:
    """Add links to every region page (idempotent: a link registered twice shows once)."""
    for link in links:
        if link not in _LINKS:
            _LINKS.append(link)


def region_links(user, region):
    return [
        (link.label, reverse(link.url_name, kwargs={"code": region.code}))
        for link in _LINKS
        if region.level in link.levels and has_permission(user, link.permission, region)
    ]
