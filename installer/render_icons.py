"""Render the application icon from its SVG source into every file the application and installers use.

    .venv/bin/python installer/render_icons.py          # writes the files
    .venv/bin/python installer/render_icons.py --check  # exit 1 when a file is missing or out of date

Source: ``resources/icons/app.svg`` (hand-written). Written:

* ``resources/icons/app.png`` (256 px) — window icon;
* ``resources/icons/app.ico`` (16…256 px, PNG-compressed entries) — Windows program and installer icon;
* ``installer/linux/tdkt-desktop.svg`` — a copy for the freedesktop icon theme (scalable);
* ``installer/linux/icons/hicolor/<N>x<N>/apps/tdkt-desktop.png`` — the theme's fixed sizes.

Rendering uses Qt's QSvgRenderer offscreen, so it runs on a machine without a display.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "app.svg"
APP_PNG = ROOT / "resources" / "icons" / "app.png"
APP_ICO = ROOT / "resources" / "icons" / "app.ico"
LINUX_SVG = ROOT / "installer" / "linux" / "tdkt-desktop.svg"
HICOLOR = ROOT / "installer" / "linux" / "icons" / "hicolor"
THEME_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_image(svg: Path, size: int):  # -> QImage (Format_ARGB32)
    """The SVG drawn at ``size``×``size`` pixels."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn at ``size``×``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    image = render_image(svg, size)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def dib(svg: Path, size: int) -> bytes:
    """An uncompressed 32-bit icon image (BITMAPINFOHEADER, BGRA rows bottom-up, then the AND mask)."""
    image = render_image(svg, size)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in reversed(range(size)):
        row = bytearray()
        for x in range(size):
            argb = image.pixel(x, y)
            row += struct.pack("<I", argb)  # little-endian ARGB is B, G, R, A in memory
        rows.append(bytes(row))
    mask_row = b"\0" * (((size + 31) // 32) * 4)  # transparency comes from the alpha channel
    return header + b"".join(rows) + mask_row * size


def make_ico(images: dict[int, bytes]) -> bytes:
    """A Windows .ico with one image per size: uncompressed below 256 px, PNG at 256 px (the usual layout,
    read by Windows, Inno Setup and resource compilers alike)."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = [], []
    for size in sizes:
        blob = images[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return header + b"".join(entries) + b"".join(blobs)


def outputs() -> dict[Path, bytes]:
    """Every generated file and its content."""
    pngs = {size: render_png(SOURCE, size) for size in sorted(set(THEME_SIZES) | set(ICO_SIZES))}
    files: dict[Path, bytes] = {
        APP_PNG: pngs[256],
        APP_ICO: make_ico({s: (pngs[s] if s >= 256 else dib(SOURCE, s)) for s in ICO_SIZES}),
        LINUX_SVG: SOURCE.read_bytes(),
    }
    for size in THEME_SIZES:
        files[HICOLOR / f"{size}x{size}" / "apps" / "tdkt-desktop.png"] = pngs[size]
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the files exist and match the SVG")
    args = parser.parse_args(argv)
    stale = []
    for path, content in outputs().items():
        if args.check:
            # PNG bytes may differ slightly between Qt versions: the SVG copy must match exactly, images must exist.
            if not path.exists() or (path.suffix == ".svg" and path.read_bytes() != content):
                stale.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        print(f"wrote {path.relative_to(ROOT)} ({len(content)} bytes)")
    for path in stale:
        print(f"missing or out of date: {path.relative_to(ROOT)}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
