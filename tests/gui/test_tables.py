"""The shared table pieces: one column type, one rows model, one view, one way to fill a combo box."""

from __future__ import annotations

import datetime as dt

from tdkt_desktop.gui.qt import Qt, QtWidgets
from tdkt_desktop.gui.tables import (
    EXPORT_ROLE,
    Column,
    RowsModel,
    fill_combo,
    money_text,
    number_text,
    percent_text,
    select_data,
    selected_rows,
    table_view,
)


def test_a_column_shows_its_kind_and_exports_the_raw_value(app) -> None:
    cols = [Column("Tên", "name", bold=True), Column("Số", "n", "int"), Column("Tiền", "m", "money"),
            Column("Tỷ lệ", "p", "percent"), Column("Ngày", "d", "date"),
            Column("Mã", lambda r: r["name"][:3].upper(), mono=True, tooltip=lambda r: "mã tự sinh")]
    model = RowsModel(cols)
    model.set_rows([{"name": "Phường Tân Phú", "n": 1200, "m": 1_170_000, "p": 88.888, "d": dt.date(2026, 3, 2)},
                    {"name": "Cộng", "n": None, "_bold": True}])
    shown = [model.index(0, c).data() for c in range(6)]
    assert shown == ["Phường Tân Phú", "1.200", "1.170.000 đ", "88,9 %", "02/03/2026", "PHƯ"]
    assert model.index(0, 1).data(EXPORT_ROLE) == 1200 and model.index(0, 4).data(EXPORT_ROLE) == dt.date(2026, 3, 2)
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) and not model.index(0, 0).data(
        Qt.ItemDataRole.TextAlignmentRole)
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert "DejaVu Sans Mono" in model.index(0, 5).data(Qt.ItemDataRole.FontRole).families()
    assert model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole) == "mã tự sinh"
    assert model.index(1, 1).data() == "" and model.index(1, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Tiền"
    assert (number_text(9.0), number_text(None), money_text(None), percent_text(None), percent_text(100.0)) == (
        "9", "", "", "", "100 %")


def test_one_table_view_and_combo_filling(app, qtbot) -> None:
    model = RowsModel([Column("A", "a")])
    model.set_rows([{"a": i} for i in range(5)])
    view = table_view(model, multi=True)
    qtbot.addWidget(view)
    assert view.editTriggers() == QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers
    assert not view.verticalHeader().isVisible() and view.alternatingRowColors()
    view.selectRow(1)
    view.selectionModel().select(model.index(3, 0), view.selectionModel().SelectionFlag.Select
                                 | view.selectionModel().SelectionFlag.Rows)
    assert selected_rows(view) == [1, 3]
    editable = table_view(parent=None, editable=True, numbered=True)
    qtbot.addWidget(editable)
    assert editable.editTriggers() != QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers
    combo = QtWidgets.QComboBox()
    qtbot.addWidget(combo)
    fill_combo(combo, [("2025", 2025), ("2026", 2026)], blank="Tất cả")
    assert combo.currentData() is None and combo.count() == 3
    assert select_data(combo, 2026) and not select_data(combo, 1999)
    fill_combo(combo, [("2026", 2026), ("2027", 2027)])  # the chosen value is kept
    assert combo.currentData() == 2026
    fill_combo(combo, [("2028", 2028)], keep=False)
    assert combo.currentData() == 2028
