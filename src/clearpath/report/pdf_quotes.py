"""Report sections that quote what the person kept elsewhere: required contact, and messages
attached to an incident (each with the export it came from and its SHA-256)."""

from __future__ import annotations

from clearpath.printing.document import ClearpathPDF
from clearpath.report import pdf_layout
from clearpath.report.data import ReportData, ReportIncident
from clearpath.report.pdf_layout import Measure, needs_shaping, shaping


def contact_log(pdf: ClearpathPDF, measure: Measure, data: ReportData, size: float) -> None:
    """Required contact the person chose for the report, as a table on its own page."""
    if not data.contact_log:
        return
    pdf.add_page()
    pdf.heading("Required contact", 1)
    pdf.paragraph(
        "Contact that could not be avoided (about children, money or property), as logged at "
        "the time, with the reply that was sent. Only entries chosen for this report are shown.",
        size=9,
        muted=True,
    )
    rows = [
        (c.occurred, c.channel or "\u2014", c.topic or "\u2014", c.summary, c.my_reply or "\u2014")
        for c in data.contact_log
    ]
    pdf_layout.table(
        pdf,
        measure,
        (24, 20, 30, 50, 50),
        ("When", "Channel", "Topic", "What was said", "My reply"),
        rows,
        size=size,
        font=pdf.FONT,
    )


def messages(pdf: ClearpathPDF, measure: Measure, incident: ReportIncident) -> None:
    """The messages attached to an incident, each with where it came from."""
    if not incident.messages:
        return
    pdf_layout.small_heading(pdf, "Messages, quoted exactly as received or sent")
    for quote in incident.messages:
        who = quote.sender or ("You" if quote.direction == "out" else "Notice")
        source = f"from {quote.source_item} ({quote.source_place}), SHA-256 {quote.source_sha256}"
        text = f"{quote.raw_timestamp}  {who}: {quote.text}"
        with shaping(pdf, needs_shaping(text)):
            pdf_layout.paragraph(pdf, measure, text)
        pdf_layout.paragraph(pdf, measure, source, size=7)
