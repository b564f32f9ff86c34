"""sync.fieldmerge pinned down: whole merged rows and whole events for every rule of the field merge.

Versions are built here with :func:`store.revisions.stamp_local` (what the store does on every write), so each
case states exactly who wrote which field where and what each side had seen; the expected merged row is
written out field by field, never taken from the code under test.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from tdkt_desktop.store.authority import Parties, UnitTree, field_refusal, parties
from tdkt_desktop.store.revisions import PSEUDO, dump, make_rev, parse_stamps, parse_vv, rev_of, stamp_local
from tdkt_desktop.sync.fieldmerge import FieldEvent, Merged, covers_all, merge, pseudo_stamp

PROVINCE, COMMUNE, SCHOOL, OTHER = "92", "31147", "31147-TH1", "31150"
A, B, C = "inst-a", "inst-b", "inst-c"  # installations (sorted: a < b < c)

Row = dict[str, Any]


def tree() -> UnitTree:
    t = UnitTree()
    t.add(PROVINCE, None, "province")
    t.add(COMMUNE, PROVINCE, "commune")
    t.add(OTHER, PROVINCE, "commune")
    t.add(SCHOOL, COMMUNE, "school")
    return t


def created(owner: str, install: str, clock: int, unit: str, **content: Any) -> Row:
    row: Row = {"id": "rec-1", "owner_unit": owner, "created_at": "2026-01-01T08:00:00",
                "deleted": 0, **content}
    stamp_local(row, [], gen=1, install_id=install, clock=clock, unit=unit, base_rev=None,
                updated_at="2026-01-01T08:00:00")
    row.pop("local_from")
    return row


def edited(row: Row, install: str, clock: int, unit: str, at: str, **changes: Any) -> Row:
    new = dict(row)
    new.update(changes)
    stamp_local(new, list(changes), gen=int(row["gen"]) + 1, install_id=install, clock=clock, unit=unit,
                base_rev=row["rev"], updated_at=at)
    new.pop("local_from")
    return new


def judge_for(table: str, who: Parties):
    def judge(name: str, writer: str, old: Any, new: Any, status: Any):
        return field_refusal(table, name, writer, who, old=old, new=new, status=status)
    return judge


def refusing_judge(*_: Any) -> None:
    raise AssertionError("no write here needs judging")


def stamp(row: Row, name: str) -> tuple[int, str, int, str]:
    raw = parse_stamps(row["stamps"]).get(name) or parse_stamps(row["stamps"])[""]
    return (int(raw[0]), str(raw[1]), int(raw[2]), str(raw[3]))


def both_ways(table: str, x: Row, y: Row, who: Parties, judge=None) -> tuple[Merged, Merged]:
    j = judge or judge_for(table, who)
    return merge(table, x, y, who, j), merge(table, y, x, who, j)


def expected_merge(held: Row, incoming: Row, values: Row, stamps: dict[str, Any], extra_vv: dict[str, int]) -> Row:
    """The merged row as the module's docstring defines it, written out independently."""
    row = dict(held)
    row.update(values)
    vv = dict(parse_vv(held["vv"]))
    for k, v in parse_vv(incoming["vv"]).items():
        vv[k] = max(vv.get(k, 0), v)
    vv.update(extra_vv)
    row["vv"] = dump(vv)
    row["stamps"] = dump(stamps)
    last = max((tuple(s) for s in stamps.values()), key=lambda s: (s[0], s[1], s[2], s[3]))
    row["gen"] = max(int(held["gen"]), int(incoming["gen"]), int(last[0]))
    row["origin_install"], row["clock"] = last[1], last[2]
    row["created_at"] = min(held["created_at"], incoming["created_at"])
    row["updated_at"] = max(held["updated_at"], incoming["updated_at"])
    row["base_rev"] = None
    row["rev"] = rev_of(row)
    return row


# --------------------------------------------------------------------------- whole versions


def test_the_same_revision_is_unchanged_whatever_the_authority():
    base = created(COMMUNE, A, 1, COMMUNE, full_name="Lý Thị Mai")
    who = parties(tree(), "people", base)
    assert merge("people", base, dict(base), who, refusing_judge) == Merged(None, "unchanged", [])


def test_a_newer_version_is_taken_whole_and_an_older_one_is_stale():
    base = created(COMMUNE, A, 1, COMMUNE, full_name="Lý Thị Mai", position="Giáo viên")
    v2 = edited(base, A, 2, COMMUNE, "2026-01-02T08:00:00", position="Hiệu phó")
    who = parties(tree(), "people", base)
    assert merge("people", base, v2, who, judge_for("people", who)) == Merged(v2, "updated", [])
    assert merge("people", v2, base, who, refusing_judge) == Merged(None, "stale", [])


