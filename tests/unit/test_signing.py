"""Electronic documents: a PDF signed with a certificate from a certificate authority made here (PKCS#12 file and
a SoftHSM2 token as the PKCS#11 device), verified, and refused once one byte of it changes."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tdkt_desktop.cli import main
from tdkt_desktop.printing import render
from tdkt_desktop.printing.samples import sample_context
from tdkt_desktop.printing.signing import SignerSource, SigningError, sign_pdf, verify_pdf

SIGNER = "Trần Văn Minh"
MM = 72 / 25.4


@pytest.fixture(scope="module")
def issued(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An issued decision (numbered), signed by the chairman Trần Văn Minh."""
    path = tmp_path_factory.mktemp("doc") / "quyet-dinh.pdf"
    ctx = sample_context("quyet_dinh")
    ctx["signer"] = {"prefix": "", "title": "CHỦ TỊCH", "name": SIGNER}
    render("quyet_dinh", ctx, path)
    return path


def _blue_text_near_name(signed: Path) -> tuple[int, float, float]:
    """(page, top of the name, bottom of the visible signature) — the signature stands above the signer's name."""
    doc = pdfium.PdfDocument(str(signed))
    try:
        for index in range(len(doc) - 1, -1, -1):
            text = doc[index].get_textpage()
            found = text.search(SIGNER).get_next()
            if found:
                boxes = [text.get_charbox(i) for i in range(found[0], found[0] + found[1])]
                return index, max(b[3] for b in boxes), min(b[1] for b in boxes)
    finally:
        doc.close()
    raise AssertionError("signer's name not found")


