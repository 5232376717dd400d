"""Fast text layout for long reports: word-wrapped lines and tables drawn cell by cell.

fpdf2's multi_cell measures a paragraph again for every character it adds, and with
HarfBuzz shaping on it shapes the text each time as well; a report of a thousand incidents
then takes minutes. Here text is wrapped once, word by word, with each word's width looked
up in a cache, and written line by line. Text in a script that needs shaping (right-to-left,
South and South-East Asian scripts, combining marks) still goes through multi_cell with
shaping switched on for just that text, so it is always laid out correctly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos

from clearpath.printing.document import ClearpathPDF

# Scripts whose letters change shape or order with their neighbours, and combining marks.
_SHAPED = re.compile(
    "[\u0300-\u036f\u0590-\u0fff\u1000-\u109f\u1100-\u11ff\u1780-\u18af\u1a00-\u1aff"
    "\u1b00-\u1bff\u200c\u200d\ua960-\ua97f\ua980-\ua9df\uaa00-\uaadf\ud7b0-\ud7ff"
    "\ufb1d-\ufdff\ufe00-\ufe0f\ufe20-\ufe2f\ufe70-\ufeff\U00010800-\U00010fff"
    "\U00011000-\U000112ff\U0001e800-\U0001e95f]"
)
GREY = (120, 120, 120)


def needs_shaping(text: str) -> bool:
    """True when ``text`` holds a script that only prints correctly with shaping."""
    return _SHAPED.search(text) is not None


@contextmanager
def shaping(pdf: FPDF, on: bool) -> Iterator[None]:
    """Switch HarfBuzz shaping on (or off) for the text written inside."""
    pdf.set_text_shaping(on)
    try:
        yield
    finally:
        pdf.set_text_shaping(False)


class Measure:
    """Word widths for one font and size, measured once each."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self._cache: dict[tuple[str, str, float, str], float] = {}

    def width(self, word: str) -> float:
        key = (self.pdf.font_family, self.pdf.font_style, self.pdf.font_size_pt, word)
        found = self._cache.get(key)
        if found is None:
            found = self.pdf.get_string_width(word)
            self._cache[key] = found
        return found

    def wrap(self, text: str, width: float) -> list[str]:
        """``text`` broken into lines no wider than ``width`` (explicit newlines kept)."""
        lines: list[str] = []
        space = self.width(" ")
        for paragraph in text.split("\n"):
            current: list[str] = []
            used = 0.0
            for word in paragraph.split(" "):
                size = self.width(word)
                if size > width:
                    if current:
                        lines.append(" ".join(current))
                    pieces = self._split_long(word, width)
                    lines.extend(pieces[:-1])
                    current, used = [pieces[-1]], self.width(pieces[-1])
                elif current and used + space + size > width:
                    lines.append(" ".join(current))
                    current, used = [word], size
                else:
                    used += (space if current else 0.0) + size
                    current.append(word)
            lines.append(" ".join(current))
        return lines

    def _split_long(self, word: str, width: float) -> list[str]:
        # Unshaped text has no kerning here, so a piece's width is the sum of its characters'.
        pieces, current, used = [], "", 0.0
        for char in word:
            size = self.width(char)
            if current and used + size > width:
                pieces.append(current)
                current, used = char, size
            else:
                current += char
                used += size
        return [*pieces, current]


