"""Links shown on a region's page, contributed by each app's `navigation.py`:

    REGION_LINKS = [RegionLink(_("Pokja"), "workgroups:profile", Permission.REGION_VIEW)]

`levels` limits a link to provinces or kab/kota ("province", "regency").
"""

from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.urls import reverse

from accounts.access import has_permission


@dataclass(frozen=True)
class RegionLink:
    label: str
    url_name: str
    permission: str
    levels: tuple = ("province", "regency")


def _all_links():
    links = []
    for config in apps.get_app_configs():
        if "." in config.name:
            continue
        try:
            module = import_module(f"{config.name}.navigation")
        except ModuleNotFoundError as exc:
            if exc.name == f"{config.name}.navigation":
                continue
            raise
        links.extend(module.REGION_LINKS)
    return links


def region_links(user, region):
    return [
        (link.label, reverse(link.url_name, kwargs={"code": region.code}))
        for link in _all_links()
        if region.level in link.levels and has_permission(user, link.permission, region)
    ]