def test_a_record_edited_twice_between_bundles_is_a_fast_forward_of_both_edits():
    base = created(COMMUNE, A, 1, COMMUNE, full_name="Lý Thị Mai", position="Giáo viên", phone=None)
    v2 = edited(base, A, 2, COMMUNE, "2026-01-02T08:00:00", position="Hiệu phó")
    v3 = edited(v2, A, 3, COMMUNE, "2026-01-03T08:00:00", position="Hiệu trưởng", phone="0901")
    who = parties(tree(), "people", base)
    got = merge("people", base, v3, who, judge_for("people", who))
    assert got == Merged(v3, "updated", [])
    assert got.row is not None and got.row["position"] == "Hiệu trưởng" and got.row["phone"] == "0901"
    assert merge("people", v3, base, who, refusing_judge) == Merged(None, "stale", [])
    assert merge("people", v3, v2, who, refusing_judge) == Merged(None, "stale", [])


def test_a_record_edited_twice_here_and_once_there_merges_every_edit():
    base = created(SCHOOL, A, 1, SCHOOL, full_name="Lý Thị Mai", position="Giáo viên", phone=None, email=None)
    here2 = edited(base, A, 2, SCHOOL, "2026-01-02T08:00:00", position="Hiệu phó")
    here3 = edited(here2, A, 3, SCHOOL, "2026-01-05T08:00:00", phone="0901")
    there = edited(base, B, 7, COMMUNE, "2026-01-03T08:00:00", email="mai@tanan.edu.vn")
    who = parties(tree(), "people", base)
    want = expected_merge(
        here3, there,
        {"position": "Hiệu phó", "phone": "0901", "email": "mai@tanan.edu.vn"},
        {"": [1, A, 1, SCHOOL], "position": [2, A, 2, SCHOOL], "phone": [3, A, 3, SCHOOL],
         "email": [2, B, 7, COMMUNE]},
        {},
    )
    one, other = both_ways("people", here3, there, who)
    assert one == Merged(want, "merged", [])
    assert other.outcome == "merged" and other.events == []
    assert other.row == {**want}  # the same row whichever side held which version
    assert want["gen"] == 3 and (want["origin_install"], want["clock"]) == (A, 3)
    assert want["created_at"] == "2026-01-01T08:00:00" and want["updated_at"] == "2026-01-05T08:00:00"
    assert want["vv"] == dump({A: 3, B: 7})


def test_the_merged_version_takes_the_highest_generation_and_the_last_write():
    base = created(SCHOOL, A, 1, SCHOOL, full_name="Lý Thị Mai", position="Giáo viên", phone=None)
    mid = edited(base, A, 2, SCHOOL, "2026-01-02T08:00:00", full_name="Lý Thị Mai Anh")
    mid = edited(mid, A, 3, SCHOOL, "2026-01-03T08:00:00", full_name="Lý T. Mai")
    mid = edited(mid, A, 4, SCHOOL, "2026-01-04T08:00:00", full_name="Lý Thị Mai")  # gen 4, back to the name
    there = edited(base, C, 9, COMMUNE, "2026-01-02T09:00:00", phone="0902")
    who = parties(tree(), "people", base)
    got = merge("people", there, mid, who, judge_for("people", who))
    assert got.outcome == "merged" and got.events == []
    assert got.row is not None
    assert got.row["gen"] == 4
    # the last write by stamp order: (4, inst-a, 4) is above (2, inst-c, 9)
    assert (got.row["origin_install"], got.row["clock"]) == (A, 4)
    assert got.row["rev"] == make_rev(4, A, 4, got.row["rev"].rsplit("-", 1)[1])
    assert got.row["rev"] == rev_of(got.row)
    assert got.row["created_at"] == "2026-01-01T08:00:00" and got.row["updated_at"] == "2026-01-04T08:00:00"
    assert got.row["base_rev"] is None


def test_a_merge_after_the_later_creation_keeps_the_creation_stamp_of_the_higher_side():
    base = created(SCHOOL, A, 1, SCHOOL, full_name="Lý Thị Mai", phone=None, email=None)
    left = edited(base, A, 2, SCHOOL, "2026-01-02T08:00:00", phone="0901")
    right = edited(base, B, 5, COMMUNE, "2026-01-02T09:00:00", email="m@x.vn")
    who = parties(tree(), "people", base)
    got = merge("people", left, right, who, judge_for("people", who))
    assert got.row is not None
    assert parse_stamps(got.row["stamps"]) == {
        "": [1, A, 1, SCHOOL], "phone": [2, A, 2, SCHOOL], "email": [2, B, 5, COMMUNE]}


# --------------------------------------------------------------------------- one-sided writes and authority


