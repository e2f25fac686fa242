"""Permissions are data: an enum of rights and, in roles.py, which role holds which."""

from enum import StrEnum


class Permission(StrEnum):
    # Reading anything in the region that is not personal data.
    REGION_VIEW = "region.view"
    # Phone numbers and e-mail addresses of Pokja members (UU PDP: only for those who need them).
    MEMBER_CONTACT_VIEW = "member.contact_view"
    # Letterhead and office details of the region.
    REGION_EDIT = "region.edit"
    # Pokja, decrees (SK), members, institutions.
    WORKGROUP_EDIT = "workgroup.edit"
    # Work plans and activities.
    PLAN_EDIT = "plan.edit"
    # Budget allocations and realisation.
    BUDGET_EDIT = "budget.edit"
    # Regional policies and regulations.
    POLICY_EDIT = "policy.edit"
    # Targets, values and the indicators a Pokja adopts.
    INDICATOR_EDIT = "indicator.edit"
    # Submitting the yearly effectiveness assessment.
    ASSESSMENT_SUBMIT = "assessment.submit"
    # Accepting or rejecting evidence (held at the level above the assessed region).
    ASSESSMENT_VERIFY = "assessment.verify"
    # Meetings, attendance, minutes.
    MEETING_EDIT = "meeting.edit"
    # Updating action items (members: only those assigned to them).
    ACTION_ITEM_UPDATE = "action_item.update"
    # Announcements to the Pokjas below.
    ANNOUNCEMENT_SEND = "announcement.send"
    # Strategic issues of the region.
    STRATEGIC_ISSUE_EDIT = "strategic_issue.edit"
    # Knowledge centre documents.
    KNOWLEDGE_MANAGE = "knowledge.manage"
    # The outgoing-letter register (agenda surat keluar) and the documents issued from it.
    LETTER_VIEW = "letter.view"
    # Taking a letter number, cancelling one, issuing a numbered recap.
    LETTER_ISSUE = "letter.issue"
    # Signing an issued document electronically with the office's certificate.
    LETTER_SIGN = "letter.sign"
    # Uploading or removing an office's signing certificate (national admin only).
    SIGNING_CERTIFICATE_MANAGE = "signing_certificate.manage"
    # The audit history of the region.
    AUDIT_VIEW = "audit.view"
    # User accounts and their roles.
    USER_MANAGE = "user.manage"
    # National catalogues (sub-groups, indicators, criteria).
    CATALOGUE_MANAGE = "catalogue.manage"
    # Following the background jobs others started in the region (imports, batches, e-mail).
    JOB_VIEW = "job.view"
