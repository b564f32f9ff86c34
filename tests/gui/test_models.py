"""Table models without widgets: ids, lazy rows, Vietnamese sort, tone-insensitive filter."""

from __future__ import annotations

from pathlib import Path

import pytest

from tdkt_desktop.core.text import format_number, person_sort_key
from tdkt_desktop.gui.models import BLOCK, RecordTableModel, columns
from tdkt_desktop.gui.qt import Qt
from tdkt_desktop.store.db import open_store
from tdkt_desktop.store.listing import ListQuery
from tdkt_desktop.store.naming import naming_of

NAMES = ["Nguyễn Văn Ân", "Đào Thị Ánh", "Lê An", "Trần Bình", "Phạm Thị Ấn", "Hồ Đức", "Vũ Dũng", "Ngô Anh",
         "Bùi Ân", "Đinh Ạn", "Lê Thị Ơn", "Lý Ôn", "Mai Ổn", "Đặng Đào", "Dương Dao"]


def _people(db_path: Path) -> None:
    with open_store(db_path) as store:
        for name in NAMES:
            store.insert("people", {"full_name": name, "position": "Cán bộ"})


def test_sort_people_in_vietnamese_order(app, db_path: Path) -> None:
    _people(db_path)
    with open_store(db_path) as reader:
        model = RecordTableModel(reader, "people", columns("people", "full_name", "birth_date", person=["full_name"]))
        model.reload()
        shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
        assert shown == sorted(NAMES, key=person_sort_key)
        # given names first: An, Anh, Ạn?, Ân, Ấn … then B, D, Đ
        assert shown[:2] == ["Lê An", "Đinh Ạn"]
        assert shown.index("Vũ Dũng") < shown.index("Hồ Đức")
        model.sort(0, Qt.SortOrder.DescendingOrder)
        assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == shown[::-1]
        assert model.headerData(0, Qt.Orientation.Horizontal) == "Họ và tên"


def test_filter_without_tones(app, db_path: Path) -> None:
    _people(db_path)
    with open_store(db_path) as reader:
        model = RecordTableModel(reader, "people", columns("people", "full_name", person=["full_name"]))
        model.reload()
        assert model.rowCount() == len(NAMES)
        model.set_search("dao")
        names = {model.data(model.index(r, 0)) for r in range(model.rowCount())}
        assert names == {"Đào Thị Ánh", "Đặng Đào", "Dương Dao"}
        model.set_search("NGUYEN van")
        assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["Nguyễn Văn Ân"]
        model.set_search("")
        assert model.rowCount() == len(NAMES)


def test_filter_on_a_table_without_index_and_a_field_filter(app, db_path: Path) -> None:
    with open_store(db_path) as store:
        for i, name in enumerate(["Trường Tiểu học Tân Phú", "Trạm Y tế", "Tổ dân phố 3"]):
            store.insert("registrations", {"year": 2025 + i % 2, "subject_kind": "collective", "subject_id": f"x{i}",
                                           "subject_name": name, "title_code": "TLDTT"})
    with open_store(db_path) as reader:
        model = RecordTableModel(reader, "registrations", columns("registrations", "subject_name", "year", "title_code",
                                                                  naming=naming_of(reader)))
        model.reload()
        assert model.rowCount() == 3
        model.set_search("truong tieu hoc")
        assert model.rowCount() == 1
        assert model.data(model.index(0, 2)) == "Tập thể lao động tiên tiến"
        model.set_search("")
        model.set_filter({"year": 2026})
        assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["Trạm Y tế"]


