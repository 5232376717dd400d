"""`clearpath analyze`: the JSON line format, bad lines with their numbers, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from clearpath.cli import app


@pytest.fixture(autouse=True)
def _testing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLEARPATH_TESTING", "1")
    monkeypatch.setenv("CLEARPATH_DATA_DIR", str(tmp_path / "vault"))


def analyze(stdin: str | bytes = "", *args: str) -> Result:
    return CliRunner().invoke(app, ["analyze", *args], input=stdin)


def answers(result: Result) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_draft_line_gets_categories_spans_why_and_suggestion() -> None:
    line = json.dumps(
        {"id": "d1", "text": "Sorry! I moved to Leeds. Pickup at 5.", "direction": "out"}
    )
    result = analyze(line + "\n")
    assert result.exit_code == 0, result.output
    (answer,) = answers(result)
    assert answer["id"] == "d1"
    assert answer["analysed"] is True
    assert answer["categories"] == ["apology", "personal_detail"]
    flags = answer["flags"]
    assert isinstance(flags, list)
    for flag in flags:
        assert set(flag) == {
            "rule",
            "category",
            "start",
            "end",
            "match",
            "explanation",
            "suggestion",
        }
        text = "Sorry! I moved to Leeds. Pickup at 5."
        assert text[flag["start"] : flag["end"]] == flag["match"]
    assert answer["suggested"] == "Pickup at 5. Thank you."


def test_one_answer_per_input_in_order_and_blank_lines_skipped() -> None:
    lines = [
        json.dumps({"id": 7, "text": "ok", "direction": "out"}),
        "",
        json.dumps({"text": "Why?", "direction": "out"}),
        json.dumps({"text": "You will regret this.", "direction": "in"}),
    ]
    result = analyze("\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    got = answers(result)
    assert [a["id"] for a in got] == [7, 3, 4]  # the line number when no id is given
    assert got[0]["flags"] == []
    assert got[2]["analysed"] is False
    assert "reason" in got[2]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("not json", "line 1: this is not valid JSON"),
        ("[1, 2]", "line 1: each line must be one JSON object"),
        ('{"direction": "out"}', 'line 1: "text" is missing'),
        ('{"text": 5, "direction": "out"}', 'line 1: "text" is missing or is not a string'),
        ('{"text": "hi"}', 'line 1: "direction" must be "out"'),
        ('{"text": "hi", "direction": "sideways"}', 'line 1: "direction" must be'),
        ('{"text": "hi", "direction": ["out"]}', 'line 1: "direction" must be'),
        ('{"text": "hi", "direction": "out", "id": [1]}', 'line 1: "id" must be'),
        ('{"text": "hi", "direction": "out", "language": "English"}', 'line 1: "language"'),
    ],
)
def test_a_bad_line_is_named_with_what_is_wrong(line: str, problem: str) -> None:
    result = analyze(line + "\n")
    assert result.exit_code == 2
    assert problem in result.stderr
    assert result.stdout == ""


def test_good_lines_are_answered_around_a_bad_one() -> None:
    good = json.dumps({"text": "ok", "direction": "out"})
    result = analyze(f"{good}\n{{oops\n{good}\n")
    assert result.exit_code == 2
    assert len(answers(result)) == 2
    assert "line 2:" in result.stderr
    assert "1 line could not be read" in result.stderr


def test_a_line_that_is_not_utf8_is_reported_by_number() -> None:
    good = json.dumps({"text": "ok", "direction": "out"}).encode()
    result = analyze(good + b"\n" + b'{"text": "\xff\xfe"}\n')
    assert result.exit_code == 2
    assert "line 2: this line is not UTF-8 text." in result.stderr


def test_a_too_long_text_is_refused_with_its_line() -> None:
    line = json.dumps({"text": "a" * 100_001, "direction": "out"})
    result = analyze(line + "\n")
    assert result.exit_code == 2
    assert "line 1:" in result.stderr
    assert "the limit is 100,000" in result.stderr


def test_a_file_argument_with_a_bom_and_crlf(tmp_path: Path) -> None:
    source = tmp_path / "drafts.jsonl"
    line = json.dumps({"text": "I\u2019m sorry 😊", "direction": "out"}, ensure_ascii=False)
    source.write_bytes(b"\xef\xbb\xbf" + line.encode() + b"\r\n")
    result = analyze("", str(source))
    assert result.exit_code == 0, result.output
    (answer,) = answers(result)
    assert answer["categories"] == ["apology"]


def test_a_missing_file_is_one_calm_sentence(tmp_path: Path) -> None:
    result = analyze("", str(tmp_path / "nowhere.jsonl"))
    assert result.exit_code == 2
    assert "Cannot read" in result.stderr
    assert "Traceback" not in result.output
