"""In ấn screen, driven through its widgets: the preview, the signer and the role's prefix, the Nơi nhận edited and
remembered, the list's "Kèm theo", drafts that take no number and issued copies that take one, PDF and Word,
signing with a certificate file and checking a signed PDF, certificate stock (offsets and pre-printed parts per
printer and document, calibration page), and the batch of a decision (stopped cleanly when cancelled)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from tdkt_desktop.gui.qt import QtCore, QtWidgets
from tdkt_desktop.store.db import open_store

CERTIFICATE_TITLES = ("CSTDCS", "GIAY_KHEN")


def _open_page(db: Path, settings: Path, qtbot: Any):  # type: ignore[no-untyped-def]
    from tdkt_desktop.gui.context import AppContext
    from tdkt_desktop.gui.print_view.page import make_print_page

    ctx = AppContext.open(db, settings=QtCore.QSettings(str(settings), QtCore.QSettings.Format.IniFormat))
    widget = make_print_page(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    ctx.jobs.wait_idle()
    return widget


@pytest.fixture
def page(demo_template: Path, tmp_path: Path, app: Any, qtbot: Any):  # type: ignore[no-untyped-def]
    db = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, db)
    widget = _open_page(db, tmp_path / "s.ini", qtbot)
    choose(widget, "decisions")
    assert widget.current_record() is not None
    yield widget
    widget.ctx.jobs.wait_idle()
    widget.ctx.close()


def choose(page: Any, kind: str, template: str | None = None) -> None:
    page.kind.setCurrentIndex(page.kind.findData(kind))
    page.ctx.jobs.wait_idle()
    if template is not None:
        index = page.template.findData(template)
        assert index >= 0, template
        page.template.setCurrentIndex(index)
    page.ctx.jobs.wait_idle()


def _pdf_text(path: Path | str) -> str:
    doc = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def shown(widget: Any) -> bool:
    """Not hidden by the screen (a widget on an option tab that is not the current one is still "shown")."""
    return not widget.isHidden()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _register(page: Any, doc_type: str | None = None) -> list[str]:
    with open_store(page.ctx.db_path) as store:
        from tdkt_desktop.store.numbering import numbers_issued

        return [r["code"] for r in numbers_issued(store, 2026, doc_type) + numbers_issued(store, 2025, doc_type)]


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


# --------------------------------------------------------------------------- preview


def test_preview_shows_a4_pages_and_says_whether_issued(page: Any) -> None:
    choose(page, "decisions", "quyet_dinh")
    page.preview_button.click()
    page.ctx.jobs.wait_idle(30_000)
    preview = page.preview
    assert len(preview.labels) >= 1
    pix = preview.pixmap(0)
    assert not pix.isNull()
    assert abs(pix.width() / pix.height() - 210 / 297) < 0.01
    image = preview.images[0]
    dark = sum(1 for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
               if image.pixelColor(x, y).lightness() < 128)
    assert dark > 50  # text was drawn, the page is not blank
    assert "01/QĐ-UBND" in preview.info.text()  # the decision is issued: its preview is the issued copy
    assert "DỰ THẢO" not in _pdf_text(page.preview_pdf)
    preview.set_zoom(1.5)
    assert preview.pixmap(0).width() > pix.width() or preview.effective_zoom() == 1.5
    choose(page, "campaigns", "ke_hoach_phat_dong")
    page.preview_button.click()
    page.ctx.jobs.wait_idle(30_000)
    assert "nháp" in preview.info.text()  # not issued yet: a draft, no number
    assert "DỰ THẢO" in _pdf_text(page.preview_pdf)


# --------------------------------------------------------------------------- signer, recipients, attached


def test_signer_role_and_recipients_chosen_on_the_screen_and_remembered(
        page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: Any, qtbot: Any) -> None:
    choose(page, "campaigns", "ke_hoach_phat_dong")
    assert shown(page.signer) and shown(page.recipients)
    vice = next(page.signer.itemData(i) for i in range(page.signer.count())
                if "Phó" in page.signer.itemText(i))
    page.signer.setCurrentIndex(page.signer.findData(vice))
    page.role.setCurrentIndex(page.role.findData("KT"))
    defaults = page.recipient_list()
    assert "UBND thành phố Cần Thơ (để báo cáo)" in defaults
    page.add_recipient.click()
    page.recipients.currentItem().setText("Sở Văn hóa, Thể thao và Du lịch thành phố Cần Thơ")
    page.recipients.setCurrentRow(0)
    page.remove_recipient.click()
    wanted = page.recipient_list()
    assert wanted == [*defaults[1:], "Sở Văn hóa, Thể thao và Du lịch thành phố Cần Thơ"]
    before = _register(page)
    out = tmp_path / "ke-hoach.pdf"
    _save_to(monkeypatch, out)
    page.mode_draft.setChecked(True)
    page.save_button.click()
    page.ctx.jobs.wait_idle(30_000)
    text = _one_line(_pdf_text(out))
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text and vice in text
    assert "- Sở Văn hóa, Thể thao và Du lịch thành phố Cần Thơ;" in text
    assert defaults[0] not in text
    assert "DỰ THẢO" in text and _register(page) == before  # a draft takes no number
    assert ("info", "Đã lưu") in [(k, t) for k, t, _ in messages.shown]

    # another session of the screen: the list is remembered for this kind of document
    again = _open_page(page.ctx.db_path, tmp_path / "s.ini", qtbot)
    choose(again, "campaigns", "ke_hoach_phat_dong")
    assert again.recipient_list() == wanted
    again.default_recipients.click()
    again.ctx.jobs.wait_idle()
    assert again.recipient_list() == defaults
    again.ctx.close()


def test_bien_ban_offers_no_signer_choice(page: Any) -> None:
    choose(page, "vote_sessions", "bien_ban")
    assert not shown(page.signer) and not shown(page.recipients)
    assert shown(page.signer_hint) or not page.option_tabs.isTabVisible(1)


def test_list_goes_with_its_submission(page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       messages: Any) -> None:
    choose(page, "nominations", "danh_sach")
    assert shown(page.attached_number)
    assert "TTr" in page.attached_number.placeholderText()
    page.attached_number.setText("07/TTr-HĐTĐKT")
    page.attached_date.setText("31/02/2025")  # no such day
    out = tmp_path / "danh-sach.pdf"
    _save_to(monkeypatch, out)
    page.save_button.click()
    page.ctx.jobs.wait_idle(30_000)
    assert not out.exists()
    assert any(kind == "warn" and "31/02/2025" in text for kind, _t, text in messages.shown)
    page.attached_date.setText("05/12/2025")
    page.save_button.click()
    page.ctx.jobs.wait_idle(30_000)
    assert "(Kèm theo Tờ trình số 07/TTr-HĐTĐKT ngày 05/12/2025" in _one_line(_pdf_text(out))


# --------------------------------------------------------------------------- drafts, issued copies, Word


def test_a_draft_takes_no_number_and_issuing_takes_one_once(page: Any, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch, messages: Any) -> None:
    choose(page, "campaigns", "ke_hoach_phat_dong")
    page.mode_draft.setChecked(True)
    draft = tmp_path / "du-thao.pdf"
    _save_to(monkeypatch, draft)
    page.save_button.click()
    page.ctx.jobs.wait_idle(30_000)
    assert _register(page, "KH") == []
    assert "Số: /KH-UBND" in _one_line(_pdf_text(draft)) and "DỰ THẢO" in _pdf_text(draft)
    assert not [m for m in messages.shown if m[0] == "confirm"]  # nothing to confirm for a draft

    page.mode_issue.setChecked(True)
    issued = tmp_path / "ban-hanh.pdf"
    _save_to(monkeypatch, issued)
    messages.answer = False  # "not now": nothing is taken, nothing written
    page.save_button.click()
    page.ctx.jobs.wait_idle(30_000)
    assert not issued.exists() and _register(page, "KH") == []
    messages.answer = True
    page.save_button.click()
    page.ctx.jobs.wait_idle(30_000)
    assert _register(page, "KH") == ["01/KH-UBND"]
    text = _one_line(_pdf_text(issued))
    assert "Số: 01/KH-UBND" in text and "DỰ THẢO" not in text
    assert page.issued_code() == "01/KH-UBND" and "01/KH-UBND" in page.number_hint.text()
    confirms = len([m for m in messages.shown if m[0] == "confirm"])
    page.save_button.click()  # saved again: the same number, no question
    page.ctx.jobs.wait_idle(30_000)
    assert _register(page, "KH") == ["01/KH-UBND"]
    assert len([m for m in messages.shown if m[0] == "confirm"]) == confirms
    page.preview_button.click()
    page.ctx.jobs.wait_idle(30_000)
    assert "01/KH-UBND" in page.preview.info.text()


def test_the_decision_as_word_from_the_screen_equals_the_command_line(
        page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    from docx import Document

    from tdkt_desktop.cli import main

    choose(page, "decisions", "quyet_dinh")
    page.mode_issue.setChecked(True)
    out = tmp_path / "quyet-dinh.docx"
    _save_to(monkeypatch, out)
    page.word_button.click()
    page.ctx.jobs.wait_idle(30_000)
    assert out.read_bytes()[:2] == b"PK"
    screen = Document(str(out))
    section = screen.sections[0]
    assert round(section.left_margin.mm) == 30 and round(section.page_width.mm) == 210

    def text(doc: Any) -> str:
        parts = [p.text for p in doc.paragraphs]
        for table in doc.tables:
            for row in table.rows:
                parts += [c.text for c in row.cells]
        return _one_line(" ".join(parts))

    body = text(screen)
    assert "QUYẾT ĐỊNH" in body and "Số: 01/QĐ-UBND" in body and "DỰ THẢO" not in body
    record_id = page.current_record()["id"]
    cli_out = tmp_path / "qd-cli.docx"
    assert main(["print", "quyet_dinh", "--id", record_id[:8], "--issue", "--out", str(cli_out),
                 "--date", page.date.date().toString("dd/MM/yyyy"), "--db", str(page.ctx.db_path)]) == 0
    capsys.readouterr()
    assert text(Document(str(cli_out))) == body


# --------------------------------------------------------------------------- signing and checking


def _pyhanko_status(path: Path, ca: Path) -> tuple[bool, bool, bool]:
    """(intact, valid, trusted) of the PDF's signature by pyHanko's own validation, trusting ``ca``."""
    from asn1crypto import pem, x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    root = x509.Certificate.load(pem.unarmor(ca.read_bytes())[2])
    with path.open("rb") as f:
        (signature,) = PdfFileReader(f, strict=False).embedded_signatures
        status = validate_pdf_signature(signature, ValidationContext(trust_roots=[root]))
        return bool(status.intact), bool(status.valid), bool(status.trusted)


def test_sign_the_issued_decision_and_check_it(page: Any, pki: dict[str, Path], tmp_path: Path,
                                               messages: Any) -> None:
    from tdkt_desktop.gui.print_view.signing import SignDialog, VerifyDialog

    choose(page, "decisions", "quyet_dinh")
    signed = tmp_path / "qd-ky-so.pdf"
    dialog = SignDialog(page.ctx, document=page.template.currentText(), default_out=str(signed), parent=page)
    assert dialog.use_current.isChecked()
    dialog.use_p12.setChecked(True)
    dialog.p12.setText(str(pki["chu-tich-tan-an.p12"]))
    dialog.passphrase.setText("sai mật khẩu")
    dialog.seal.setText(str(pki["dau.png"]))
    dialog._accept()
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    page.start_signing(dialog.values())
    page.ctx.jobs.wait_idle(30_000)
    assert not signed.exists()  # a wrong passphrase: said in Vietnamese, nothing written
    assert any(kind == "warn" and "sai mật khẩu" in text for kind, _t, text in messages.shown)
    dialog.passphrase.setText("mat-khau")
    page.start_signing(dialog.values())
    page.ctx.jobs.wait_idle(30_000)
    assert page.last_signed["signer"] == "Trần Văn Bình" and signed.exists()
    assert QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat).value(
        "printing/sign/p12") == str(pki["chu-tich-tan-an.p12"])
    settings_text = (tmp_path / "s.ini").read_text(encoding="utf-8")
    assert "mat-khau" not in settings_text  # the passphrase is never kept

    assert _pyhanko_status(signed, pki["ca.pem"]) == (True, True, True)  # the signing library itself agrees

    check = VerifyDialog(page.ctx, page)
    check.file.setText(str(signed))
    check.trust.setText(str(pki["ca.pem"]))
    check.check()
    page.ctx.jobs.wait_idle(30_000)
    assert check.report["valid"] is True
    assert "Trần Văn Bình" in check.verdict.text() and "+07:00" in check.verdict.text()
    assert check.verdict.property("ok") == "true"
    data = bytearray(signed.read_bytes())
    data[len(data) // 3] ^= 0x20
    tampered = tmp_path / "qd-sua.pdf"
    tampered.write_bytes(bytes(data))
    assert _pyhanko_status(tampered, pki["ca.pem"])[0] is False  # not intact for pyHanko either
    check.file.setText(str(tampered))
    check.check()
    page.ctx.jobs.wait_idle(30_000)
    assert check.report["valid"] is False and check.verdict.property("ok") == "false"
    assert "THAY ĐỔI" in check.verdict.text() or "KHÔNG" in check.verdict.text().upper()
    check.file.setText(str(tmp_path / "khong-co.pdf"))
    check.check()
    page.ctx.jobs.wait_idle(30_000)
    assert check.verdict.property("ok") == "false" and "khong-co.pdf" in check.verdict.text()


def test_a_draft_file_is_never_signed(page: Any, pki: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      messages: Any) -> None:
    from tdkt_desktop.gui.print_view.signing import SignDialog

    choose(page, "campaigns", "ke_hoach_phat_dong")
    page.mode_draft.setChecked(True)
    draft = tmp_path / "du-thao.pdf"
    _save_to(monkeypatch, draft)
    page.save_button.click()
    page.ctx.jobs.wait_idle(30_000)
    dialog = SignDialog(page.ctx, document="", default_out=str(tmp_path / "ky.pdf"), parent=page)
    assert dialog.use_file.isChecked() and not dialog.use_current.isEnabled()
    dialog.p12.setText(str(pki["chu-tich-tan-an.p12"]))
    dialog.passphrase.setText("mat-khau")
    dialog._accept()
    assert shown(dialog.error) and dialog.result() != QtWidgets.QDialog.DialogCode.Accepted
    dialog.source.setText(str(draft))
    dialog._accept()
    page.start_signing(dialog.values())
    page.ctx.jobs.wait_idle(30_000)
    assert not (tmp_path / "ky.pdf").exists()
    assert any(kind == "warn" and "dự thảo" in text for kind, _t, text in messages.shown)
    assert _register(page, "KH") == []


# --------------------------------------------------------------------------- certificate stock


def test_stock_offsets_and_preprinted_parts_are_remembered_and_applied(
        page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    from tdkt_desktop.gui.qt import Qt

    choose(page, "decisions", "bang_cstdcs")
    assert page.option_tabs.isTabVisible(2)
    page.paper_stock.setChecked(True)
    assert page.offset_x.isEnabled() and page.preprinted.isEnabled()
    ticked = page.preprinted_ids()
    assert {"qh", "tn", "tn_rule"} <= set(ticked)  # the template's pre-printed parts, by default
    page.offset_x.setValue(2.5)
    page.offset_y.setValue(-1.0)
    labels = {page.preprinted.item(i).data(Qt.ItemDataRole.UserRole): i for i in range(page.preprinted.count())}
    page.preprinted.item(labels["award"]).setCheckState(Qt.CheckState.Checked)  # this stock has the title too
    page.mode_issue.setChecked(True)
    out = tmp_path / "bang.pdf"
    _save_to(monkeypatch, out)
    page.save_button.click()
    page.ctx.jobs.wait_idle(30_000)
    text = _pdf_text(out)
    assert "CỘNG HÒA" not in text and "CHIẾN SĨ THI ĐUA CƠ SỞ" not in text
    assert "Số sổ vàng" in text and "TẶNG DANH HIỆU" in text

    again = _open_page(page.ctx.db_path, tmp_path / "s.ini", qtbot)
    choose(again, "decisions", "bang_cstdcs")
    assert again.paper_stock.isChecked()
    assert (again.offset_x.value(), again.offset_y.value()) == (2.5, -1.0)
    assert set(again.preprinted_ids()) == {*ticked, "award"}
    assert again.options()["stock_preprinted"] == again.preprinted_ids()
    again.ctx.close()


def test_calibration_page_goes_to_the_printer(page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtPrintSupport import QPrinter

    out = tmp_path / "can-chinh-in.pdf"

    def printer() -> QPrinter:
        p = QPrinter(QPrinter.PrinterMode.HighResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(out))
        p.setResolution(100)
        return p

    choose(page, "decisions", "bang_cstdcs")
    page.paper_stock.setChecked(True)
    page.offset_x.setValue(1.5)
    monkeypatch.setattr(page, "_ask_printer", printer)
    calls: list[Any] = []
    from tdkt_desktop.gui.print_view import work

    original = work.calibration
    monkeypatch.setattr(work, "calibration", lambda *a, **k: calls.append(original(*a, **k)) or calls[-1])
    page.calibrate_button.click()
    page.ctx.jobs.wait_idle(30_000)
    page.ctx.jobs.wait_idle(30_000)
    assert out.exists() and len(pdfium.PdfDocument(str(out))) == 1
    text = _one_line(_pdf_text(calls[0]["path"]))
    assert "TRANG CĂN CHỈNH" in text and "ngang +1,5 mm" in text and "Quốc hiệu" in text


# --------------------------------------------------------------------------- batch and printer


def _expected_batch(db: Path, decision_id: str) -> int:
    with open_store(db) as store:
        n = store.count("decision_awardees", f"decision_id = ? AND title_code IN "
                        f"({','.join('?' for _ in CERTIFICATE_TITLES)})", [decision_id, *CERTIFICATE_TITLES])
    return 1 + n


def test_batch_for_a_decision(page: Any, tmp_path: Path, messages: Any) -> None:
    folder = tmp_path / "in"
    page.mode_issue.setChecked(True)
    page.start_batch(str(folder))
    page.ctx.jobs.wait_idle(60_000)
    files = sorted(p.name for p in folder.iterdir())
    expected = _expected_batch(page.ctx.db_path, page.current_record()["id"])
    assert len(files) == expected >= 2
    assert sum(1 for f in files if f.startswith("quyet-dinh")) == 1
    assert all(f.endswith(".pdf") for f in files)
    assert page.last_batch["cancelled"] is False
    assert "DỰ THẢO" not in _pdf_text(folder / files[0])


def test_batch_can_be_cancelled(page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: Any) -> None:
    from tdkt_desktop.gui.print_view import work

    original = work.render_item
    calls = []

    def slow_then_cancel(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        calls.append(result)
        if len(calls) == 2:
            page.batch_job.cancel()
        return result

    monkeypatch.setattr(work, "render_item", slow_then_cancel)
    folder = tmp_path / "in"
    page.start_batch(str(folder))
    page.ctx.jobs.wait_idle(60_000)
    files = sorted(folder.iterdir())
    expected = _expected_batch(page.ctx.db_path, page.current_record()["id"])
    assert len(files) == 2 < expected
    assert all(p.suffix == ".pdf" and p.read_bytes().startswith(b"%PDF") for p in files)  # no partial file
    assert page.last_batch["cancelled"] is True
    assert any("Đã dừng" in text for _k, _t, text in messages.shown)


def test_print_paints_every_page(page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtPrintSupport import QPrinter

    out = tmp_path / "printed.pdf"

    def printer() -> QPrinter:
        p = QPrinter(QPrinter.PrinterMode.HighResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(out))
        p.setResolution(100)
        return p

    monkeypatch.setattr(page, "_ask_printer", printer)
    choose(page, "decisions", "quyet_dinh")
    page.print_button.click()
    page.ctx.jobs.wait_idle(30_000)
    page.ctx.jobs.wait_idle(30_000)
    assert out.exists()
    page.preview_button.click()
    page.ctx.jobs.wait_idle(30_000)
    doc, printed = pdfium.PdfDocument(page.preview_pdf), pdfium.PdfDocument(str(out))
    try:
        assert len(printed) == len(doc) >= 1
    finally:
        doc.close()
        printed.close()


def test_a_cancelling_decision_prints_from_the_screen_as_pdf_and_word(
        page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from docx import Document

    from tdkt_desktop.store.cancellations import cancel_awards

    with open_store(page.ctx.db_path) as store:
        awardee = store.rows("decision_awardees", order_by="so_vang")[0]
        cancel_awards(store, [awardee["id"]], cancel_date=dt.date(2026, 3, 2), ground="b",
                      reason="Hồ sơ đề nghị có giấy tờ không đúng sự thật", signer="Trần Văn Bình",
                      signer_title="Chủ tịch")
    choose(page, "award_cancellations", "quyet_dinh_huy_bo")
    assert page.current_record() is not None and "01/QĐ-UBND" in page.current_record()["detail"]
    assert shown(page.recipients)
    defaults = page.recipient_list()
    assert defaults[0] == "Như Điều 3" and "UBND thành phố Cần Thơ (để báo cáo)" in defaults
    page.mode_issue.setChecked(True)
    out = tmp_path / "huy-bo.pdf"
    _save_to(monkeypatch, out)
    page.save_button.click()
    page.ctx.jobs.wait_idle(30_000)
    text = _one_line(_pdf_text(out))
    assert "Về việc hủy bỏ Quyết định số 01/QĐ-UBND" in text and awardee["subject_name"] in text
    assert "Cơ quan cấp trên" not in text and "- UBND thành phố Cần Thơ (để báo cáo);" in text
    word = tmp_path / "huy-bo.docx"
    _save_to(monkeypatch, word)
    page.word_button.click()
    page.ctx.jobs.wait_idle(30_000)
    body = _one_line(" ".join(p.text for p in Document(str(word)).paragraphs))
    assert "QUYẾT ĐỊNH" in body and "Về việc hủy bỏ Quyết định số 01/QĐ-UBND" in body


def test_the_print_dialogs_are_in_vietnamese(page: Any, qtbot: Any) -> None:
    from tests.gui.test_i18n import problems, texts_of

    from tdkt_desktop.gui.print_view.page import BatchDialog
    from tdkt_desktop.gui.print_view.signing import SignDialog, VerifyDialog

    found: list[str] = []
    for dialog in (SignDialog(page.ctx, document="Quyết định", default_out="/tmp/x.pdf", parent=page),
                   VerifyDialog(page.ctx, page), BatchDialog(page.ctx, "decisions", page.current_record(), parent=page)):
        qtbot.addWidget(dialog)
        found += [f"{type(dialog).__name__}: {t}" for t in problems(texts_of(dialog))]
    for kind in ("decisions", "campaigns", "vote_sessions", "nominations", "award_cancellations"):
        choose(page, kind)
        found += [f"{kind}: {t}" for t in problems(texts_of(page))]
    assert not found, found


def test_sign_with_a_usb_token_from_the_screen(page: Any, token: dict[str, str], pki: dict[str, Path],
                                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tdkt_desktop.gui.print_view.signing import SignDialog
    from tdkt_desktop.printing.signing import verify_pdf

    monkeypatch.setenv("SOFTHSM2_CONF", token["conf"])
    choose(page, "decisions", "quyet_dinh")
    signed = tmp_path / "qd-token.pdf"
    dialog = SignDialog(page.ctx, document=page.template.currentText(), default_out=str(signed), parent=page)
    dialog.use_token.setChecked(True)
    assert not dialog.passphrase.isEnabled() and dialog.pin.isEnabled()
    dialog.library.setText(token["lib"])
    dialog.slot.setValue(int(token["slot"]))
    dialog.pin.setText("123456")
    dialog._accept()
    page.start_signing(dialog.values())
    page.ctx.jobs.wait_idle(30_000)
    assert page.last_signed["signer"] == "Trần Văn Minh"
    report = verify_pdf(signed, trust=[pki["ca.pem"]])
    assert report.ok and report.signatures[0].signer == "Trần Văn Minh"
    settings = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat)
    assert settings.value("printing/sign/kind") == "token" and settings.value("printing/sign/pkcs11_lib") == token["lib"]
    assert "123456" not in (tmp_path / "s.ini").read_text(encoding="utf-8")  # the PIN is never kept
