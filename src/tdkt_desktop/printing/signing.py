"""Electronic documents (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II): sign an issued PDF, verify a received one.

    info = sign_pdf("qd.pdf", "qd-ky-so.pdf", SignerSource.from_p12("can-bo.p12", b"mat-khau"), seal="dau.png")
    for sig in verify_pdf("qd-ky-so.pdf").signatures: print(sig.signer, sig.signing_time, sig.unchanged)

The signature is a PAdES signature made with pyHanko; the certificate comes from a PKCS#12 file or a PKCS#11
token (the USB tokens officials are issued). Its visible appearance follows Phụ lục I: placed in the signing
space of the signature block (centred between the signer's title and name, found by the signer's name on the
page), the seal image over the left third of it, and the signing information — organisation and signing
time (ISO 8601, Vietnam's time zone) — in Times New Roman 10 pt, blue.

Verification reports, for each signature: who signed (the certificate's name and organisation), when,
whether the signed bytes are intact and the signature cryptographically valid, whether the document was
changed after signing, and — when trust anchors are given — whether the certificate chains to one of them.
"""

from __future__ import annotations

import datetime as _dt
import io
import logging
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tdkt_desktop.core.files import atomic_write
from tdkt_desktop.printing.errors import PrintError

# pyHanko imports the DSA key type, which cryptography now deprecates with a warning in English printed under every
# signing or checking command: that warning, raised by pyHanko's import, is the only one silenced (nothing else
# changes; a deprecation raised anywhere else is shown as before)
warnings.filterwarnings("ignore", message="DSA is deprecated", module=r"pyhanko\.")

__all__ = [
    "DRAFT_KEYWORD",
    "SignatureReport",
    "SignedInfo",
    "SignerSource",
    "SigningError",
    "VerifyReport",
    "sign_pdf",
    "verify_pdf",
]

# pyHanko reports a certificate it cannot trust as a warning with a traceback; the report says it in Vietnamese
# instead, so nothing of it reaches a person's terminal (the application's own log handlers still see it).
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

VIETNAM = _dt.timezone(_dt.timedelta(hours=7), "+07:00")
DRAFT_KEYWORD = "DU_THAO"  # in the PDF keywords of a draft: a draft is never signed
_MM = 72 / 25.4
_BLUE = (0.0, 0.0, 1.0)
_SIGN_SPACE = 18 * _MM
_KEY_USAGE: Any = None  # the part of the signing space (26 mm in the signature block) that must be free


class SigningError(PrintError):
    """Signing or verifying could not be done; the message says why in Vietnamese."""


@dataclass
class SignerSource:
    """Where the signing key lives: a PKCS#12 file, or a PKCS#11 token (library, slot, PIN)."""

    p12: Path | None = None
    passphrase: bytes | None = None
    pkcs11_lib: str | None = None
    slot: int | None = None
    pin: str | None = None
    key_label: str | None = None

    @classmethod
    def from_p12(cls, path: str | Path, passphrase: bytes | str | None) -> SignerSource:
        secret = passphrase.encode("utf-8") if isinstance(passphrase, str) else passphrase
        return cls(p12=Path(path), passphrase=secret)

    @classmethod
    def from_token(cls, lib: str, *, slot: int | None, pin: str | None, key_label: str | None = None) -> SignerSource:
        return cls(pkcs11_lib=lib, slot=slot, pin=pin, key_label=key_label)

    @contextmanager
    def open(self) -> Iterator[Any]:
        """A pyHanko signer for the key (the token session stays open while it is used)."""
        from pyhanko.sign import signers

        if self.p12 is not None:
            try:
                data = self.p12.read_bytes()
            except OSError as exc:
                from tdkt_desktop.core.errors import describe_os_error

                raise SigningError(describe_os_error(exc, path=self.p12, reading=True)) from exc
            try:
                signer = signers.SimpleSigner.load_pkcs12_data(data, other_certs=(), passphrase=self.passphrase)
            except Exception as exc:
                raise SigningError(
                    f"Không mở được chứng thư số trong tệp {self.p12.name}: sai mật khẩu hoặc tệp không phải "
                    "PKCS#12 (.p12, .pfx). Hãy kiểm tra mật khẩu và tệp rồi thử lại."
                ) from exc
            if signer is None:
                raise SigningError(f"Tệp {self.p12.name} không chứa khóa ký và chứng thư số.")
            yield signer
            return
        if not self.pkcs11_lib:
            raise SigningError("Chưa chọn chứng thư số: hãy chỉ tệp .p12 hoặc thiết bị ký số (thư viện PKCS#11).")
        from pyhanko.sign import pkcs11 as hanko_pkcs11

        try:
            session = hanko_pkcs11.open_pkcs11_session(self.pkcs11_lib, slot_no=self.slot or 0, user_pin=self.pin)
        except Exception as exc:
            raise SigningError(
                f"Không mở được thiết bị ký số (thư viện {self.pkcs11_lib}, khe {self.slot or 0}): "
                f"{_reason(exc)}. Hãy cắm thiết bị, kiểm tra mã PIN và số khe rồi thử lại."
            ) from exc
        try:
            try:
                signer = hanko_pkcs11.PKCS11Signer(session, key_label=self.key_label or _first_key_label(session))
                signer.signing_cert  # noqa: B018 - loads the certificate now, so a missing one is reported here
            except SigningError:
                raise
            except Exception as exc:
                raise SigningError(
                    f"Thiết bị ký số không có khóa và chứng thư dùng được: {_reason(exc)}."
                ) from exc
            yield signer
        finally:
            session.close()


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


