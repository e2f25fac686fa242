"""Demo assessments for Sulawesi Selatan: 2025 submissions in several states, and verified
history for 2023 and 2024 (so the province sees its trend). Marked `is_demo` and "[DEMO]" in notes."""

from django.contrib.auth import get_user_model

from assessment import services
from assessment.models import Assessment, Snapshot
from core.errors import DomainError
from regions.models import Region

YEAR = 2025
HISTORY = {2023: ["73.06", "73.71", "73.24"], 2024: ["73.06", "73.71", "73.16", "73.24"]}
HISTORY_NOT_EFFECTIVE = {2023: ["73.08", "73.16"], 2024: ["73.08"]}


def load(stdout):
    User = get_user_model()
    operator = User.objects.filter(username="gowa").first()
    admin = User.objects.filter(username="sulsel").first()
    if Assessment.objects.filter(note__startswith="[DEMO]").exists():
        # Loaded before the flag existed: flag the demo submissions (`remove_demo_data`).
        Assessment.objects.filter(note__startswith="[DEMO]").update(is_demo=True)
        stdout.write("Demo assessments: already loaded.")
        return
    first_snapshot = (
        Snapshot.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    ) + 1
    regions = {r.code: r for r in Region.objects.filter(code__startswith="73")}
    for year, codes in HISTORY.items():
        for effective, group in ((True, codes), (False, HISTORY_NOT_EFFECTIVE[year])):
            for code in group:
                Snapshot.objects.create(
                    region=regions[code],
                    year=year,
                    effective=effective,
                    computed_effective=effective,
                    taken_by=admin,
                    is_demo=True,
                )
    decisions = {
        # verified effective
        "73.06": {},
        "73.71": {},
        # returned: the verifier rejects the SK
        "73.08": {
            "sk": "[DEMO] SK sudah kedaluwarsa; lampirkan SK perpanjangan yang ditandatangani Bupati."
        },
        # awaiting verification
        "73.16": None,
    }
    done = 0
    for code, rejections in decisions.items():
        region = regions[code]
        try:
            assessment = services.submit(
                by=operator or admin,
                region=region,
                year=YEAR,
                note="[DEMO] Pengajuan penilaian contoh",
            )
        except DomainError:
            continue  # the region has no Pokja in this demo
        done += 1
        if rejections is None:
            continue
        services.decide(by=admin, assessment=assessment, rejected=rejections)
    # Flag the demo submissions and the snapshots their verification took.
    Assessment.objects.filter(note__startswith="[DEMO]").update(is_demo=True)
    Snapshot.objects.filter(pk__gte=first_snapshot, region__code__startswith="73").update(
        is_demo=True
    )
    stdout.write(
        f"Demo assessments: {done} submitted for {YEAR}, history for {', '.join(map(str, HISTORY))}."
    )
