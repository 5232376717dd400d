"""The one PDF page style every printable thing in Clearpath shares.

Names and notes may be in any script, so the document registers bundled fonts (DejaVu Sans
for Latin, Greek and Cyrillic; Noto Sans for Arabic, Hebrew and the scripts of South and
South-East Asia and more; Nanum Gothic for Korean; Droid Sans Fallback for Chinese and
Japanese) and turns on
HarfBuzz text shaping, which also lays right-to-left text out correctly. Nothing is read from
the system and nothing is fetched.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import TextEmphasis, XPos, YPos

FONT_DIR = Path(__file__).resolve().parent / "fonts"

# (family, file) for the scripts DejaVu Sans lacks; fpdf2 picks one per character.
FALLBACK_FONTS = (
    ("noto-arabic", "NotoSansArabic-Regular.ttf"),
    ("noto-hebrew", "NotoSansHebrew-Regular.ttf"),
    ("noto-devanagari", "NotoSansDevanagari-Regular.ttf"),
    ("noto-bengali", "NotoSansBengali-Regular.ttf"),
    ("noto-gujarati", "NotoSansGujarati-Regular.ttf"),
    ("noto-gurmukhi", "NotoSansGurmukhi-Regular.ttf"),
    ("noto-tamil", "NotoSansTamil-Regular.ttf"),
    ("noto-telugu", "NotoSansTelugu-Regular.ttf"),
    ("noto-kannada", "NotoSansKannada-Regular.ttf"),
    ("noto-malayalam", "NotoSansMalayalam-Regular.ttf"),
    ("noto-sinhala", "NotoSansSinhala-Regular.ttf"),
    ("noto-thai", "NotoSansThai-Regular.ttf"),
    ("noto-lao", "NotoSansLao-Regular.ttf"),
    ("noto-khmer", "NotoSansKhmer-Regular.ttf"),
    ("noto-myanmar", "NotoSansMyanmar-Regular.ttf"),
    ("noto-armenian", "NotoSansArmenian-Regular.ttf"),
    ("noto-georgian", "NotoSansGeorgian-Regular.ttf"),
    ("noto-ethiopic", "NotoSansEthiopic-Regular.ttf"),
    ("nanum-hangul", "NanumGothic.ttf"),
    ("droid-cjk", "DroidSansFallbackFull.ttf"),
)

INK = (34, 34, 34)
MUTED = (90, 90, 90)
RULE = (200, 200, 200)
CAUTION_FILL = (255, 244, 214)

HEADING_SIZES = {1: 18.0, 2: 14.0, 3: 12.0}
BODY_SIZE = 11.0
SMALL_SIZE = 9.0


class ClearpathPDF(FPDF):
    """An A4 document with the bundled fonts, shaping, and "page n of N" in every footer.

    Use ``pdf.set_font(pdf.FONT, "", 11)`` (or ``"B"``) for direct fpdf2 calls. ``title``
    goes into the document's metadata and the footer, so keep it neutral ("Notes", "Plan").
    """

    FONT = "body"

    def __init__(
        self,
        title: str,
        *,
        orientation: str = "portrait",
        page_format: str | tuple[float, float] = "A4",
        footer: bool = True,
    ) -> None:
        super().__init__(orientation=orientation, unit="mm", format=page_format)
        # fontTools reports font tables it leaves out of a subset; that is expected, and
        # nothing about a person's document belongs on the terminal.
        logging.getLogger("fontTools").setLevel(logging.ERROR)
        self.doc_title = title
        self.show_footer = footer
        self.set_title(title)
        self.set_creator("")
        self.set_producer("")
        self.set_creation_date(datetime.now().astimezone())
        self.add_font(self.FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(self.FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        for family, filename in FALLBACK_FONTS:
            self.add_font(family, "", str(FONT_DIR / filename))
        self.set_fallback_fonts([family for family, _ in FALLBACK_FONTS], exact_match=False)
        self.set_text_shaping(True)
        self.alias_nb_pages()
        self.set_auto_page_break(auto=True, margin=18 if footer else 6)
        self.set_margins(18, 16, 18)
        self.set_text_color(*INK)
        self.set_font(self.FONT, "", BODY_SIZE)

    def set_font(
        self, family: str | None = None, style: str | TextEmphasis = "", size: float = 0
    ) -> None:
        """Select a font, always for real.

        fpdf2 2.8.9 skips a set_font that repeats the current one, but after a line drawn
        only in a fallback font (a Chinese name) the page is still on the fallback font, and
        the next line would print with no font at all. Forgetting the family first makes
        every selection reach the page.
        """
        chosen = family if family is not None else self.font_family
        self.font_family = ""
        super().set_font(chosen, style, size)

    # -- page furniture --------------------------------------------------------------------

    def footer(self) -> None:
        if not self.show_footer:
            return
        self.set_y(-12)
        self.set_font(self.FONT, "", SMALL_SIZE)
        self.set_text_color(*MUTED)
        self.cell(0, 6, self.doc_title, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 6, f"page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(*INK)

    # -- writing helpers -------------------------------------------------------------------

    def heading(self, text: str, level: int = 1) -> None:
        """A heading; level 1 is the largest. Keeps at least a few lines with what follows."""
        size = HEADING_SIZES.get(level, HEADING_SIZES[3])
        if self.get_y() > self.h - self.b_margin - 30:
            self.add_page()
        self.ln(2 if level > 1 else 0)
        self.set_font(self.FONT, "B", size)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)
        self.set_font(self.FONT, "", BODY_SIZE)

    def paragraph(self, text: str, *, size: float = BODY_SIZE, muted: bool = False) -> None:
        """Wrapped text across the page width, followed by a little space."""
        self.set_font(self.FONT, "", size)
        if muted:
            self.set_text_color(*MUTED)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(*INK)
        self.ln(1.5)

    def bullets(self, items: Iterable[str], *, marker: str = "\u2022") -> None:
        """A list, one item per line, wrapped lines indented under the text."""
        self.set_font(self.FONT, "", BODY_SIZE)
        indent = 5.0
        for item in items:
            self.set_x(self.l_margin)
            self.cell(indent, BODY_SIZE * 0.5, marker)
            self.multi_cell(
                self.epw - indent,
                BODY_SIZE * 0.5,
                item,
                align="L",
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
        self.ln(1.5)

    def label_value(self, label: str, value: str, *, label_width: float = 45.0) -> None:
        """"Label: value" on one row, each wrapping in its own column; the next row starts
        below whichever of the two is taller."""
        top = self.get_y()
        self.set_x(self.l_margin)
        self.set_font(self.FONT, "B", BODY_SIZE)
        self.multi_cell(
            label_width, BODY_SIZE * 0.5, label, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        label_bottom = self.get_y()
        self.set_xy(self.l_margin + label_width, top)
        self.set_font(self.FONT, "", BODY_SIZE)
        self.multi_cell(
            self.epw - label_width,
            BODY_SIZE * 0.5,
            value or "\u2014",
            align="L",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.set_y(max(self.get_y(), label_bottom))
        self.ln(0.5)

    def caution(self, text: str) -> None:
        """A shaded box for a warning the reader must not miss."""
        self.set_font(self.FONT, "", BODY_SIZE)
        self.set_fill_color(*CAUTION_FILL)
        self.multi_cell(
            0,
            BODY_SIZE * 0.5,
            text,
            border=1,
            fill=True,
            align="L",
            padding=2,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.ln(2)

    def rule(self) -> None:
        """A thin line across the page."""
        self.set_draw_color(*RULE)
        y = self.get_y() + 1
        self.line(self.l_margin, y, self.w - self.r_margin, y)
        self.ln(3)

    def to_bytes(self) -> bytes:
        """The finished PDF, made in memory (never written to disk by the app)."""
        return bytes(self.output())
