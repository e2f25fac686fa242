"""Demo budget allocations (marked `is_demo`): 2025 allocations above zero, with realisation,
for the demo Pokja of Sulsel 73, 73.06, 73.71, 73.16, 73.24, 73.72, 73.05 and 73.08 — not 73.09
Maros, so the province budget page shows a Pokja that has not budgeted. Some 2024 allocations
show the history. Idempotent; relies on the workgroups demo."""

import datetime

from budget import services
from budget.models import BudgetAllocation

YEAR = 2025
# region: [(year, source, amount, realised, DPA number, purpose)]
ALLOCATIONS = {
    "73": [
        (
            2025,
            "apbd_province",
            250_000_000,
            182_500_000,
            "DPA-1.02.0.00.0.00.01.0000/2025",
            "Operasional Pokja dan Forum Komunikasi provinsi",
        ),
        (
            2025,
            "apbn_bok",
            120_000_000,
            96_000_000,
            "DIPA BKKBN Perwakilan Sulsel 2025",
            "Fasilitasi pembinaan Pokja kab/kota",
        ),
        (
            2024,
            "apbd_province",
            200_000_000,
            198_750_000,
            "DPA-1.02.0.00.0.00.01.0000/2024",
            "Operasional Pokja",
        ),
    ],
    "73.06": [
        (
            2025,
            "apbd_regency",
            125_000_000,
            87_500_000,
            "DPA-2.14.0.00.0.00.01.0000/2025",
            "Operasional Pokja Bangga Kencana",
        ),
        (
            2024,
            "apbd_regency",
            100_000_000,
            100_000_000,
            "DPA-2.14.0.00.0.00.01.0000/2024",
            "Operasional Pokja Bangga Kencana",
        ),
    ],
    "73.71": [
        (
            2025,
            "apbd_regency",
            175_000_000,
            140_000_000,
            "DPA-2.14.0.00.0.00.01.0000/2025",
            "Operasional Pokja Bangga Kencana",
        ),
        (
            2025,
            "partner",
            50_000_000,
            50_000_000,
            "Perjanjian kerja sama CSR 2025",
            "Kampanye pendewasaan usia perkawinan",
        ),
    ],
    "73.16": [
        (
            2025,
            "apbd_regency",
            75_000_000,
            61_250_000,
            "DPA-2.14.0.00.0.00.01.0000/2025",
            "Operasional Pokja Bangga Kencana",
        )
    ],
    "73.24": [
        (
            2025,
            "apbd_regency",
            90_000_000,
            45_000_000,
            "DPA-2.14.0.00.0.00.01.0000/2025",
            "Operasional Pokja Bangga Kencana",
        )
    ],
    "73.72": [
        (
            2025,
            "apbd_regency",
            60_000_000,
            22_500_000,
            "DPA-2.14.0.00.0.00.01.0000/2025",
            "Operasional Pokja Bangga Kencana",
        )
    ],
    "73.05": [
        (
            2025,
            "apbd_regency",
            55_000_000,
            30_000_000,
            "DPA-2.14.0.00.0.00.01.0000/2025",
            "Operasional Pokja Bangga Kencana",
        )
    ],
    "73.08": [
        (
            2025,
            "dak",
            80_000_000,
            20_000_000,
            "DPA-2.14.0.00.0.00.02.0000/2025",
            "Operasional Pokja (DAK BOKB)",
        )
    ],
}


def load(stdout):
    from workgroups.demo import active_demo_workgroups

    workgroups = active_demo_workgroups(ALLOCATIONS)
    if not workgroups:
        stdout.write("Demo budgets: skipped (no demo Pokja yet; the workgroups demo loads them).")
        return
    created = 0
    for code, rows in ALLOCATIONS.items():
        workgroup = workgroups.get(code)
        if workgroup is None:
            continue
        for year, source, amount, realised, reference, purpose in rows:
            exists = BudgetAllocation.objects.filter(
                workgroup=workgroup,
                year=year,
                source=source,
                document_reference=reference,
                is_demo=True,
            ).exists()
            if exists:
                continue
            allocation = services.save_allocation(
                by=None,
                workgroup=workgroup,
                year=year,
                source=source,
                amount=amount,
                realised=realised,
                realised_on=datetime.date(year, 11, 30)
                if year < YEAR
                else datetime.date(YEAR, 9, 30),
                document_reference=reference,
                purpose=purpose,
                note="Data demo.",
            )
            BudgetAllocation.objects.filter(pk=allocation.pk).update(is_demo=True)
            created += 1
    stdout.write(f"Demo budgets: {created} allocations created.")
