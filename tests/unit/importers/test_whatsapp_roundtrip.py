"""Property: any chat written in any supported layout reads back exactly as it was written."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import given, settings
from hypothesis import strategies as st

from clearpath.importers.base import DateOrder, ParseOptions, Source
from clearpath.importers.whatsapp import WhatsAppImporter

# How each phone writes one message header: (date, time, ios?) renderers.
LAYOUTS = {
    "en-US android": lambda t: (
        f"{t.month}/{t.day}/{t:%y}, {t.hour % 12 or 12}:{t:%M}\u202f"
        f"{'PM' if t.hour >= 12 else 'AM'} - "
    ),
    "en-GB android": lambda t: f"{t:%d/%m/%Y}, {t:%H:%M} - ",
    "de android": lambda t: f"{t:%d.%m.%y}, {t:%H:%M} - ",
    "fr android": lambda t: f"{t:%d/%m/%Y} à {t:%H:%M} - ",
    "nl android": lambda t: f"{t:%d-%m-%Y} {t:%H:%M} - ",
    "en-US ios": lambda t: (
        f"[{t.month}/{t.day}/{t:%y}, {t.hour % 12 or 12}:{t:%M:%S} "
        f"{'PM' if t.hour >= 12 else 'AM'}] "
    ),
    "de ios": lambda t: f"[{t:%d.%m.%y}, {t:%H:%M:%S}] ",
}
MONTH_FIRST = {"en-US android", "en-US ios"}

names = (
    st.text(
        alphabet=st.characters(categories=("L", "N"), include_characters=" .-'"),
        min_size=1,
        max_size=20,
    )
    .map(str.strip)
    .filter(lambda name: bool(name) and ":" not in name)
)
# Message text: any printable characters on one or more lines; a continuation line must not
# itself start with a digit or '[' (it could then be a real header), so lines start with a
# letter.
lines = st.text(
    alphabet=st.characters(categories=("L", "N", "P", "S", "Zs"), exclude_characters="\r\n\x85"),
    max_size=40,
)
bodies = st.lists(lines, min_size=1, max_size=3).map(
    lambda parts: "\n".join([parts[0], *("x" + part for part in parts[1:])])
)


@settings(max_examples=60, deadline=None)
@given(
    layout=st.sampled_from(sorted(LAYOUTS)),
    chat=st.lists(
        st.tuples(names, bodies, st.integers(min_value=0, max_value=400 * 24 * 60)),
        min_size=1,
        max_size=8,
    ),
)
def test_a_written_chat_reads_back(layout: str, chat: list[tuple[str, str, int]]) -> None:
    start = datetime(2021, 1, 1)
    ios = "ios" in layout
    rows = []
    for sender, body, minutes in chat:
        moment = start + timedelta(minutes=minutes, seconds=minutes % 60 if ios else 0)
        rows.append((moment, sender, body))
    text = "".join(f"{LAYOUTS[layout](m)}{s}: {b}\n" for m, s, b in rows)
    order = DateOrder.MONTH_FIRST if layout in MONTH_FIRST else DateOrder.DAY_FIRST
    with TemporaryDirectory() as folder:
        path = Path(folder) / "chat.txt"
        path.write_text(text, encoding="utf-8")
        parsed = list(
            WhatsAppImporter().parse(Source.from_path(path), ParseOptions(date_order=order))
        )
    assert len(parsed) == len(rows)
    for message, (moment, sender, body) in zip(parsed, rows, strict=True):
        expected = moment.strftime("%Y-%m-%dT%H:%M:%S" if ios else "%Y-%m-%dT%H:%M")
        assert message.timestamp == expected
        assert message.sender == sender
        assert message.text == body
        assert not message.system
