"""Property tests: any typed search is a valid FTS5 query; highlights never let HTML through."""

from __future__ import annotations

import re

import sqlcipher3
from hypothesis import given, settings
from hypothesis import strategies as st

from clearpath.heal.forms import MARK_CLOSE, MARK_OPEN, clean_text
from clearpath.heal.journal import fts_query, highlighted

_CONNECTION = sqlcipher3.connect(":memory:")
_CONNECTION.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
_CONNECTION.execute("INSERT INTO t(body) VALUES ('a calm walk by the river')")


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_any_typed_search_is_a_valid_query(typed: str) -> None:
    query = fts_query(typed)
    if query:
        _CONNECTION.execute("SELECT rowid FROM t WHERE t MATCH ?", (query,)).fetchall()


@settings(max_examples=300)
@given(st.text(max_size=200), st.text(max_size=40))
def test_highlights_escape_everything_but_the_marks(before: str, hit: str) -> None:
    written = clean_text(before)
    html = str(highlighted(f"{written}{MARK_OPEN}{clean_text(hit)}{MARK_CLOSE}"))
    tags = re.findall(r"<[^>]*>", html)
    assert set(tags) <= {"<mark>", "</mark>"}
    assert MARK_OPEN not in html
    assert MARK_CLOSE not in html


@given(st.text(max_size=100))
def test_saved_text_never_holds_the_marks(typed: str) -> None:
    cleaned = clean_text(typed + MARK_OPEN + MARK_CLOSE)
    assert MARK_OPEN not in cleaned
    assert MARK_CLOSE not in cleaned
