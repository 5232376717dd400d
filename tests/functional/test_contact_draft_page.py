"""The draft checker page: valid, empty, too long, unicode and right-to-left drafts.

The draft is never stored: the tests also check that nothing about it reaches the vault.
"""

from __future__ import annotations

import html
import re
import tempfile
import time
from pathlib import Path

from sqlalchemy import text
from web_harness import Web

from clearpath.contact.drafts import EMPTY, MAX_DRAFT_CHARS
from plaintext_scan import files_holding, files_under, needles

DRAFT = (
    "I'm so sorry about Saturday. Pickup is at 5 on Friday. "
    "I moved to a flat on Baker Road. Why do you always do this?"
)
MARKS = re.compile(r'<mark class="flag ([^"]+)">(.*?)</mark>')


def check(web: Web, draft: str) -> str:
    response = web.post("/contact/draft", {"draft": draft})
    assert response.status_code == 200, response.text
    return response.text


def test_the_page_says_nothing_is_sent_or_saved(home: Web) -> None:
    page = home.get("/contact/draft")
    assert page.status_code == 200
    assert "Nothing is sent anywhere and nothing is saved" in page.text
    # The answer opens at the results (and moves focus there) without JavaScript.
    assert 'action="/contact/draft#found"' in page.text
    assert 'maxlength="5000"' in page.text


def test_a_draft_with_flags_shows_the_words_why_and_a_suggestion(home: Web) -> None:
    page = check(home, DRAFT)
    marked = {(kinds, words) for kinds, words in MARKS.findall(page)}
    assert ("flag flag-apology".removeprefix("flag "), "sorry") in marked
    assert any("flag-personal_detail" in kinds and words == "I moved" for kinds, words in marked)
    assert any("flag-open_question" in kinds for kinds, _ in marked)
    assert "Apologising or smoothing things over" in page
    assert "<strong>Why:</strong>" in page
    assert "<strong>Instead:</strong>" in page
    # The suggested version keeps only the unflagged sentence and a calm closing.
    assert "Pickup is at 5 on Friday. Thank you.</textarea>" in page
    assert 'data-copy-target="suggested-text"' in page
    # What was typed is shown again in the box.
    assert html.escape(DRAFT, quote=False).replace("'", "&#39;") in page


def test_the_draft_is_escaped_before_it_is_marked(home: Web) -> None:
    page = check(home, "<script>alert(1)</script> I'm sorry & I moved.")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<mark class="flag flag-apology">sorry</mark>' in page


def test_a_calm_draft_gets_no_flags_and_a_gentle_reminder(home: Web) -> None:
    page = check(home, "Can you confirm pickup at 5 on Friday?")
    assert "Nothing was flagged" in page
    assert "<mark" not in page
    assert "suggested-text" not in page


def test_an_empty_draft_is_refused_next_to_the_field(home: Web) -> None:
    for draft in ("", "   \n  "):
        response = home.post("/contact/draft", {"draft": draft})
        assert response.status_code == 400
        assert EMPTY in response.text
        assert 'aria-invalid="true"' in response.text


def test_a_too_long_draft_is_refused_and_shown_again(home: Web) -> None:
    draft = "Pickup is at 5. " * (MAX_DRAFT_CHARS // 10)
    response = home.post("/contact/draft", {"draft": draft})
    assert response.status_code == 400
    assert "the checker takes up to 5,000" in response.text
    assert draft.strip() in response.text


def test_unicode_and_emoji_are_kept_and_spans_stay_exact(home: Web) -> None:
    draft = "Café ☕ à 5? 😊 I'm sorry — 学校 is fine 🙏"
    page = check(home, draft)
    assert '<mark class="flag flag-apology">sorry</mark>' in page
    assert "Café ☕ à 5? 😊" in page


def test_right_to_left_text_is_not_checked_and_says_so(home: Web) -> None:
    draft = "سأكون هناك في الخامسة يوم الجمعة"
    page = check(home, draft)
    assert "does not look like English" in page
    assert 'dir="auto"' in page
    assert draft in page
    assert "<mark" not in page


def test_posting_without_csrf_is_refused(home: Web) -> None:
    response = home.post("/contact/draft", {"draft": DRAFT}, csrf=False)
    assert response.status_code == 403
    assert "sorry" not in response.text


def test_the_draft_is_not_stored_anywhere(home: Web) -> None:
    marker = "Zanzibarquartz"
    since = time.time() - 1
    check(home, f"I moved to {marker} Road.")
    # Not in any table of the vault...
    with home.vault.session() as db:
        tables = db.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars()
        for table in list(tables):
            for row in db.execute(text(f'SELECT * FROM "{table}"')):  # noqa: S608 - own names
                assert not any(marker in str(value) for value in row), table
    home.lock()
    # ...and in no file, in the data folder or the temp folder.
    wanted = needles(marker)
    assert files_holding(files_under(home.data_dir), wanted) == []
    assert files_holding(files_under(Path(tempfile.gettempdir()), since), wanted) == []


def test_the_page_needs_an_unlocked_vault(locked: Web) -> None:
    response = locked.get("/contact/draft")
    assert response.status_code == 303
    assert response.headers["location"] == "/unlock"
