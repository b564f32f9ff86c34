"""Sync converges whatever happens on the way.

* Any order, duplication and grouping of the same bundles gives the same database state.
* A province, two wards and a school doing random work on every side — edits of their own records (the
  first ward also writing for its school: the same field edited at two places), withdrawals and
  resubmissions of nominations, writes without authority (refused locally), appraisals and decisions at the
  province, bundles sent, delivered
  shuffled, twice or withheld (delivered late), a unit restoring its backup (``store.backups.restore``: a
  new installation identity) and a unit moving to another computer (its database copied): once every bundle
  has passed, all sides hold the same records; every edit is applied, overtaken by a later edit made with it
  in view, or visible in a review queue (or it was made after the backup and never left the restored unit);
  and no field anywhere was written by a unit without authority over it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from tdkt_desktop.store import backups, office, open_store
from tdkt_desktop.store.authority import (
    APPRAISAL_FIELDS,
    LOCKED_STATUSES,
    OWNER_STATUS_FROM,
    OWNER_STATUSES,
    NoAuthority,
    UnitTree,
    parties,
)
from tdkt_desktop.store.db import SYNCED_TABLES, check_integrity
from tdkt_desktop.store.revisions import LOCAL_FIELDS, PSEUDO, parse_stamps, parse_vv
from tdkt_desktop.sync import import_bundles, list_reviews

from .test_sync_helpers import (
    COMMUNES,
    PROVINCE,
    REVIEW_CONTENT,
    SCHOOL,
    canonical_dump,
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


# --------------------------------------------------------------------------- a whole network, at random

C1, C2 = COMMUNES[0], COMMUNES[1]
NODES = (PROVINCE, C1, C2, SCHOOL)
EDGES = ((SCHOOL, C1), (C1, PROVINCE), (C2, PROVINCE), (PROVINCE, C1), (PROVINCE, C2), (C1, SCHOOL))
EDITABLE = {"people": "position", "nominations": "achievement", "target_results": "value"}


@pytest.fixture(scope="module")
def network(tmp_path_factory):
    """A province, two wards and the first ward's school, in step: the province's campaign and target below;
    in each unit below two people, a nomination for a Bằng khen of the province (appraised there) and a result."""
    tmp = tmp_path_factory.mktemp("network")
    nodes = {code: make_node(tmp, code) for code in NODES}
    pair(nodes[PROVINCE], nodes[C1])
    pair(nodes[PROVINCE], nodes[C2])
    pair(nodes[C1], nodes[SCHOOL])
    prov = nodes[PROVINCE]
    prov.insert("officials", {"unit_code": PROVINCE, "full_name": "Trần Văn A", "title": "Chủ tịch"})
    campaign = prov.insert("campaigns", {"name": "Thi đua 2025", "campaign_type": "regular", "issued_by": PROVINCE})
    target = prov.insert("targets", {"campaign_id": campaign["id"], "measure": "Thu ngân sách",
                                     "comparator": "at_least", "value": 100})
    _flush(nodes, tmp)
    for code in (C1, C2, SCHOOL):
        below = nodes[code]
        first = person(below, f"Người thứ nhất {code}")
        person(below, f"Người thứ hai {code}")
        nomination(below, first, title="BANG_KHEN_TINH", status="submitted", achievement="Thành tích")
        below.insert("target_results", {"target_id": target["id"], "unit_code": code, "period": "2025", "value": 50})
    _flush(nodes, tmp)
    for s in nodes.values():
        s.close()
    return tmp


def _flush(nodes: dict, tmp: Path, rounds: int = 2) -> None:
    for _ in range(rounds):
        for src, dst in EDGES:
            import_bundles(nodes[dst], [send(nodes[src], nodes[dst], tmp, name=f"f-{uuid.uuid4().hex}.tdktgoi")],
                           backup=False)


def _covers(vv: dict, stamp: list) -> bool:
    return int(vv.get(stamp[1], 0)) >= int(stamp[2])


EDIT = st.tuples(st.just("edit"), st.sampled_from(NODES), st.sampled_from(sorted(EDITABLE)), st.integers(0, 5))
ACTIONS = st.one_of(
    EDIT,
    EDIT,
    st.tuples(st.just("withdraw"), st.sampled_from((C1, C2, SCHOOL)), st.sampled_from(("draft", "submitted")),
              st.integers(0, 5)),
    st.tuples(st.just("intrude"), st.sampled_from(NODES), st.integers(0, 5)),
    st.tuples(st.just("appraise"), st.sampled_from(("approved", "rejected", "returned")), st.integers(0, 5)),
    st.tuples(st.just("decide")),
    st.tuples(st.just("send"), st.sampled_from(EDGES)),
    st.tuples(st.just("send"), st.sampled_from(EDGES)),
    st.tuples(st.just("deliver"), st.sampled_from(NODES), st.lists(st.integers(0, 7), min_size=1, max_size=5)),
    st.tuples(st.just("backup"), st.sampled_from(NODES)),
)
SEGMENT = st.lists(ACTIONS, min_size=3, max_size=8)


@st.composite
def programs(draw) -> list[tuple]:
    """Random work on every side; one unit backs up, works on, restores its backup; one unit moves to another
    computer (its database copied, the old one abandoned); more random work."""
    restored, moved = draw(st.sampled_from(NODES)), draw(st.sampled_from(NODES))
    return [*draw(SEGMENT), ("backup", restored), *draw(SEGMENT), ("restore", restored), *draw(SEGMENT),
            ("move", moved), *draw(SEGMENT)]


class Network:
    """The four installations of one example, what travels between them and every edit made."""

    def __init__(self, base: Path, tmp: Path) -> None:
        self.tmp = tmp
        self.paths = {code: tmp / f"{code}.sqlite" for code in NODES}
        for code, path in self.paths.items():
            copy_installation(base / f"{code}.sqlite", path)
        self.nodes = {code: open_store(path) for code, path in self.paths.items()}
        self.inbox: dict[str, list[Path]] = {code: [] for code in NODES}
        self.backups: dict[str, Path] = {}
        self.edits: list[dict] = []
        self.step = 0

    def close(self) -> None:
        for s in self.nodes.values():
            s.close()

    def reopen(self, code: str, path: Path) -> None:
        self.paths[code] = path
        self.nodes[code] = open_store(path)

    def own(self, code: str, table: str, pick: int) -> dict | None:
        """A record this unit writes: its own, or (the first ward) one of the school it consolidates."""
        written = (code, SCHOOL) if code == C1 else (code,)
        rows = self.nodes[code].rows(table, f"owner_unit IN ({','.join('?' for _ in written)})", list(written))
        return rows[pick % len(rows)] if rows else None

    def log(self, code: str, table: str, before: dict, field: str, value) -> None:
        after = self.nodes[code].get(table, before["id"])
        stamp = parse_stamps(after["stamps"])[field]
        self.edits.append({"node": code, "table": table, "id": before["id"], "field": field, "value": value,
                           "stamp": stamp, "saw": parse_vv(before["vv"]), "lost": False})

    def run(self, action: tuple) -> None:
        self.step += 1
        kind = action[0]
        getattr(self, f"do_{kind}")(*action[1:])

    def do_edit(self, code: str, table: str, pick: int) -> None:
        store = self.nodes[code]
        row = self.own(code, table, pick)
        if row is None:
            return
        field = EDITABLE[table]
        value = 1000 + self.step if table == "target_results" else f"{code} sửa bước {self.step}"
        try:
            store.update(table, row["id"], {field: value})
        except NoAuthority as err:  # a decided nomination: the unit asks for it to be returned
            assert err.code == "locked" and row["status"] in LOCKED_STATUSES, err
            assert store.get(table, row["id"]) == row
            return
        self.log(code, table, row, field, value)

    def do_withdraw(self, code: str, status: str, pick: int) -> None:
        """The unit takes its nomination back to draft or submits it again: allowed before appraisal only."""
        store = self.nodes[code]
        row = self.own(code, "nominations", pick)
        if row is None or row["status"] == status:
            return
        try:
            store.update("nominations", row["id"], {"status": status})
        except NoAuthority as err:
            assert row["status"] not in OWNER_STATUS_FROM, err
            assert store.get("nominations", row["id"]) == row
            return
        assert row["status"] in OWNER_STATUS_FROM
        self.log(code, "nominations", row, "status", status)

    def do_intrude(self, code: str, pick: int) -> None:
        """A write without authority is refused before anything is written: the province renaming a unit's
        person, a unit approving its own nomination or editing the province's campaign."""
        store = self.nodes[code]
        if code == PROVINCE:
            attempts = [("people", r, {"full_name": "Tỉnh đổi tên"})
                        for r in store.rows("people", "owner_unit != ?", [PROVINCE])]
        else:
            attempts = [("nominations", r, {"status": "approved"})
                        for r in store.rows("nominations", "owner_unit = ? AND status != 'approved'", [code])]
            attempts += [("campaigns", r, {"notes": "Sửa phong trào của tỉnh"})
                         for r in store.rows("campaigns", "owner_unit = ?", [PROVINCE])]
        if not attempts:
            return
        table, row, values = attempts[pick % len(attempts)]
        with pytest.raises(NoAuthority):
            store.update(table, row["id"], values)
        assert store.get(table, row["id"]) == row

    def do_appraise(self, status: str, pick: int) -> None:
        prov = self.nodes[PROVINCE]
        rows = prov.rows("nominations", "status IN ('submitted', 'received', 'returned', 'approved')")
        if not rows:
            return
        row = rows[pick % len(rows)]
        if row["status"] == status:
            return
        prov.update("nominations", row["id"], {"status": status, "status_reason": f"Thẩm định bước {self.step}"})
        self.log(PROVINCE, "nominations", row, "status", status)

    def do_decide(self) -> None:
        prov = self.nodes[PROVINCE]
        rows = prov.rows("nominations", "status = 'approved'")
        if not rows:
            return
        office.issue_decision(prov, [r["id"] for r in rows], decision_date=dt.date(2025, 12, 20),
                              signer="Trần Văn A", signer_title="Chủ tịch")
        for r in rows:
            self.log(PROVINCE, "nominations", r, "status", "decided")

    def do_send(self, edge: tuple[str, str]) -> None:
        src, dst = edge
        name = f"b{self.step}-{src}-{dst}.tdktgoi"
        self.inbox[dst].append(send(self.nodes[src], self.nodes[dst], self.tmp, name=name))

    def do_deliver(self, code: str, picks: list[int]) -> None:
        """Some of the bundles waiting for this unit, in any order, some twice; the others withheld (for now)."""
        box = self.inbox[code]
        if not box or not picks:
            return
        chosen = [box[i % len(box)] for i in picks]
        import_bundles(self.nodes[code], chosen, backup=False)

    def do_backup(self, code: str) -> None:
        self.backups[code] = backups.make_backup(self.paths[code]).path
        self.edits_at_backup = len(self.edits)

    def do_restore(self, code: str) -> None:
        """The unit puts back its last backup: what it changed since then and had not sent is lost (only there)."""
        if code not in self.backups:
            return
        store = self.nodes[code]
        old_install = store.install_id
        self.nodes[code].close()
        result = backups.restore(self.paths[code], self.backups[code])
        self.reopen(code, self.paths[code])
        assert self.nodes[code].install_id == result.install_id != old_install  # a new identity
        for e in self.edits:
            if e["node"] != code or e["stamp"][1] != old_install or e["lost"]:
                continue
            here = self.nodes[code].get(e["table"], e["id"])
            if here is not None and _covers(parse_vv(here["vv"]), e["stamp"]):
                continue  # in the backup
            elsewhere = [s.get(e["table"], e["id"]) for c, s in self.nodes.items() if c != code]
            e["lost"] = not any(r is not None and _covers(parse_vv(r["vv"]), e["stamp"]) for r in elsewhere)

    def do_move(self, code: str) -> None:
        """The unit moves to another computer: its database and key file copied, the old one never used again."""
        self.nodes[code].close()
        new = self.tmp / f"{code}-moved-{self.step}.sqlite"
        copy_installation(self.paths[code], new)
        self.reopen(code, new)


