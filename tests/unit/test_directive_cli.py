"""``tdkt parse-targets`` and ``tdkt directive`` on the files offices receive: text, Word, PDF."""

from __future__ import annotations

import json
from pathlib import Path

from tdkt_desktop.cli import EXIT_REFUSED, main
from tdkt_desktop.store import open_store
from tdkt_desktop.store.campaigns import review_flags
from tests.conftest import seed_text
from tests.fixtures.directives import PROVINCE_PLAN

from .test_directives import _docx, _pdf

EXIT_ATTENTION = 3


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_targets_reads_word_and_pdf(capsys, tmp_path: Path) -> None:
    docx = _docx(tmp_path / "ct10.docx", seed_text("000_"))
    code, out, err = run(capsys, "parse-targets", str(docx), "--json")
    assert code == 0, err
    items = [json.loads(line) for line in out.splitlines()]
    assert len(items) == 10 and items[0]["spec"]["value"] == 9.5
    pdf = _pdf(tmp_path / "kh45.pdf", PROVINCE_PLAN)
    code, out, err = run(capsys, "parse-targets", str(pdf))
    assert code == 0, err
    assert "9. Tỷ lệ lao động qua đào tạo – có bằng cấp, chứng chỉ: Từ 30 % trở lên (chi tiết của 8)" in out


def test_directive_read_shows_every_field_with_its_confidence(capsys, tmp_path: Path) -> None:
    path = tmp_path / "kh.txt"
    path.write_text(seed_text("002_"), encoding="utf-8")
    code, out, err = run(capsys, "directive", "read", str(path))
    assert code == EXIT_ATTENTION, err  # read, with fields to check (no number, no day)
    assert "Loại văn bản: Kế hoạch (KH)" in out
    assert "Số văn bản: (để trống)  [cần xem lại]" in out and "Văn bản chưa ghi số" in out
    assert "Người ký: Nguyễn Văn Hon" in out
    assert "Văn bản không có danh sách chỉ tiêu." in out
    code, out, _ = run(capsys, "directive", "read", str(path), "--json")
    data = json.loads(out)
    assert data["fields"]["signer"] == {"value": "Nguyễn Văn Hon", "source": "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / "
                                        "Nguyễn Văn Hon", "confidence": "high", "note": ""}
    assert data["targets"] == []


def test_directive_import_creates_the_campaign_with_flags_kept(capsys, tmp_path: Path, db_path: Path) -> None:
    assert run(capsys, "init", "--db", str(db_path), "--unit", "31147")[0] == 0
    pdf = _pdf(tmp_path / "kh45.pdf", PROVINCE_PLAN)
    code, out, _ = run(capsys, "directive", "import", str(pdf), "--dry-run", "--db", str(db_path))
    assert code == 0 and "Chạy thử" in out
    with open_store(db_path) as s:
        assert s.count("campaigns") == 0
    code, out, err = run(capsys, "--db", str(db_path), "directive", "import", str(pdf))
    assert code == EXIT_ATTENTION, err
    assert "với 23 chỉ tiêu" in out and "cần xem lại" in out
    with open_store(db_path) as s:
        campaign = s.rows("campaigns")[0]
        assert (campaign["doc_number"], campaign["signer"]) == ("45/KH-UBND", "Trần Trí Quang")
        targets = s.rows("targets", order_by="seq")
        assert len(targets) == 23
        flagged = [t["measure"] for t in targets if review_flags(t)]
        assert "Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao" in flagged
        assert targets[8]["parent_target_id"] == targets[7]["id"]


def test_directive_import_of_a_document_without_subject_needs_a_name(capsys, tmp_path: Path, db_path: Path) -> None:
    assert run(capsys, "init", "--db", str(db_path), "--unit", "31147")[0] == 0
    path = tmp_path / "cv.txt"
    path.write_text("Số: 12/UBND-VP\nTân An, ngày 02 tháng 3 năm 2026\n\nĐề nghị các đơn vị đăng ký thi đua.\n",
                    encoding="utf-8")
    code, _, err = run(capsys, "directive", "import", str(path), "--db", str(db_path))
    assert code == EXIT_REFUSED and "--name" in err
    code, _, err = run(capsys, "directive", "import", str(path), "--db", str(db_path), "--name", "Thi đua năm 2026")
    assert code == 0, err
    with open_store(db_path) as s:
        assert s.rows("campaigns")[0]["doc_number"] == "12/UBND-VP"
