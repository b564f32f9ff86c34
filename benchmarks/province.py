"""A generated province for the benchmarks at scale: ``wards`` wards × ``years`` years of their records.

    .venv/bin/python benchmarks/province.py [--wards 34] [--years 5] [--workdir DIR]   # builds it, prints the counts

What a province's office holds once its wards' bundles are merged: the province (92) with ``wards`` wards below
it; per ward its people, collectives and households, and per ward and year the people's ratings and past awards,
registrations for the year's titles, the ward's own campaign with its targets, nominations, the council's vote
on each, decisions with their awardees, and the figures the ward reported (first half, whole year, some reported
twice) for the province's yearly campaign and its five-year plan. At 34 wards × 5 years that is about two
million records; the search index and the sort keys are built as the application builds them.

Rows are written with SQL, stamped as new local versions (``revisions.stamp_local``: ``rev``, ``vv``, ``stamps``),
owned by their ward as a merge leaves them, with their sort keys; then the search index is rebuilt and the
database analysed. Not through ``Store.insert``: it would take an hour at this size, and the benchmarks
measure the reading.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tdkt_desktop.store import revisions, search, sortkeys
from tdkt_desktop.store.db import Store, now_iso, open_store
from tdkt_desktop.store.naming import naming_of

PROVINCE = "92"
PROVINCE_NAME = "Thành phố Cần Thơ"
FIRST_YEAR = 2022
PEOPLE = 2500  # per ward
HOUSEHOLDS = 2500
COLLECTIVES = 60
NOMINATIONS = 1200  # per ward and year
AWARDED = 1000  # of them, in the year's decisions
HISTORY = 1500  # past awards per ward and year
PLAN_TARGETS = 20
YEAR_TARGETS = 15

FAMILY = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Mai Trịnh".split()
MIDDLE = "Văn Thị Hữu Đức Minh Thanh Ngọc Quang Thu Xuân Hồng Kim Anh Bảo Gia Công".split()
GIVEN = ("An Ân Anh Ánh Bình Cường Dũng Đạt Đông Giang Hà Hải Hạnh Hiếu Hoa Hòa Hùng Hương Khánh Lan Linh Long "
         "Mai Minh Nam Nga Ngọc Nhung Oanh Phong Phúc Phương Quân Quyên Sơn Tâm Thảo Thắng Thủy Trang Trung Tú Tuấn "
         "Uyên Vân Việt Xuân Yến").split()
POSITIONS = [("Công chức Văn phòng - Thống kê", "Người trực tiếp công tác"), ("Giáo viên", "Người trực tiếp công tác"),
             ("Y sĩ", "Người trực tiếp công tác"), ("Phó Chủ tịch", "Lãnh đạo từ cấp phó trưởng phòng trở lên"),
             ("Trưởng khu vực", "Người trực tiếp công tác"), ("Công nhân", "Công nhân, nông dân")]
COLLECTIVE_KINDS = [("Trường Tiểu học", "school"), ("Trường Mầm non", "school"), ("Khu vực", "hamlet"),
                    ("Hợp tác xã", "cooperative"), ("Chi hội Phụ nữ", "mass_org")]
PERSON_TITLES = ["LDTT", "LDTT", "LDTT", "CSTDCS", "GIAY_KHEN"]
RATINGS = ["excellent", "good", "good", "good", "done"]
COMPARATORS = [("at_least", 95.0, "%", "mean"), ("at_most", 0.5, "%", "mean"), ("at_least", 45000.0, "triệu đồng", "sum"),
               ("count", 3.0, "khu vực", "sum"), ("completion", 100.0, "%", "mean"), ("range", 9.5, "%/năm", "mean")]


def ward_codes(wards: int) -> list[str]:
    return [f"31{101 + i:03d}" for i in range(wards)]


class _Writer:
    """Rows stamped as new local versions, written table by table in batches."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.install = store.install_id
        self.stamp = now_iso()
        self.clock = 0
        self.rng = random.Random(2026)
        self.pending: dict[str, list[dict[str, Any]]] = {}
        self.counts: Counter[str] = Counter()

    def id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def add(self, table: str, owner: str, values: dict[str, Any]) -> str:
        self.clock += 1
        row = {"id": values.pop("id", None) or self.id(), "owner_unit": owner, "created_at": self.stamp, "deleted": 0,
               **values}
        revisions.stamp_local(row, list(values), gen=1, install_id=self.install, clock=self.clock, unit=owner,
                              base_rev=None, updated_at=self.stamp)
        row["local_seq"] = self.clock
        key = sortkeys.key_of(table, row)
        if key is not None:
            row["sort_key"] = key
        batch = self.pending.setdefault(table, [])
        batch.append(row)
        if len(batch) >= 20_000:
            self.flush(table)
        return str(row["id"])

    def flush(self, table: str | None = None) -> None:
        for name in [table] if table else list(self.pending):
            rows = self.pending.pop(name, [])
            for columns, group in _by_columns(rows):
                self.store.db.conn.executemany(
                    f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                    [tuple(r[c] for c in columns) for r in group])
            self.counts[name] += len(rows)