def _first_key_label(session: Any) -> str:
    from pkcs11 import Attribute, ObjectClass

    for key in session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY}):
        label = key[Attribute.LABEL]
        if label:
            return str(label)
    raise SigningError("Thiết bị ký số không có khóa bí mật nào.")


@dataclass(frozen=True)
class SignedInfo:
    """What was signed: the output file, the signer's name, the signing time and where the signature stands."""

    path: str
    signer: str
    organisation: str
    signing_time: str
    page: int
    box_mm: tuple[float, float, float, float]


def _subject(cert: Any) -> tuple[str, str]:
    native = cert.subject.native
    name = str(native.get("common_name") or cert.subject.human_friendly)
    org = native.get("organization_name") or ""
    if isinstance(org, list):
        org = ", ".join(str(o) for o in org)
    return unicodedata.normalize("NFC", name), unicodedata.normalize("NFC", str(org))


def _find_name_box(pdf: bytes, name: str) -> tuple[int, tuple[float, float, float, float]] | None:
    """(page index, (x0, y0, x1, y1) in points from the bottom left) of the signer's name in the signature block:
    the last place ``name`` is printed with the signing space free above it (the same name in a list of
    awardees has text right above it and is passed over)."""
    import pypdfium2 as pdfium

    wanted = unicodedata.normalize("NFC", name).strip()
    if not wanted:
        return None
    doc = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(doc) - 1, -1, -1):
            page = doc[index]
            text = page.get_textpage()
            try:
                searcher = text.search(wanted, match_case=False)
                hits = []
                while (hit := searcher.get_next()) is not None:
                    hits.append(hit)
                for start, count in reversed(hits):
                    boxes = [text.get_charbox(i) for i in range(start, start + count)]
                    x0 = min(b[0] for b in boxes)
                    y0 = min(b[1] for b in boxes)
                    x1 = max(b[2] for b in boxes)
                    y1 = max(b[3] for b in boxes)
                    above = text.get_text_bounded(left=x0, bottom=y1 + 2 * _MM, right=x1, top=y1 + _SIGN_SPACE)
                    if not above.strip():
                        return index, (x0, y0, x1, y1)
            finally:
                text.close()
                page.close()
    finally:
        doc.close()
    return None


def _page_size(pdf: bytes, index: int) -> tuple[float, float]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        w, h = doc[index].get_size()
        return float(w), float(h)
    finally:
        doc.close()


def _page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def _signature_box(pdf: bytes, name: str) -> tuple[int, tuple[float, float, float, float]]:
    """Where the visible signature goes: the signing space above the signer's printed name (its 26 mm),
    centred on the name; without the name on any page, above the bottom margin at the right of the last page."""
    width, height = 70 * _MM, 24 * _MM
    found = _find_name_box(pdf, name)
    if found is not None:
        index, (x0, _y0, x1, y1) = found
        centre = (x0 + x1) / 2
        page_w, _page_h = _page_size(pdf, index)
        left = min(max(centre - width / 2, 30 * _MM), page_w - 15 * _MM - width)
        bottom = y1 + 1.5 * _MM
        return index, (left, bottom, left + width, bottom + height)
    index = _page_count(pdf) - 1
    page_w, _page_h = _page_size(pdf, index)
    left = page_w - 15 * _MM - width
    return index, (left, 22 * _MM, left + width, 22 * _MM + height)


