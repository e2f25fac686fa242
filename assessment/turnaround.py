"""Turnaround: per kab/kota, when the year's assessment was submitted, returned and verified,
and how many days each step took; the median days from submission to verification.

Read from the audit log the workflow writes (assessment/services.py): `assessment.submitted`,
`assessment.verified` (with `effective`: true = verified, false = returned) and
`assessment.reopened`, in order. "Submission to verification" counts from the first submission
of the year's assessment to the verification that closed it (corrections included).
"""

import statistics
from dataclasses import dataclass, field

from django.utils import timezone

from assessment.models import Assessment
from audit.models import AuditEvent

SUBMITTED, RETURNED, VERIFIED, REOPENED = "submitted", "returned", "verified", "reopened"
_CODES = {
    "assessment.submitted": SUBMITTED,
    "assessment.verified": None,  # returned or verified, from `effective`
    "assessment.reopened": REOPENED,
}


@dataclass
class Step:
    kind: str  # "decision" (submitted → returned/verified) or "correction" (returned → submitted)
    start: object  # datetime
    end: object
    outcome: str  # returned / verified / submitted

    @property
    def days(self) -> int:
        return _days(self.start, self.end)


@dataclass
class Turnaround:
    region: object
    assessment: Assessment | None
    events: list = field(default_factory=list)  # [(kind, datetime)]
    steps: list = field(default_factory=list)

    def _first(self, kind):
        return next((at for k, at in self.events if k == kind), None)

    def _last(self, kind):
        return next((at for k, at in reversed(self.events) if k == kind), None)

    @property
    def submitted(self):
        return self._first(SUBMITTED)

    @property
    def returned(self):
        return self._last(RETURNED)

    @property
    def resubmitted(self):
        submissions = [at for k, at in self.events if k == SUBMITTED]
        return submissions[-1] if len(submissions) > 1 else None

    @property
    def verified(self):
        """When the assessment was verified, if it still is (its last step)."""
        if not self.events or self.events[-1][0] != VERIFIED:
            return None
        return self.events[-1][1]

    @property
    def days_to_verification(self) -> int | None:
        if self.submitted is None or self.verified is None:
            return None
        return _days(self.submitted, self.verified)

    @property
    def waiting_days(self) -> int | None:
        """Days the current submission has waited for the province, while it waits."""
        if not self.events or self.events[-1][0] not in (SUBMITTED, REOPENED):
            return None
        return _days(self.events[-1][1], timezone.now())


def _days(start, end) -> int:
    return (timezone.localtime(end).date() - timezone.localtime(start).date()).days


def _steps(events) -> list[Step]:
    steps, open_at, returned_at = [], None, None
    for kind, at in events:
        if kind == SUBMITTED:
            if returned_at is not None:
                steps.append(Step("correction", returned_at, at, SUBMITTED))
                returned_at = None
            open_at = at
        elif kind in (RETURNED, VERIFIED) and open_at is not None:
            steps.append(Step("decision", open_at, at, kind))
            open_at = None
            returned_at = at if kind == RETURNED else None
        elif kind == REOPENED:
            open_at, returned_at = at, None
    return steps


def turnaround(regions, year, *, with_assessments=True) -> list[Turnaround]:
    """One Turnaround per region (in the given order) for `year`: one query for the events
    (by region code and the year the workflow records in each event), one more for the
    assessments (their current status) unless `with_assessments=False` (the dashboard)."""
    regions = list(regions)
    assessments = (
        {a.region_id: a for a in Assessment.objects.filter(region__in=regions, year=year)}
        if with_assessments
        else {}
    )
    events = {}
    for code, region_code, created_at, changes in (
        AuditEvent.objects.filter(
            model="assessment.Assessment",
            region_code__in=[r.code for r in regions],
            code__in=list(_CODES),
            changes__year=year,
        )
        .order_by("created_at", "pk")
        .values_list("code", "region_code", "created_at", "changes")
    ):
        kind = _CODES[code]
        if kind is None:
            kind = VERIFIED if (changes or {}).get("effective") else RETURNED
        events.setdefault(region_code, []).append((kind, created_at))
    return [
        Turnaround(
            region,
            assessments.get(region.pk),
            events.get(region.code, []),
            _steps(events.get(region.code, [])),
        )
        for region in regions
    ]


def median_days_to_verification(rows) -> float | None:
    days = [r.days_to_verification for r in rows if r.days_to_verification is not None]
    if not days:
        return None
    median = statistics.median(days)
    return int(median) if median == int(median) else round(median, 1)