def _content(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in LOCAL_FIELDS}


def _check_converged(net: Network) -> None:
    dumps = {code: canonical_dump(s) for code, s in net.nodes.items()}
    for table in SYNCED_TABLES:
        seen: dict[str, tuple[str, dict]] = {}
        for code, dump in dumps.items():
            for row in dump[table]:
                content = {k: row[k] for k in REVIEW_CONTENT} if table == "reviews" else _content(row)
                if row["id"] in seen:
                    first, other = seen[row["id"]]
                    assert content == other, (table, row["id"], first, code)
                else:
                    seen[row["id"]] = (code, content)
    prov = {t: {r["id"] for r in rows} for t, rows in dumps[PROVINCE].items()}
    for code in (C1, C2, SCHOOL):  # everything of a unit reached its upper offices; the province's campaign reached it
        for table in ("people", "nominations", "target_results"):
            for row in dumps[code][table]:
                if row["owner_unit"] in (code,):
                    assert row["id"] in prov[table], (table, code)
                    if code == SCHOOL:
                        assert row["id"] in {r["id"] for r in dumps[C1][table]}
        assert {r["id"] for r in dumps[code]["campaigns"]} >= {r["id"] for r in dumps[PROVINCE]["campaigns"]}


def _check_every_edit_kept(net: Network) -> None:
    prov = net.nodes[PROVINCE]
    queued = [r for s in net.nodes.values() for r in list_reviews(s, include_resolved=True)]
    for e in net.edits:
        if e["lost"]:
            continue
        final = prov.get(e["table"], e["id"])
        if final is not None and final[e["field"]] == e["value"]:
            continue
        same = [o for o in net.edits if o is not e and (o["table"], o["id"], o["field"]) == (e["table"], e["id"], e["field"])]
        if any(_covers(o["saw"], e["stamp"]) for o in same):
            continue  # a later edit made with this one in view
        agreed = [o2 for o2 in same if o2["value"] == e["value"] and not _covers(e["saw"], o2["stamp"])
                  and not _covers(o2["saw"], e["stamp"])]
        if any(_covers(o["saw"], o2["stamp"]) for o in same for o2 in agreed):
            continue  # the same value written elsewhere at the same time (one agreed write), and a later edit saw it
        if e["field"] == "status" and final is not None and final["status"] == "decided":
            continue
        assert any(q["record_id"] == e["id"] and q["field_name"] == e["field"] and e["value"] in (q["other"], q["kept"])
                   for q in queued), ("edit neither applied nor queued", e, final and final[e["field"]])


