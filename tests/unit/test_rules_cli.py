"""tdkt rules show / sources, tdkt awards (list, cancel, cancellations, recovered) and the statistical
forms whose layout could not be read (0602.N, 0604.N, 0605.N), from the command line."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tdkt_desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main
from tdkt_desktop.core.legal import legal_documents
from tdkt_desktop.core.overview import rules_overview


def _json(capsys):
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("day", "ruleset", "salary", "giay_khen_xa"),
    [("15/03/2025", "nd98_2023", "2.340.000", "360.000"),  # NĐ 98/2023: 0,15 × 2.340.000 = 351.000 → 360.000
     ("02/07/2025", "nd152_2025", "2.340.000", "710.000"),  # NĐ 152/2025 Điều 54.1.e: 0,3 × 2.340.000
     ("01/07/2026", "nd152_2025", "2.530.000", "760.000")],  # 0,3 × 2.530.000 = 759.000 → 760.000
)
def test_rules_show_text_for_each_period(capsys, day, ruleset, salary, giay_khen_xa) -> None:
    assert main(["rules", "show", "--date", day]) == EXIT_OK
    out = capsys.readouterr().out
    assert f"ÁP DỤNG NGÀY {day}" in out
    assert f"Mức lương cơ sở: {salary} đồng/tháng" in out
    section = out.split("(GIAY_KHEN;")[1].split("\n\n")[0]
    assert f"Cá nhân: hệ số {'0,15' if ruleset == 'nd98_2023' else '0,3'} × lương cơ sở = {giay_khen_xa} đồng" in section
    assert "HỦY BỎ QUYẾT ĐỊNH KHEN THƯỞNG" in out and "Điều 93, khoản 2, điểm d" in out
    assert "THỐNG KÊ THI ĐUA, KHEN THƯỞNG NĂM" in out and "0604.N" in out
    # every cited line names its document; what was not checked says so
    assert "[chưa tìm được văn bản]" in out and "(không ghi căn cứ)" not in out


def test_rules_show_json_is_the_overview(capsys) -> None:
    assert main(["rules", "show", "--date", "02/07/2026", "--json"]) == EXIT_OK
    data = _json(capsys)
    assert data == json.loads(json.dumps(rules_overview(dt.date(2026, 7, 2)), default=str))
    assert data["base_salary"]["amount"] == 2_530_000
    assert data["base_salary"]["source"]["doc"] == "nd161_2026"


def test_rules_show_one_title(capsys) -> None:
    assert main(["rules", "show", "--date", "02/07/2026", "--title", "bang_khen_ttg"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "BẰNG KHEN CỦA THỦ TƯỚNG CHÍNH PHỦ" in out
    assert "hệ số 3,5 × lương cơ sở = 8.860.000 đồng" in out  # 3,5 × 2.530.000 = 8.855.000 → 8.860.000
    assert "Nghị định 152/2025/NĐ-CP, Điều 54, khoản 1, điểm a" in out
    assert "HỦY BỎ" not in out and "LAO ĐỘNG TIÊN TIẾN" not in out


def test_rules_show_refuses_a_title_not_in_the_set(capsys) -> None:
    # the district chairman's Giấy khen is gone from 01/07/2025 (two-level local government)
    assert main(["rules", "show", "--date", "02/07/2025", "--title", "GIAY_KHEN_HUYEN"]) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert "GIAY_KHEN_HUYEN" in err and "ngày 02/07/2025" in err and "LDTT" in err
    assert main(["rules", "show", "--date", "31/02/2026"]) == EXIT_REFUSED
    assert "không có trên lịch" in capsys.readouterr().err


def test_rules_sources_lists_every_document(capsys) -> None:
    assert main(["rules", "sources", "--json"]) == EXIT_OK
    data = _json(capsys)
    assert {d["id"] for d in data} == set(legal_documents())
    assert main(["rules", "sources"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Nghị định số 161/2026/NĐ-CP" in out and "  ! " in out and "  + " in out


def _decision(store):
    return store.rows("decisions")[0]


def test_awards_cancel_list_recover_and_print(demo_store, capsys, tmp_path) -> None:
    db = ["--db", str(demo_store.path)]
    decision = _decision(demo_store)
    assert main(["awards", "list", "--decision", decision["id"][:8], "--json", *db]) == EXIT_OK
    rows = _json(capsys)
    first = rows[0]
    assert first["cancelled"] is False and first["amount"] > 0
    args = ["awards", "cancel", first["id"][:8], "--date", "15/01/2026", "--ground", "b",
            "--reason", "Làm giả hồ sơ sáng kiến", "--signer", "Nguyễn Văn A", "--signer-title", "Chủ tịch", *db]
    # without --yes and without a keyboard nothing is written
    assert main(args) == EXIT_REFUSED
    assert "--yes" in capsys.readouterr().err
    assert demo_store.count("award_cancellations") == 0
    assert main([*args, "--yes"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Luật Thi đua, khen thưởng 2022, Điều 93, khoản 2, điểm b" in out
    assert f"Tổng số tiền thu hồi: {first['amount']:,}".replace(",", ".") in out
    # a second time is refused, naming the cancelling decision
    assert main([*args, "--yes"]) == EXIT_REFUSED
    assert "đã bị hủy bỏ theo Quyết định số" in capsys.readouterr().err
    assert main(["awards", "list", "--decision", decision["id"], *db]) == EXIT_OK
    assert "[ĐÃ HỦY BỎ]" in capsys.readouterr().out
    assert main(["awards", "cancellations", "--json", *db]) == EXIT_OK
    (summary,) = _json(capsys)
    assert summary["total_to_recover"] == first["amount"] and summary["ground"]["code"] == "b"
    cid = summary["id"]
    assert main(["awards", "recovered", cid[:8], "--date", "01/02/2026", *db]) == EXIT_OK
    capsys.readouterr()
    assert main(["awards", "cancellations", *db]) == EXIT_OK
    assert "đã thu hồi ngày 01/02/2026" in capsys.readouterr().out
    out_pdf = tmp_path / "huy-bo.pdf"
    assert main(["print", "quyet_dinh_huy_bo", "--id", cid[:8], "--out", str(out_pdf), *db]) == EXIT_OK
    assert out_pdf.stat().st_size > 0


def test_awards_cancel_refuses_a_ground_outside_the_law(demo_store, capsys) -> None:
    first = demo_store.rows("decision_awardees")[0]
    with pytest.raises(SystemExit) as stop:
        main(["awards", "cancel", first["id"], "--date", "15/01/2026", "--ground", "e", "--reason", "x",
              "--signer", "A", "--signer-title", "Chủ tịch", "--yes", "--db", str(demo_store.path)])
    assert stop.value.code == EXIT_USAGE
    assert "'a', 'b', 'c', 'd'" in capsys.readouterr().err
    assert demo_store.count("award_cancellations") == 0


@pytest.mark.parametrize("form", ["0602N", "0604N", "0605N"])
def test_report_forms_not_read_are_refused_with_the_reason(demo_store, capsys, tmp_path, form) -> None:
    out = tmp_path / "b.xlsx"
    assert main(["report", form, "--period", "2026", "--out", str(out), "--db", str(demo_store.path)]) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert f"{form[:4]}.N" in err and "01/12/2025 – 30/11/2026" in err and "Thông tư 02/2023/TT-BNV" in err
    assert "Thông tư 18/2025/TT-BNV" in err  # the newer circular, not yet read, is named for a 2026 period
    assert not out.exists()
    assert main(["report", form, "--period", "2024", "--out", str(out), "--db", str(demo_store.path)]) == EXIT_REFUSED
    assert "18/2025" not in capsys.readouterr().err  # a 2024 period ended before it


def test_rules_show_writes_coefficients_as_the_decrees_do(capsys) -> None:
    """"7,0 lần", "0,45" (0,3 × 1,5 for a household, not a binary tail), and a title with no money says so
    instead of "hệ số  × lương cơ sở = 0 đồng"."""
    assert main(["rules", "show", "--date", "01/07/2026"]) == EXIT_OK
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if "× lương cơ sở" in line]
    assert lines and all("hệ số  ×" not in line and "9999" not in line for line in lines)
    assert any("hệ số 7,0 × lương cơ sở = 17.710.000 đồng" in line for line in lines)
    assert any("hệ số 1,0 × lương cơ sở = 2.530.000 đồng" in line for line in lines)
    assert any("Hộ gia đình: hệ số 0,45 × lương cơ sở = 1.140.000 đồng" in line for line in lines)
    assert "= 0 đồng" not in out
    for line in lines:
        figure = line.split("hệ số ", 1)[1].split(" ×", 1)[0]
        assert "," in figure, line
