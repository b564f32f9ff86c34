"""The printing engine: templates as data, the registry by date, the renderer's text, fonts and errors."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tdkt_desktop.paths import forms_dir
from tdkt_desktop.printing import (
    FontError,
    MissingFieldError,
    PrintError,
    TemplateError,
    list_templates,
    render,
    template_for,
)
from tdkt_desktop.printing import fonts as fonts_mod
from tdkt_desktop.printing.samples import SAMPLE_NAMES, long_danh_sach, sample_context

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")

TEMPLATES = {
    "to_trinh", "danh_sach", "bao_cao_ca_nhan", "bao_cao_tap_the", "bien_ban", "quyet_dinh", "quyet_dinh_huy_bo",
    "giay_khen",
    "bang_cstdcs", "dang_ky_thi_dua", "ke_hoach_phat_dong", "bao_cao_ket_qua", "bieu_0601N", "bieu_0603N",
    "phieu_bau", "bien_ban_kiem_phieu", "cong_van", "thong_bao_ket_qua", "trich_so_vang", "giao_uoc_thi_dua",
}


def pdftext(path: Path, *, page: int | None = None, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def rendered(sample_pdfs: dict[str, tuple[Path, object]]) -> dict[str, tuple[Path, object]]:
    return {k: v for k, v in sample_pdfs.items() if k != "long"}


# --------------------------------------------------------------------------- registry


def test_every_template_is_in_forms_with_legal_basis_and_period() -> None:
    found = list_templates()
    assert {t.name for t in found} == TEMPLATES
    for t in found:
        assert t.legal_basis and t.valid_from and t.orientation in ("portrait", "landscape")
        assert t.path.parent == forms_dir()
        json.loads(t.path.read_text(encoding="utf-8"))
    assert set(SAMPLE_NAMES) == TEMPLATES


def test_template_chosen_by_effective_date() -> None:
    old = template_for("to_trinh", dt.date(2025, 3, 1))
    new = template_for("to_trinh", dt.date(2026, 1, 5))
    assert "98/2023" in old.legal_basis and old.valid_to == dt.date(2025, 6, 30)
    assert "152/2025" in new.legal_basis and new.valid_to is None
    assert template_for("to_trinh", "2025-06-30").path == old.path
    assert template_for("to_trinh", "2025-07-01").path == new.path
    with pytest.raises(TemplateError, match="Không có mẫu “to_trinh” áp dụng cho ngày 01/01/2023"):
        template_for("to_trinh", dt.date(2023, 1, 1))
    with pytest.raises(TemplateError, match="Không có mẫu in “khong_co”"):
        template_for("khong_co", dt.date(2026, 1, 1))


def test_render_reports_template_and_legal_basis(rendered: dict) -> None:
    for name, (path, info) in rendered.items():
        assert info.pages >= 1, name
        assert info.template == name
        assert info.legal_basis == template_for(name, sample_context(name)["date"]).legal_basis
        assert path.read_bytes().startswith(b"%PDF")
    assert "Mẫu số 01" in rendered["to_trinh"][1].legal_basis
    assert "Mẫu số 05" in rendered["bao_cao_ca_nhan"][1].legal_basis


def test_older_decree_period_renders_its_own_template(tmp_path: Path) -> None:
    ctx = sample_context("to_trinh")
    ctx["date"] = dt.date(2025, 5, 20)
    info = render("to_trinh", ctx, tmp_path / "old.pdf")
    assert "98/2023" in info.legal_basis and info.template_file == "to_trinh.2024-01-01.json"


# --------------------------------------------------------------------------- text


def test_to_trinh_text(rendered: dict) -> None:
    text = one_line(pdftext(rendered["to_trinh"][0]))
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHÚ",
        "Số: 05/TTr-UBND",
        "Tân Phú, ngày 05 tháng 01 năm 2026",
        "TỜ TRÌNH",
        "Kính gửi: Chủ tịch Ủy ban nhân dân thành phố Cần Thơ.",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "xem xét, quyết định./.",
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT, VP.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Trần Văn Minh",
    ):
        assert expected in text, expected


def test_every_sample_prints_its_key_text(rendered: dict) -> None:
    expect = {
        "danh_sach": ["DANH SÁCH", "(Kèm theo Tờ trình số 05/TTr-UBND ngày 05/01/2026", "Bà Đặng Thị Hồng Nhung",
                      "Tóm tắt thành tích", "90,91"],
        "bao_cao_ca_nhan": ["BÁO CÁO THÀNH TÍCH", "I. SƠ LƯỢC LÝ LỊCH", "Nguyễn Thị Thu Hà", "12/03/1986",
                            "Tên sáng kiến", "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", "XÁC NHẬN, ĐỀ NGHỊ",
                            "NGƯỜI BÁO CÁO THÀNH TÍCH", "2024"],
        "bao_cao_tap_the": ["TRƯỜNG TIỂU HỌC TÂN PHÚ", "Năm 2024", "Năm 2025", "So sánh (%)", "Phạm Ngọc Ánh"],
        "bien_ban": ["BIÊN BẢN", "Số: 03/BB-HĐTĐKT", "Tổng số thành viên Hội đồng: 11 người", "81,82", "63,64",
                     "THƯ KÝ", "CHỦ TỌA", "16 giờ 30"],
        "quyet_dinh": ["QUYẾT ĐỊNH", "Về việc tặng Giấy khen", "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHÚ",
                       "QUYẾT ĐỊNH:", "Điều 1.", "Điều 2.", "Điều 3.", "- Như Điều 3;", "Số sổ vàng",
                       "(Kèm theo Quyết định số 125/QĐ-UBND ngày 26/12/2025", "Tổng cộng", "3.290.000",
                       "Ông Dương Quang Hưởng"],
        "giay_khen": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHÚ", "TẶNG",
                      "GIẤY KHEN", "Bà Võ Thị Ngọc Hân", "Số quyết định: 125/QĐ-UBND, ngày 26/12/2025",
                      "Số sổ vàng: 02", "Tân Phú, ngày 26 tháng 12 năm 2025"],
        "bang_cstdcs": ["TẶNG DANH HIỆU", "CHIẾN SĨ THI ĐUA CƠ SỞ", "Năm 2025", "Số sổ vàng: 07"],
        "dang_ky_thi_dua": ["BẢN ĐĂNG KÝ THI ĐUA", "Năm 2026", "Số: 12/ĐK-THTP", "Danh hiệu thi đua đăng ký",
                            "HIỆU TRƯỞNG"],
        "ke_hoach_phat_dong": ["KẾ HOẠCH", "Số: 12/KH-UBND", "I. MỤC ĐÍCH, YÊU CẦU", "II. MỤC TIÊU",
                               "III. NỘI DUNG THI ĐUA", "IV. CHỈ TIÊU THI ĐUA", "V. TỔ CHỨC THỰC HIỆN",
                               "Chỉ tiêu năm 2026"],
        "bao_cao_ket_qua": ["BÁO CÁO", "Số: 210/BC-UBND", "Đăng ký", "Thực hiện", "Tỷ lệ (%)", "Đánh giá",
                            "101,38", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Mỹ Duyên", "V. PHƯƠNG HƯỚNG"],
    }
    for name, phrases in expect.items():
        text = one_line(pdftext(rendered[name][0]))
        for phrase in phrases:
            assert phrase in text, (name, phrase)


def test_every_vietnamese_letter_survives(tmp_path: Path) -> None:
    ctx = sample_context("to_trinh")
    ctx["summary"] = [fonts_mod.VIETNAMESE_LETTERS, "Nguyễn Thị Mỹ Duyên, Đặng Văn Lực, Trương Thị Ẩn, ỹ ẫ ặ ự Đ ơ ư"]
    render("to_trinh", ctx, tmp_path / "abc.pdf")
    text = pdftext(tmp_path / "abc.pdf")
    assert fonts_mod.VIETNAMESE_LETTERS in text.replace("\n", "")
    assert "ỹ ẫ ặ ự Đ ơ ư" in text


def test_unissued_document_shows_blanks(tmp_path: Path) -> None:
    ctx = sample_context("to_trinh")
    ctx["number"] = None
    ctx["date"] = None
    ctx["year"] = 2026
    render("to_trinh", ctx, tmp_path / "draft.pdf", on_date=dt.date(2026, 1, 5))
    text = pdftext(tmp_path / "draft.pdf", layout=True)
    assert re.search(r"Số:\s{3,}/TTr-UBND", text)
    assert re.search(r"Tân Phú, ngày\s{3,}tháng\s{3,}năm 2026", text)


def test_recipients_punctuation(rendered: dict) -> None:
    lines = [s.strip() for s in pdftext(rendered["ke_hoach_phat_dong"][0], layout=True).splitlines()]
    entries = [re.split(r"\s{3,}", s)[0] for s in lines if s.startswith("- ") and len(s) < 140]
    entries = [e for e in entries if e.endswith((";", "."))]
    assert entries[-1] == "- Lưu: VT, VP."
    assert all(e.endswith(";") for e in entries[:-1]) and len(entries) >= 5


# --------------------------------------------------------------------------- fonts


def test_fonts_embedded_as_subsets(rendered: dict) -> None:
    for name, (path, info) in rendered.items():
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = out.splitlines()[2:]
        assert rows, name
        for row in rows:
            assert re.search(r"(TimesNewRoman|Times New Roman|LiberationSerif|Tinos)", row), (name, row)
            emb, sub = row.split()[-5], row.split()[-4]
            assert (emb, sub) == ("yes", "yes"), (name, row)
        assert info.font in ("Times New Roman", "Liberation Serif", "Tinos")


def test_font_check_rejects_incomplete_vietnamese() -> None:
    old = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")
    chosen = fonts_mod.find_font_set()
    assert fonts_mod.missing_vietnamese(chosen.regular) == ""
    if old.is_file() and fonts_mod.missing_vietnamese(old):
        assert chosen.regular != old  # Liberation 1.x has no ơ/ư: never chosen


def test_no_font_gives_vietnamese_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts_mod, "font_dirs", lambda: [])
    monkeypatch.setattr(fonts_mod, "_fc_list", lambda family: {})
    with pytest.raises(FontError) as err:
        fonts_mod.find_font_set()
    assert "fonts-liberation2" in str(err.value) and "Times New Roman" in str(err.value)
    assert "phông chữ" in str(err.value)


# --------------------------------------------------------------------------- errors and files


def test_missing_field_names_it_in_vietnamese(tmp_path: Path) -> None:
    ctx = sample_context("to_trinh")
    del ctx["signer"]["name"]
    with pytest.raises(MissingFieldError) as err:
        render("to_trinh", ctx, tmp_path / "x.pdf")
    assert err.value.field == "signer.name"
    assert "Họ tên người ký" in str(err.value) and "to_trinh" in str(err.value)
    assert not (tmp_path / "x.pdf").exists()

    ctx = sample_context("danh_sach")
    ctx["rows"][1]["name"] = ""
    with pytest.raises(MissingFieldError, match="Họ tên / tên tập thể"):
        render("danh_sach", ctx, tmp_path / "y.pdf")

    ctx = sample_context("giay_khen")
    del ctx["certificates"][0]["gold_book"]
    with pytest.raises(MissingFieldError, match="Số sổ vàng"):
        render("giay_khen", ctx, tmp_path / "z.pdf")


def test_failed_render_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "to_trinh.pdf"
    target.write_bytes(b"old")
    ctx = sample_context("to_trinh")
    ctx["subject"] = ""
    with pytest.raises(PrintError):
        render("to_trinh", ctx, target)
    assert target.read_bytes() == b"old"
    render("to_trinh", sample_context("to_trinh"), target)
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["to_trinh.pdf"]


def test_pdf_says_who_made_it_and_when(tmp_path: Path) -> None:
    """The document information carries the issuing body and the real creation time (not 2000-01-01 and
    "anonymous"), and the file is readable by the office like any other file it saves (not 0600)."""
    import os
    import stat

    from pypdf import PdfReader

    buffer = io.BytesIO()
    render("quyet_dinh", sample_context("quyet_dinh"), buffer)
    assert buffer.getvalue().startswith(b"%PDF")
    for name in ("quyet_dinh", "giay_khen"):
        path = tmp_path / f"{name}.pdf"
        render(name, sample_context(name), path)
        meta = PdfReader(path).metadata
        assert meta is not None
        assert meta.author and meta.author != "anonymous"
        assert "Phường Tân Phú".lower() in meta.author.lower()
        created = meta.creation_date
        assert created is not None and abs((created.replace(tzinfo=None) - dt.datetime.now()).total_seconds()) < 36 * 3600
        assert created.year >= 2024
        mode = stat.S_IMODE(os.stat(path).st_mode)
        umask = os.umask(0)
        os.umask(umask)
        assert mode == 0o666 & ~umask


def test_margins_outside_decree_are_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="30/2020"):
        render("to_trinh", sample_context("to_trinh"), tmp_path / "m.pdf", margins_mm={"left": 20})
    info = render("to_trinh", sample_context("to_trinh"), tmp_path / "m.pdf", margins_mm={"left": 35, "top": 25})
    assert info.pages >= 1


def test_long_list_renders(tmp_path: Path) -> None:
    info = render("danh_sach", long_danh_sach(120), tmp_path / "long.pdf")
    assert info.pages >= 3


def test_printing_never_imports_qt() -> None:
    root = Path(__file__).resolve().parents[2] / "src" / "tdkt_desktop" / "printing"
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "PySide6" not in source and "PyQt" not in source, path