def _check_authority(net: Network) -> None:
    for code, store in net.nodes.items():
        tree = UnitTree(store)
        for table in SYNCED_TABLES:
            for row in store.rows(table, include_deleted=True):
                who = parties(tree, table, row)
                for name, stamp in parse_stamps(row["stamps"]).items():
                    if not stamp:
                        continue
                    unit = stamp[3]
                    if str(stamp[1]).startswith(PSEUDO):  # a value kept by a merge (not a write): by a party
                        ok = unit in who.writers or unit == who.appraiser
                    elif table == "reviews":
                        ok = unit in who.writers or unit in who.upper
                    elif who.separate_appraiser and name in APPRAISAL_FIELDS:
                        ok = unit == who.appraiser or (name == "status" and unit in who.writers)
                    else:
                        ok = unit in who.writers
                    assert ok, (code, table, row["id"], name, stamp, who)
                if table == "nominations" and who.separate_appraiser:
                    stamp = parse_stamps(row["stamps"]).get("status")
                    if stamp and stamp[3] in who.writers and not str(stamp[1]).startswith(PSEUDO):
                        assert row["status"] in OWNER_STATUSES, (code, row["id"], row["status"], stamp)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=programs())
# An appraisal sent down, then the province restores a backup made before it: the bundle still in flight
# brings the approval to the ward, and the province gets it back from the ward (its next bundle is full)
@example(actions=[("edit", PROVINCE, "nominations", 0), ("backup", PROVINCE), ("appraise", "approved", 0),
                  ("send", (PROVINCE, C1)), ("restore", PROVINCE), ("move", PROVINCE)])
