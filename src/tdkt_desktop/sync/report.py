"""The import report: what each bundle did to each table, with reasons (kept in ``sync_imports``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tdkt_desktop.core.exit_codes import EXIT_ATTENTION, EXIT_OK, EXIT_REFUSED
from tdkt_desktop.store.fields import KINDS

OUTCOMES = ("new", "updated", "merged", "unchanged", "stale", "conflict", "held", "rejected")
OUTCOME_LABELS = {
    "new": "mới", "updated": "cập nhật", "merged": "hợp nhất hai phía", "unchanged": "không đổi",
    "stale": "cũ hơn (bỏ qua)", "conflict": "xung đột chờ xem xét", "held": "chờ bản ghi liên quan",
    "rejected": "bị từ chối",
}
STATUS_LABELS = {
    "merged": "đã hợp nhất",
    "checked": "hợp lệ (chạy thử, chưa ghi)",
    "already": "đã nhập trước đây, không thay đổi gì",
    "refused": "bị từ chối",
    "held": "tạm giữ chờ ghi danh khóa",
}
MAX_LISTED = 500  # reasons listed per bundle in the report (the counts are always complete)


def table_label(table: str) -> str:
    return KINDS[table].label if table in KINDS else table


@dataclass
class BundleReport:
    source: str
    status: str = "refused"
    bundle_id: str | None = None
    from_unit: str | None = None
    direction: str | None = None
    message: str = ""
    error_code: str | None = None
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    rejected: list[dict[str, str]] = field(default_factory=list)
    refused_fields: list[dict[str, str]] = field(default_factory=list)
    held_rows: list[dict[str, str]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    gaps: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rejected_total: int = 0
    refused_fields_total: int = 0

    def count(self, table: str, outcome: str, n: int = 1) -> None:
        per = self.counts.get(table)
        if per is None:  # (not setdefault: its default would be made for every row counted)
            per = self.counts[table] = dict.fromkeys(OUTCOMES, 0)
        per[outcome] += n

    def reject(self, table: str, record_id: str, reason: str, *, code: str = "refused") -> None:
        """A whole row refused for good, with its reason (sent back to the sender in the receipt)."""
        self.count(table, "rejected")
        self.rejected_total += 1
        if len(self.rejected) < MAX_LISTED:
            self.rejected.append({"table": table, "id": record_id, "reason": reason, "code": code})

    def refuse_field(self, table: str, record_id: str, name: str, reason: str) -> None:
        """One field of a row not applied (the rest of the row was)."""
        self.refused_fields_total += 1
        if len(self.refused_fields) < MAX_LISTED:
            self.refused_fields.append({"table": table, "id": record_id, "field": name, "reason": reason})

    def add_held(self, table: str, record_id: str, reason: str) -> None:
        if len(self.held_rows) < MAX_LISTED:
            self.held_rows.append({"table": table, "id": record_id, "reason": reason})

    def add_conflict(self, table: str, record_id: str, event: Any) -> None:
        if len(self.conflicts) < MAX_LISTED:
            self.conflicts.append({"table": table, "id": record_id, "field": event.field, "kind": event.kind,
                                   "kept": event.kept_value, "other": event.other_value,
                                   "other_from": event.other_from, "reason": event.reason})

    def total(self, outcome: str) -> int:
        return sum(per.get(outcome, 0) for per in self.counts.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "status": self.status, "bundle_id": self.bundle_id, "from_unit": self.from_unit,
            "direction": self.direction, "message": self.message, "error_code": self.error_code,
            "counts": self.counts, "rejected": self.rejected, "rejected_total": self.rejected_total,
            "refused_fields": self.refused_fields, "refused_fields_total": self.refused_fields_total,
            "held_rows": self.held_rows, "conflicts": self.conflicts, "gaps": self.gaps, "notes": self.notes,
        }


@dataclass
class ImportReport:
    dry_run: bool = False
    bundles: list[BundleReport] = field(default_factory=list)
    backup_path: str | None = None
    import_id: int | None = None
    at: str = ""
    linked: list[str] = field(default_factory=list)
    waiting: int = 0  # rows received in this import still waiting for a record that has not arrived

    def totals(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for b in self.bundles:
            for table, per in b.counts.items():
                agg = out.setdefault(table, dict.fromkeys(OUTCOMES, 0))
                for k, v in per.items():
                    agg[k] += v
        return out

    def total(self, outcome: str) -> int:
        return sum(b.total(outcome) for b in self.bundles)

    def by_status(self, status: str) -> list[BundleReport]:
        return [b for b in self.bundles if b.status == status]

    @property
    def exit_code(self) -> int:
        """0 merged cleanly; 1 a bundle, some rows or fields were refused (the rest merged); 3 merged, with
        conflicts queued, rows waiting for a record or bundles held — nothing lost."""
        if self.by_status("refused") or self.total("rejected") or any(b.refused_fields_total for b in self.bundles):
            return EXIT_REFUSED
        if self.total("conflict") or self.waiting or self.by_status("held"):
            return EXIT_ATTENTION
        return EXIT_OK

    def to_dict(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run, "at": self.at, "import_id": self.import_id, "backup_path": self.backup_path,
            "exit_code": self.exit_code, "totals": self.totals(), "bundles": [b.to_dict() for b in self.bundles],
            "linked": self.linked, "waiting": self.waiting,
        }

    def summary(self) -> str:
        lines: list[str] = []
        head = "CHẠY THỬ — chưa ghi gì vào cơ sở dữ liệu. " if self.dry_run else ""
        lines.append(f"{head}Đã xử lý {len(self.bundles)} gói.")
        for b in self.bundles:
            who = f" của {b.from_unit}" if b.from_unit else ""
            lines.append(f"• {b.source}{who}: {STATUS_LABELS.get(b.status, b.status)}.")
            if b.message:
                lines.append(f"  {b.message}")
            for table, per in b.counts.items():
                parts = [f"{OUTCOME_LABELS[k]} {v}" for k, v in per.items() if v]
                if parts:
                    lines.append(f"  - {table_label(table)}: {', '.join(parts)}")
            for r in b.rejected[:20]:
                lines.append(f"  ! Từ chối {table_label(r['table'])} {r['id']}: {r['reason']}")
            if b.rejected_total > 20:
                lines.append(f"  ! … và {b.rejected_total - 20} bản ghi khác bị từ chối (xem báo cáo JSON).")
            for r in b.refused_fields[:20]:
                lines.append(f"  ! Không áp dụng trường “{r['field']}” của {table_label(r['table'])} {r['id']}: {r['reason']}")
            if b.refused_fields_total > 20:
                lines.append(f"  ! … và {b.refused_fields_total - 20} trường khác không được áp dụng (xem báo cáo JSON).")
            for r in b.held_rows[:10]:
                lines.append(f"  … {table_label(r['table'])} {r['id']}: {r['reason']}")
            held_n = b.total("held")
            if held_n > 10:
                lines.append(f"  … và {held_n - 10} bản ghi khác đang chờ bản ghi liên quan.")
            for g in b.gaps:
                lines.append(
                    f"  ? Thiếu thay đổi số {g['from']}–{g['to']} của bản cài đặt {g['install_id']} (đơn vị "
                    f"{g['unit_code']}): có gói chưa tới. Hãy đề nghị đơn vị đó gửi gói còn thiếu hoặc gói toàn bộ."
                )
            for n in b.notes:
                lines.append(f"  ? {n}")
        conflicts = self.total("conflict")
        if conflicts:
            lines.append(
                f"Có {conflicts} giá trị chưa được áp dụng vì xung đột (một trường được sửa ở hai nơi, hoặc đơn vị sửa "
                "đề nghị cấp trên đã xử lý): giá trị của bên có thẩm quyền được giữ, giá trị kia nằm trong hàng chờ xem "
                "xét. Xem bằng “tdkt conflicts list”."
            )
        if self.waiting:
            lines.append(
                f"Có {self.waiting} bản ghi chờ bản ghi liên quan chưa tới: không mất gì, chúng sẽ tự được áp dụng khi "
                "bản ghi đó tới trong gói sau. Đơn vị gửi được báo qua phiếu báo nhận."
            )
        for note in self.linked:
            lines.append(f"Liên kết văn bản: {note}")
        held = self.by_status("held")
        if held:
            lines.append(
                f"Có {len(held)} gói tạm giữ vì khóa của đơn vị gửi chưa được ghi danh/xác nhận. Hãy ghi danh khóa "
                "(“tdkt enroll TỆP”) rồi chạy “tdkt bundle held --retry”."
            )
        if self.backup_path:
            lines.append(f"Bản sao lưu trước khi nhập: {self.backup_path}")
        return "\n".join(lines)
