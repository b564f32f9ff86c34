"""The list model at scale: 200 000 nominations. Opening, sorting and filtering the model, against the bare query.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_models.py [--rows 200000] [--db path]

Rows are inserted directly with SQL (sync columns filled, search index rebuilt), not through Store.insert.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tdkt_desktop.gui.models import RecordTableModel, column, columns
from tdkt_desktop.gui.qt import QtCore
from tdkt_desktop.store import search
from tdkt_desktop.store.db import now_iso, open_store
from tdkt_desktop.store.naming import naming_of

FAMILY = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Mai Trịnh".split()
MIDDLE = "Văn Thị Hữu Đức Minh Thanh Ngọc Quang Thu Xuân Hồng Kim Anh Bảo Gia Công".split()
GIVEN = ("An Ân Anh Ánh Bình Cường Dũng Đạt Đông Giang Hà Hải Hạnh Hiếu Hoa Hòa Hùng Hương Khánh Lan Linh Long "
         "Mai Minh Nam Nga Ngọc Nhung Oanh Phong Phúc Phương Quân Quyên Sơn Tâm Thảo Thắng Thủy Trang Trung Tú Tuấn "
         "Uyên Vân Việt Xuân Yến").split()
TITLES = ["LDTT", "CSTDCS", "GIAY_KHEN", "TLDTT", "BANG_KHEN_TINH"]
STATUSES = ["draft", "submitted", "approved", "decided"]


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
                "Hoàn thành xuất sắc nhiệm vụ", rng.choice(STATUSES), "27031",
            ))
        with store.atomic():
            store.db.conn.executemany(
                "INSERT INTO nominations (id, owner_unit, created_at, updated_at, origin_install, clock, gen, rev,"
                " base_rev, local_seq, deleted, subject_kind, subject_id, subject_name, title_code, award_kind, year,"
                " period, achievement, status, unit_code) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                data,
            )
            store.set_meta("clock", str(rows))
            store.set_meta("local_seq", str(rows))
            search.rebuild_search_index(store.db, naming_of(store))  # the same index the application keeps


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    QtCore.QCoreApplication.instance() or QtCore.QCoreApplication([])
    path = args.db or Path(tempfile.mkdtemp()) / "bench.sqlite"
    if not path.exists():
        print(f"Generating {args.rows:,} nominations in {path} …")
        print(f"  {timed(lambda: generate(path, args.rows)):.1f} s")
    reader = open_store(path, create=False)
    db = reader.db
    cols = [column("nominations", "subject_name", sort="person"),
            *columns("nominations", "title_code", "year", "status", naming=naming_of(reader))]
    results: list[tuple[str, float, float]] = []

    def compare(label: str, bare, model_op) -> None:  # type: ignore[no-untyped-def]
        bare_t = min(timed(bare) for _ in range(3))
        model_t = min(timed(model_op) for _ in range(3))
        results.append((label, bare_t, model_t))

    def first_screen(model: RecordTableModel) -> None:
        for r in range(40):
            for c in range(model.columnCount()):
                model.data(model.index(r, c))

    def open_model(sort_column: int, search: str = "") -> RecordTableModel:
        model = RecordTableModel(reader, "nominations", cols, sort_column=sort_column)
        model.query.search = search
        model.reload()
        first_screen(model)
        return model

    compare(
        "open, sorted by year (SQL)",
        lambda: db.execute("SELECT * FROM nominations WHERE deleted = 0 ORDER BY year LIMIT 40").fetchall(),
        lambda: open_model(2),
    )
    compare(
        "open, sorted by name (Vietnamese, given name first)",
        lambda: db.execute("SELECT * FROM nominations WHERE deleted = 0 ORDER BY subject_name LIMIT 40").fetchall(),
        lambda: open_model(0),
    )
    compare(
        "sort by name, all ids (keys cached)",
        lambda: db.execute("SELECT id FROM nominations WHERE deleted = 0 ORDER BY subject_name").fetchall(),
        lambda: open_model(0),
    )
    compare(
        "filter 'nguyen van an' without tones",
        lambda: db.execute(
            "SELECT n.* FROM nominations n JOIN search_index s ON s.record_id = n.id WHERE search_index MATCH ?"
            " AND s.kind = 'nominations' ORDER BY n.subject_name LIMIT 40", ['"nguyen"* "van"* "an"*']).fetchall(),
        lambda: open_model(0, "nguyen van an"),
    )
    compare(
        "filter 'thi' (a third of the rows)",
        lambda: db.execute(
            "SELECT n.* FROM nominations n JOIN search_index s ON s.record_id = n.id WHERE search_index MATCH ?"
            " AND s.kind = 'nominations' ORDER BY n.subject_name LIMIT 40", ['"thi"*']).fetchall(),
        lambda: open_model(0, "thi"),
    )
    model = open_model(0)
    scroll = timed(lambda: [model.data(model.index(r, 0)) for r in range(0, model.rowCount(), 997)])
    n = model.rowCount()
    print(f"\n{n:,} nominations\n")
    print(f"{'operation':52} {'bare query':>11} {'model':>9} {'ratio':>7}")
    for label, bare_t, model_t in results:
        print(f"{label:52} {bare_t * 1000:9.0f}ms {model_t * 1000:7.0f}ms {model_t / bare_t:6.1f}×")
    print(f"\nscrolling through the whole list (a row every 997): {scroll * 1000:.0f} ms")
    reader.close()


if __name__ == "__main__":
    main()
