"""The shared PDF style: any script prints, every page is numbered, nothing is blank."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from clearpath.printing.document import ClearpathPDF
from clearpath.printing.testing import ink_fraction, page_images

NAMES = {
    "Cyrillic": "Анна Петрова",
    "Greek": "Ελένη",
    "Arabic": "فاطمة الزهراء",
    "Hebrew": "שרה כהן",
    "Chinese": "王小明",
    "Japanese": "山田花子",
    "Korean": "김민지",
    "Devanagari": "प्रिया शर्मा",
    "Thai": "ณัฐธิดา",
}

needs_pdftoppm = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed"
)


def sample(pages: int = 1) -> ClearpathPDF:
    pdf = ClearpathPDF("Notes")
    for number in range(pages):
        pdf.add_page()
        pdf.heading(f"Part {number + 1}")
        for script, name in NAMES.items():
            pdf.label_value(script, name)
        pdf.bullets(["Cash", "Keys"])
        pdf.caution("Paper is not encrypted.")
    return pdf


def pdf_text(data: bytes, folder: Path) -> str:
    source = folder / "text.pdf"
    source.write_bytes(data)
    tool = shutil.which("pdftotext")
    assert tool is not None
    done = subprocess.run(
        [tool, str(source), "-"], check=True, capture_output=True, text=True, timeout=60
    )
    # pdftotext marks right-to-left runs with embedding controls; they are not ink.
    return done.stdout.replace("\u202b", "").replace("\u202c", "")


@needs_pdftoppm
def test_names_in_every_script_come_out_of_the_pdf_as_written(tmp_path: Path) -> None:
    text = pdf_text(sample().to_bytes(), tmp_path)
    for script, name in NAMES.items():
        if script == "Devanagari":
            # Shaping reorders the vowel sign into its own run; the letters are all there.
            assert all(char in text for char in name if not char.isspace())
        else:
            assert name in text, script


def test_the_document_is_a_pdf_made_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = sample().to_bytes()
    assert data.startswith(b"%PDF-")
    assert list(tmp_path.iterdir()) == []


@needs_pdftoppm
def test_pages_are_numbered_n_of_total_and_not_blank(tmp_path: Path) -> None:
    data = sample(pages=3).to_bytes()
    images = page_images(data, tmp_path)
    assert len(images) == 3
    assert all(ink_fraction(image) > 0.01 for image in images)
    text = pdf_text(data, tmp_path)
    for number in (1, 2, 3):
        assert f"page {number} of 3" in text


def test_an_empty_page_has_almost_no_ink(tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    pdf = ClearpathPDF("Notes", footer=False)
    pdf.add_page()
    (image,) = page_images(pdf.to_bytes(), tmp_path)
    assert ink_fraction(image) < 0.001


@needs_pdftoppm
def test_a_line_after_a_name_in_a_fallback_font_still_prints(tmp_path: Path) -> None:
    # fpdf2 2.8.9 left the page on the fallback font; the next line printed with no font.
    pdf = ClearpathPDF("Notes")
    pdf.add_page()
    pdf.set_font(pdf.FONT, "", 11)
    pdf.cell(0, 6, "王小明", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.FONT, "", 11)
    pdf.cell(0, 6, "Safe place: Leila's house", new_x="LMARGIN", new_y="NEXT")
    assert "Safe place: Leila's house" in pdf_text(pdf.to_bytes(), tmp_path)


def test_a_wrapped_label_pushes_the_next_row_down() -> None:
    pdf = ClearpathPDF("Notes")
    pdf.add_page()
    top = pdf.get_y()
    pdf.label_value("A label long enough to wrap onto a second and a third line", "short")
    assert pdf.get_y() - top > 3 * 11 * 0.5  # three label lines, not the value's one
