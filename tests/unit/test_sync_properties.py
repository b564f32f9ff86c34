"""Any order, duplication and grouping of the same bundles converges to the same database state."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tdkt_desktop.store import open_store
from tdkt_desktop.store.db import check_integrity
from tdkt_desktop.sync import import_bundles, list_reviews

from .test_sync_helpers import (
    COMMUNES,
    PROVINCE,
    SCHOOL,
    copy_installation,
    make_node,
    nomination,
    pair,
    person,
    send,
    state_json,
)


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    """Commune 1 (which consolidates its school) and the bundles it will receive, in several versions.

    From the province: appraisals of the commune's and the school's nominations, a campaign edited twice
    (two cumulative bundles). From the school: its nomination edited concurrently with the province's
    appraisal (a conflict), then edited again, plus new records. From commune 2 nothing (it is not
    related to commune 1) — that bundle is refused whatever the order.
    """
    tmp = tmp_path_factory.mktemp("converge")
    prov, c1, c2, school = (make_node(tmp, c) for c in (PROVINCE, COMMUNES[0], COMMUNES[1], SCHOOL))
    pair(prov, c1)
    pair(prov, c2)
    pair(c1, school)
    campaign = prov.insert("campaigns", {"name": "Phong trào 2025", "campaign_type": "regular", "issued_by": PROVINCE})
    import_bundles(c1, [send(prov, c1, tmp)])
    import_bundles(school, [send(c1, school, tmp)])
    s_nom = nomination(school, person(school, "Cô giáo An"), campaign_id=campaign["id"], title="BANG_KHEN_TINH",
                       status="submitted")
    c_nom = nomination(c1, person(c1, "Anh Bình"), title="BANG_KHEN_TINH", status="submitted")
    import_bundles(c1, [send(school, c1, tmp)])
    import_bundles(prov, [send(c1, prov, tmp)])
    c1.close()
    base = tmp / "base.sqlite"
    copy_installation(tmp / f"{COMMUNES[0]}.sqlite", base)

    bundles: list[Path] = []
    prov.update("nominations", s_nom["id"], {"status": "rejected", "status_reason": "Thiếu hồ sơ"})
    prov.update("nominations", c_nom["id"], {"status": "approved"})
    bundles.append(send(prov, COMMUNES[0], tmp, name="p1.tdktgoi"))
    prov.update("campaigns", campaign["id"], {"notes": "Đã sửa kế hoạch"})
    prov.insert("campaigns", {"name": "Phong trào chuyên đề", "campaign_type": "thematic", "issued_by": PROVINCE})
    bundles.append(send(prov, COMMUNES[0], tmp, name="p2.tdktgoi"))
    school.update("nominations", s_nom["id"], {"achievement": "Bổ sung thành tích"})
    person(school, "Thầy Cường")
    bundles.append(send(school, COMMUNES[0], tmp, name="s1.tdktgoi"))
    school.update("nominations", s_nom["id"], {"achievement": "Bổ sung lần hai"})
    school.delete("people", person(school, "Nhập nhầm")["id"])
    bundles.append(send(school, COMMUNES[0], tmp, name="s2.tdktgoi"))
    person(c2, "Người phường khác")
    bundles.append(send(c2, prov, tmp, name="c2.tdktgoi"))  # addressed to the province: refused here

    reference, conflicts = _apply(tmp, base, [bundles])
    assert conflicts >= 1  # the school's edits against the province's appraisal (1 or 2, by install ids)
    for s in (prov, c2, school):
        s.close()
    return tmp, base, bundles, reference


def _apply(tmp: Path, base: Path, groups: list[list[Path]]) -> tuple[str, int]:
    db = tmp / f"run-{uuid.uuid4().hex}.sqlite"
    copy_installation(base, db)
    store = open_store(db)
    try:
        for group in groups:
            import_bundles(store, group, backup=False)
        assert check_integrity(store) == []
        return state_json(store), len(list_reviews(store))
    finally:
        store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_order_duplication_and_grouping_converges(scenario, data):
    tmp, base, bundles, reference = scenario
    order = data.draw(st.permutations(range(len(bundles))))
    extra = data.draw(st.lists(st.sampled_from(range(len(bundles))), max_size=4))
    sequence = list(order)
    for i in extra:
        sequence.insert(data.draw(st.integers(0, len(sequence))), i)
    cuts = sorted(set(data.draw(st.lists(st.integers(1, len(sequence)), max_size=3))))
    groups, start = [], 0
    for cut in [*cuts, len(sequence)]:
        if cut > start:
            groups.append([bundles[i] for i in sequence[start:cut]])
            start = cut
    assert _apply(tmp, base, groups)[0] == reference
