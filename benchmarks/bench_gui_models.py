"""The list model at scale: 200 000 nominations. Opening, sorting and filtering the model, against bare Qt and SQL.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_models.py [--size 200000] [--workdir DIR]

``run(size)`` gives the rows of ``benchmarks/common.py`` for ``benchmarks/run_all.py``; each figure is the best of
several runs, as is its baseline. The model's "open" is what the screen does before its first rows are painted:
the model's first job (run on a worker in the application: the first page of ids from the list's ordered index
and the rows of the first block) and the texts of the first screen (40 rows × 4 columns); the whole id list
follows on the worker ("sort all ids"). Its baseline is the least any Qt list must do for the same screen: the
bare SQL of the first 40 rows in the list's order (names by the stored Vietnamese sort key and its index; a
search through the search index) and a bare ``QAbstractTableModel`` giving ``str()`` of those values for the
160 cells. The bare 40-row query alone is printed for reference. "Sort all ids" is compared with the bare SQL of
all ids in that order. Rows are inserted directly with SQL (sync columns and sort key filled, search index
rebuilt), not through Store.insert.
"""

from __future__ import annotations

import os
import random
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import common

from tdkt_desktop.gui.models import RecordTableModel, column, columns
from tdkt_desktop.gui.qt import Qt, QtCore
from tdkt_desktop.store import search, sortkeys
from tdkt_desktop.store.db import Store, now_iso, open_store
from tdkt_desktop.store.naming import naming_of

FAMILY = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Mai Trịnh".split()
MIDDLE = "Văn Thị Hữu Đức Minh Thanh Ngọc Quang Thu Xuân Hồng Kim Anh Bảo Gia Công".split()
GIVEN = ("An Ân Anh Ánh Bình Cường Dũng Đạt Đông Giang Hà Hải Hạnh Hiếu Hoa Hòa Hùng Hương Khánh Lan Linh Long "
         "Mai Minh Nam Nga Ngọc Nhung Oanh Phong Phúc Phương Quân Quyên Sơn Tâm Thảo Thắng Thủy Trang Trung Tú Tuấn "
         "Uyên Vân Việt Xuân Yến").split()
TITLES = ["LDTT", "CSTDCS", "GIAY_KHEN", "TLDTT", "BANG_KHEN_TINH"]
STATUSES = ["draft", "submitted", "approved", "decided"]
REPEAT = 20  # runs of each quick measure (the best is kept)


def generate(path: Path, rows: int) -> None:
    rng = random.Random(2025)
    with open_store(path) as store:
        store.set_meta("unit_code", "27031")
        install = store.install_id
        stamp = now_iso()
        data = []
        for i in range(rows):
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            year = 2016 + i % 10
            data.append((
                str(uuid.UUID(int=rng.getrandbits(128))), "27031", stamp, stamp, install, i + 1, 1,
                f"000001-{install}-{i + 1}", None, i + 1, 0,
                "person", f"p{i}", name, rng.choice(TITLES), "cong_trang", year, str(year),
                "Hoàn thành xuất sắc nhiệm vụ", rng.choice(STATUSES), "27031", sortkeys.key_of_value(name, "person"),
            ))
        with store.atomic():
            store.db.conn.executemany(
                "INSERT INTO nominations (id, owner_unit, created_at, updated_at, origin_install, clock, gen, rev,"
                " base_rev, local_seq, deleted, subject_kind, subject_id, subject_name, title_code, award_kind, year,"
                " period, achievement, status, unit_code, sort_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                data,
            )
            store.set_meta("clock", str(rows))
            store.set_meta("local_seq", str(rows))
            search.rebuild_search_index(store.db, naming_of(store))  # the same index the application keeps


def run(size: int = 200_000, workdir: Path | None = None) -> list[common.Row]:
    """Measure the list model over ``size`` nominations (generated in ``workdir``, kept there for the next run, or
    in a temporary folder) against bare Qt and SQL."""
    QtCore.QCoreApplication.instance() or QtCore.QCoreApplication([])
    path = database(size, workdir)
    reader = open_store(path, create=False)
    try:
        return _measure(reader)
    finally:
        reader.close()


def database(size: int, workdir: Path | None = None) -> Path:
    """A database of ``size`` generated nominations: the one kept in ``workdir`` or a new one."""
    folder = workdir or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"nominations-{size}.sqlite"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        generate(partial, size)
        partial.rename(path)
    return path


