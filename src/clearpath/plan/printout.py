"""The safety plan as a PDF, made in memory with the shared ClearpathPDF (Unicode, RTL shaped)."""

from __future__ import annotations

from collections.abc import Iterable

from clearpath.plan.fields import FieldSpec
from clearpath.plan.parts import LEAVING_TEXTS, ListSpec
from clearpath.plan.services import Item, Row
from clearpath.plan.summary import Numbers, PartContent, Plan
from clearpath.printing.document import BODY_SIZE, INK, MUTED, ClearpathPDF

DOCUMENT_TITLE = "Plan"
LABEL_SIZE = 9.0
BOX = "\u2610"
TICKED = "\u2611"
INDENT = 4.0
PAPER_CAUTION = (
    "This paper is not protected by a passphrase. Keep it where the other person will not "
    "find it, or with someone you trust, and destroy it when you no longer need it."
)


def number_lines(numbers: Numbers) -> list[str]:
    """The numbers part as plain lines (emergency services, hotlines, own numbers)."""
    lines = []
    if numbers.emergency:
        lines.append(f"Emergency services ({numbers.country_name}): {numbers.emergency}")
    for service in numbers.hotlines:
        reach = ", ".join(x for x in (service.phone, f"text {service.text}"
                                      if service.text else "") if x)
        hours = f" ({service.hours})" if service.hours else ""
        lines.append(f"{service.name}: {reach}{hours}" if reach else service.name)
    lines += [f"{entry.name}: {entry.phone}" + (f" ({entry.detail})" if entry.detail else "")
              for entry in numbers.own]
    return lines


def _value_words(spec: FieldSpec, value: object) -> str:
    if spec.kind == "choice":
        return dict(spec.choices).get(str(value), str(value))
    if spec.kind == "date" and value is not None:
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    return str(value)


def entry_fields(spec: ListSpec, row: Row) -> list[tuple[str, str]]:
    """The filled fields of one list entry after its name, as (label, value) pairs."""
    pairs = []
    checks = [f.label.lower() for f in spec.fields if f.kind == "check" and getattr(row, f.name)]
    if checks:
        pairs.append(("Roles", "; ".join(checks)))
    for field in spec.fields:
        value = getattr(row, field.name)
        if field.name != "name" and field.kind != "check" and value:
            pairs.append((field.label, _value_words(field, value)))
    return pairs


def entry_lines(spec: ListSpec, row: Row) -> list[str]:
    """One list entry as lines: its name first, then each filled field as "Label: value"."""
    return [row.name, *(f"{label.rstrip('?:')}: {value}" for label, value
                        in entry_fields(spec, row))]


def item_words(item: Item, states: Iterable[tuple[str, str]], documents: bool) -> str:
    """A checklist item and where it stands, in words."""
    if documents:
        have = [word for word, yes in (("original", item.has_original),
                                        ("copy", item.has_copy)) if yes]
        state = "not for me" if item.state == "skip" else (" and ".join(have) or "not yet")
        where = f"; kept: {item.where_kept}" if item.where_kept else ""
        return f"{item.label}: {state}{where}"
    return f"{item.label}: {dict(states).get(item.state, item.state).lower()}"


def _field(pdf: ClearpathPDF, label: str, value: str) -> None:
    """A label on its own line and the value under it, each in its own paragraph, so a
    value in a right-to-left script keeps its own direction."""
    pdf.set_font(pdf.FONT, "B", LABEL_SIZE)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(0, LABEL_SIZE * 0.5, label, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    pdf.set_font(pdf.FONT, "", BODY_SIZE)
    pdf.set_x(pdf.l_margin + INDENT)
    pdf.multi_cell(pdf.epw - INDENT, BODY_SIZE * 0.5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(0.8)


def _checklist(pdf: ClearpathPDF, items: list[Item], states: Iterable[tuple[str, str]],
               documents: bool) -> None:
    """One line per item with a box, ticked once the item has been looked at, so the paper
    can also be ticked by hand."""
    pdf.set_font(pdf.FONT, "", BODY_SIZE)
    for item in items:
        pdf.set_x(pdf.l_margin)
        pdf.cell(INDENT + 2, BODY_SIZE * 0.5, TICKED if item.looked_at else BOX)
        pdf.multi_cell(pdf.epw - INDENT - 2, BODY_SIZE * 0.5,
                       item_words(item, states, documents), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def _part(pdf: ClearpathPDF, part: PartContent) -> None:
    spec = part.spec
    pdf.heading(spec.title, level=2)
    for field in spec.texts:
        value = part.texts.get(field.name, "")
        if value:
            _field(pdf, field.label, value)
    # A sub-heading only where a part has more than one section ("Safe places" needs none).
    several = bool(spec.texts) + bool(spec.checklist) + len(spec.lists) > 1
    if spec.checklist and part.items:
        if several:
            pdf.heading(spec.checklist.title, level=3)
        _checklist(pdf, part.items, spec.checklist.states, spec.checklist.documents)
    for list_spec, rows in part.lists:
        if not rows:
            continue
        if several:
            pdf.heading(list_spec.title, level=3)
        for row in rows:
            pdf.set_font(pdf.FONT, "B", 11)
            pdf.multi_cell(0, 5.5, row.name, new_x="LMARGIN", new_y="NEXT")
            for label, value in entry_fields(list_spec, row):
                _field(pdf, label, value)
            pdf.ln(2)
    if not part.started and not part.items:
        pdf.paragraph("Not filled in yet.", muted=True)


def plan_pdf(plan: Plan) -> bytes:
    """The whole safety plan as PDF bytes. Nothing is written to disk."""
    pdf = ClearpathPDF(DOCUMENT_TITLE)
    pdf.add_page()
    pdf.heading("Safety plan")
    pdf.caution(PAPER_CAUTION)
    pdf.heading("Numbers", level=2)
    lines = number_lines(plan.numbers)
    if lines:
        pdf.bullets(lines)
    else:
        pdf.paragraph("No numbers yet. Your country's emergency number shows once you choose "
                      "your country in the help directory.", muted=True)
    pdf.paragraph("Numbers change. Check them now and then.", muted=True, size=9)
    message = plan.leaving.get("message", "")
    if message:
        pdf.heading("Message to send if leaving quickly", level=2)
        pdf.paragraph(message)
        send_to = plan.leaving.get("send_to", "")
        if send_to:
            _field(pdf, LEAVING_TEXTS[1].label, send_to)
    for part in plan.parts:
        if part.spec.slug != "numbers":  # its numbers are at the top already
            _part(pdf, part)
    return pdf.to_bytes()