def test_a_write_the_held_side_has_seen_keeps_the_held_value():
    base = created(SCHOOL, A, 1, SCHOOL, full_name="Lý Thị Mai", phone=None, email=None)
    there = edited(base, B, 5, COMMUNE, "2026-01-02T09:00:00", email="m@x.vn")
    # here: took there's version, then edited the phone
    here = edited(there, A, 2, SCHOOL, "2026-01-03T08:00:00", phone="0901")
    here = {**here, "vv": dump({A: 2, B: 5})}
    here["rev"] = rev_of(here)
    who = parties(tree(), "people", base)
    assert merge("people", here, there, who, refusing_judge) == Merged(None, "stale", [])


def test_an_incoming_write_without_authority_is_refused_and_the_held_value_restamped():
    base = created(COMMUNE, A, 1, COMMUNE, full_name="Lý Thị Mai", position="Giáo viên")
    forged = edited(base, B, 4, PROVINCE, "2026-01-02T08:00:00", position="Chủ tịch")
    who = parties(tree(), "people", base)
    got = merge("people", base, forged, who, judge_for("people", who))
    ks = (1, A, 1, COMMUNE)
    kept_stamp = pseudo_stamp(ks, "refused", COMMUNE)
    digest = hashlib.sha256(json.dumps([list(ks), "refused"], sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    assert kept_stamp == (1, PSEUDO + digest[:15], 1, COMMUNE)
    reason = "đơn vị 92 không có quyền sửa “Chức vụ” của cá nhân do đơn vị 31147 quản lý"
    event = FieldEvent("position", "refused", "Giáo viên", ks, "Chủ tịch", (2, B, 4, PROVINCE), "incoming",
                       "no_authority", reason)
    want = expected_merge(base, forged, {"position": "Giáo viên"},
                          {"": [1, A, 1, COMMUNE], "position": list(kept_stamp)}, {kept_stamp[1]: 1})
    assert got == Merged(want, "merged", [event])


def test_the_judge_gets_the_field_the_writer_and_both_values():
    base = created(COMMUNE, A, 1, COMMUNE, full_name="Lý Thị Mai", position="Giáo viên")
    newer = edited(base, B, 4, OTHER, "2026-01-02T08:00:00", position="Chủ tịch")
    who = parties(tree(), "people", base)
    calls: list[tuple[Any, ...]] = []

    def judge(*args: Any) -> None:
        calls.append(args)

    assert merge("people", base, newer, who, judge) == Merged(newer, "updated", [])
    assert calls == [("position", OTHER, "Giáo viên", "Chủ tịch", None)]


def test_an_incoming_write_with_the_same_value_needs_no_authority():
    base = created(COMMUNE, A, 1, COMMUNE, full_name="Lý Thị Mai", position="Giáo viên")
    same = edited(base, B, 4, PROVINCE, "2026-01-02T08:00:00", position="Giáo viên")
    who = parties(tree(), "people", base)
    assert merge("people", base, same, who, refusing_judge) == Merged(same, "updated", [])


def test_a_merge_stamp_of_a_writer_is_taken_as_the_merge_that_made_it():
    base = created(COMMUNE, A, 1, COMMUNE, full_name="Lý Thị Mai", position="Giáo viên")
    merged = dict(base)
    merged["position"] = "Hiệu phó"
    pseudo = (1, PSEUDO + "0123456789abcde", 1, COMMUNE)
    merged["stamps"] = dump({"": [1, A, 1, COMMUNE], "position": list(pseudo)})
    merged["vv"] = dump({A: 1, pseudo[1]: 1})
    merged["rev"] = rev_of(merged)
    who = parties(tree(), "people", base)
    assert merge("people", base, merged, who, refusing_judge) == Merged(merged, "updated", [])
    # the same stamp from a unit with no part in the record is judged like any write
    foreign = dict(merged)
    stranger = (1, PSEUDO + "0123456789abcde", 1, OTHER)
    foreign["stamps"] = dump({"": [1, A, 1, COMMUNE], "position": list(stranger)})
    foreign["rev"] = rev_of(foreign)
    got = merge("people", base, foreign, who, judge_for("people", who))
    assert got.outcome == "merged"
    assert [(e.field, e.kind, e.code, e.other_from) for e in got.events] == [
        ("position", "refused", "no_authority", "incoming")]


def test_one_stamp_with_two_values_is_a_reused_revision_kept_by_value_order():
    base = created(COMMUNE, A, 1, COMMUNE, full_name="Lý Thị Mai", position="Giáo viên")
    x = edited(base, A, 2, COMMUNE, "2026-01-02T08:00:00", position="Hiệu phó")
    y = edited(base, A, 2, COMMUNE, "2026-01-02T08:00:00", position="Giáo vụ")  # a restored copy, same counter
    who = parties(tree(), "people", base)
    s = (2, A, 2, COMMUNE)
    # "Hiệu phó" > "Giáo vụ" as JSON text: it is kept on both sides
    held_x, held_y = both_ways("people", x, y, who, refusing_judge)
    assert held_x == Merged(None, "stale", [FieldEvent("position", "reuse", "Hiệu phó", s, "Giáo vụ", s, "incoming",
                                                       "reuse", "")])
    assert held_y == Merged(x, "updated", [FieldEvent("position", "reuse", "Hiệu phó", s, "Giáo vụ", s, "held",
                                                      "reuse", "")])


def test_numbers_written_3_and_3_0_are_the_same_value():
    base = created(SCHOOL, A, 1, SCHOOL, full_name="Lý Thị Mai", score=1)
    x = edited(base, A, 2, SCHOOL, "2026-01-02T08:00:00", score=3)
    y = edited(base, B, 2, COMMUNE, "2026-01-02T08:00:00", score=3.0)
    who = parties(tree(), "people", base)
    got = merge("people", x, y, who, refusing_judge)
    assert got.events == []
    assert got.row is not None and parse_stamps(got.row["stamps"])["score"] == [2, B, 2, COMMUNE]
    z = edited(base, B, 2, COMMUNE, "2026-01-02T08:00:00", score=4)
    got = merge("people", x, z, who, refusing_judge)
    assert [(e.kind, e.kept_value, e.other_value) for e in got.events] == [("collision", 4, 3)]


# --------------------------------------------------------------------------- two edits of one field


def test_two_edits_of_one_field_by_writers_of_equal_rank_the_higher_stamp_wins_on_both_sides():
    base = created(SCHOOL, A, 1, SCHOOL, full_name="Lý Thị Mai", position="Giáo viên")
    school = edited(base, A, 2, SCHOOL, "2026-01-02T08:00:00", position="Hiệu phó")
    commune = edited(base, B, 2, COMMUNE, "2026-01-02T07:00:00", position="Tổng phụ trách")
    who = parties(tree(), "people", base)
    sa, sb = (2, A, 2, SCHOOL), (2, B, 2, COMMUNE)
    reason = "cùng một trường được sửa ở hai nơi"
    want = expected_merge(school, commune, {"position": "Tổng phụ trách"},
                          {"": [1, A, 1, SCHOOL], "position": list(sb)}, {})
    assert want == {**commune, "vv": dump({A: 2, B: 2}), "rev": want["rev"], "base_rev": None,
                    "updated_at": "2026-01-02T08:00:00"}
    one, other = both_ways("people", school, commune, who)
    assert one == Merged(want, "merged", [FieldEvent("position", "collision", "Tổng phụ trách", sb, "Hiệu phó", sa,
                                                      "held", "collision", reason)])
    assert other == Merged(want, "merged", [FieldEvent("position", "collision", "Tổng phụ trách", sb, "Hiệu phó", sa,
                                                        "incoming", "collision", reason)])


def test_two_equal_edits_of_one_field_are_no_conflict_and_keep_the_higher_stamp():
    base = created(SCHOOL, A, 1, SCHOOL, full_name="Lý Thị Mai", position="Giáo viên", phone=None)
    school = edited(base, A, 3, SCHOOL, "2026-01-02T08:00:00", position="Hiệu phó", phone="0901")
    commune = edited(base, B, 2, COMMUNE, "2026-01-02T07:00:00", position="Hiệu phó")
    who = parties(tree(), "people", base)
    want = expected_merge(school, commune, {},
                          {"": [1, A, 1, SCHOOL], "position": [2, B, 2, COMMUNE], "phone": [2, A, 3, SCHOOL]}, {})
    one, other = both_ways("people", school, commune, who)
    assert one == other == Merged(want, "merged", [])


def test_two_edits_of_one_field_the_writer_without_authority_loses_even_with_a_higher_stamp():
    base = created(COMMUNE, A, 1, COMMUNE, full_name="Lý Thị Mai", position="Giáo viên")
    owner = edited(base, A, 2, COMMUNE, "2026-01-02T08:00:00", position="Hiệu phó")
    upper = edited(base, C, 9, PROVINCE, "2026-01-02T09:00:00", position="Chủ tịch")
    who = parties(tree(), "people", base)
    sa, sc = (2, A, 2, COMMUNE), (2, C, 9, PROVINCE)
    reason = "đơn vị 92 không có quyền sửa trường này"
    want = expected_merge(owner, upper, {"position": "Hiệu phó"}, {"": [1, A, 1, COMMUNE], "position": list(sa)}, {})
    one, other = both_ways("people", owner, upper, who)
    assert one == Merged(want, "merged", [FieldEvent("position", "refused", "Hiệu phó", sa, "Chủ tịch", sc,
                                                      "incoming", "no_authority", reason)])
    assert other == Merged(want, "merged", [FieldEvent("position", "refused", "Hiệu phó", sa, "Chủ tịch", sc,
                                                        "held", "no_authority", reason)])


def test_a_tombstone_against_an_edit_is_decided_like_any_field_both_ways():
    base = created(SCHOOL, A, 1, SCHOOL, full_name="Lý Thị Mai", position="Giáo viên")
    deleted = edited(base, B, 2, COMMUNE, "2026-01-02T08:00:00", deleted=1)
    kept = edited(base, A, 2, SCHOOL, "2026-01-02T09:00:00", position="Hiệu phó")
    who = parties(tree(), "people", base)
    one, other = both_ways("people", deleted, kept, who)
    assert one.row == other.row
    assert one.row is not None and one.row["deleted"] == 1 and one.row["position"] == "Hiệu phó"
    assert one.events == other.events == []
    # the same edit the other way round: the tombstone written at A, the edit at B
    deleted2 = edited(base, A, 2, SCHOOL, "2026-01-02T08:00:00", deleted=1)
    kept2 = edited(base, B, 2, COMMUNE, "2026-01-02T09:00:00", deleted=0, position="Hiệu phó")
    one, other = both_ways("people", deleted2, kept2, who)
    assert one.row == other.row and one.row is not None
    # (2, inst-b, …) is above (2, inst-a, …): the restore wins, the deletion waits for review
    assert one.row["deleted"] == 0 and one.row["position"] == "Hiệu phó"
    assert [(e.field, e.kind, e.kept_value, e.other_value, e.other_from) for e in one.events] == [
        ("deleted", "collision", 0, 1, "held")]
    assert [(e.field, e.kind, e.kept_value, e.other_value, e.other_from) for e in other.events] == [
        ("deleted", "collision", 0, 1, "incoming")]


# --------------------------------------------------------------------------- appraised nominations


def nomination(status: str = "submitted", title: str = "BANG_KHEN_TINH", **kw: Any) -> Row:
    """A nomination with its columns in the table's order: the content before the status."""
    return created(COMMUNE, A, 1, COMMUNE, subject_id="p-1", title_code=title, campaign_id=kw.pop("campaign_id", None),
                   year=2025, achievement="Ban đầu", **kw, status=status, status_reason=None, appraisal_note=None)


def test_the_appraising_office_wins_a_status_written_at_both_places():
    base = nomination()
    who = parties(tree(), "nominations", base)
    assert who == Parties(COMMUNE, frozenset({COMMUNE}), PROVINCE)
    withdrawn = edited(base, A, 2, COMMUNE, "2026-02-01T08:00:00", status="draft")
    received = edited(base, B, 2, PROVINCE, "2026-02-01T07:00:00", status="received")
    sa, sb = (2, A, 2, COMMUNE), (2, B, 2, PROVINCE)
    want = expected_merge(withdrawn, received, {"status": "received"},
                          {"": [1, A, 1, COMMUNE], "status": list(sb)}, {})
    reason = "cùng một trường được sửa ở hai nơi"
    one, other = both_ways("nominations", withdrawn, received, who)
    assert one == Merged(want, "merged", [FieldEvent("status", "collision", "received", sb, "draft", sa, "held",
                                                      "collision", reason)])
    assert other.row == want and other.events[0].other_from == "incoming"


def test_an_owner_edit_the_decision_had_not_seen_is_locked_on_both_sides():
    base = nomination()
    who = parties(tree(), "nominations", base)
    owner = edited(base, A, 2, COMMUNE, "2026-02-01T08:00:00", achievement="Sửa sau khi gửi")
    office = edited(base, B, 2, PROVINCE, "2026-02-01T07:00:00", status="approved")
    lock = pseudo_stamp((1, A, 1, COMMUNE), (2, B, 2, PROVINCE), PROVINCE)
    reason = ("đề nghị đã được 92 xử lý (trạng thái “approved”) trước khi nhận được thay đổi này của đơn vị 31147; "
              "hãy đề nghị 92 trả lại hồ sơ nếu cần sửa")
    want = expected_merge(office, owner, {"status": "approved", "achievement": "Ban đầu"},
                          {"": [1, A, 1, COMMUNE], "status": [2, B, 2, PROVINCE], "achievement": list(lock)},
                          {lock[1]: 1})
    one, other = both_ways("nominations", office, owner, who)
    assert one == Merged(want, "merged", [FieldEvent("achievement", "locked", "Ban đầu", lock, "Sửa sau khi gửi",
                                                      (2, A, 2, COMMUNE), "incoming", "locked", reason)])
    assert other == Merged(want, "merged", [FieldEvent("achievement", "locked", "Ban đầu", lock, "Sửa sau khi gửi",
                                                        (2, A, 2, COMMUNE), "held", "locked", reason)])


@pytest.mark.parametrize("status", ["appraised", "approved", "rejected", "decided"])
def test_every_closed_status_locks_and_an_open_one_does_not(status):
    base = nomination()
    who = parties(tree(), "nominations", base)
    owner = edited(base, A, 2, COMMUNE, "2026-02-01T08:00:00", achievement="Sửa")
    office = edited(base, B, 2, PROVINCE, "2026-02-01T07:00:00", status=status)
    got = merge("nominations", office, owner, who, judge_for("nominations", who))
    assert got.row is not None and got.row["achievement"] == "Ban đầu"
    assert [(e.field, e.kind) for e in got.events] == [("achievement", "locked")]
    opened = edited(base, B, 2, PROVINCE, "2026-02-01T07:00:00", status="received")
    got = merge("nominations", opened, owner, who, judge_for("nominations", who))
    assert got.row is not None and got.row["achievement"] == "Sửa" and got.events == []


def test_an_owner_edit_the_decision_had_seen_stays():
    base = nomination()
    who = parties(tree(), "nominations", base)
    owner = edited(base, A, 2, COMMUNE, "2026-02-01T08:00:00", achievement="Sửa trước khi duyệt")
    office = edited(owner, B, 3, PROVINCE, "2026-02-02T07:00:00", status="approved")
    office = {**office, "vv": dump({A: 2, B: 3})}
    office["rev"] = rev_of(office)
    assert merge("nominations", owner, office, who, judge_for("nominations", who)) == Merged(office, "updated", [])
    assert merge("nominations", office, owner, who, refusing_judge) == Merged(None, "stale", [])


def test_a_commune_deciding_the_title_itself_locks_nothing():
    # LDTT is decided by the commune itself: no separate appraiser, the owner's edit stays
    own = nomination(title="LDTT")
    who_own = parties(tree(), "nominations", own)
    assert who_own == Parties(COMMUNE, frozenset({COMMUNE}), COMMUNE)
    approved = edited(own, A, 2, COMMUNE, "2026-02-01T07:00:00", status="approved")
    fix = edited(own, C, 2, COMMUNE, "2026-02-01T08:00:00", achievement="Sửa")
    got = merge("nominations", approved, fix, who_own, judge_for("nominations", who_own))
    assert got.row is not None and got.row["achievement"] == "Sửa" and got.row["status"] == "approved"
    assert got.events == []


def test_a_lock_kept_at_the_office_stands_against_a_later_concurrent_owner_edit():
    base = nomination()
    who = parties(tree(), "nominations", base)
    owner = edited(base, A, 2, COMMUNE, "2026-02-01T08:00:00", achievement="Sửa")
    office = edited(base, B, 2, PROVINCE, "2026-02-01T07:00:00", status="approved")
    locked = merge("nominations", office, owner, who, judge_for("nominations", who)).row
    assert locked is not None
    # the owner, not having received the lock yet, edits once more
    owner2 = edited(owner, A, 3, COMMUNE, "2026-02-03T08:00:00", achievement="Sửa lần hai")
    got = merge("nominations", locked, owner2, who, judge_for("nominations", who))
    assert got.row is not None and got.row["achievement"] == "Ban đầu" and got.row["status"] == "approved"
    lock = parse_stamps(locked["stamps"])["achievement"]
    reason = ("đề nghị đã được 92 xử lý (trạng thái “approved”) trước khi nhận được thay đổi này của đơn vị 31147; "
              "hãy đề nghị 92 trả lại hồ sơ nếu cần sửa")
    # the office's undoing (a merge's stamp in its name) outranks the owner's concurrent edit
    assert got.events == [FieldEvent("achievement", "locked", "Ban đầu", tuple(lock), "Sửa lần hai",
                                     (3, A, 3, COMMUNE), "incoming", "locked", reason)]
    assert parse_stamps(got.row["stamps"])["achievement"] == lock
    again = merge("nominations", owner2, locked, who, judge_for("nominations", who))
    assert again.row == got.row


def test_an_owner_edit_made_after_the_approval_arrived_is_undone():
    base = nomination()
    who = parties(tree(), "nominations", base)
    office = edited(base, B, 2, PROVINCE, "2026-02-01T07:00:00", status="approved")
    # a modified program at the ward: it took the approval, then edited the decided nomination
    late = edited(office, A, 2, COMMUNE, "2026-02-02T08:00:00", achievement="Sửa sau khi duyệt")
    assert parse_vv(late["vv"]) == {A: 2, B: 2}
    got = merge("nominations", office, late, who, judge_for("nominations", who))
    lock = pseudo_stamp((1, A, 1, COMMUNE), (2, B, 2, PROVINCE), PROVINCE)
    assert got.row is not None and got.row["achievement"] == "Ban đầu" and got.row["status"] == "approved"
    assert [(e.field, e.kind, e.kept_stamp, e.other_value, e.other_from) for e in got.events] == [
        ("achievement", "locked", lock, "Sửa sau khi duyệt", "incoming")]


def test_the_lock_stamp_is_made_from_the_decided_version_of_the_field():
    base = nomination()
    who = parties(tree(), "nominations", base)
    before = edited(base, A, 2, COMMUNE, "2026-01-20T08:00:00", achievement="Bản gửi")
    office = edited(before, B, 3, PROVINCE, "2026-02-01T07:00:00", status="approved")
    owner = edited(before, A, 4, COMMUNE, "2026-02-01T08:00:00", achievement="Sửa sau khi gửi")
    got = merge("nominations", office, owner, who, judge_for("nominations", who))
    lock = pseudo_stamp((2, A, 2, COMMUNE), (3, B, 3, PROVINCE), PROVINCE)
    assert got.row is not None and got.row["achievement"] == "Bản gửi"
    assert parse_stamps(got.row["stamps"])["achievement"] == list(lock)
    assert parse_vv(got.row["vv"]) == {A: 4, B: 3, lock[1]: 1}


def test_a_relinked_campaign_does_not_open_the_other_fields():
    base = nomination(campaign_id="copy-1")
    who = parties(tree(), "nominations", base)
    office = edited(base, B, 2, PROVINCE, "2026-02-01T07:00:00", status="approved")
    owner = edited(base, A, 2, COMMUNE, "2026-02-01T08:00:00", campaign_id="genuine-1", achievement="Sửa")
    got = merge("nominations", office, owner, who, judge_for("nominations", who), {"copy-1": "genuine-1"})
    assert got.row is not None and (got.row["campaign_id"], got.row["achievement"]) == ("genuine-1", "Ban đầu")
    assert [(e.field, e.kind) for e in got.events] == [("achievement", "locked")]


def test_an_installation_seen_at_clock_0_stays_at_0():
    base = created(SCHOOL, A, 1, SCHOOL, full_name="Lý Thị Mai", phone=None, email=None)
    here = edited(base, A, 2, SCHOOL, "2026-01-02T08:00:00", phone="0901")
    there = edited(base, B, 3, COMMUNE, "2026-01-02T09:00:00", email="m@x.vn")
    there = {**there, "vv": dump({A: 1, B: 3, C: 0})}
    there["rev"] = rev_of(there)
    who = parties(tree(), "people", base)
    got = merge("people", here, there, who, judge_for("people", who))
    assert got.row is not None and parse_vv(got.row["vv"]) == {A: 2, B: 3, C: 0}


def test_relinking_a_decided_nomination_to_the_genuine_campaign_is_not_locked():
    base = nomination(campaign_id="copy-1")
    who = parties(tree(), "nominations", base)
    office = edited(base, B, 2, PROVINCE, "2026-02-01T07:00:00", status="approved")
    owner = edited(base, A, 2, COMMUNE, "2026-02-01T08:00:00", campaign_id="genuine-1")
    got = merge("nominations", office, owner, who, judge_for("nominations", who), {"copy-1": "genuine-1"})
    assert got.row is not None and got.row["campaign_id"] == "genuine-1" and got.events == []
    got = merge("nominations", office, owner, who, judge_for("nominations", who), {"copy-1": "other"})
    assert got.row is not None and got.row["campaign_id"] == "copy-1"
    assert [(e.field, e.kind) for e in got.events] == [("campaign_id", "locked")]
    got = merge("nominations", office, owner, who, judge_for("nominations", who))
    assert got.row is not None and got.row["campaign_id"] == "copy-1"


# --------------------------------------------------------------------------- small functions


def test_covers_all_at_below_and_above_each_entry():
    assert covers_all({A: 2, B: 1}, {A: 2, B: 1})
    assert covers_all({A: 3, B: 1}, {A: 2})
    assert not covers_all({A: 1, B: 5}, {A: 2})
    assert not covers_all({B: 5}, {A: 1})
    assert covers_all({}, {})
    assert covers_all({A: 0}, {A: 0, B: 0})


def test_pseudo_stamp_is_made_from_the_kept_write_and_its_cause_only():
    kept = (3, A, 4, COMMUNE)
    cause = (5, B, 1, PROVINCE)
    p = pseudo_stamp(kept, cause, PROVINCE)
    text = json.dumps([list(kept), list(cause)], sort_keys=True, default=str, ensure_ascii=False)
    assert p == (5, PSEUDO + hashlib.sha256(text.encode()).hexdigest()[:15], 1, PROVINCE)
    assert pseudo_stamp(kept, "refused", COMMUNE)[0] == 3
    assert pseudo_stamp((7, A, 1, COMMUNE), cause, COMMUNE)[0] == 7
    assert pseudo_stamp(None, None, COMMUNE)[0] == 1
    assert pseudo_stamp(None, "refused", COMMUNE)[1] != pseudo_stamp(kept, "refused", COMMUNE)[1]
    assert pseudo_stamp(kept, "refused", COMMUNE)[1] == pseudo_stamp(kept, "refused", PROVINCE)[1]


# --------------------------------------------------------------------------- the last survivors pinned


LOCK_REASON = ("đề nghị đã được 92 xử lý (trạng thái “approved”) trước khi nhận được thay đổi này của đơn vị "
               "31147; hãy đề nghị 92 trả lại hồ sơ nếu cần sửa")


def test_a_value_kept_against_a_refused_write_is_restamped_in_the_name_of_its_writer():
    """The office's reason stands against the ward's attempt to change it: the merge's stamp of the kept value
    names the office that wrote it (not the record's owner), so the office's reason keeps its precedence."""
    base = nomination()
    who = parties(tree(), "nominations", base)
    office = edited(base, B, 2, PROVINCE, "2026-02-01T07:00:00", status="received", status_reason="Bổ sung hồ sơ")
    ward = edited(office, A, 2, COMMUNE, "2026-02-02T08:00:00", status_reason="Đã bổ sung")
    got = merge("nominations", office, ward, who, judge_for("nominations", who))
    kept = pseudo_stamp((2, B, 2, PROVINCE), "refused", PROVINCE)
    assert got.row is not None and got.row["status_reason"] == "Bổ sung hồ sơ"
    assert parse_stamps(got.row["stamps"])["status_reason"] == list(kept)
    assert [(e.field, e.kind, e.kept_stamp, e.other_from) for e in got.events] == [
        ("status_reason", "refused", (2, B, 2, PROVINCE), "incoming")]


def _locked_then(field: str, first: Any, second: Any) -> tuple[Parties, Row, Row, list[Any]]:
    """The office approved; the ward's concurrent edit of ``field`` was undone in the office's name (locked);
    returns (parties, the locked version, the ward's next concurrent edit, the lock stamp)."""
    base = nomination()
    who = parties(tree(), "nominations", base)
    owner = edited(base, A, 2, COMMUNE, "2026-02-01T08:00:00", **{field: first})
    office = edited(base, B, 2, PROVINCE, "2026-02-01T07:00:00", status="approved")
    locked = merge("nominations", office, owner, who, judge_for("nominations", who)).row
    assert locked is not None and locked[field] == base[field]
    owner2 = edited(owner, A, 3, COMMUNE, "2026-02-03T08:00:00", **{field: second})
    return who, locked, owner2, parse_stamps(locked["stamps"])[field]


def test_the_lock_of_the_first_field_stands_too():
    """The status is judged first whatever the order of the columns, so that the lock holds for the first
    field as for the others."""
    who, locked, owner2, lock = _locked_then("subject_id", "p-2", "p-3")
    got = merge("nominations", locked, owner2, who, judge_for("nominations", who))
    assert got.row is not None and got.row["subject_id"] == "p-1" and got.row["status"] == "approved"
    assert got.events == [FieldEvent("subject_id", "locked", "p-1", tuple(lock), "p-3", (3, A, 3, COMMUNE),
                                     "incoming", "locked", LOCK_REASON)]
    assert parse_stamps(got.row["stamps"])["subject_id"] == lock


def test_a_returned_nomination_is_open_again_to_the_wards_edits():
    """Returned to the ward, the nomination is no longer locked: the office's earlier undoing no longer
    outranks the ward's edit, which is applied."""
    who, locked, owner2, _lock = _locked_then("achievement", "Sửa", "Sửa lần hai")
    returned = edited(locked, B, 5, PROVINCE, "2026-02-04T07:00:00", status="returned")
    got = merge("nominations", returned, owner2, who, judge_for("nominations", who))
    assert got.row is not None and (got.row["achievement"], got.row["status"]) == ("Sửa lần hai", "returned")
    assert parse_stamps(got.row["stamps"])["achievement"] == [3, A, 3, COMMUNE]
    assert [(e.field, e.kind, e.code) for e in got.events] == [("achievement", "refused", "no_authority")]


def test_a_lock_made_at_the_office_is_kept_when_another_office_computer_decides():
    """The office's undoing of the ward's late edit (a merge's stamp in the office's name) is kept as it is when
    a decision made on another of the office's computers, which had not seen that undoing, arrives: the value is
    the same, so it is not undone a second time under a new stamp."""
    base = nomination()
    who = parties(tree(), "nominations", base)
    owner = edited(base, A, 2, COMMUNE, "2026-02-01T08:00:00", achievement="Sửa")
    office = edited(base, B, 2, PROVINCE, "2026-02-01T07:00:00", status="approved")
    locked = merge("nominations", office, owner, who, judge_for("nominations", who)).row
    assert locked is not None
    lock = parse_stamps(locked["stamps"])["achievement"]
    decided = edited(office, C, 3, PROVINCE, "2026-02-05T07:00:00", status="decided")
    got = merge("nominations", locked, decided, who, judge_for("nominations", who))
    assert got.row is not None and (got.row["status"], got.row["achievement"]) == ("decided", "Ban đầu")
    assert parse_stamps(got.row["stamps"])["achievement"] == lock
    assert parse_stamps(got.row["stamps"])["status"] == [3, C, 3, PROVINCE]
    assert got.events == []
