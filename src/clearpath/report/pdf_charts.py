"""The report's pattern charts, drawn with fpdf2's own lines and rectangles.

Three views of the same incidents: how many each month by kind (stacked bars), the time of
day they happened, and how often over time, with the incidents involving physical harm,
sexual harm or threats as a second line. Colours stay apart for common colour blindness and
each chart is followed by its numbers as text, so nothing depends on seeing colour.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from clearpath.evidence.categories import label
from clearpath.printing.document import ClearpathPDF
from clearpath.report.data import ReportIncident

PALETTE = (
    (43, 108, 176),
    (183, 121, 31),
    (47, 133, 90),
    (155, 44, 44),
    (107, 70, 193),
    (74, 85, 104),
    (0, 128, 128),
    (214, 96, 160),
)
OTHER = (170, 170, 170)
AXIS = (102, 102, 102)
GRID = (221, 221, 221)
SERIOUS = frozenset({"physical", "sexual", "threats"})
MAX_KINDS = 7  # the rest are drawn together as "other kinds"
HOUR_BANDS = (
    ("Night (0-6)", 0, 6),
    ("Morning (6-12)", 6, 12),
    ("Afternoon (12-18)", 12, 18),
    ("Evening (18-24)", 18, 24),
)


@dataclass(frozen=True)
class MonthCounts:
    """Incidents per month, split by kind (an incident with two kinds counts in both)."""

    months: tuple[date, ...]
    kinds: tuple[str, ...]  # stored values, most common first; "" means "other kinds"
    counts: dict[tuple[date, str], int]
    totals: dict[date, int]
    serious: dict[date, int]


def month_counts(incidents: Sequence[ReportIncident]) -> MonthCounts:
    """Count incidents per calendar month, by kind, with every month in between present."""
    days = [i.occurred_sort_key[0] for i in incidents]
    if not days:
        return MonthCounts((), (), {}, {}, {})
    first, last = min(days).replace(day=1), max(days).replace(day=1)
    months = []
    cursor = first
    while cursor <= last:
        months.append(cursor)
        cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    by_kind = Counter(c for i in incidents for c in i.latest.categories)
    kinds = [k for k, _ in by_kind.most_common(MAX_KINDS)]
    if len(by_kind) > MAX_KINDS or any(not i.latest.categories for i in incidents):
        kinds.append("")
    counts: Counter[tuple[date, str]] = Counter()
    totals: Counter[date] = Counter()
    serious: Counter[date] = Counter()
    for incident, day in zip(incidents, days, strict=True):
        month = day.replace(day=1)
        totals[month] += 1
        cats = incident.latest.categories
        if SERIOUS & set(cats):
            serious[month] += 1
        for kind in cats or ("",):
            counts[(month, kind if kind in kinds else "")] += 1
    return MonthCounts(tuple(months), tuple(kinds), dict(counts), dict(totals), dict(serious))


def kind_label(kind: str) -> str:
    return label(kind) if kind else "Other kinds or none given"


def _frame(pdf: ClearpathPDF, x: float, y: float, w: float, h: float, highest: int) -> int:
    """Axes with whole-number gridlines from 0; returns the value at the top of the axis."""
    step = max(1, -(-highest // 4))
    top = step * max(1, -(-highest // step))
    pdf.set_line_width(0.2)
    pdf.set_font(pdf.FONT, "", 7)
    for value in range(0, top + 1, step):
        gy = y + h - h * value / top
        pdf.set_draw_color(*GRID)
        pdf.line(x, gy, x + w, gy)
        pdf.set_xy(x - 9, gy - 2)
        pdf.cell(8, 4, str(value), align="R")
    pdf.set_draw_color(*AXIS)
    pdf.line(x, y, x, y + h)
    pdf.line(x, y + h, x + w, y + h)
    return top


def _legend(pdf: ClearpathPDF, items: Sequence[tuple[str, tuple[int, int, int]]]) -> None:
    pdf.set_font(pdf.FONT, "", 8)
    x0 = pdf.l_margin
    x, y = x0, pdf.get_y() + 1
    for text, colour in items:
        width = pdf.get_string_width(text) + 9
        if x + width > pdf.w - pdf.r_margin:
            x, y = x0, y + 5
        pdf.set_fill_color(*colour)
        pdf.rect(x, y + 0.8, 3.5, 3.5, style="F")
        pdf.set_xy(x + 4.5, y)
        pdf.cell(width - 4.5, 5, text)
        x += width
    pdf.set_xy(x0, y + 7)


def _month_label(month: date, count: int) -> str:
    return month.strftime("%b %Y") if count <= 12 else month.strftime("%m/%y")


def draw_months_by_kind(pdf: ClearpathPDF, data: MonthCounts, height: float = 62) -> None:
    """Stacked bars: incidents each month, split by kind."""
    if not data.months:
        return
    x, y, w = pdf.l_margin + 10, pdf.get_y() + 2, pdf.epw - 10
    highest = max(sum(data.counts.get((m, k), 0) for k in data.kinds) for m in data.months)
    top = _frame(pdf, x, y, w, height, highest)
    slot = w / len(data.months)
    bar = max(slot * 0.7, 0.3)
    every = max(1, round(len(data.months) / 12))
    colours = {k: (PALETTE[n] if k else OTHER) for n, k in enumerate(data.kinds)}
    for index, month in enumerate(data.months):
        bx = x + index * slot + (slot - bar) / 2
        base = y + height
        for kind in data.kinds:
            count = data.counts.get((month, kind), 0)
            if count:
                tall = height * count / top
                pdf.set_fill_color(*colours[kind])
                pdf.rect(bx, base - tall, bar, tall, style="F")
                base -= tall
        if index % every == 0:
            pdf.set_font(pdf.FONT, "", 6.5)
            pdf.set_xy(x + index * slot - 4, y + height + 1)
            pdf.cell(slot + 8, 4, _month_label(month, len(data.months)), align="C")
    pdf.set_xy(pdf.l_margin, y + height + 7)
    _legend(pdf, [(kind_label(k), colours[k]) for k in data.kinds])


def hour_counts(incidents: Sequence[ReportIncident]) -> tuple[list[int], int]:
    """Incidents per hour of the day (0-23), and how many had no time written down."""
    hours = [0] * 24
    missing = 0
    for incident in incidents:
        text = incident.latest.occurred_time
        try:
            hour = int(text.split(":", 1)[0]) if text else -1
        except ValueError:
            hour = -1
        if 0 <= hour < 24:
            hours[hour] += 1
        else:
            missing += 1
    return hours, missing


def draw_time_of_day(pdf: ClearpathPDF, hours: Sequence[int], height: float = 40) -> None:
    """One bar per hour of the day."""
    x, y, w = pdf.l_margin + 10, pdf.get_y() + 2, pdf.epw - 10
    top = _frame(pdf, x, y, w, height, max(hours))
    slot = w / 24
    pdf.set_fill_color(*PALETTE[0])
    for hour, count in enumerate(hours):
        if count:
            tall = height * count / top
            pdf.rect(x + hour * slot + slot * 0.15, y + height - tall, slot * 0.7, tall, "F")
        if hour % 3 == 0:
            pdf.set_font(pdf.FONT, "", 6.5)
            pdf.set_xy(x + hour * slot - 2, y + height + 1)
            pdf.cell(slot + 4, 4, f"{hour:02d}:00", align="C")
    pdf.set_xy(pdf.l_margin, y + height + 8)


def draw_over_time(pdf: ClearpathPDF, data: MonthCounts, height: float = 50) -> None:
    """Two lines per month: all incidents, and those involving physical or sexual harm or
    threats (dashed, so the two differ without colour)."""
    if not data.months:
        return
    x, y, w = pdf.l_margin + 10, pdf.get_y() + 2, pdf.epw - 10
    top = _frame(pdf, x, y, w, height, max(data.totals.values(), default=0))
    slot = w / len(data.months)
    for series, colour, dashed in (
        (data.totals, PALETTE[0], False),
        (data.serious, PALETTE[3], True),
    ):
        points = [
            (x + (i + 0.5) * slot, y + height - height * series.get(m, 0) / top)
            for i, m in enumerate(data.months)
        ]
        pdf.set_draw_color(*colour)
        pdf.set_fill_color(*colour)
        pdf.set_line_width(0.6)
        pdf.set_dash_pattern(dash=1.5, gap=1.2) if dashed else pdf.set_dash_pattern()
        for (ax, ay), (bx, by) in itertools.pairwise(points):
            pdf.line(ax, ay, bx, by)
        pdf.set_dash_pattern()
        for px, py in points:
            if dashed:
                pdf.rect(px - 0.9, py - 0.9, 1.8, 1.8, "F")
            else:
                pdf.circle(px, py, 1.0, "F")
    pdf.set_line_width(0.2)
    every = max(1, round(len(data.months) / 12))
    pdf.set_font(pdf.FONT, "", 6.5)
    for index, month in enumerate(data.months):
        if index % every == 0:
            pdf.set_xy(x + index * slot - 4, y + height + 1)
            pdf.cell(slot + 8, 4, _month_label(month, len(data.months)), align="C")
    pdf.set_xy(pdf.l_margin, y + height + 7)
    _legend(
        pdf,
        [
            ("All incidents (solid line, round points)", PALETTE[0]),
            ("Physical or sexual harm, or threats (dashed line, square points)", PALETTE[3]),
        ],
    )