def block(
    pdf: FPDF,
    measure: Measure,
    text: str,
    *,
    width: float = 0,
    line_height: float = 5.0,
    x: float | None = None,
) -> None:
    """Write wrapped ``text`` at ``x`` (default: the left margin), then move below it."""
    left = pdf.l_margin if x is None else x
    width = width or (pdf.w - pdf.r_margin - left)
    if needs_shaping(text):
        pdf.set_x(left)
        with shaping(pdf, True):
            pdf.multi_cell(width, line_height, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        return
    for line in measure.wrap(text, width):
        pdf.set_x(left)
        pdf.cell(width, line_height, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def cell_lines(pdf: FPDF, measure: Measure, text: str, width: float) -> list[str] | None:
    """The lines of one table cell, or None when the cell needs shaping (multi_cell)."""
    if needs_shaping(text):
        return None
    return measure.wrap(text, width)


def table(
    pdf: FPDF,
    measure: Measure,
    widths: Sequence[float],
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    size: float = 7.5,
    font: str = "body",
) -> None:
    """A table with borders; the header row repeats on every page; rows never split."""
    line_height = size * 0.48
    pad = 1.0

    def row_height(cells: Sequence[str]) -> tuple[float, list[list[str] | None]]:
        laid = [
            cell_lines(pdf, measure, c, w - 2 * pad) for c, w in zip(cells, widths, strict=True)
        ]
        counts = []
        for text, lines, w in zip(cells, laid, widths, strict=True):
            if lines is None:
                with shaping(pdf, True):
                    found = pdf.multi_cell(
                        w - 2 * pad, line_height, text, dry_run=True, output=MethodReturnValue.LINES
                    )
                counts.append(len(found) if isinstance(found, list) else 1)
            else:
                counts.append(len(lines))
        return max(counts) * line_height + 2 * pad, laid

    def draw(cells: Sequence[str], bold: bool) -> None:
        pdf.set_font(font, "B" if bold else "", size)
        height, laid = row_height(cells)
        if pdf.get_y() + height > pdf.h - pdf.b_margin:
            pdf.add_page()
            if not bold:
                draw(header, True)
                pdf.set_font(font, "", size)
        top, x = pdf.get_y(), pdf.l_margin
        for text, lines, w in zip(cells, laid, widths, strict=True):
            if bold:
                pdf.set_fill_color(235, 235, 235)
                pdf.rect(x, top, w, height, style="DF")
            else:
                pdf.rect(x, top, w, height)
            pdf.set_xy(x + pad, top + pad)
            if lines is None:
                with shaping(pdf, True):
                    pdf.multi_cell(w - 2 * pad, line_height, text, align="L")
            else:
                for index, line in enumerate(lines):
                    pdf.set_xy(x + pad, top + pad + index * line_height)
                    pdf.cell(w - 2 * pad, line_height, line)
            x += w
        pdf.set_xy(pdf.l_margin, top + height)

    pdf.set_draw_color(*GREY)
    pdf.set_line_width(0.2)
    draw(header, True)
    for row in rows:
        draw(row, False)
    pdf.set_font(font, "", 11)


def label_value(
    pdf: FPDF, measure: Measure, label: str, value: str, *, label_width: float = 45.0
) -> None:
    """ "Label: value" on one row, the value wrapping in its own column (fast path)."""
    size = 11.0
    line_height = size * 0.5
    top = pdf.get_y()
    pdf.set_font("body", "", size)
    lines = None if needs_shaping(value) else measure.wrap(value or "\u2014", pdf.epw - label_width)
    needed = line_height * (len(lines) if lines else 2)
    if top + min(needed, 40) > pdf.h - pdf.b_margin:
        pdf.add_page()
        top = pdf.get_y()
    pdf.set_font("body", "B", size)
    pdf.set_xy(pdf.l_margin, top)
    pdf.cell(label_width, line_height, label)
    pdf.set_font("body", "", size)
    pdf.set_xy(pdf.l_margin + label_width, top)
    block(
        pdf,
        measure,
        value or "\u2014",
        width=pdf.epw - label_width,
        line_height=line_height,
        x=pdf.l_margin + label_width,
    )
    pdf.ln(0.5)


def paragraph(
    pdf: FPDF,
    measure: Measure,
    text: str,
    *,
    size: float = 11.0,
    muted: bool = False,
) -> None:
    """Wrapped text across the page, a little space after (fast path)."""
    pdf.set_font("body", "", size)
    if muted:
        pdf.set_text_color(90, 90, 90)
    block(pdf, measure, text, line_height=size * 0.5)
    pdf.set_text_color(34, 34, 34)
    pdf.ln(1.5)


def bullets(pdf: FPDF, measure: Measure, items: Sequence[str], *, size: float = 11.0) -> None:
    """A list, one item per line, wrapped lines indented under the text (fast path)."""
    pdf.set_font("body", "", size)
    indent = 5.0
    for item in items:
        top = pdf.get_y()
        if top + size * 0.5 > pdf.h - pdf.b_margin:
            pdf.add_page()
            top = pdf.get_y()
        pdf.set_xy(pdf.l_margin, top)
        pdf.cell(indent, size * 0.5, "\u2022")
        block(pdf, measure, item, line_height=size * 0.5, x=pdf.l_margin + indent)
    pdf.ln(1.5)


def heading(pdf: FPDF, measure: Measure, text: str, *, size: float = 14.0) -> None:
    """A bold heading that keeps a few lines with what follows (fast path)."""
    if pdf.get_y() > pdf.h - pdf.b_margin - 30:
        pdf.add_page()
    pdf.ln(2)
    pdf.set_font("body", "B", size)
    block(pdf, measure, text, line_height=size * 0.5)
    pdf.ln(1.5)
    pdf.set_font("body", "", 11)


def small_heading(pdf: ClearpathPDF, text: str) -> None:
    """A heading inside an incident; starts a new page when too little room is left."""
    if pdf.get_y() + 20 > pdf.h - pdf.b_margin:
        pdf.add_page()
    pdf.set_font(pdf.FONT, "B", 10.5)
    pdf.cell(0, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
