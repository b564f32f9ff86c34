"""The periodic reports as Excel sheets — laid out once, for the Reports screen and ``tdkt report``:
the sơ kết / tổng kết table of targets (:func:`~tdkt_desktop.store.statistics.review_report_data`) and the
statistical forms 0601.N and 0603.N (:class:`~tdkt_desktop.store.statistics.FormTable`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tdkt_desktop.excel.export import Column, ExportResult, export_rows
from tdkt_desktop.store import Store
from tdkt_desktop.store.statistics import FormRow, FormTable, review_report_data

__all__ = ["export_review_report", "export_statistics_form"]

_SOURCES = {"own": "Số liệu của đơn vị", "units": "Tổng hợp từ các đơn vị"}


def export_review_report(store: Store, campaign_id: str, period: str, path: str | Path) -> ExportResult:
    """The targets of the sơ kết (``2026-H1``) or tổng kết (``2026``) report: what was asked, achieved,
    the comparison, where the figure comes from and how many units reported and reached it."""
    data = review_report_data(store, campaign_id, period)
    columns = [
        Column("Chỉ tiêu", "measure", "longtext", width=40),
        Column("Chỉ tiêu giao", "target", width=26),
        Column("Kết quả", "value", "number"),
        Column("Đơn vị tính", "unit", width=12),
        Column("Tỷ lệ so với chỉ tiêu", "percent", "percent"),
        Column("Đánh giá", "status_label", width=14),
        Column("Nguồn số liệu", lambda t: _SOURCES.get(t["source"], ""), width=22),
        Column("Số đơn vị báo cáo", "units_reporting", "int", total=False),
        Column("Số đơn vị đạt", "units_reaching", "int", total=False),
        Column("Ghi chú", "note", "longtext", width=40),
    ]
    return export_rows(path, f"Báo cáo {data['review']} {data['campaign']['name']}", columns, data["targets"],
                       unit_name=data["unit"]["name"], subtitle=data["period_label"], numbered=True,
                       sheet_title=f"Báo cáo {data['review']}", freeze_columns=1)


def _indented(row: FormRow) -> str:
    return "    " * max(row.level - 1, 0) + row.label


def export_statistics_form(form: FormTable, path: str | Path) -> ExportResult:
    """Biểu 0601.N or 0603.N: the form's rows (indented by level) × its columns; its own total row stays
    the only total."""
    columns = [Column("Chỉ tiêu", _indented, width=48)]
    columns += [Column(label, _value_of(key), "int", total=False) for key, label in form.columns]
    return export_rows(path, f"Biểu số {form.code}: {form.title}", columns, form.rows, unit_name=form.unit_name,
                       subtitle=f"Năm {form.year}. Căn cứ: {form.legal_basis}", sheet_title=form.code,
                       freeze_columns=1)


def _value_of(key: str) -> Any:
    return lambda row: row.values.get(key, 0)