def test_sign_with_p12_verifies_and_one_changed_byte_fails(pki: dict[str, Path], issued: Path, tmp_path: Path) -> None:
    signed = tmp_path / "ky-so.pdf"
    info = sign_pdf(issued, signed, SignerSource.from_p12(pki["can-bo.p12"], "mat-khau"), seal=pki["dau.png"])
    assert info.signer == SIGNER and info.organisation == "Ủy ban nhân dân phường Tân Phú"
    assert info.signing_time.endswith("+07:00")
    # the visible signature stands in the signing space just above the signer's name, on that page
    page, name_top, _ = _blue_text_near_name(signed)
    assert info.page == page + 1
    _x0, y0, _x1, y1 = (v * MM for v in info.box_mm)
    assert 0 < y0 - name_top < 4 * MM and y1 - y0 >= 20 * MM
    report = verify_pdf(signed, trust=[pki["ca.pem"]])
    assert report.ok, report.lines()
    (sig,) = report.signatures
    assert sig.signer == SIGNER and sig.intact and sig.valid and sig.whole_document and sig.trusted is True
    assert sig.signing_time and sig.signing_time.endswith("+07:00")
    # another authority is not trusted
    assert not verify_pdf(signed, trust=[pki["other-ca.pem"]]).ok
    # one byte changed inside the signed content
    data = bytearray(signed.read_bytes())
    at = data.index(b"stream", len(data) // 4) + 40
    data[at] = data[at] ^ 0x01
    tampered = tmp_path / "sua.pdf"
    tampered.write_bytes(bytes(data))
    bad = verify_pdf(tampered)
    assert not bad.ok
    assert bad.problem or not bad.signatures[0].intact
    # something appended after signing (an incremental update) is reported as a change
    appended = tmp_path / "them.pdf"
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    with signed.open("rb") as f:
        w = IncrementalPdfFileWriter(f)
        w.root["/Lang"] = w.root.get("/Lang")  # any update
        from pyhanko.pdf_utils import generic

        w.root["/PageMode"] = generic.NameObject("/UseOutlines")
        w.update_root()
        with appended.open("wb") as out:
            w.write(out)
    assert not verify_pdf(appended).ok


def test_draft_is_never_signed(pki: dict[str, Path], tmp_path: Path) -> None:
    draft = tmp_path / "du-thao.pdf"
    ctx = sample_context("quyet_dinh")
    ctx.pop("number", None)
    render("quyet_dinh", ctx, draft, draft=True)
    with pytest.raises(SigningError, match="dự thảo"):
        sign_pdf(draft, tmp_path / "x.pdf", SignerSource.from_p12(pki["can-bo.p12"], "mat-khau"))
    assert not (tmp_path / "x.pdf").exists()


def test_wrong_passphrase_and_not_a_pdf(pki: dict[str, Path], issued: Path, tmp_path: Path) -> None:
    with pytest.raises(SigningError, match="sai mật khẩu"):
        sign_pdf(issued, tmp_path / "x.pdf", SignerSource.from_p12(pki["can-bo.p12"], "sai"))
    text = tmp_path / "a.pdf"
    text.write_text("không phải PDF", encoding="utf-8")
    with pytest.raises(SigningError, match="không phải tệp PDF"):
        sign_pdf(text, tmp_path / "x.pdf", SignerSource.from_p12(pki["can-bo.p12"], "mat-khau"))
    assert not (tmp_path / "x.pdf").exists()


def test_cli_sign_and_verify(pki: dict[str, Path], issued: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "qd-ky-so.pdf"
    monkeypatch.setenv("MAT_KHAU_P12", "mat-khau")
    assert main(["sign", str(issued), "--p12", str(pki["can-bo.p12"]), "--pass-env", "MAT_KHAU_P12",
                 "--seal", str(pki["dau.png"]), "--out", str(out)]) == 0
    assert SIGNER in capsys.readouterr().out
    assert main(["verify", str(out), "--json", "--trust", str(pki["ca.pem"])]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["valid"] is True and data["signatures"][0]["signer"] == SIGNER
    assert main(["verify", str(out)]) == 0
    assert "KẾT LUẬN: HỢP LỆ" in capsys.readouterr().out
    raw = bytearray(out.read_bytes())
    raw[len(raw) // 3] ^= 0x20
    (tmp_path / "sua.pdf").write_bytes(bytes(raw))
    assert main(["verify", str(tmp_path / "sua.pdf")]) == 1
    assert "KHÔNG HỢP LỆ" in capsys.readouterr().out
    assert main(["verify", str(issued)]) == 1  # not signed at all
    assert "không có chữ ký số" in capsys.readouterr().out
    # no passphrase source without a terminal: a clear message, nothing written
    monkeypatch.delenv("MAT_KHAU_P12")
    assert main(["sign", str(issued), "--p12", str(pki["can-bo.p12"]), "--pass-env", "MAT_KHAU_P12",
                 "--out", str(tmp_path / "y.pdf")]) == 1
    assert "MAT_KHAU_P12" in capsys.readouterr().err
    assert main(["sign", str(issued), "--out", str(tmp_path / "y.pdf")]) == 1
    assert not (tmp_path / "y.pdf").exists()


def test_sign_with_a_pkcs11_token(token: dict[str, str], pki: dict[str, Path], issued: Path, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SOFTHSM2_CONF", token["conf"])
    out = tmp_path / "token.pdf"
    info = sign_pdf(issued, out, SignerSource.from_token(token["lib"], slot=int(token["slot"]), pin="123456"),
                    seal=pki["dau.png"])
    assert info.signer == SIGNER
    assert verify_pdf(out, trust=[pki["ca.pem"]]).ok
    with pytest.raises(SigningError, match="thiết bị ký số"):
        sign_pdf(issued, tmp_path / "x.pdf", SignerSource.from_token(token["lib"], slot=int(token["slot"]), pin="000000"))
    monkeypatch.setenv("PIN_TOKEN", "123456")
    cli_out = tmp_path / "token-cli.pdf"
    assert main(["sign", str(issued), "--pkcs11-lib", token["lib"], "--slot", token["slot"], "--pass-env",
                 "PIN_TOKEN", "--out", str(cli_out)]) == 0
    capsys.readouterr()
    assert main(["verify", str(cli_out), "--trust", str(pki["ca.pem"])]) == 0


def test_the_signing_time_shown_is_the_one_signed_and_no_traceback_reaches_the_terminal(
        pki: dict[str, Path], issued: Path, tmp_path: Path) -> None:
    import sys

    from tdkt_desktop.printing.signing import VIETNAM

    when = (dt.datetime.now(VIETNAM) - dt.timedelta(hours=1)).replace(microsecond=123456)
    out = tmp_path / "ky.pdf"
    info = sign_pdf(issued, out, SignerSource.from_p12(pki["can-bo.p12"], "mat-khau"), now=when)
    assert info.signing_time == when.replace(microsecond=0).isoformat()
    assert verify_pdf(out).signatures[0].signing_time == info.signing_time  # the time inside the signature
    # a certificate of another authority: the reason in Vietnamese, no traceback on the terminal
    proc = subprocess.run([sys.executable, "-m", "tdkt_desktop", "verify", str(out), "--trust",
                           str(pki["other-ca.pem"])], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "KHÔNG được chấp nhận" in proc.stdout and "KẾT LUẬN: KHÔNG HỢP LỆ" in proc.stdout
    assert "Traceback" not in proc.stderr and "Error" not in proc.stderr, proc.stderr


def test_the_demo_decision_printed_signed_and_verified_from_the_command_line(
        demo_store, pki: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """tdkt print quyet_dinh --issue → tdkt sign → tdkt verify exits 0; one byte changed → exit 1. The signer's
    certificate is the demo chairman's, so the signature stands over his name in the decision's signature block."""
    import sys

    db = str(demo_store.path)
    decision = demo_store.rows("decisions")[0]
    qd, signed = tmp_path / "qd.pdf", tmp_path / "qd-ky-so.pdf"
    assert main(["--db", db, "print", "quyet_dinh", "--id", decision["id"][:8], "--issue", "--out", str(qd)]) == 0
    capsys.readouterr()
    monkeypatch.setenv("MAT_KHAU", "mat-khau")
    assert main(["sign", str(qd), "--p12", str(pki["chu-tich-tan-an.p12"]), "--pass-env", "MAT_KHAU",
                 "--seal", str(pki["dau.png"]), "--out", str(signed), "--json"]) == 0
    signed_info = json.loads(capsys.readouterr().out)
    assert signed_info["signer"] == "Trần Văn Bình" and signed_info["page"] == 1
    report = verify_pdf(signed, trust=[pki["ca.pem"]])
    assert report.ok and report.signatures[0].signer == "Trần Văn Bình"
    # the visible signature is on the decision's own page, over the chairman's name — not in the list after it
    doc = pdfium.PdfDocument(str(signed))
    try:
        first_page_text = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    assert "CHỦ TỊCH" in first_page_text and "Trần Văn Bình" in first_page_text
    run = lambda *a: subprocess.run([sys.executable, "-m", "tdkt_desktop", *a], capture_output=True,  # noqa: E731
                                    text=True, timeout=120)
    ok = run("verify", str(signed), "--trust", str(pki["ca.pem"]), "--db", db)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "KẾT LUẬN: HỢP LỆ" in ok.stdout and "Trần Văn Bình" in ok.stdout and "Traceback" not in ok.stderr
    data = bytearray(signed.read_bytes())
    data[len(data) // 2] ^= 0x01  # one byte inside the signed content
    tampered = tmp_path / "qd-sua.pdf"
    tampered.write_bytes(bytes(data))
    bad = run("--db", db, "verify", str(tampered))
    assert bad.returncode == 1 and "KHÔNG HỢP LỆ" in bad.stdout and "Traceback" not in bad.stderr


def test_signing_prints_no_warning_of_a_library_and_silences_nothing_else():
    """pyHanko's import of the DSA key type made cryptography print a deprecation in English under every signing
    or checking command; it is silenced, and only it: with every warning made an error, signing's modules import,
    and any other deprecation of cryptography still is one."""
    code = (
        "import warnings\n"
        "from tdkt_desktop.printing import signing\n"
        "import pyhanko.sign.signers, pyhanko.sign.validation\n"
        "from cryptography.utils import CryptographyDeprecationWarning as W\n"
        "try:\n"
        "    warnings.warn('DSA is deprecated', W)\n"
        "except W:\n"
        "    print('still shown')\n"
    )
    done = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "still shown" and done.stderr == ""
