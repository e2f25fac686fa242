"""The short "How to use this page" text under each main page (issue 22, item 8).

Looked up by URL name (`namespace:name`) and, failing that, by namespace. Each text says who
acts on the page and what to do next, in plain words; under it the page links the knowledge
centre's guides of the matching category (`GUIDE_CATEGORY`), or all guides.
"""

from django.utils.translation import gettext_lazy as _

BY_VIEW = {
    "home": _(
        "This page lists what needs your attention this year: submissions to make or "
        "verify, meetings and action items. Open an item to act on it."
    ),
    "accounts:profile": _(
        "Change your name, contact details, password and language here, and manage your API tokens."
    ),
    # Assessment and verification
    "assessment:matrix": _(
        "Each row is a region and each column a criterion. Scroll sideways inside the table; "
        "the region column stays in view. Filter by year and open a region to see its evidence."
    ),
    "assessment:region": _(
        "Fill in each criterion with its evidence, then submit the assessment. The province "
        "verifies it; a rejection comes back here with its reason."
    ),
    "assessment:national": _(
        "The effectiveness of every province's working groups. Open a province to see its "
        "regencies and cities."
    ),
    "assessment:turnaround": _(
        "How long submissions wait for verification. The oldest waiting submissions come first: "
        "open one to verify it or return it with a reason."
    ),
    "assessment:history": _(
        "Every submission, verification and return of this region's assessment, with the "
        "reasons and answers, newest first."
    ),
    # Dashboards and reports
    "dashboards:region": _(
        "The dashboard summarises the working groups of the region for the chosen year. The "
        "address keeps your filters, so you can share or print it as it is."
    ),
    "dashboards:national": _(
        "Every province as a tile and in a sortable table. Choose a province to open its own "
        "dashboard; a province without records says so."
    ),
    "reports:public": _(
        "The public page shows the published status of every working group. Choose a province "
        "to see its regencies and cities."
    ),
    "reports:profile": _(
        "The region's profile as one document: working group, decree, plan, indicators and "
        "budget. Download it as PDF to share or print."
    ),
    # Working group
    "workgroups:profile": _(
        "The working group of this region: its decree, members and sub-groups. Start here when "
        "the region has no working group yet."
    ),
    "workgroups:decrees": _(
        "The decrees (SK) that establish the working group. Upload the signed PDF; a decree "
        "read from its PDF is checked by you before it is saved."
    ),
    "workgroups:members": _(
        "The members of the working group by institution and sub-group. Add them one by one or "
        "download the template, fill it in and import it."
    ),
    "workgroups:institutions": _(
        "The institutions that send members to the working group. Add an institution before "
        "adding its members."
    ),
    "workgroups:subgroups": _(
        "The sub-groups of the working group and their tasks. Members and meeting invitations "
        "can be chosen by sub-group."
    ),
    # Meetings and follow-up
    "meetings:list": _(
        "The forum's meetings, upcoming first. Plan a meeting, then invite members and send "
        "the invitation from its page."
    ),
    "meetings:detail": _(
        "One meeting: agenda, invitees, materials, attendance and minutes, in the order the "
        "work goes. Each section says what is still missing."
    ),
    "meetings:invitees": _(
        "Choose the invitees by institution, sub-group, role or region, or search by name. "
        "Tick all the visible ones at once, then save."
    ),
    "meetings:attendance": _(
        "Record who attended. You can prepare the list before the meeting and save it at any "
        "time; the attendance report follows the saved list."
    ),
    "meetings:minutes": _(
        "Write the minutes and the decisions, then have them approved. Each decision that "
        "needs work becomes an action item with a person and a deadline."
    ),
    "meetings:items": _(
        "Action items from the meetings, overdue first. Report progress with evidence; tick "
        "several items to mark them done together."
    ),
    "meetings:announcements": _(
        "Announcements of the forum to the working groups of the province and its regencies "
        "and cities."
    ),
    # Plans, indicators, budget, policies
    "planning:list": _(
        "The work plans by year. Create the plan of the assessment year, add its activities, "
        "then approve it."
    ),
    "planning:detail": _(
        "One work plan and its activities. Add activities one by one or import them from the "
        "template; approve the plan when it is complete."
    ),
    "indicators:region": _(
        "The indicators this region has adopted, with targets and achieved values per year. "
        "Enter values one by one or import them from the template."
    ),
    "indicators:catalogue": _(
        "The national catalogue of Bangga Kencana indicators with their definitions, sources "
        "and national targets."
    ),
    "budget:list": _(
        "Budget allocations for the working group by year, with source and amount in whole "
        "Rupiah. Attach the budget document as evidence."
    ),
    "budget:calendar": _(
        "The regional budget calendar: which step of the budget cycle is due when, so the "
        "working group's allocation is proposed in time."
    ),
    "budget:early_warning": _(
        "Regencies and cities with no allocation recorded for the coming year while the budget "
        "cycle is under way. Contact them before the deadline."
    ),
    "policies:list": _("Regional policies that support the working group, each with its document."),
    # Knowledge, letters, notifications, jobs, privacy, audit
    "knowledge:documents": _(
        "Guides, regulations and templates. Search by title or filter by category and type."
    ),
    "knowledge:issues": _(
        "Strategic issues recorded per region and year, with their themes. Filter by year to "
        "compare regions."
    ),
    "letters:register": _(
        "Outgoing letters get their number here; a signed letter can be verified by anyone "
        "with its code."
    ),
    "notifications:inbox": _(
        "Your notifications, newest first. Open one to go to the record it concerns; choose "
        "which kinds you also receive by e-mail."
    ),
    "jobs:list": _(
        "Long tasks such as imports and batches run in the background; their progress and "
        "result show here."
    ),
    "privacy:requests": _(
        "Requests from data subjects to see, correct or erase their personal data, with their "
        "deadlines. Answer each one before its deadline."
    ),
    "interop:integrations": _(
        "Keys and webhooks for other systems that read or receive Sipokja data. Revoke a key "
        "that is no longer used."
    ),
    "audit:region": _(
        "Who changed what and when in this region. Filter by object type, person and period, "
        "and export the list."
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
    "privacy": _("Personal data: consent, requests from data subjects and breach records."),
    "interop": _("Data for other systems: open data packages, exchanges, keys and webhooks."),
}

# The knowledge centre's category (knowledge.KnowledgeDocument.Category values) whose guides
# fit the pages of a namespace; pages of other namespaces link all guides.
GUIDE_CATEGORY = {
    "workgroups": "formation",
    "assessment": "formation",
    "planning": "work_plan",
    "indicators": "indicators",
    "budget": "budget",
    "policies": "advocacy",
    "letters": "advocacy",
    "meetings": "forum",
}


def _namespace(view_name: str | None) -> str:
    """The namespace of a URL name (`meetings` of `meetings:detail`), "" when it has none."""
    namespace, colon, _name = (view_name or "").partition(":")
    return namespace if colon else ""


def help_for(view_name: str | None):
    """The help text of a page by its URL name, or None for pages without one."""
    if not view_name:
        return None
    if view_name in BY_VIEW:
        return BY_VIEW[view_name]
    return BY_NAMESPACE.get(_namespace(view_name))


def guide_category(view_name: str | None) -> str:
    """The knowledge category whose guides the page's help links to ("" for all guides)."""
    return GUIDE_CATEGORY.get(_namespace(view_name), "")