# The ward and its school withdraw the school's nomination at the same time (the same value: one agreed write),
# then the school submits it again over that value: an ordinary edit, not a conflict
@pytest.mark.sqlite_only  # restores and copies of files
@example(actions=[("intrude", PROVINCE, 0), ("edit", PROVINCE, "nominations", 0), ("withdraw", SCHOOL, "draft", 0),
                  ("backup", PROVINCE), ("intrude", PROVINCE, 0), ("intrude", PROVINCE, 0), ("withdraw", C1, "draft", 5),
                  ("restore", PROVINCE), ("send", (SCHOOL, C1)), ("edit", PROVINCE, "nominations", 0),
                  ("edit", PROVINCE, "nominations", 0), ("move", PROVINCE), ("withdraw", SCHOOL, "submitted", 0),
                  ("decide",), ("decide",)])
def test_a_network_with_restores_and_copies_converges_without_loss_or_overreach(network, tmp_path_factory, actions):
    net = Network(network, tmp_path_factory.mktemp("run"))
    try:
        for action in actions:
            net.run(action)
        for code in NODES:  # the withheld bundles, late, in reverse order
            if net.inbox[code]:
                import_bundles(net.nodes[code], list(reversed(net.inbox[code])), backup=False)
        _flush(net.nodes, net.tmp, rounds=3)
        for store in net.nodes.values():
            assert check_integrity(store) == []
        _check_converged(net)
        _check_every_edit_kept(net)
        _check_authority(net)
        event(f"edits lost by the restore: {sum(e['lost'] for e in net.edits)}")
        event(f"values queued for review: {len(list_reviews(net.nodes[PROVINCE], include_resolved=True))}")
    finally:
        net.close()
