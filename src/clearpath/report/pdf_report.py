"""The report PDF: cover, chronology, pattern, one section per incident, index, method, statement.

Built in memory with ``ClearpathPDF`` (bundled fonts for every script, right-to-left text
shaped, "page n of N" in every footer). Thumbnails of image files come from a callback, so
this module never touches the vault or the file store itself.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Callable
from dataclasses import dataclass

from fpdf.enums import XPos, YPos
from PIL.Image import Image

from clearpath.evidence.records import changed_fields
from clearpath.printing.document import MUTED, ClearpathPDF
from clearpath.report import pdf_charts, pdf_layout, pdf_quotes
from clearpath.report.data import FileItem, ReportData, ReportIncident
from clearpath.report.pdf_layout import Measure, needs_shaping, shaping
from clearpath.report.pdf_text import (
    APPENDIX_METHOD,
    APPENDIX_VERIFY,
    COVER_HOW_TO_VERIFY,
    DOCUMENT_TITLE,
    STATEMENT_HINT,
    STATEMENT_TEXT,
    human_size,
    spaced_hash,
    utc_text,
)

Thumbnail = Callable[[FileItem], Image | None]
TABLE_SIZE = 7.5
THUMB_HEIGHT = 45.0


@dataclass(frozen=True)
class Seal:
    """The signed checkpoint the report names: log size, root hash, the signer's key."""

    tree_size: int
    root_hash: bytes
    verifier_key: str
    checkpoint_note: str


def build_report(data: ReportData, seal: Seal, thumbnail: Thumbnail | None = None) -> bytes:
    """The whole report as PDF bytes."""
    pdf = ClearpathPDF(DOCUMENT_TITLE)
    pdf.set_author("")
    # Shaping is switched on only for text that needs it (pdf_layout): a long report would
    # otherwise take minutes.
    pdf.set_text_shaping(False)
    measure = Measure(pdf)
    with shaping(pdf, needs_shaping(data.person_name + data.filters.describe())):
        _cover(pdf, data, seal)
    _chronology(pdf, measure, data)
    contact_text = " ".join(f"{c.topic} {c.summary} {c.my_reply}" for c in data.contact_log)
    with shaping(pdf, needs_shaping(contact_text)):
        pdf_quotes.contact_log(pdf, measure, data, TABLE_SIZE)
    kinds = " ".join(i.category_text() for i in data.incidents)
    with shaping(pdf, needs_shaping(kinds)):
        _pattern(pdf, data)
    if data.incidents:
        pdf.add_page()
        pdf.heading("Incidents in full", 1)
    for incident in data.incidents:
        _incident(pdf, measure, incident, thumbnail)
    _file_index(pdf, measure, data)
    _appendix(pdf, seal)
    with shaping(pdf, needs_shaping(data.person_name)):
        _statement(pdf, data)
    with warnings.catch_warnings():
        # Past 999 pages fpdf2 notes that "page n of N" is a little wider than the space it
        # kept for N; the footer then ends a fraction of a millimetre further right.
        warnings.filterwarnings("ignore", message="The total page count", category=UserWarning)
        return pdf.to_bytes()


def _cover(pdf: ClearpathPDF, data: ReportData, seal: Seal) -> None:
    pdf.add_page()
    pdf.ln(20)
    pdf.heading("Record of incidents", 1)
    if data.person_name:
        pdf.label_value("Prepared by", data.person_name)
    pdf.label_value("Covering", data.filters.describe())
    pdf.label_value("Generated", utc_text(data.generated_at))
    pdf.label_value("Incidents", str(len(data.incidents)))
    pdf.label_value("Files", str(len(data.files)))
    pdf.ln(4)
    pdf.heading("Signed integrity checkpoint", 2)
    pdf.label_value("Log entries", str(seal.tree_size))
    pdf.label_value("Root hash", spaced_hash(seal.root_hash.hex()))
    pdf.label_value("Signing key", seal.verifier_key)
    pdf.ln(2)
    pdf.heading("How to check this record", 2)
    pdf.paragraph(COVER_HOW_TO_VERIFY)
    pdf.heading("Contents", 2)
    pdf.bullets(
        [
            "Chronology: every incident in date order",
            "Required contact, where entries were chosen for the report",
            "Pattern: how often, what kinds, what time of day",
            "Each incident in full, with earlier versions, witnesses and files",
            "Index of files with their SHA-256 hashes",
            "Method and how to verify",
            "Statement",
        ]
    )


