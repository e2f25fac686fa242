"""Signals of the jobs engine, for the apps above it (notifications, tests).

- `job_progressed(sender=Job, job_id, done, total)`: progress was written (throttled).
- `job_finished(sender=Job, job)`: a job succeeded or failed for good (sent after commit).
"""

from django.dispatch import Signal

job_progressed = Signal()
job_finished = Signal()
