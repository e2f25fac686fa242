"""The short "How to use this page" text under each main page (issue 22, item 8), by URL
name (`namespace:name`) and, failing that, by namespace. Plain words about the screens; the
longer guides are documents of the knowledge centre, linked under every text."""

from django.utils.translation import gettext_lazy as _

BY_VIEW = {
    "home": _(
        "This page lists what needs your attention this year: submissions to make or "
        "verify, meetings and action items. Open an item to act on it."
    ),
    "assessment:matrix": _(
        "Each row is a region and each column a criterion. Scroll sideways inside the table; "
        "the region column stays in view. Filter by year and open a region to see its evidence."
    ),
    "assessment:region": _(
        "Fill in each criterion with its evidence, then submit the assessment. The province "
        "verifies it; a rejection comes back here with its reason."
    ),
    "reports:public": _(
        "The public page shows the published status of every working group. Choose a province "
        "to see its regencies and cities."
    ),
    "accounts:profile": _(
        "Change your name, contact details, password and language here, and manage your API tokens."
    ),
}

BY_NAMESPACE = {
    "regions": _(
        "Choose a region to open its page: its working group, assessment, meetings, plans and "
        "budget are linked from there."
    ),
    "workgroups": _(
        "Record the working group's decree, its institutions and members. Members can be "
        "imported from a spreadsheet using the template."
    ),
    "meetings": _(
        "Plan a meeting, invite members, record attendance and minutes, and follow up the "
        "action items until they are done."
    ),
    "indicators": _(
        "Indicators show targets and achieved values per year. Enter values one by one or "
        "import them from the spreadsheet template."
    ),
    "planning": _(
        "A work plan lists the activities of the year with their funding. Submit it for "
        "approval when it is complete."
    ),
    "budget": _("Record each budget allocation with its source and amount in whole Rupiah."),
    "policies": _(
        "Record the regional policies that support the working group, with the document."
    ),
    "assessment": _(
        "The assessment judges the working group against the criteria from the records; "
        "verifiers confirm or reject each criterion with a reason."
    ),
    "knowledge": _(
        "Guides, regulations and good practices. Search by title or filter by type; strategic "
        "issues are recorded per region."
    ),
    "dashboards": _(
        "The dashboard summarises the working groups of the region. Choose the year; the map "
        "and tables follow."
    ),
    "reports": _("Download the region's profile and indicator reports as PDF or spreadsheet."),
    "letters": _("Outgoing letters get their number here; a signed letter can be verified."),
    "notifications": _("Your notifications. Choose which kinds you also receive by e-mail."),
    "jobs": _("Long tasks such as imports run in the background; their progress shows here."),
    "audit": _("Who changed what and when in this region."),
}


def help_for(view_name: str | None):
    """The help text of a page by its URL name, or None for pages without one."""
    if not view_name:
        return None
    if view_name in BY_VIEW:
        return BY_VIEW[view_name]
    namespace = view_name.split(":", 1)[0] if ":" in view_name else None
    return BY_NAMESPACE.get(namespace)
