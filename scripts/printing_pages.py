"""The first page of every printed document, from the sample contexts, as small PNG images in docs/printing/
(shown by docs/printing.md).

    .venv/bin/python scripts/printing_pages.py          (needs pdftoppm from poppler-utils)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "printing"
DPI = "56"


def main() -> int:
    from PIL import Image

    from tdkt_desktop.printing import render
    from tdkt_desktop.printing.samples import SAMPLE_NAMES, sample_context

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name in SAMPLE_NAMES:
            pdf = Path(tmp) / f"{name}.pdf"
            render(name, sample_context(name), pdf)
            stem = Path(tmp) / name
            subprocess.run(["pdftoppm", "-r", DPI, "-png", "-singlefile", "-f", "1", "-l", "1", str(pdf), str(stem)],
                           check=True)
            image = Image.open(f"{stem}.png").convert("RGB").quantize(colors=16)  # red titles stay red
            image.save(OUT / f"{name}.png", optimize=True)
            print(f"docs/printing/{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
