"""``tdkt records`` and ``tdkt audit``: any record kind listed, shown, added, changed, deleted and restored,
and the change log — through the same validated write path as the application.

    tdkt records kinds
    tdkt records fields KIND
    tdkt records list KIND [--where FIELD=VALUE]... [--search TEXT] [--deleted] [--limit N] [--json]
    tdkt records show KIND ID [--json]
    tdkt records add KIND --file FILE.json|-
    tdkt records update KIND ID --set FIELD=VALUE... | --file FILE.json|-
    tdkt records delete KIND ID          tdkt records undelete KIND ID
    tdkt records import KIND FILE.csv|FILE.xlsx [--dry-run] [--map …] [--map-values …] [--accept-errors]
    tdkt audit [--kind KIND] [--id ID] [--since dd/mm/yyyy] [--limit N] [--json]

KIND is a table name (``people``) or its Vietnamese name without tones (``ca-nhan``); an ID is given whole
or by its first 8 characters. Values are written as a person writes them ("7,5", "05/01/2026") or in JSON
form (7.5, "2026-01-05").
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import tdkt_desktop.cli.importing as importing
from tdkt_desktop.cli.base import EXIT_OK, CliError, open_existing, print_json, require_unit, subcommands
from tdkt_desktop.core.errors import file_error
from tdkt_desktop.core.naming import Naming
from tdkt_desktop.core.text import InputError, format_date, format_number, parse_date
from tdkt_desktop.excel.importer import IMPORT_KINDS, KIND_LABELS
from tdkt_desktop.store import records
from tdkt_desktop.store.db import SYNC_FIELDS, SYNCED_TABLES, Store
from tdkt_desktop.store.fields import KINDS, Field, Kind
from tdkt_desktop.store.naming import naming_of

Row = dict[str, Any]

MAX_JSON_BYTES = 50 * 1024 * 1024
LIST_COLUMNS = 5
CELL_WIDTH = 40


# --------------------------------------------------------------------------- reading input


def _read_json(source: str) -> Any:
    if source == "-":
        text = sys.stdin.read(MAX_JSON_BYTES + 1)
        where = "dữ liệu vào (stdin)"
    else:
        path = Path(source)
        try:
            with path.open("rb") as fh:
                raw = fh.read(MAX_JSON_BYTES + 1)
        except OSError as exc:
            raise file_error(exc, path, reading=True) from exc
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CliError(f"Tệp {path} không phải văn bản UTF-8. Hãy lưu lại với bảng mã UTF-8.") from None
        where = f"tệp {path}"
    if len(text) > MAX_JSON_BYTES:
        raise CliError(f"{where.capitalize()} quá lớn (tối đa 50 MB).")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CliError(
            f"{where.capitalize()} không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno}: {exc.msg}). "
            "Ví dụ đúng: {\"full_name\": \"Nguyễn Văn An\", \"birth_date\": \"05/01/1980\"}"
        ) from None


def _objects(data: Any) -> list[Row]:
    items = data if isinstance(data, list) else [data]
    if not items or not all(isinstance(item, dict) for item in items):
        raise CliError("Dữ liệu phải là một đối tượng JSON {…} hoặc một mảng các đối tượng [{…}, {…}].")
    return items


def _only_kind_fields(kind: Kind, values: Row, where: str) -> Row:
    sync = sorted(set(values) & set(SYNC_FIELDS))
    if sync:
        raise CliError(
            f"{where}: {', '.join(sync)} là trường do phần mềm quản lý (mã, đồng bộ, nhật ký), không nhập được."
        )
    return values


def _pairs(items: list[str]) -> Row:
    out: Row = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise CliError(f"“{item}” phải có dạng TRƯỜNG=GIÁ_TRỊ, ví dụ --set full_name=\"Nguyễn Văn An\".")
        out[name.strip()] = value if value != "" else None
    return out


# --------------------------------------------------------------------------- showing


def _cell(f: Field | None, value: Any, naming: Naming, *, width: int | None = CELL_WIDTH) -> str:
    if value is None:
        return ""
    if f is not None and f.kind == "date":
        return format_date(value)
    if f is not None and f.kind in ("number", "int") and isinstance(value, int | float):
        return format_number(value)
    if f is not None and f.kind == "enum" and f.enum is not None:
        return next((m.label for m in f.enum if m.value == value), str(value))
    if f is not None and f.kind == "title":
        return naming.title(str(value))
    if f is not None and f.kind == "ref":
        return str(value)[:8]
    if f is not None and f.kind == "members":
        from tdkt_desktop.core.covenants import members_summary, members_text, parse_members

        try:  # the whole list (with who signs) when shown alone, the names in a list
            value = (members_summary(value) if width is not None
                     else members_text(parse_members(value)).replace("\n", "; "))
        except InputError:
            pass
    text = str(value).replace("\n", " ")
    return text if width is None or len(text) <= width else text[: width - 1] + "…"


def _table(kind: Kind, rows: list[Row], naming: Naming) -> str:
    fields = [kind.field(kind.title_field)]
    fields += [f for f in kind.fields if f.required and f.name != kind.title_field and f.kind not in ("json", "longtext")]
    fields = fields[:LIST_COLUMNS]
    headers = ["Mã", *(f.label for f in fields)]
    body = [[str(r["id"])[:8] + ("  (đã xóa)" if r.get("deleted") else ""), *(_cell(f, r.get(f.name), naming) for f in fields)]
            for r in rows]
    widths = [max(len(line[i]) for line in [headers, *body]) for i in range(len(headers))]
    lines = ["  ".join(text.ljust(widths[i]) for i, text in enumerate(line)).rstrip() for line in [headers, *body]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _show_text(kind: Kind, row: Row, naming: Naming) -> str:
    width = max(len(f.label) for f in kind.fields)
    lines = [f"{kind.label} {row['id']}" + ("  (ĐÃ XÓA)" if row.get("deleted") else "")]
    for f in kind.fields:
        shown = str(row.get(f.name)) if f.kind == "ref" and row.get(f.name) else _cell(f, row.get(f.name), naming, width=None)
        lines.append(f"  {f.label.ljust(width)}  {shown}")
    lines.append(f"  {'Đơn vị sở hữu'.ljust(width)}  {row.get('owner_unit')}")
    lines.append(f"  {'Sửa lần cuối'.ljust(width)}  {row.get('updated_at')}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- commands


def cmd_kinds(args: argparse.Namespace) -> int:
    aliases: dict[str, list[str]] = {}
    for name, table in records.kind_names().items():
        if name != table:
            aliases.setdefault(table, []).append(name)
    rows: list[dict[str, Any]] = [
        {"kind": t, "label": KINDS[t].label, "aliases": sorted(set(aliases.get(t, [])))} for t in SYNCED_TABLES
    ]
    if args.json:
        print_json(rows)
    else:
        width = max(len(r["kind"]) for r in rows)
        for r in rows:
            print(f"{r['kind'].ljust(width)}  {r['label']} ({', '.join(r['aliases'])})")
    return EXIT_OK


def cmd_fields(args: argparse.Namespace) -> int:
    kind = records.kind_of(args.kind)
    rows: list[dict[str, Any]] = [{"field": f.name, "label": f.label, "type": f.kind, "required": f.required,
             "choices": [str(m.value) for m in f.enum] if f.enum else None} for f in kind.fields]
    if args.json:
        print_json(rows)
    else:
        width = max(len(f.name) for f in kind.fields)
        for r in rows:
            extra = " (bắt buộc)" if r["required"] else ""
            choices = f" — một trong: {', '.join(r['choices'])}" if r["choices"] else ""
            print(f"{str(r['field']).ljust(width)}  {r['label']}{extra}{choices}")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    kind = records.kind_of(args.kind)
    with open_existing(args) as store:
        query = records.Query(
            equals=records.parse_filters(kind.table, args.where or []),
            text=args.search,
            include_deleted=args.deleted,
            limit=args.limit,
        )
        rows = records.find(store, kind.table, query)
        naming = naming_of(store)
    if args.json:
        print_json(rows)
    elif not rows:
        print(f"Không có {kind.label.lower()} nào phù hợp.")
    else:
        print(_table(kind, rows, naming))
        print(f"\n{len(rows)} {kind.label.lower()}.")
    return EXIT_OK


def _get(store: Store, kind: Kind, given: str, *, include_deleted: bool = False) -> Row:
    record_id = store.resolve_id(kind.table, given) if not include_deleted else _resolve_any(store, kind, given)
    row = store.get(kind.table, record_id, include_deleted=include_deleted)
    if row is None:
        raise CliError(f"Không tìm thấy {kind.label.lower()} có mã “{given}”.")
    return row


def _resolve_any(store: Store, kind: Kind, given: str) -> str:
    """An id among live records and tombstones (undelete, show)."""
    found = records.find(store, kind.table, records.Query(equals={}, include_deleted=True))
    matches = [r["id"] for r in found if r["id"] == given] or [
        r["id"] for r in found if len(given) >= 8 and str(r["id"]).startswith(given)
    ]
    if len(matches) == 1:
        return str(matches[0])
    if len(matches) > 1:
        raise CliError(f"Có nhiều {kind.label.lower()} có mã bắt đầu bằng “{given}”. Hãy nhập đủ mã.")
    raise CliError(f"Không tìm thấy {kind.label.lower()} có mã “{given}”.")


def cmd_show(args: argparse.Namespace) -> int:
    kind = records.kind_of(args.kind)
    with open_existing(args) as store:
        row = _get(store, kind, args.id, include_deleted=True)
        naming = naming_of(store)
    if args.json:
        print_json(row)
    else:
        print(_show_text(kind, row, naming))
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    kind = records.kind_of(args.kind)
    items = _objects(_read_json(args.file))
    with open_existing(args) as store:
        require_unit(store)
        ids: list[str] = []
        with store.atomic():  # all or nothing
            for n, values in enumerate(items, 1):
                where = f"Bản ghi thứ {n}" if len(items) > 1 else "Bản ghi"
                try:
                    checked = records.resolve_refs(store, kind.table, _only_kind_fields(kind, values, where))
                    ids.append(store.insert(kind.table, checked)["id"])
                except InputError as exc:
                    if len(items) == 1:
                        raise
                    raise InputError(f"{where}: {exc} Chưa bản ghi nào được thêm.", field=exc.field) from exc
    print_json(ids)
    return EXIT_OK


def cmd_update(args: argparse.Namespace) -> int:
    kind = records.kind_of(args.kind)
    if bool(args.set) == bool(args.file):
        raise CliError("Hãy cho biết thay đổi bằng --set TRƯỜNG=GIÁ_TRỊ (có thể lặp lại) hoặc --file TỆP.json.")
    changes = _pairs(args.set) if args.set else _objects(_read_json(args.file))[0]
    with open_existing(args) as store:
        row = _get(store, kind, args.id)
        checked = records.resolve_refs(store, kind.table, _only_kind_fields(kind, changes, "Thay đổi"), current=row)
        updated = store.update(kind.table, row["id"], checked)
    if args.json:
        print_json(updated)
    else:
        print(f"Đã lưu {kind.label.lower()} {updated['id']}.")
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    kind = records.kind_of(args.kind)
    with open_existing(args) as store:
        row = _get(store, kind, args.id)
        store.delete(kind.table, row["id"])
    print(f"Đã xóa {kind.label.lower()} {row['id']} (khôi phục được bằng “tdkt records undelete {kind.table} "
          f"{str(row['id'])[:8]}”).")
    return EXIT_OK


def cmd_undelete(args: argparse.Namespace) -> int:
    kind = records.kind_of(args.kind)
    with open_existing(args) as store:
        record_id = _resolve_any(store, kind, args.id)
        if not _get(store, kind, record_id, include_deleted=True).get("deleted"):
            raise CliError(f"{kind.label} {record_id} chưa bị xóa; không có gì để khôi phục.")
        store.restore(kind.table, record_id)
    print(f"Đã khôi phục {kind.label.lower()} {record_id}.")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    kind = records.kind_of(args.kind)
    if kind.table not in IMPORT_KINDS:
        known = ", ".join(f"{k} ({KIND_LABELS[k]})" for k in IMPORT_KINDS)
        raise CliError(f"Chưa nhập được {kind.label.lower()} từ danh sách Excel/CSV. Các loại nhập được: {known}. "
                       f"Thêm {kind.label.lower()} bằng “tdkt records add {kind.table} --file TỆP.json”.")
    return importing.run_import(args, kind.table)


def cmd_audit(args: argparse.Namespace) -> int:
    table = records.kind_of(args.kind).table if args.kind else None
    since = parse_date(args.since, field="--since") if args.since else None
    with open_existing(args) as store:
        record_id = None
        if args.id:
            record_id = _resolve_any(store, KINDS[table], args.id) if table else args.id
        entries = records.audit(store, table=table, record_id=record_id, since=since, limit=args.limit)
    if args.json:
        print_json(entries)
        return EXIT_OK
    if not entries:
        print("Không có thay đổi nào phù hợp.")
        return EXIT_OK
    for e in entries:
        label = KINDS[e["table_name"]].label if e["table_name"] in KINDS else e["table_name"]
        who = e.get("operator") or "không rõ người sửa"
        print(f"{e['at'][:19].replace('T', ' ')}  {who}  {e['action']}  {label} {str(e['record_id'])[:8]}")
        changed = sorted(set(e["before"] or {}) | set(e["after"] or {}))
        if e["action"] in ("update", "sync", "delete", "restore") and e["before"] is not None:
            for name in changed:
                before, after = (e["before"] or {}).get(name), (e["after"] or {}).get(name)
                if before != after:
                    print(f"    {name}: {before!r} → {after!r}")
    return EXIT_OK


# --------------------------------------------------------------------------- registration


def register(sub: Any) -> None:
    p = sub.add_parser("records", help="bản ghi mọi loại: liệt kê, xem, thêm, sửa, xóa, khôi phục, nhập danh sách",
                       description="Mọi loại bản ghi (xem “tdkt records kinds”): liệt kê, xem, thêm, sửa, xóa, khôi "
                       "phục và nhập danh sách, qua cùng đường ghi có kiểm tra như ứng dụng. LOẠI là tên bảng "
                       "(people) hoặc tên tiếng Việt không dấu (ca-nhan); MÃ ghi đủ hoặc 8 ký tự đầu. Giá trị ghi như "
                       "người dùng viết (\"7,5\", \"05/01/2026\") hoặc dạng JSON (7.5, \"2026-01-05\").")
    rec = subcommands(p, dest="records_command")

    q = rec.add_parser("kinds", help="các loại bản ghi và tên gọi", epilog="Ví dụ:\n  tdkt records kinds")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_kinds)

    q = rec.add_parser("fields", help="các trường của một loại bản ghi", epilog="Ví dụ:\n  tdkt records fields ca-nhan")
    q.add_argument("kind", metavar="LOẠI")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_fields)

    q = rec.add_parser(
        "list", help="liệt kê bản ghi",
        epilog="Ví dụ:\n  tdkt --db phuong.sqlite records list people --search \"nguyen van\"\n"
        "  tdkt records list nominations --where year=2026 --where status=submitted --json --db phuong.sqlite",
    )
    q.add_argument("kind", metavar="LOẠI")
    q.add_argument("--where", action="append", metavar="TRƯỜNG=GIÁ_TRỊ", help="điều kiện (lặp lại được)")
    q.add_argument("--search", metavar="CHỮ", help="tìm theo chữ, gõ không dấu được")
    q.add_argument("--deleted", action="store_true", help="kể cả bản ghi đã xóa")
    q.add_argument("--limit", type=int, metavar="SỐ", help="số bản ghi tối đa")
    q.add_argument("--json", action="store_true", help="mảng JSON (mỗi bản ghi đủ các trường)")
    q.set_defaults(func=cmd_list)

    q = rec.add_parser("show", help="xem một bản ghi", epilog="Ví dụ:\n  tdkt records show people 3f2a91c4")
    q.add_argument("kind", metavar="LOẠI")
    q.add_argument("id", metavar="MÃ")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_show)

    q = rec.add_parser(
        "add", help="thêm bản ghi từ tệp JSON (một đối tượng hoặc một mảng)",
        epilog="Ví dụ:\n  tdkt records add people --file nguoi.json\n"
        "  echo '{\"full_name\": \"Lê Văn Bình\", \"birth_date\": \"02/09/1985\"}' | tdkt records add people --file -\n\n"
        "In ra mảng JSON các mã mới. Một bản ghi sai thì không bản ghi nào được thêm.",
    )
    q.add_argument("kind", metavar="LOẠI")
    q.add_argument("--file", required=True, metavar="TỆP", help="tệp JSON, hoặc - để đọc từ dữ liệu vào")
    q.set_defaults(func=cmd_add)

    q = rec.add_parser(
        "update", help="sửa một bản ghi",
        epilog="Ví dụ:\n  tdkt records update people 3f2a91c4 --set position=\"Tổ trưởng\" --set phone=0912345678",
    )
    q.add_argument("kind", metavar="LOẠI")
    q.add_argument("id", metavar="MÃ")
    q.add_argument("--set", action="append", metavar="TRƯỜNG=GIÁ_TRỊ", help="giá trị mới (lặp lại được; để trống là xóa)")
    q.add_argument("--file", metavar="TỆP", help="tệp JSON một đối tượng các trường cần sửa, hoặc -")
    q.add_argument("--json", action="store_true", help="in bản ghi sau khi sửa (JSON)")
    q.set_defaults(func=cmd_update)

    q = rec.add_parser("delete", help="xóa (đánh dấu, khôi phục được)", epilog="Ví dụ:\n  tdkt records delete people 3f2a91c4")
    q.add_argument("kind", metavar="LOẠI")
    q.add_argument("id", metavar="MÃ")
    q.set_defaults(func=cmd_delete)

    q = rec.add_parser("undelete", help="khôi phục bản ghi đã xóa",
                       epilog="Ví dụ:\n  tdkt records undelete people 3f2a91c4")
    q.add_argument("kind", metavar="LOẠI")
    q.add_argument("id", metavar="MÃ")
    q.set_defaults(func=cmd_undelete)

    q = rec.add_parser(
        "import", help="nhập danh sách từ tệp .csv hoặc .xlsx (xem trước, rồi ghi)",
        epilog="Ví dụ:\n  tdkt --db phuong.sqlite records import people danh-sach.csv --dry-run\n"
        "  tdkt records import ca-nhan ds.xlsx --map \"Họ và tên đệm=full_name\" --db phuong.sqlite\n"
        "  tdkt records import nominations de-nghi.xlsx --map-values \"F: KT đặc biệt=Tập thể\" --accept-errors\n\n"
        "Loại nhập được: " + ", ".join(f"{k} ({KIND_LABELS[k]})" for k in IMPORT_KINDS) + ". " + importing.EPILOG,
    )
    q.add_argument("kind", metavar="LOẠI")
    q.add_argument("file", metavar="TỆP")
    importing.add_arguments(q)
    q.set_defaults(func=cmd_import)

    p = sub.add_parser(
        "audit", help="nhật ký thay đổi: ai sửa gì, khi nào",
        epilog="Ví dụ:\n  tdkt --db phuong.sqlite audit --kind people --since 01/01/2026\n"
        "  tdkt audit --kind nominations --id 3f2a91c4 --json --db phuong.sqlite",
    )
    p.add_argument("--kind", metavar="LOẠI")
    p.add_argument("--id", metavar="MÃ", help="một bản ghi (cần --kind khi ghi 8 ký tự đầu)")
    p.add_argument("--since", metavar="NGÀY", help="từ ngày (dd/mm/yyyy)")
    p.add_argument("--limit", type=int, metavar="SỐ")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_audit)
