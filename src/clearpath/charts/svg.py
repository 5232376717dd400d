"""Small charts drawn on the server as inline SVG: no script, no style attributes, no fonts.

The page's Content-Security-Policy forbids inline styles, so every colour and line width is a
presentation attribute. Each chart carries a <title> and <desc> and role="img"; pages still
show the same numbers as text next to it for anyone who cannot see the chart.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from markupsafe import Markup

# Colours that stay apart for the common kinds of colour blindness, and dash patterns so
# series differ without colour too.
PALETTE = ("#2b6cb0", "#b7791f", "#2f855a", "#9b2c2c", "#6b46c1", "#4a5568")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")
AXIS = "#666666"
GRID = "#dddddd"
MARKER = "#805ad5"

LEFT, RIGHT, TOP, BOTTOM = 40, 12, 16, 34
LEGEND_ROW = 16


@dataclass(frozen=True)
class Series:
    """One line: a label and (day, value) points; the points need not be sorted."""

    label: str
    points: Sequence[tuple[date, float]]


@dataclass(frozen=True)
class Marker:
    """A day worth marking on the time axis (the leaving date, a hard date)."""

    day: date
    label: str


@dataclass(frozen=True)
class Bar:
    label: str
    value: float


# Characters XML cannot hold at all (control characters, lone surrogates); a label typed with
# one must not break the drawing.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _attr(value: object) -> str:
    return escape(_NOT_XML.sub("", str(value)), quote=True)


def _num(value: float) -> str:
    return f"{value:.1f}"


def _ticks(low: float, high: float, count: int = 4) -> list[float]:
    if high <= low:
        return [low]
    step = (high - low) / count
    return [low + step * index for index in range(count + 1)]


def _open_svg(title: str, description: str, width: int, height: int) -> tuple[list[str], str]:
    # Random, so two charts on one page never share an id (and no counter lives in the module).
    number = secrets.token_hex(4)
    title_id, desc_id = f"chart-title-{number}", f"chart-desc-{number}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMidYMid meet" '
        f'aria-labelledby="{title_id} {desc_id}" focusable="false">',
        f'<title id="{title_id}">{_attr(title)}</title>',
        f'<desc id="{desc_id}">{_attr(description)}</desc>',
    ]
    return parts, title_id


def line_chart(
    series: Sequence[Series],
    *,
    title: str,
    y_min: float,
    y_max: float,
    markers: Sequence[Marker] = (),
    width: int = 640,
    height: int = 240,
) -> Markup:
    """Lines over time on one shared date axis, with optional marked days.

    With no points at all it draws the empty axes and says so in the description, so a page
    never breaks on a first visit.
    """
    days = [day for line in series for day, _ in line.points] + [m.day for m in markers]
    legend_rows = (len(series) + 2) // 3
    chart_height = height + legend_rows * LEGEND_ROW
    described = [f"{line.label}: {len(line.points)} entries" for line in series]
    description = "; ".join(described) if days else "No entries yet."
    parts, _ = _open_svg(title, description, width, chart_height)
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM
    first, last = (min(days), max(days)) if days else (date.today(), date.today())
    span = max((last - first).days, 1)
    y_span = (y_max - y_min) or 1.0

    def x_of(day: date) -> float:
        return LEFT + plot_w * ((day - first).days / span if days and span else 0.5)

    def y_of(value: float) -> float:
        clamped = min(max(value, y_min), y_max)
        return TOP + plot_h * (1 - (clamped - y_min) / y_span)

    for tick in _ticks(y_min, y_max):
        y = _num(y_of(tick))
        parts.append(
            f'<line x1="{LEFT}" y1="{y}" x2="{width - RIGHT}" y2="{y}" stroke="{GRID}" '
            'stroke-width="1"/>'
        )
        label = f"{tick:g}" if tick == int(tick) else f"{tick:.1f}"
        parts.append(
            f'<text x="{LEFT - 6}" y="{y}" font-size="11" text-anchor="end" '
            f'dominant-baseline="middle" fill="{AXIS}">{label}</text>'
        )
    base = _num(TOP + plot_h)
    parts.append(
        f'<line x1="{LEFT}" y1="{base}" x2="{width - RIGHT}" y2="{base}" stroke="{AXIS}" '
        'stroke-width="1"/>'
    )
    if days:
        for day, anchor in ((first, "start"), (last, "end")):
            parts.append(
                f'<text x="{_num(x_of(day))}" y="{_num(TOP + plot_h + 16)}" font-size="11" '
                f'text-anchor="{anchor}" fill="{AXIS}">{day.isoformat()}</text>'
            )
    for marker in markers:
        x = _num(x_of(marker.day))
        parts.append(
            f'<line x1="{x}" y1="{TOP}" x2="{x}" y2="{base}" stroke="{MARKER}" '
            'stroke-width="1.5" stroke-dasharray="3 3">'
            f"<title>{_attr(marker.label)}, {marker.day.isoformat()}</title></line>"
        )
        # The label sits inside the plot on the side with more room.
        anchor = "start" if x_of(marker.day) < LEFT + plot_w / 2 else "end"
        shift = 4 if anchor == "start" else -4
        parts.append(
            f'<text x="{_num(float(x) + shift)}" y="{TOP + 10}" font-size="11" '
            f'text-anchor="{anchor}" fill="{MARKER}">{_attr(marker.label)}</text>'
        )
    for index, line in enumerate(series):
        colour, dash = PALETTE[index % len(PALETTE)], DASHES[index % len(DASHES)]
        points = sorted(line.points)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        if len(points) > 1:
            path = " ".join(f"{_num(x_of(d))},{_num(y_of(v))}" for d, v in points)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"'
                f'{dash_attr} stroke-linejoin="round"/>'
            )
        # Dots only while they stay readable; a dense year is clearer as a line.
        if len(points) <= 60:
            for day, value in points:
                parts.append(
                    f'<circle cx="{_num(x_of(day))}" cy="{_num(y_of(value))}" r="3" '
                    f'fill="{colour}"><title>{_attr(line.label)}, {day.isoformat()}: '
                    f"{value:g}</title></circle>"
                )
    parts.extend(_legend([line.label for line in series], height, width))
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every piece of text above is escaped


def _legend(labels: Sequence[str], top: int, width: int) -> list[str]:
    parts = []
    column = (width - LEFT) / 3
    for index, label in enumerate(labels):
        row, col = divmod(index, 3)
        x = LEFT + col * column
        y = top - 6 + row * LEGEND_ROW
        colour, dash = PALETTE[index % len(PALETTE)], DASHES[index % len(DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{_num(x)}" y1="{_num(y)}" x2="{_num(x + 22)}" y2="{_num(y)}" '
            f'stroke="{colour}" stroke-width="2"{dash_attr}/>'
        )
        parts.append(
            f'<text x="{_num(x + 28)}" y="{_num(y)}" font-size="12" dominant-baseline="middle" '
            f'fill="#222222">{_attr(label)}</text>'
        )
    return parts


def bar_chart(
    bars: Sequence[Bar], *, title: str, width: int = 640, bar_height: int = 22
) -> Markup:
    """Horizontal bars, one per label (counts per category, per month)."""
    label_w = 170
    height = TOP + max(len(bars), 1) * (bar_height + 6) + 8
    description = "; ".join(f"{bar.label}: {bar.value:g}" for bar in bars) or "No entries yet."
    parts, _ = _open_svg(title, description, width, height)
    largest = max((bar.value for bar in bars), default=0) or 1
    room = width - label_w - RIGHT - 40
    for index, bar in enumerate(bars):
        y = TOP + index * (bar_height + 6)
        length = max(room * bar.value / largest, 0)
        parts.append(
            f'<text x="{label_w - 8}" y="{_num(y + bar_height / 2)}" font-size="12" '
            f'text-anchor="end" dominant-baseline="middle" fill="#222222">'
            f"{_attr(bar.label)}</text>"
        )
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{_num(length)}" height="{bar_height}" '
            f'fill="{PALETTE[0]}"/>'
        )
        parts.append(
            f'<text x="{_num(label_w + length + 6)}" y="{_num(y + bar_height / 2)}" '
            f'font-size="12" dominant-baseline="middle" fill="#222222">{bar.value:g}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every piece of text above is escaped
