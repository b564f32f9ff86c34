"""The import report: what each bundle did to each table, with reasons (kept in ``sync_imports``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tdkt_desktop.store.fields import KINDS

OUTCOMES = ("new", "updated", "unchanged", "stale", "conflict", "rejected")
OUTCOME_LABELS = {
    "new": "mới", "updated": "cập nhật", "unchanged": "không đổi", "stale": "cũ hơn (bỏ qua)",
    "conflict": "xung đột", "rejected": "bị từ chối",
}
STATUS_LABELS = {
    "merged": "đã hợp nhất",
    "checked": "hợp lệ (chạy thử, chưa ghi)",
    "already": "đã nhập trước đây, không thay đổi gì",
    "refused": "bị từ chối",
    "held": "tạm giữ chờ ghi danh khóa",
}
MAX_LISTED = 500  # reasons listed per bundle in the report (the counts are always complete)

# Exit codes of “tdkt bundle import”.
EXIT_MERGED, EXIT_REFUSED, EXIT_ATTENTION = 0, 1, 3


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
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    gaps: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rejected_total: int = 0

    def count(self, table: str, outcome: str, n: int = 1) -> None:
        per = self.counts.setdefault(table, dict.fromkeys(OUTCOMES, 0))
        per[outcome] += n

    def reject(self, table: str, record_id: str, reason: str) -> None:
        self.count(table, "rejected")
        self.rejected_total += 1
        if len(self.rejected) < MAX_LISTED:
            self.rejected.append({"table": table, "id": record_id, "reason": reason})

    def total(self, outcome: str) -> int:
        return sum(per.get(outcome, 0) for per in self.counts.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "status": self.status, "bundle_id": self.bundle_id, "from_unit": self.from_unit,
            "direction": self.direction, "message": self.message, "error_code": self.error_code,
            "counts": self.counts, "rejected": self.rejected, "rejected_total": self.rejected_total,
            "conflicts": self.conflicts, "gaps": self.gaps, "notes": self.notes,
        }


@dataclass
class ImportReport:
    dry_run: bool = False
    bundles: list[BundleReport] = field(default_factory=list)
    backup_path: str | None = None
    import_id: int | None = None
    at: str = ""

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
        """0 merged cleanly; 1 a bundle or some rows were refused (the rest merged); 3 merged with
        conflicts queued or bundles held."""
        if self.by_status("refused") or self.total("rejected"):
            return EXIT_REFUSED
        if self.total("conflict") or self.by_status("held"):
            return EXIT_ATTENTION
        return EXIT_MERGED

    def to_dict(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run, "at": self.at, "import_id": self.import_id, "backup_path": self.backup_path,
            "exit_code": self.exit_code, "totals": self.totals(), "bundles": [b.to_dict() for b in self.bundles],
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
                f"Có {conflicts} xung đột (cùng một bản ghi được sửa ở hai nơi): đã giữ một phiên bản theo quy tắc, "
                "phiên bản kia được lưu trong hàng chờ. Xem bằng “tdkt conflicts list”."
            )
        held = self.by_status("held")
        if held:
            lines.append(
                f"Có {len(held)} gói tạm giữ vì khóa của đơn vị gửi chưa được ghi danh/xác nhận. Hãy ghi danh khóa "
                "(“tdkt enroll TỆP”) rồi chạy “tdkt bundle held --retry”."
            )
        if self.backup_path:
            lines.append(f"Bản sao lưu trước khi nhập: {self.backup_path}")
        return "\n".join(lines)
