"""For tests: render a PDF to PNG pages with pdftoppm and measure how much of a page is ink.

Only tests use this (with a pytest tmp_path); the app itself never writes a PDF to disk.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PIL import Image

WHITE_ENOUGH = 245


def page_images(pdf: bytes, folder: Path, *, dpi: int = 60) -> list[Path]:
    """Every page of ``pdf`` as a PNG in ``folder``, in page order."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise RuntimeError("pdftoppm is not installed (Debian package poppler-utils)")
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "document.pdf"
    source.write_bytes(pdf)
    subprocess.run(  # noqa: S603 - a fixed tool with paths made by the test
        [tool, "-r", str(dpi), "-png", str(source), str(folder / "page")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return sorted(folder.glob("page*.png"), key=lambda path: int(path.stem.split("-")[-1]))


def ink_fraction(png: Path) -> float:
    """The share of pixels that are not (almost) white: 0.0 for a blank page."""
    with Image.open(png) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
    total = sum(histogram)
    return sum(histogram[:WHITE_ENOUGH]) / total if total else 0.0