def _by_columns(rows: list[dict[str, Any]]) -> Iterator[tuple[tuple[str, ...], list[dict[str, Any]]]]:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(tuple(r), []).append(r)
    yield from groups.items()


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _campaign(w: _Writer, owner: str, issuer_name: str, year: int, *, plan: bool = False, own: bool = False) -> str:
    start, end = (FIRST_YEAR, FIRST_YEAR + 4) if plan else (year, year)
    return w.add("campaigns", owner, {
        "name": (f"Phong trào thi đua thực hiện Kế hoạch phát triển kinh tế - xã hội giai đoạn {start}-{end}" if plan
                 else f"Phong trào thi đua {'của ' + issuer_name + ' ' if own else 'yêu nước '}năm {year}"),
        "doc_kind": "KH" if plan or own else "CT", "doc_number": f"{w.rng.randint(1, 99)}/{'KH' if own else 'CT'}-UBND",
        "doc_date": f"{start - 1 if not own else year}-12-15" if not own else f"{year}-02-20",
        "issuing_body": f"Ủy ban nhân dân {issuer_name[:1].lower()}{issuer_name[1:]}", "signer": "Trần Văn Bình",
        "signer_title": "CHỦ TỊCH", "campaign_type": "thematic" if own else "regular", "year": None if plan else year,
        "start_date": f"{start}-01-01", "end_date": f"{end}-12-31", "content_json": "[]", "movements_json": "[]",
        "awards_json": "[]", "issued_by": owner, "status": "active",
    })


def _targets(w: _Writer, owner: str, campaign: str, count: int) -> list[str]:
    out = []
    for seq in range(1, count + 1):
        comparator, value, unit, rollup = COMPARATORS[seq % len(COMPARATORS)]
        out.append(w.add("targets", owner, {
            "campaign_id": campaign, "seq": seq, "measure": f"Chỉ tiêu {seq}: {unit}", "comparator": comparator,
            "value": value, "value_high": value + 0.5 if comparator == "range" else None, "unit": unit,
            "strict": 0, "rollup": rollup, "review_json": "{}",
        }))
    return out


def _results(w: _Writer, ward: str, targets: list[str], periods: list[str]) -> None:
    for target in targets:
        for period in periods:
            for _ in range(2 if w.rng.random() < 0.1 else 1):  # a figure reported again, corrected
                w.add("target_results", ward, {"target_id": target, "unit_code": ward, "period": period,
                                               "value": round(w.rng.uniform(0, 100), 2)})


def _ward(w: _Writer, ward: str, ward_name: str, years: list[int], province_campaigns: dict[int, tuple[str, list[str]]],
          plan: tuple[str, list[str]]) -> None:
    rng = w.rng
    people = []
    for _ in range(PEOPLE):
        name = _name(rng)
        position, nominee_class = rng.choice(POSITIONS)
        people.append((w.add("people", ward, {
            "full_name": name, "gender": rng.choice(["male", "female"]), "birth_date": f"{rng.randint(1965, 2000)}-0"
            f"{rng.randint(1, 9)}-1{rng.randint(0, 9)}", "position": position, "unit_code": ward,
            "workplace": f"Ủy ban nhân dân {ward_name[:1].lower()}{ward_name[1:]}", "nominee_class": nominee_class,
        }), name))
    collectives = []
    for i in range(COLLECTIVES):
        prefix, kind = COLLECTIVE_KINDS[i % len(COLLECTIVE_KINDS)]
        name = f"{prefix} {ward_name.split(' ', 1)[1]} {i + 1}"
        collectives.append((w.add("collectives", ward, {"name": name, "kind": kind, "unit_code": ward,
                                                        "members_count": rng.randint(5, 60)}), name))
    for _ in range(HOUSEHOLDS):
        w.add("households", ward, {"head_name": _name(rng), "head_gender": rng.choice(["male", "female"]),
                                   "address": f"Khu vực {rng.randint(1, 9)}, {ward_name}", "unit_code": ward,
                                   "members_count": rng.randint(1, 8)})
    for year in years:
        for pid, _ in people:
            w.add("ratings", ward, {"subject_kind": "person", "subject_id": pid, "year": year,
                                    "rating": rng.choice(RATINGS), "discipline": 0, "under_review": 0})
        for cid, _ in collectives:
            w.add("ratings", ward, {"subject_kind": "collective", "subject_id": cid, "year": year,
                                    "rating": "excellent", "discipline": 0, "under_review": 0})
        for pid, _ in rng.sample(people, HISTORY):
            w.add("award_history", ward, {"subject_kind": "person", "subject_id": pid, "year": year - 1,
                                          "code": "LDTT", "award_name": "Lao động tiên tiến",
                                          "award_kind": "cong_trang", "decision_number": f"{rng.randint(1, 99)}/QĐ-UBND",
                                          "decision_date": f"{year - 1}-12-20", "issuer": ward_name, "source": "manual"})
        campaign, targets = province_campaigns[year]
        for pid, name in rng.sample(people, 2000):
            w.add("registrations", ward, {"campaign_id": campaign, "year": year, "subject_kind": "person",
                                          "subject_id": pid, "subject_name": name,
                                          "title_code": rng.choice(PERSON_TITLES), "registered_on": f"{year}-02-15"})
        _results(w, ward, targets, [f"{year}-H1", str(year)])
        _results(w, ward, plan[1], [f"{year}-H1", str(year)])
        own = _campaign(w, ward, ward_name, year, own=True)
        _results(w, ward, _targets(w, ward, own, 5), [str(year)])
        for period in (f"{year}-H1", str(year)):
            w.add("participations", ward, {"campaign_id": campaign, "period": period, "unit_code": ward,
                                           "collectives_count": rng.randint(10, 60), "people_count": rng.randint(500, 2500),
                                           "households_count": rng.randint(500, 2500)})
        nominated = rng.sample(people, NOMINATIONS)
        nominations = []
        for pid, name in nominated:
            nominations.append((w.add("nominations", ward, {
                "subject_kind": "person", "subject_id": pid, "subject_name": name,
                "title_code": rng.choice(PERSON_TITLES), "award_kind": "cong_trang", "campaign_id": campaign,
                "year": year, "period": str(year), "achievement": "Hoàn thành xuất sắc nhiệm vụ",
                "dossier_json": "{}", "status": "decided", "unit_code": ward,
            }), pid, name))
        session = w.add("vote_sessions", ward, {"unit_code": ward, "meeting_date": f"{year}-12-05", "period": str(year),
                                                "total_members": 15, "present": 13, "written_opinions": 0})
        for nid, _, _ in nominations:
            w.add("votes", ward, {"vote_session_id": session, "nomination_id": nid, "votes_for": rng.randint(9, 13)})
        decisions = [w.add("decisions", ward, {
            "number": f"{10 + d}/QĐ-UBND", "doc_code": "QĐ-UBND", "decision_date": f"{year}-12-{20 + d}",
            "signer": "Trần Văn Bình", "signer_title": "CHỦ TỊCH", "issuer_unit": ward,
            "subject": f"Về việc khen thưởng năm {year}", "status": "issued",
        }) for d in range(4)]
        for i, (nid, pid, name) in enumerate(nominations[:AWARDED]):
            w.add("decision_awardees", ward, {"decision_id": decisions[i % 4], "nomination_id": nid,
                                              "subject_kind": "person", "subject_id": pid, "subject_name": name,
                                              "title_code": "LDTT", "so_vang": i + 1})


