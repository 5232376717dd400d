"""The safety plan as a PDF, made in memory with the shared ClearpathPDF (Unicode, RTL shaped)."""

from __future__ import annotations

from collections.abc import Iterable

from clearpath.plan.fields import FieldSpec
from clearpath.plan.parts import LEAVING_TEXTS, ListSpec
from clearpath.plan.services import Item, Row
from clearpath.plan.summary import Numbers, PartContent, Plan
from clearpath.printing.document import ClearpathPDF

DOCUMENT_TITLE = "Plan"
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


def entry_lines(spec: ListSpec, row: Row) -> list[str]:
    """One list entry as lines: its name first, then each filled field as "Label: value"."""
    lines = [row.name]
    checks = [f.label.lower() for f in spec.fields if f.kind == "check" and getattr(row, f.name)]
    if checks:
        lines.append("; ".join(checks).capitalize())
    for field in spec.fields:
        value = getattr(row, field.name)
        if field.name != "name" and field.kind != "check" and value:
            lines.append(f"{field.label}: {_value_words(field, value)}")
    return lines


def item_words(item: Item, states: Iterable[tuple[str, str]], documents: bool) -> str:
    """A checklist item and where it stands, in words."""
    if documents:
        have = [word for word, yes in (("original", item.has_original),
                                        ("copy", item.has_copy)) if yes]
        state = "not for me" if item.state == "skip" else (" and ".join(have) or "not yet")
        where = f"; kept: {item.where_kept}" if item.where_kept else ""
        return f"{item.label}: {state}{where}"
    return f"{item.label}: {dict(states).get(item.state, item.state).lower()}"


def _part(pdf: ClearpathPDF, part: PartContent) -> None:
    spec = part.spec
    pdf.heading(spec.title, level=2)
    if spec.texts:
        for field in spec.texts:
            value = part.texts.get(field.name, "")
            if value:
                pdf.label_value(field.label, value, label_width=55)
    if spec.checklist and part.items:
        pdf.heading(spec.checklist.title, level=3)
        pdf.bullets(item_words(item, spec.checklist.states, spec.checklist.documents)
                    for item in part.items)
    for list_spec, rows in part.lists:
        if not rows:
            continue
        pdf.heading(list_spec.title, level=3)
        for row in rows:
            lines = entry_lines(list_spec, row)
            pdf.set_font(pdf.FONT, "B", 11)
            pdf.multi_cell(0, 5.5, lines[0], new_x="LMARGIN", new_y="NEXT")
            pdf.set_font(pdf.FONT, "", 11)
            if lines[1:]:
                pdf.bullets(lines[1:], marker="-")
            else:
                pdf.ln(1)
    if not part.started:
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
            pdf.label_value(LEAVING_TEXTS[1].label, send_to)
    for part in plan.parts:
        if part.spec.slug != "numbers":  # its numbers are at the top already
            _part(pdf, part)
    return pdf.to_bytes()