def _is_draft(pdf: bytes) -> bool:
    from pypdf import PdfReader

    try:
        meta = PdfReader(io.BytesIO(pdf)).metadata
    except Exception:
        return False
    keywords = str(meta.get("/Keywords") or "") if meta else ""
    return DRAFT_KEYWORD in keywords


def _font_file() -> Path:
    from tdkt_desktop.printing.fonts import register_fonts

    return register_fonts().regular


def sign_pdf(
    source: str | Path,
    out: str | Path,
    key: SignerSource,
    *,
    seal: str | Path | None = None,
    reason: str = "Ban hành văn bản",
    location: str | None = None,
    now: _dt.datetime | None = None,
) -> SignedInfo:
    """Sign the PDF ``source`` into ``out`` (written atomically). Raises :class:`SigningError`."""
    from pyhanko import stamp
    from pyhanko.pdf_utils import content
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    src = Path(source)
    try:
        data = src.read_bytes()
    except OSError as exc:
        from tdkt_desktop.core.errors import describe_os_error

        raise SigningError(describe_os_error(exc, path=src, reading=True)) from exc
    if not data.startswith(b"%PDF"):
        raise SigningError(f"Tệp {src.name} không phải tệp PDF.")
    if _is_draft(data):
        raise SigningError(
            f"Tệp {src.name} là bản dự thảo (chưa ban hành, chưa có số). Chỉ ký số văn bản đã ban hành: "
            "hãy in bản ban hành rồi ký."
        )
    seal_image = None
    if seal is not None:
        seal_path = Path(seal)
        try:
            from PIL import Image

            with Image.open(seal_path) as img:
                img.load()
                seal_image = img.convert("RGBA")
        except (OSError, ValueError) as exc:
            raise SigningError(f"Không đọc được ảnh con dấu {seal_path.name}: cần tệp ảnh .png nền trong suốt.") from exc
    when = (now or _dt.datetime.now(VIETNAM)).astimezone(VIETNAM).replace(microsecond=0)
    with key.open() as signer:
        name, organisation = _subject(signer.signing_cert)
        page, box = _signature_box(data, name)
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        except Exception as exc:
            raise SigningError(f"Tệp {src.name} hỏng hoặc không đọc được như PDF: {_reason(exc)}.") from exc
        field_name = f"ChuKySo{len(list(_existing_fields(writer))) + 1}"
        fields.append_signature_field(
            writer, fields.SigFieldSpec(field_name, on_page=page, box=tuple(round(v) for v in box))  # type: ignore[arg-type]
        )
        appearance = _appearance_pdf(
            box[2] - box[0], box[3] - box[1], name=name, organisation=organisation, when=when, seal=seal_image
        )
        style = stamp.StaticStampStyle(
            border_width=0, background=content.ImportedPdfPage(str(appearance), page_ix=0),  # type: ignore[no-untyped-call]  # pyHanko leaves it unannotated
            background_opacity=1.0,
        )
        meta = signers.PdfSignatureMetadata(
            field_name=field_name, md_algorithm="sha256", reason=reason, location=location, name=name,
            subfilter=fields.SigSeedSubFilter.PADES,
        )
        pdf_signer = _signer_at(when)(meta, signer=signer, stamp_style=style)
        buffer = io.BytesIO()
        try:
            pdf_signer.sign_pdf(writer, output=buffer)
        except SigningError:
            raise
        except Exception as exc:
            raise SigningError(f"Không ký được văn bản: {_reason(exc)}.") from exc
        finally:
            appearance.unlink(missing_ok=True)
    atomic_write(Path(out), buffer.getvalue(), make_parents=True)
    return SignedInfo(
        path=str(out), signer=name, organisation=organisation, signing_time=when.isoformat(timespec="seconds"),
        page=page + 1, box_mm=tuple(round(v / _MM, 1) for v in box),  # type: ignore[arg-type]
    )


def _signer_at(when: _dt.datetime) -> Any:
    """pyHanko's PDF signer with the signing time fixed to ``when``: the time written in the signature is the one
    the visible signature shows and the one reported."""
    from pyhanko.sign import signers

    class _AtTime(signers.PdfSigner):
        def init_signing_session(self, pdf_out: Any, existing_fields_only: bool = False) -> Any:
            session = super().init_signing_session(pdf_out, existing_fields_only)
            session.system_time = when
            return session

    return _AtTime


