"""``tdkt sign`` and ``tdkt verify``: electronic documents (Nghị định 30/2020/NĐ-CP, Phụ lục I).

    tdkt sign QD.pdf --p12 CAN_BO.p12 [--seal DAU.png] --out QD-KY-SO.pdf          (mật khẩu hỏi trên màn hình)
    tdkt sign QD.pdf --pkcs11-lib /usr/lib/.../thu-vien.so --slot 0 --out QD-KY-SO.pdf  (mã PIN của thiết bị)
    tdkt sign QD.pdf --p12 CAN_BO.p12 --pass-env MAT_KHAU_P12 --out QD-KY-SO.pdf    (mật khẩu đọc từ biến môi trường)
    tdkt verify QD-KY-SO.pdf [--trust CA.pem] [--json]

``verify`` exits 0 when every signature is valid and the document is unchanged since it was signed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from tdkt_desktop.cli.base import EXIT_OK, EXIT_REFUSED, CliError, print_json


def register(sub: Any) -> None:
    p = sub.add_parser("sign", help="ký số văn bản PDF đã ban hành (chứng thư .p12 hoặc thiết bị ký số)",
                       description="Ký số văn bản điện tử (Nghị định 30/2020/NĐ-CP, Phụ lục I) bằng chứng thư .p12 "
                       "(mật khẩu hỏi trên màn hình hoặc đọc từ biến môi trường --pass-env) hoặc thiết bị ký số "
                       "(--pkcs11-lib, mã PIN).",
                       epilog="Ví dụ:\n  tdkt sign QD.pdf --p12 CAN_BO.p12 --seal DAU.png --out QD-KY-SO.pdf\n"
                       "  tdkt sign QD.pdf --pkcs11-lib /usr/lib/thu-vien.so --slot 0 --out QD-KY-SO.pdf\n"
                       "  tdkt sign QD.pdf --p12 CAN_BO.p12 --pass-env MAT_KHAU_P12 --out QD-KY-SO.pdf")
    p.add_argument("file", metavar="TỆP.pdf", help="văn bản PDF đã ban hành")
    p.add_argument("--out", required=True, metavar="TỆP_KÝ_SỐ.pdf", help="tệp PDF đã ký sẽ ghi")
    p.add_argument("--p12", metavar="TỆP.p12", help="chứng thư số và khóa ký dạng PKCS#12 (.p12, .pfx)")
    p.add_argument("--pkcs11-lib", metavar="THƯ_VIỆN", help="thư viện PKCS#11 của thiết bị ký số (USB token)")
    p.add_argument("--slot", type=int, metavar="SỐ", help="số thứ tự khe của thiết bị ký số, từ 0 (mặc định 0)")
    p.add_argument("--key-label", metavar="NHÃN", help="nhãn khóa trên thiết bị (mặc định: khóa đầu tiên)")
    p.add_argument("--seal", metavar="ẢNH.png", help="ảnh con dấu (png nền trong suốt), đặt đè 1/3 chữ ký bên trái")
    p.add_argument("--pass-env", metavar="TÊN_BIẾN", help="đọc mật khẩu .p12 hoặc mã PIN từ biến môi trường này")
    p.add_argument("--reason", default="Ban hành văn bản", help="lý do ký (ghi trong chữ ký)")
    p.add_argument("--location", help="nơi ký (ghi trong chữ ký)")
    p.add_argument("--json", action="store_true", help="kết quả dạng JSON")
    p.set_defaults(func=cmd_sign)

    v = sub.add_parser("verify", help="kiểm tra chữ ký số của văn bản PDF nhận được",
                       description="Kiểm tra chữ ký số của văn bản PDF. Mã thoát 0 khi mọi chữ ký hợp lệ và văn "
                       "bản không bị sửa từ khi ký; 1 trong mọi trường hợp khác.",
                       epilog="Ví dụ:\n  tdkt verify QD-KY-SO.pdf\n  tdkt verify QD-KY-SO.pdf --trust CA.pem --json")
    v.add_argument("file", metavar="TỆP.pdf", help="văn bản PDF đã ký số")
    v.add_argument("--trust", action="append", default=[], metavar="CA.pem",
                   help="chứng thư của tổ chức chứng thực tin cậy (ghi nhiều lần được)")
    v.add_argument("--json", action="store_true", help="kết quả dạng JSON")
    v.set_defaults(func=cmd_verify)


def _secret(args: argparse.Namespace, what: str) -> str:
    if args.pass_env:
        value = os.environ.get(args.pass_env)
        if value is None:
            raise CliError(f"Biến môi trường {args.pass_env} chưa có giá trị ({what}).")
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(f"Cần {what}: chạy lệnh trên màn hình để nhập, hoặc dùng --pass-env TÊN_BIẾN.")
    return getpass.getpass(f"{what[:1].upper()}{what[1:]}: ")


def cmd_sign(args: argparse.Namespace) -> int:
    from tdkt_desktop.printing.signing import SignerSource, sign_pdf

    if bool(args.p12) == bool(args.pkcs11_lib):
        raise CliError("Chọn một nguồn chứng thư số: --p12 TỆP.p12 hoặc --pkcs11-lib THƯ_VIỆN [--slot SỐ].")
    if args.p12:
        key = SignerSource.from_p12(args.p12, _secret(args, "mật khẩu của tệp chứng thư số"))
    else:
        key = SignerSource.from_token(args.pkcs11_lib, slot=args.slot, pin=_secret(args, "mã PIN của thiết bị ký số"),
                                      key_label=args.key_label)
    info = sign_pdf(args.file, args.out, key, seal=args.seal, reason=args.reason, location=args.location)
    if args.json:
        print_json({"file": info.path, "signer": info.signer, "organisation": info.organisation,
                    "signing_time": info.signing_time, "page": info.page, "box_mm": list(info.box_mm)})
    else:
        print(f"Đã ký số {info.path}: {info.signer}" + (f" ({info.organisation})" if info.organisation else "")
              + f", lúc {info.signing_time}, chữ ký ở trang {info.page}.")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from tdkt_desktop.printing.signing import verify_pdf

    report = verify_pdf(args.file, trust=args.trust)
    if args.json:
        print_json(report.as_dict())
    else:
        print("\n".join(report.lines()))
    return EXIT_OK if report.ok else EXIT_REFUSED