class _FirstJobOnly:
    """Stands for the application's background runner: keeps the jobs a model starts and runs the first."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.queue: list[tuple[Any, Any]] = []
        self.data_changed = _NoSignal()

    def run(self, work: Any, *, done: Any = None, **_: Any) -> None:
        self.queue.append((work, done))

    def run_first(self) -> None:
        work, done = self.queue.pop(0)
        result = work(self.store, None)
        if done is not None:
            done(result)


class _NoSignal:
    def connect(self, slot: Any) -> None:
        pass


class _BareModel(QtCore.QAbstractTableModel):
    """The least a Qt list does: the values of a query, shown as ``str()``."""

    def __init__(self, rows: list[tuple[Any, ...]], width: int) -> None:
        super().__init__()
        self.rows = rows
        self.width = width

    def rowCount(self, parent: Any = QtCore.QModelIndex()) -> int:  # noqa: B008
        return len(self.rows)

    def columnCount(self, parent: Any = QtCore.QModelIndex()) -> int:  # noqa: B008
        return self.width

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            value = self.rows[index.row()][index.column()]
            return "" if value is None else str(value)
        return None


SCREEN = 40  # rows of the first screen


def _paint(model: QtCore.QAbstractTableModel) -> None:
    for r in range(SCREEN):
        for c in range(model.columnCount()):
            model.data(model.index(r, c))


def _measure(reader: Store) -> list[common.Row]:
    db = reader.db
    cols = [column("nominations", "subject_name", sort="person"),
            *columns("nominations", "title_code", "year", "status", naming=naming_of(reader))]
    shown = "n.subject_name, n.title_code, n.year, n.status"

    def open_model(sort_column: int, search: str = "") -> RecordTableModel:
        """What the screen does until its first rows are painted: the model's first job (run here, on a
        worker in the application), the texts of the first screen; the rest of the list comes after."""
        jobs = _FirstJobOnly(reader)
        model = RecordTableModel(reader, "nominations", cols, sort_column=sort_column, jobs=jobs)
        model.query.search = search
        model.reload()
        jobs.run_first()
        _paint(model)
        return model

    def all_ids() -> list[str]:
        model = RecordTableModel(reader, "nominations", cols, sort_column=0)
        return model.query.ids(reader)

    def bare_open(sql: str, params: Sequence[object] = ()) -> float:
        def work() -> None:
            _paint(_BareModel(db.execute(sql, list(params)).fetchall(), len(cols)))
        return common.best_of(work, REPEAT)

    def bare(sql: str, params: Sequence[object] = ()) -> float:
        return common.best_of(lambda: db.execute(sql, list(params)).fetchall(), REPEAT)

    by_year = f"SELECT {shown} FROM nominations n WHERE deleted = 0 ORDER BY year, id LIMIT {SCREEN}"
    by_name = f"SELECT {shown} FROM nominations n WHERE deleted = 0 ORDER BY sort_key, id LIMIT {SCREEN}"
    fts = (f"SELECT {shown} FROM nominations n JOIN search_index s ON s.record_id = n.id WHERE search_index MATCH ?"
           f" AND s.kind = 'nominations' AND n.deleted = 0 ORDER BY n.sort_key, n.id LIMIT {SCREEN}")
    return [
        common.result("list: open sorted by year", common.best_of(lambda: open_model(2), REPEAT), bare_open(by_year),
                      max_figure=100, max_ratio=2),
        common.result("list: open sorted by name (Vietnamese)", common.best_of(lambda: open_model(0), REPEAT),
                      bare_open(by_name), max_figure=100, max_ratio=2),
        common.result("list: the bare 40-row query alone (for reference)", bare(by_name)),
        common.result("list: sort all ids by name", common.best_of(all_ids, 3),
                      bare("SELECT id FROM nominations WHERE deleted = 0 ORDER BY sort_key, id"), max_ratio=2),
        common.result("list: filter 'nguyen van an'", common.best_of(lambda: open_model(0, "nguyen van an"), REPEAT),
                      bare_open(fts, ['"nguyen"* "van"* "an"*']), max_ratio=2),
        common.result("list: filter 'thi' (a third of the rows)", common.best_of(lambda: open_model(0, "thi"), 3),
                      bare_open(fts, ['"thi"*']), max_ratio=2),
    ]


if __name__ == "__main__":
    raise SystemExit(common.main(run, 200_000, description=__doc__.splitlines()[0]))