def _appearance_pdf(width: float, height: float, *, name: str, organisation: str, when: _dt.datetime,
                    seal: Any) -> Path:
    """The visible signature as a one-page PDF of the box's size (NĐ 30/2020, Phụ lục I, mục II): the seal image
    (its real size, at most the box's height) over the left third, the signing information in Times New Roman
    10 pt, blue, at the right."""
    import tempfile

    from reportlab.lib.colors import Color
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    from tdkt_desktop.printing.fonts import font_name, register_fonts

    register_fonts()
    handle = tempfile.NamedTemporaryFile(prefix="tdkt-chu-ky-", suffix=".pdf", delete=False)
    handle.close()
    canv = Canvas(handle.name, pagesize=(width, height))
    text_left = 0.0
    if seal is not None:
        side = min(height, 36 * _MM)
        w, h = seal.size
        scale = side / max(w, h)
        canv.drawImage(ImageReader(seal), 0, (height - h * scale) / 2, w * scale, h * scale, mask="auto")
        text_left = w * scale * 2 / 3
    lines = [f"Ký bởi: {name}"]
    if organisation:
        lines.append(f"Cơ quan: {organisation}")
    lines.append(f"Thời gian ký: {when.strftime('%Y-%m-%dT%H:%M:%S')}+07:00")
    size = 10.0
    regular = font_name("regular")
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    room = width - text_left - 2
    wrapped: list[str] = []
    for line in lines:
        wrapped += simpleSplit(line, regular, size, room) or [""]
    canv.setFillColor(Color(0, 0, 1))
    canv.setFont(regular, size)
    pitch = size * 1.15
    top = (height + pitch * len(wrapped)) / 2 - size * 0.9
    for i, line in enumerate(wrapped):
        canv.drawString(text_left + max(0.0, (room - stringWidth(line, regular, size)) / 2), top - i * pitch, line)
    canv.showPage()
    canv.save()
    return Path(handle.name)


def _existing_fields(writer: Any) -> Iterator[Any]:
    from pyhanko.sign import fields

    try:
        yield from fields.enumerate_sig_fields(writer.prev)
    except Exception:
        return


# --------------------------------------------------------------------------- verification


@dataclass
class SignatureReport:
    """One signature of a received PDF."""

    field: str
    signer: str = ""
    organisation: str = ""
    serial: str = ""
    issuer: str = ""
    signing_time: str | None = None
    intact: bool = False  # the signed bytes are what was signed
    valid: bool = False  # the signature over them is cryptographically valid
    whole_document: bool = False  # it covers the file as it is (nothing added after signing)
    trusted: bool | None = None  # the certificate chains to a given trust anchor (None: not checked)
    problem: str = ""

    @property
    def unchanged(self) -> bool:
        return self.intact and self.whole_document

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.whole_document and self.trusted is not False


@dataclass
class VerifyReport:
    path: str
    signatures: list[SignatureReport] = field(default_factory=list)
    problem: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.signatures) and not self.problem and all(s.ok for s in self.signatures)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.path, "valid": self.ok, "problem": self.problem,
            "signatures": [{**asdict(s), "unchanged": s.unchanged, "ok": s.ok} for s in self.signatures],
        }

    def lines(self) -> list[str]:
        """The report in Vietnamese, as a person reads it."""
        out = [f"Tệp: {self.path}"]
        if self.problem:
            out.append(f"KHÔNG HỢP LỆ: {self.problem}")
            return out
        if not self.signatures:
            out.append("Tệp không có chữ ký số nào.")
            return out
        for i, s in enumerate(self.signatures, 1):
            out.append(f"Chữ ký {i} ({s.field}):")
            out.append(f"  Người ký: {s.signer}" + (f" — {s.organisation}" if s.organisation else ""))
            if s.issuer:
                out.append(f"  Cấp bởi: {s.issuer}; số hiệu chứng thư: {s.serial}")
            out.append(f"  Thời gian ký: {s.signing_time or 'không ghi'}")
            if not s.intact:
                out.append("  Văn bản ĐÃ BỊ THAY ĐỔI sau khi ký (nội dung không còn khớp chữ ký).")
            elif not s.valid:
                out.append("  Chữ ký KHÔNG HỢP LỆ (không khớp chứng thư số).")
            elif not s.whole_document:
                out.append("  Văn bản ĐÃ ĐƯỢC THÊM NỘI DUNG sau khi ký (chữ ký không bao trùm toàn bộ tệp).")
            else:
                out.append("  Chữ ký hợp lệ; văn bản không bị thay đổi sau khi ký.")
            if s.trusted is True:
                out.append("  Chứng thư số thuộc tổ chức chứng thực được tin cậy.")
            elif s.trusted is False:
                out.append(f"  Chứng thư số KHÔNG được chấp nhận: "
                           f"{s.problem or 'không thuộc tổ chức chứng thực được tin cậy đã chỉ định'}.")
            else:
                out.append("  Chưa đối chiếu với tổ chức chứng thực tin cậy (chỉ định tệp chứng thư của tổ chức đó "
                           "để đối chiếu).")
            if s.problem and s.trusted is not False:
                out.append(f"  Ghi chú: {s.problem}")
        out.append("KẾT LUẬN: HỢP LỆ" if self.ok else "KẾT LUẬN: KHÔNG HỢP LỆ")
        return out


