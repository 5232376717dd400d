"""`clearpath parse`: JSON lines out, no vault needed, calm errors for bad files."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from clearpath.cli import app


def run(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["--data-dir", str(tmp_path / "vault"), "parse", *args])
    return result.exit_code, result.stdout, result.stderr


def test_parse_prints_one_json_line_per_message_and_creates_no_vault(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("13/01/2021, 21:41 - Sam: Hi\nagain\n13/01/2021, 21:42 - Sam: ok\n")
    code, out, _ = run(tmp_path, str(chat))
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert first == {
        "sender": "Sam",
        "timestamp": "2021-01-13T21:41",
        "text": "Hi\nagain",
        "system": False,
        "attachments": [],
        "raw_timestamp": "13/01/2021, 21:41",
        "source": {"first_line": 1, "last_line": 2},
    }
    assert second["text"] == "ok"
    assert not (tmp_path / "vault").exists()


def test_ambiguous_dates_ask_for_an_option(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("03/04/2021, 21:41 - Sam: Hi\n")
    code, out, err = run(tmp_path, str(chat))
    assert code == 2
    assert out == ""
    assert "--dayfirst or --monthfirst" in err
    code, out, _ = run(tmp_path, str(chat), "--monthfirst")
    assert code == 0
    assert json.loads(out)["timestamp"] == "2021-03-04T21:41"
    code, _, err = run(tmp_path, str(chat), "--monthfirst", "--dayfirst")
    assert code == 1
    assert "not both" in err


def test_a_broken_line_names_itself_and_can_be_kept(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("13/01/2021, 21:41 - Sam: Hi\n13/01/2021, 21:42 Sam Hey\n")
    code, _, err = run(tmp_path, str(chat))
    assert code == 2
    assert "Line 2:" in err
    assert "--keep-unparsed" in err
    code, out, _ = run(tmp_path, str(chat), "--keep-unparsed")
    assert code == 0
    assert json.loads(out)["unparsed_lines"] == [2]


def test_a_format_can_be_named(tmp_path: Path) -> None:
    export = tmp_path / "export.txt"
    export.write_text("13/01/2021, 21:41 - Sam: Hi\n")
    code, out, _ = run(tmp_path, str(export), "--format", "whatsapp")
    assert code == 0
    assert json.loads(out)["sender"] == "Sam"
    code, _, err = run(tmp_path, str(export), "--format", "fax")
    assert code == 2
    assert "no format called 'fax'" in err


def test_an_unknown_file_gets_one_calm_sentence(tmp_path: Path) -> None:
    junk = tmp_path / "photo.bin"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    code, _, err = run(tmp_path, str(junk))
    assert code == 2
    assert "Traceback" not in err
    assert "does not look like any export" in err