def test_rows_are_fetched_in_blocks_and_deleted_rows_leave(app, db_path: Path) -> None:
    with open_store(db_path) as store:
        with store.atomic():
            ids = [store.insert("households", {"head_name": f"Hộ {i:04d}", "members_count": i})["id"] for i in range(450)]
        store.delete("households", ids[0])
    with open_store(db_path) as reader:
        model = RecordTableModel(reader, "households", columns("households", "head_name", "members_count"))
        model.reload()
        assert model.rowCount() == 449
        assert model._blocks == {}
        assert model.data(model.index(448, 1)) == "449"
        assert list(model._blocks) == [448 // BLOCK]
        assert model.data(model.index(448, 1), Qt.ItemDataRole.TextAlignmentRole)
        model.sort(1, Qt.SortOrder.DescendingOrder)
        assert model.data(model.index(0, 1)) == "449"
        assert model.record(0)["head_name"] == "Hộ 0449"
        assert model.row_of(ids[449]) == 0


def test_ref_columns_show_names(app, db_path: Path) -> None:
    with open_store(db_path) as store:
        camp = store.insert("campaigns", {"name": "Thi đua yêu nước", "campaign_type": "regular"})
        store.insert("participations", {"campaign_id": camp["id"], "period": "2025", "unit_code": "27031",
                                         "people_count": 1200})
    with open_store(db_path) as reader:
        model = RecordTableModel(reader, "participations", columns("participations", "campaign_id", "unit_code", "people_count"))
        model.reload()
        assert model.data(model.index(0, 0)) == "Thi đua yêu nước"
        assert model.data(model.index(0, 1)) == "Phường Tân Phú"
        assert model.data(model.index(0, 2)) == "1.200"


def test_a_list_query_refuses_names_that_are_not_fields(app, db_path: Path) -> None:
    for bad in ({"sort_field": "year; DROP TABLE people"}, {"filters": {"1 = 1 OR year": 2025}},
                {"search_fields": ("x",)}, {"refs": {"nope": "units"}}):
        with pytest.raises(ValueError, match="no field"):
            ListQuery("people", **bad)
    with pytest.raises(ValueError, match="sort kind"):
        ListQuery("people", sort_field="full_name", sort_kind="random")


def test_a_long_list_shows_its_first_page_from_the_index_then_appends_the_rest(app, qtbot, db_path: Path) -> None:
    """Opened, the list shows its first page before the whole list is computed; the rest is appended (rows
    inserted, not a reset), ``loaded`` once; after an edit the same list is reloaded whole, never cut back to
    its first page (the place the person scrolled to stays)."""
    from tdkt_desktop.gui.background import Jobs
    from tdkt_desktop.gui.models import FIRST_PAGE

    count = FIRST_PAGE * 2 + 37
    with open_store(db_path) as store, store.atomic():
        for i in range(count):
            store.insert("people", {"full_name": f"{NAMES[i % len(NAMES)]} {i:04d}"})
    with open_store(db_path) as reader:
        jobs = Jobs(db_path)
        model = RecordTableModel(reader, "people", columns("people", "full_name", person=["full_name"]), jobs=jobs)
        seen: list[tuple[str, int]] = []
        model.modelReset.connect(lambda: seen.append(("reset", model.rowCount())))
        model.rowsInserted.connect(lambda *_: seen.append(("inserted", model.rowCount())))
        model.loaded.connect(lambda: seen.append(("loaded", model.rowCount())))
        total = reader.count("people")
        with qtbot.waitSignal(model.loaded, timeout=20_000):
            model.reload()
        assert seen == [("reset", FIRST_PAGE), ("inserted", total), ("loaded", total)]
        expected = model.query.ids(reader)
        assert model.ids() == expected and expected[:FIRST_PAGE] == model.query.ids(reader, limit=FIRST_PAGE)
        shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
        assert shown == sorted(shown, key=person_sort_key)

        seen.clear()  # an edit elsewhere: the same list reloaded whole
        with open_store(db_path) as writer:
            writer.insert("people", {"full_name": "Ông Mới Thêm"})
        with qtbot.waitSignal(model.loaded, timeout=20_000):
            jobs.data_changed.emit("people")
        assert [kind for kind, _ in seen] == ["reset", "loaded"] and seen[0][1] == total + 1

        seen.clear()  # sorted the other way: a new list, its first page first again
        with qtbot.waitSignal(model.loaded, timeout=20_000):
            model.sort(0, Qt.SortOrder.DescendingOrder)
        assert seen == [("reset", FIRST_PAGE), ("inserted", total + 1), ("loaded", total + 1)]
        assert model.ids() == model.query.ids(reader)
        with qtbot.waitSignal(model.loaded, timeout=20_000):
            model.set_search("ong moi")  # a short list: whole at once
        assert seen[-2:] == [("reset", 1), ("loaded", 1)]
        jobs.wait_idle()


def test_the_first_page_of_a_list_is_the_beginning_of_the_whole_list(app, db_path: Path) -> None:
    """``ListQuery.ids(limit=N)`` is ``ids()[:N]`` for every kind of sort and search."""
    with open_store(db_path) as store, store.atomic():
        for i in range(120):
            store.insert("people", {"full_name": f"{NAMES[i % len(NAMES)]}", "position": ["Cán bộ", None][i % 2],
                                    "birth_date": f"19{60 + i % 40}-01-0{1 + i % 9}"})
    with open_store(db_path) as reader:
        for sort_field, kind in (("full_name", "person"), ("birth_date", "sql"), ("position", "text"), (None, "")):
            for descending in (False, True):
                for search in ("", "an", "nguyen van an", "khong co ai"):
                    q = ListQuery("people", sort_field=sort_field, sort_kind=kind, descending=descending,
                                  search=search, search_fields=("full_name",))
                    whole = q.ids(reader)
                    for limit in (0, 1, 7, len(whole), len(whole) + 5):
                        assert q.ids(reader, limit=limit) == whole[:limit], (sort_field, descending, search, limit)


def test_the_first_paint_reads_nothing_on_the_gui_thread(app, qtbot, db_path: Path) -> None:
    """The model's first job reads the first block of rows with the ids, on the worker: the first screen is
    painted from them, with no query on the GUI thread's store; a row past the first block is read when shown;
    an edit reloads the list and its first block again."""
    from tdkt_desktop.gui.background import Jobs

    with open_store(db_path) as store, store.atomic():
        for i in range(BLOCK * 3):
            store.insert("households", {"head_name": f"Hộ {i:04d}", "members_count": i})
    with open_store(db_path) as reader:
        jobs = Jobs(db_path)
        model = RecordTableModel(reader, "households", columns("households", "head_name", "members_count"),
                                 jobs=jobs)
        reads: list[int] = []
        fetch = model.query.fetch
        model.query.fetch = lambda store, ids: reads.append(len(ids)) or fetch(store, ids)  # type: ignore[method-assign]
        with qtbot.waitSignal(model.loaded, timeout=20_000):
            model.reload()
        assert model.rowCount() == BLOCK * 3
        assert [model.data(model.index(r, 0)) for r in range(BLOCK)] == [f"Hộ {i:04d}" for i in range(BLOCK)]
        assert reads == []  # the first block came with the ids
        assert model.data(model.index(BLOCK, 1)) == format_number(BLOCK)
        assert reads == [BLOCK]
        with open_store(db_path) as writer:
            first = writer.rows("households", where="head_name = ?", params=["Hộ 0000"])[0]
            writer.update("households", first["id"], {"head_name": "Hộ 0000 (đã sửa)"})
        with qtbot.waitSignal(model.loaded, timeout=20_000):
            jobs.data_changed.emit("households")
        assert model.data(model.index(0, 0)) == "Hộ 0000 (đã sửa)" and reads == [BLOCK]
        jobs.wait_idle()


def test_list_rows_hold_the_fields_not_the_sync_bookkeeping(app, db_path: Path) -> None:
    """A list reads each record's id, owning unit and fields: never its versions, stamps or sequence numbers."""
    from tdkt_desktop.store import fields as F

    with open_store(db_path) as store:
        made = store.insert("people", {"full_name": "Nguyễn Văn Ân", "position": "Cán bộ"})
        query = ListQuery("people")
        row = query.fetch(store, [made["id"]])[made["id"]]
    assert set(row) == {"id", "owner_unit", *(f.name for f in F.KINDS["people"].fields)}
    assert row["full_name"] == "Nguyễn Văn Ân" and row["owner_unit"] == made["owner_unit"]
    assert not {"rev", "vv", "stamps", "clock", "local_seq", "sort_key"} & set(row)


def test_each_kind_of_field_is_shown_as_before(app) -> None:
    """``display_value`` (one formatter per field, chosen once) for every kind of field, empty values included."""
    from tdkt_desktop.core.naming import Naming
    from tdkt_desktop.gui.models import display_value, formatter
    from tdkt_desktop.store import fields as F

    def field(table: str, name: str) -> F.Field:
        return F.KINDS[table].field(name)

    naming = Naming()
    level = field("units", "level")
    assert level.enum is not None
    first = next(iter(level.enum))
    cases = [
        (field("people", "birth_date"), "2026-03-05", "05/03/2026"),
        (field("people", "birth_date"), "không rõ", "không rõ"),
        (field("targets", "value"), 7.5, "7,5"),
        (field("officials", "sort_order"), 1200, "1.200"),
        (field("officials", "sort_order"), 0, "0"),
        (field("award_history", "year"), 2026, "2026"),
        (level, first.value, first.label),
        (level, "khong-co", "khong-co"),
        (field("target_results", "period"), "2025-H1", "6 tháng đầu năm 2025"),
        (field("target_results", "period"), "2025", "Năm 2025"),
        (field("ratings", "under_review"), 1, "Có"),
        (field("ratings", "under_review"), 0, ""),
        (field("campaigns", "content_json"), '{"a": 1}', ""),
        (field("units", "code"), "27031", "27031"),
        (field("units", "notes"), 12, "12"),
    ]
    for f, value, shown in cases:
        assert display_value(f, value) == shown, (f.name, value)
        assert formatter(f)(value) == shown
        assert display_value(f, None) == "" and display_value(f, "") == ""
    title = field("award_history", "code")
    with pytest.raises(ValueError, match="naming"):
        formatter(title)
    assert display_value(title, "LDTT", naming) == naming.title("LDTT") == "Lao động tiên tiến"