def _chronology(pdf: ClearpathPDF, measure: Measure, data: ReportData) -> None:
    pdf.add_page()
    pdf.heading("Chronology", 1)
    if not data.incidents:
        pdf.paragraph("No incidents match the chosen dates and kinds.")
        return
    pdf.paragraph(
        "Occurred is when it happened, as you wrote it; recorded is when it was first written "
        "down, set by the app and never editable.",
        size=9,
        muted=True,
    )
    rows = [
        (
            incident.occurred_text(),
            incident.recorded_at.strftime("%Y-%m-%d %H:%M UTC"),
            incident.category_text(),
            f"Incident {incident.incident_id}: {incident.latest.title}",
            "\n".join(f"{f.item} {f.sha256}" for f in incident.files) or "\u2014",
        )
        for incident in data.incidents
    ]
    pdf_layout.table(
        pdf,
        measure,
        (22, 22, 28, 50, 52),
        ("Occurred", "Recorded", "Kinds", "Summary", "Files (item, SHA-256)"),
        rows,
        size=TABLE_SIZE,
        font=pdf.FONT,
    )


def _pattern(pdf: ClearpathPDF, data: ReportData) -> None:
    if not data.incidents:
        return
    pdf.add_page()
    pdf.heading("Pattern", 1)
    pdf.paragraph(
        "These charts count the incidents in this record. They show how often things "
        "happened and what kinds; the numbers are written out under each chart.",
        muted=True,
    )
    counts = pdf_charts.month_counts(data.incidents)
    _room(pdf, 100)
    pdf.heading("Incidents per month, by kind", 2)
    pdf_charts.draw_months_by_kind(pdf, counts)
    by_kind = {k: sum(v for (_, kk), v in counts.counts.items() if kk == k) for k in counts.kinds}
    pdf.paragraph(
        "By kind (an incident with several kinds counts in each): "
        + "; ".join(f"{pdf_charts.kind_label(k)}: {n}" for k, n in by_kind.items())
        + ".",
        size=8,
    )
    _room(pdf, 75)
    pdf.heading("Time of day", 2)
    hours, missing = pdf_charts.hour_counts(data.incidents)
    pdf_charts.draw_time_of_day(pdf, hours)
    bands = [
        f"{name}: {sum(hours[start:end])}" for name, start, end in pdf_charts.HOUR_BANDS
    ]
    pdf.paragraph("; ".join(bands) + f"; no time written down: {missing}.", size=8)
    _room(pdf, 95)
    pdf.heading("Over time", 2)
    pdf_charts.draw_over_time(pdf, counts)
    per_month = "; ".join(
        f"{m.strftime('%Y-%m')}: {counts.totals.get(m, 0)} ({counts.serious.get(m, 0)})"
        for m in counts.months
        if counts.totals.get(m, 0)
    )
    pdf.paragraph(
        "Per month, all incidents (in brackets: physical or sexual harm, or threats): "
        + per_month
        + ".",
        size=8,
    )


def _room(pdf: ClearpathPDF, needed: float) -> None:
    """Start a new page unless ``needed`` millimetres are left (a chart is never split)."""
    if pdf.get_y() + needed > pdf.h - pdf.b_margin:
        pdf.add_page()


def _incident(
    pdf: ClearpathPDF, measure: Measure, incident: ReportIncident, thumbnail: Thumbnail | None
) -> None:
    latest = incident.latest
    # Incidents follow one another with a rule between them; a new one starts on a new page
    # only when little room is left, so a long record stays a manageable stack of paper.
    if pdf.get_y() > pdf.h - pdf.b_margin - 70:
        pdf.add_page()
    elif pdf.get_y() > pdf.t_margin + 1:
        pdf.ln(3)
        pdf.rule()
    title = f"Incident {incident.incident_id}: {latest.title}"
    pdf_layout.heading(pdf, measure, title)
    rows = [
        ("Occurred", incident.occurred_text()),
        ("Recorded", utc_text(incident.recorded_at)),
        ("Kinds", incident.category_text()),
        ("Place", latest.place),
        ("Injuries", latest.injuries),
        ("Medical visits", latest.medical),
        ("Report numbers", latest.report_numbers),
        ("Effect on sleep", latest.effects_sleep),
        ("Effect on work", latest.effects_work),
        ("Effect on health", latest.effects_health),
    ]
    present = [p for p in latest.people if p not in latest.witnesses]
    if latest.witnesses:
        rows.append(("Witnesses", "\n".join(_person(p.name, p.contact) for p in latest.witnesses)))
    if present:
        rows.append(("Also there", "\n".join(_person(p.name, p.contact) for p in present)))
    if latest.linked_incidents:
        rows.append(("Linked to", ", ".join(f"incident {i}" for i in latest.linked_incidents)))
    for name, value in rows:
        if value:
            pdf_layout.label_value(pdf, measure, name, value)
    pdf.ln(1)
    pdf_layout.small_heading(pdf, "What happened")
    pdf_layout.paragraph(pdf, measure, latest.what_happened or "\u2014")
    _versions(pdf, measure, incident)
    pdf_quotes.messages(pdf, measure, incident)
    _incident_files(pdf, measure, incident, thumbnail)