def generate(path: Path, wards: int, years: int) -> dict[str, int]:
    """Write the province into a new database at ``path``; the number of records of each table."""
    with open_store(path) as store:
        codes = ward_codes(wards)
        span = list(range(FIRST_YEAR, FIRST_YEAR + years))
        with store.atomic():
            store.set_meta("unit_code", PROVINCE)
            w = _Writer(store)
            if store.unit_by_code(PROVINCE) is None:
                w.add("units", PROVINCE, {"code": PROVINCE, "name": PROVINCE_NAME, "level": "province"})
            for i, code in enumerate(codes):
                w.add("units", PROVINCE, {"code": code, "name": f"Phường {GIVEN[i % len(GIVEN)]} {i + 1}",
                                          "level": "commune", "parent_code": PROVINCE, "province_code": PROVINCE})
            w.add("officials", PROVINCE, {"unit_code": PROVINCE, "full_name": "Trần Văn Bình", "title": "Chủ tịch",
                                          "authority": "TM.", "sort_order": 0})
            w.flush()
            plan = _campaign(w, PROVINCE, PROVINCE_NAME, FIRST_YEAR, plan=True)
            plan_targets = (plan, _targets(w, PROVINCE, plan, PLAN_TARGETS))
            yearly = {}
            for year in span:
                campaign = _campaign(w, PROVINCE, PROVINCE_NAME, year)
                yearly[year] = (campaign, _targets(w, PROVINCE, campaign, YEAR_TARGETS))
            names = {u["code"]: u["name"] for u in store.rows("units")}
            for code in codes:
                _ward(w, code, names[code], span, yearly, plan_targets)
            w.flush()
            store.set_meta("clock", str(w.clock))
            store.set_meta("local_seq", str(w.clock))
            search.rebuild_search_index(store.db, naming_of(store))
        store.db.execute("ANALYZE")
        return dict(w.counts)


def database(wards: int = 34, years: int = 5, workdir: Path | None = None) -> Path:
    """The province of ``wards`` × ``years``: the one kept in ``workdir`` or a new one."""
    folder = workdir or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"province-{wards}x{years}.sqlite"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for stale in folder.glob(partial.name + "*"):
            stale.unlink()
        generate(partial, wards, years)
        for suffix in ("", ".keys"):
            if Path(str(partial) + suffix).exists():
                Path(str(partial) + suffix).rename(str(path) + suffix)
    return path


def counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                             " AND name NOT LIKE 'search_index_%' AND name NOT LIKE 'sqlite_%'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wards", type=int, default=34)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    path = database(args.wards, args.years, args.workdir)
    found = counts(path)
    print(json.dumps({"database": str(path), "rows": sum(found.values()), "tables": found}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
