"""Server-side SVG charts: valid XML, escaped text, nothing the page's CSP would block."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from clearpath.charts.svg import Bar, Marker, Series, bar_chart, line_chart

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    return ET.fromstring(markup)  # noqa: S314 - our own output, parsed in a test


def test_a_line_chart_has_a_title_a_description_and_one_line_per_series() -> None:
    start = date(2026, 1, 1)
    sleep = Series("Sleep", [(start + timedelta(days=i), 5 + i % 3) for i in range(10)])
    mood = Series("Mood", [(start + timedelta(days=i), 2 + i % 5) for i in range(10)])
    svg = parse(
        line_chart(
            [sleep, mood],
            title="Sleep and mood",
            y_min=0,
            y_max=10,
            markers=[Marker(start + timedelta(days=4), "Leaving day")],
        )
    )
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == "Sleep and mood"  # type: ignore[union-attr]
    assert "Sleep: 10 entries" in (svg.find(f"{SVG}desc").text or "")  # type: ignore[union-attr]
    assert len(svg.findall(f"{SVG}polyline")) == 2
    marker_titles = [t.text for t in svg.iter(f"{SVG}title")]
    assert "Leaving day, 2026-01-05" in marker_titles


def test_no_style_attributes_or_scripts_ever() -> None:
    markup = str(
        line_chart([Series("A", [(date(2026, 1, 1), 1)])], title="t", y_min=0, y_max=10)
    ) + str(bar_chart([Bar("Threats", 3)], title="t"))
    assert "style=" not in markup
    assert "<script" not in markup
    assert "<style" not in markup


def test_an_empty_chart_says_there_is_nothing_yet() -> None:
    svg = parse(line_chart([Series("Mood", [])], title="Mood", y_min=0, y_max=10))
    assert svg.find(f"{SVG}desc").text == "No entries yet."  # type: ignore[union-attr]
    bars = parse(bar_chart([], title="Per month"))
    assert bars.find(f"{SVG}desc").text == "No entries yet."  # type: ignore[union-attr]


def test_values_outside_the_range_stay_inside_the_drawing() -> None:
    svg = parse(
        line_chart(
            [Series("A", [(date(2026, 1, 1), -5), (date(2026, 1, 2), 50)])],
            title="t",
            y_min=0,
            y_max=10,
            height=240,
        )
    )
    for circle in svg.iter(f"{SVG}circle"):
        assert 0 <= float(circle.get("cy", "0")) <= 240


@given(
    label=st.text(max_size=40),
    values=st.lists(st.floats(min_value=-100, max_value=100), max_size=30),
)
def test_any_label_and_values_give_well_formed_svg(label: str, values: list[float]) -> None:
    start = date(2026, 3, 1)
    points = [(start + timedelta(days=i), v) for i, v in enumerate(values)]
    svg = parse(line_chart([Series(label, points)], title=label, y_min=0, y_max=10))
    assert svg.tag == f"{SVG}svg"
    bars = parse(bar_chart([Bar(label, abs(v)) for v in values[:5]], title=label))
    assert bars.tag == f"{SVG}svg"


def test_two_charts_on_a_page_never_share_ids() -> None:
    first = parse(line_chart([], title="a", y_min=0, y_max=1))
    second = parse(line_chart([], title="b", y_min=0, y_max=1))
    assert first.get("aria-labelledby") != second.get("aria-labelledby")