def _person(name: str, contact: str) -> str:
    # The contact goes on its own line, starting with a Latin word: a name in a right-to-left
    # script would otherwise make the whole line right-to-left and reorder a phone number.
    return f"{name}\ncontact: {contact}" if contact else name


def _versions(pdf: ClearpathPDF, measure: Measure, incident: ReportIncident) -> None:
    versions = incident.versions
    current = versions[-1]
    lines = []
    for before, after in itertools.pairwise(versions):
        changed = ", ".join(changed_fields(before.fields, after.fields)) or "nothing visible"
        lines.append(
            f"Version {before.number}, saved {utc_text(before.saved_at)}; "
            f"version {after.number} changed: {changed}."
        )
    pdf_layout.small_heading(pdf, "Versions")
    if lines:
        pdf_layout.bullets(pdf, measure, lines, size=9.5)
        pdf_layout.paragraph(
            pdf,
            measure,
            "Earlier versions are kept word for word in the vault and in records.json of the "
            "evidence bundle.",
            size=8,
            muted=True,
        )
    pdf_layout.paragraph(
        pdf,
        measure,
        f"This is version {current.number}, saved {utc_text(current.saved_at)}. "
        f"Record SHA-256: {current.record_sha256}",
        size=8,
        muted=True,
    )


def _incident_files(
    pdf: ClearpathPDF, measure: Measure, incident: ReportIncident, thumbnail: Thumbnail | None
) -> None:
    if not incident.files:
        return
    pdf_layout.small_heading(pdf, "Files")
    for item in incident.files:
        pdf_layout.paragraph(
            pdf,
            measure,
            f"{item.item}, {item.media_type}, {human_size(item.size)}: {item.original_name}\n"
            f"SHA-256 {item.sha256}",
            size=8.5,
        )
        image = thumbnail(item) if thumbnail and item.is_image else None
        if image is not None:
            _thumbnail(pdf, image, item)


def _thumbnail(pdf: ClearpathPDF, image: Image, item: FileItem) -> None:
    width = THUMB_HEIGHT * image.width / max(image.height, 1)
    height = THUMB_HEIGHT
    if width > pdf.epw:
        width, height = pdf.epw, pdf.epw * image.height / max(image.width, 1)
    if pdf.get_y() + height > pdf.h - pdf.b_margin:
        pdf.add_page()
    pdf.image(image, x=pdf.l_margin, w=width, h=height, alt_text=f"{item.item} (image)")
    pdf.set_font(pdf.FONT, "", 7)
    pdf.set_text_color(*MUTED)
    pdf.cell(0, 4, f"{item.item}, shown small; the original is unchanged in the bundle.")
    pdf.set_text_color(34, 34, 34)
    pdf.ln(5)


def _file_index(pdf: ClearpathPDF, measure: Measure, data: ReportData) -> None:
    pdf.add_page()
    pdf.heading("Index of files", 1)
    files = data.files
    if not files:
        pdf.paragraph("No files are attached to these incidents.")
        return
    rows = [
        (
            item.item,
            item.original_name,
            str(item.incident_id or "\u2014"),
            human_size(item.size),
            item.sha256,
        )
        for item in files
    ]
    pdf_layout.table(
        pdf,
        measure,
        (18, 44, 16, 18, 78),
        ("Item", "Original name", "Incident", "Size", "SHA-256"),
        rows,
        size=TABLE_SIZE,
        font=pdf.FONT,
    )


def _appendix(pdf: ClearpathPDF, seal: Seal) -> None:
    pdf.add_page()
    pdf.heading("Method", 1)
    for text in APPENDIX_METHOD:
        pdf.paragraph(text)
    pdf.heading("How to verify", 1)
    for text in APPENDIX_VERIFY:
        pdf.paragraph(text)
    pdf.heading("The signed checkpoint", 2)
    pdf.set_font(pdf.FONT, "", 8)
    for line in seal.checkpoint_note.rstrip("\n").split("\n"):
        pdf.multi_cell(0, 4, line or " ", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    pdf.paragraph(f"Verifier key: {seal.verifier_key}", size=8)


def _statement(pdf: ClearpathPDF, data: ReportData) -> None:
    pdf.add_page()
    pdf.heading("Statement", 1)
    pdf.paragraph(STATEMENT_HINT, muted=True, size=9)
    pdf.ln(2)
    pdf.paragraph(STATEMENT_TEXT.format(name=data.person_name or "_" * 40))
    pdf.ln(14)
    for caption in ("Signature", "Date", "Place"):
        y = pdf.get_y()
        pdf.set_draw_color(120, 120, 120)
        pdf.line(pdf.l_margin, y, pdf.l_margin + 110, y)
        pdf.set_font(pdf.FONT, "", 9)
        pdf.cell(0, 5, caption, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(12)