def _load_certs(paths: Sequence[str | Path]) -> list[Any]:
    from asn1crypto import pem, x509

    out = []
    for p in paths:
        path = Path(p)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            from tdkt_desktop.core.errors import describe_os_error

            raise SigningError(describe_os_error(exc, path=path, reading=True)) from exc
        try:
            if pem.detect(raw):
                out += [x509.Certificate.load(der) for _t, _h, der in pem.unarmor(raw, multiple=True)]
            else:
                out.append(x509.Certificate.load(raw))
        except Exception as exc:
            raise SigningError(f"Tệp {path.name} không phải chứng thư số (PEM hoặc DER).") from exc
    return out


def _key_usage() -> Any:
    from pyhanko.sign.validation.settings import KeyUsageConstraints

    # a document signature: the certificate allows digital signatures or non-repudiation (either is enough)
    return KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False)


def _trust_problem(status: Any) -> str:
    """Why the certificate was not accepted, in Vietnamese."""
    indic = str(getattr(status, "trust_problem_indic", "") or "")
    if "REVOKED" in indic:
        return "chứng thư số đã bị thu hồi"
    if "EXPIRED" in indic or "OUT_OF_BOUNDS" in indic:
        return "chứng thư số đã hết hạn hoặc chưa có hiệu lực vào thời điểm ký"
    if "NO_CERTIFICATE_CHAIN" in indic:
        return "chứng thư số không do tổ chức chứng thực đã chỉ định cấp"
    if "CONSTRAINTS" in indic or "POLICY" in indic:
        return "chứng thư số không được phép dùng để ký văn bản (mục đích sử dụng khóa)"
    return "chứng thư số không được xác nhận bởi tổ chức chứng thực đã chỉ định"


def verify_pdf(path: str | Path, *, trust: Sequence[str | Path] = ()) -> VerifyReport:
    """Check every signature of the PDF at ``path``; ``trust`` names CA certificates to check the chains against."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    file = Path(path)
    report = VerifyReport(path=str(file))
    global _KEY_USAGE
    if _KEY_USAGE is None:
        _KEY_USAGE = _key_usage()
    try:
        data = file.read_bytes()
    except OSError as exc:
        from tdkt_desktop.core.errors import describe_os_error

        raise SigningError(describe_os_error(exc, path=file, reading=True)) from exc
    anchors = _load_certs(trust)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as exc:
        report.problem = f"tệp hỏng hoặc đã bị sửa, không đọc được như PDF ({_reason(exc)})"
        return report
    for sig in embedded:
        item = SignatureReport(field=str(sig.field_name))
        try:
            cert = sig.signer_cert
            item.signer, item.organisation = _subject(cert)
            item.serial = format(cert.serial_number, "X")
            item.issuer = unicodedata.normalize("NFC", str(cert.issuer.native.get("common_name") or cert.issuer.human_friendly))
        except Exception as exc:
            item.problem = f"không đọc được chứng thư số của chữ ký ({_reason(exc)})"
            report.signatures.append(item)
            continue
        context = ValidationContext(trust_roots=anchors, allow_fetching=False) if anchors else ValidationContext(
            trust_roots=[cert], allow_fetching=False)
        try:
            status = validate_pdf_signature(sig, context, key_usage_settings=_KEY_USAGE)
        except Exception as exc:
            item.problem = f"chữ ký hỏng hoặc văn bản đã bị sửa ({_reason(exc)})"
            report.signatures.append(item)
            continue
        item.intact = bool(status.intact)
        item.valid = bool(status.valid)
        item.whole_document = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
        if anchors:
            item.trusted = bool(status.trusted)
            if not item.trusted:
                item.problem = _trust_problem(status)
        when = status.signer_reported_dt
        if when is not None:
            item.signing_time = when.astimezone(VIETNAM).isoformat(timespec="seconds")
        report.signatures.append(item)
    return report
