"""Table models without widgets: ids, lazy rows, Vietnamese sort, tone-insensitive filter."""

from __future__ import annotations

from pathlib import Path

from tdkt_desktop.core.text import person_sort_key
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
    import pytest

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
