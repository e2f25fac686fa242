import datetime
import io

import pytest
from pypdf import PdfReader

from workgroups import demo, services
from workgroups.models import Decree, Member, WorkGroup

pytestmark = pytest.mark.slow

ON = datetime.date(2025, 6, 30)


def test_demo_follows_the_shared_plan_and_is_idempotent(regions):
    out = io.StringIO()
    demo.load(out)
    demo.load(out)  # a second run changes nothing

    workgroups = {wg.region.code: wg for wg in WorkGroup.objects.select_related("region")}
    assert set(workgroups) == set(demo.PLAN)
    assert all(wg.is_demo and wg.name.endswith(" (demo)") for wg in workgroups.values())
    current = services.current_decrees([wg.pk for wg in workgroups.values()], on=ON)
    with_sk = {code for code, wg in workgroups.items() if wg.pk in current}
    assert with_sk == {"73", "73.06", "73.71", "73.16", "73.24", "73.09", "73.72", "73.05"}
    bone = workgroups["73.08"]
    assert bone.decrees.count() == 1 and bone.current_decree(on=ON) is None
    assert "73.03" not in workgroups  # Bantaeng: no Pokja
    assert current[workgroups["73.06"].pk].kind == "amendment"
    assert current[workgroups["73.71"].pk].kind == "renewal"

    for code, (count, subgroups, decrees) in demo.PLAN.items():
        wg = workgroups[code]
        assert wg.members.count() == count
        assert wg.decrees.count() == len(decrees)
        assert set(wg.subgroups.values_list("code", flat=True)) == set(subgroups)
    assert not Member.objects.filter(role="adviser", subgroup__isnull=False).exists()
    assert Member.objects.filter(role="coordinator", subgroup__isnull=True).count() == 0
    sectors = set(
        Member.objects.filter(workgroup__region__code="73").values_list(
            "institution__sector", flat=True
        )
    )
    assert {"regional_government", "vertical_agency", "academia", "ngo", "media"} <= sectors

    decree = Decree.objects.get(number="188.4.45/412/KPTS/2019")
    with decree.file.open("rb") as handle:
        text = PdfReader(handle).pages[0].extract_text()
    assert "BUPATI BONE" in text and "188.4.45/412/KPTS/2019" in text and "DEMO" in text
    assert "Demo Pokja: 0 created, 9 in total" in out.getvalue()
