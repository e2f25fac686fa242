"""Parallel requests never get the same letter number, and no number is skipped.

Runs on PostgreSQL (real row locks, one connection per thread). SQLite's shared in-memory test
database cannot serve parallel writers, so the test is skipped there."""

import threading

import pytest
from django.db import connection, connections
from django.urls import reverse

from letters.models import Letter

THREADS = 6
PER_THREAD = 5

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor == "sqlite", reason="SQLite test database cannot run parallel writers"
    ),
]


def _run_in_threads(work):
    barrier = threading.Barrier(THREADS)
    errors = []

    def runner(index):
        try:
            barrier.wait(timeout=30)
            work(index)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors


def test_parallel_requests_get_distinct_gap_free_numbers(personas):
    url = reverse("letters:create", kwargs={"code": "73"})
    clients = [personas.client("sulsel_admin") for _i in range(THREADS)]
    statuses = []

    def work(index):
        for n in range(PER_THREAD):
            response = clients[index].post(
                url, {"letter_type": "invitation", "subject": f"Undangan {index}-{n}"}
            )
            statuses.append(response.status_code)

    _run_in_threads(work)

    letters = list(Letter.objects.filter(region__code="73"))
    serials = sorted(letter.serial for letter in letters)
    assert statuses == [302] * THREADS * PER_THREAD
    assert serials == list(range(1, THREADS * PER_THREAD + 1))
    assert len({letter.number for letter in letters}) == THREADS * PER_THREAD


def test_parallel_services_across_offices_stay_separate(personas, regions):
    from letters import services

    offices = [regions["73"], regions["73.06"]]

    def work(index):
        office = offices[index % 2]
        for n in range(PER_THREAD):
            services.register_letter(
                by=personas.sulsel_admin,
                office=office,
                letter_type="reminder",
                subject=f"Pengingat {index}-{n}",
            )

    _run_in_threads(work)

    for office in offices:
        serials = sorted(Letter.objects.filter(region=office).values_list("serial", flat=True))
        assert serials == list(range(1, THREADS // 2 * PER_THREAD + 1))
