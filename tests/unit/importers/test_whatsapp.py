"""WhatsApp exports in the layouts of Android and iOS and the supported languages."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from clearpath.importers.base import (
    DateOrder,
    DateOrderUnknown,
    ImportProblem,
    ParsedMessage,
    ParseOptions,
    Source,
)
from clearpath.importers.whatsapp import WhatsAppImporter

IMPORTER = WhatsAppImporter()


def parse(tmp_path: Path, text: str, **options: object) -> list[ParsedMessage]:
    path = tmp_path / "chat.txt"
    path.write_bytes(text.encode("utf-8"))
    return list(IMPORTER.parse(Source.from_path(path), ParseOptions(**options)))  # type: ignore[arg-type]


# (language, two lines written the way that phone writes them, the timestamps expected)
LOCALES = [
    (
        "en-US android",
        "1/5/21, 9:41\u202fPM - Alice: Hi there\n1/13/21, 7:02\u202fAM - Bob: Morning\n",
        ["2021-01-05T21:41", "2021-01-13T07:02"],
    ),
    (
        "en-GB android",
        "05/01/2021, 21:41 - Alice: Hi\n13/01/2021, 07:02 - Bob: Morning\n",
        ["2021-01-05T21:41", "2021-01-13T07:02"],
    ),
    (
        "de android",
        "05.01.21, 21:41 - Alice: Hallo\n13.01.21, 07:02 - Bob: Morgen\n",
        ["2021-01-05T21:41", "2021-01-13T07:02"],
    ),
    (
        "fr android",
        "05/01/2021 à 21:41 - Alice: Salut\n13/01/2021 à 07:02 - Bob: Bonjour\n",
        ["2021-01-05T21:41", "2021-01-13T07:02"],
    ),
    (
        "es android 12-hour",
        "5/1/21, 9:41\u00a0p.\u00a0m. - Alice: Hola\n13/1/21, 7:02\u00a0a.\u00a0m. - Bob: Buenas\n",
        ["2021-01-05T21:41", "2021-01-13T07:02"],
    ),
    (
        "pt-BR android",
        "05/01/2021 21:41 - Alice: Oi\n13/01/2021 07:02 - Bob: Bom dia\n",
        ["2021-01-05T21:41", "2021-01-13T07:02"],
    ),
    (
        "it android",
        "05/01/21, 21:41 - Alice: Ciao\n13/01/21, 07:02 - Bob: Buongiorno\n",
        ["2021-01-05T21:41", "2021-01-13T07:02"],
    ),
    (
        "nl android",
        "05-01-2021 21:41 - Alice: Hoi\n13-01-2021 07:02 - Bob: Goedemorgen\n",
        ["2021-01-05T21:41", "2021-01-13T07:02"],
    ),
    (
        "ru android",
        "05.01.2021, 21:41 - Алиса: Привет\n13.01.2021, 07:02 - Борис: Доброе утро\n",
        ["2021-01-05T21:41", "2021-01-13T07:02"],
    ),
    (
        "en-US ios",
        "[1/5/21, 9:41:05 PM] Alice: Hi\n[1/13/21, 7:02:09 AM] Bob: Morning\n",
        ["2021-01-05T21:41:05", "2021-01-13T07:02:09"],
    ),
    (
        "en-GB ios",
        "\u200e[05/01/2021, 21:41:05] Alice: Hi\n[13/01/2021, 07:02:09] Bob: Morning\n",
        ["2021-01-05T21:41:05", "2021-01-13T07:02:09"],
    ),
    (
        "de ios",
        "[05.01.21, 21:41:05] Alice: Hallo\n[13.01.21, 07:02:09] Bob: Morgen\n",
        ["2021-01-05T21:41:05", "2021-01-13T07:02:09"],
    ),
    (
        "year first",
        "2021-01-05 21:41 - Alice: Hej\n2021-01-06 07:02 - Bob: Hej hej\n",
        ["2021-01-05T21:41", "2021-01-06T07:02"],
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), LOCALES, ids=[x[0] for x in LOCALES])
def test_each_language_layout_gives_the_same_wall_clock_times(
    tmp_path: Path, language: str, text: str, expected: list[str]
) -> None:
    messages = parse(tmp_path, text)
    assert [m.timestamp for m in messages] == expected
    assert [m.system for m in messages] == [False, False]
    assert messages[0].sender in {"Alice", "Алиса"}
    assert IMPORTER.sniff(Source.from_path(tmp_path / "chat.txt"), text.encode())


def test_a_bom_crlf_and_multi_line_messages(tmp_path: Path) -> None:
    text = (
        "\ufeff13/01/2021, 21:41 - Alice: first line\r\n"
        "second line\r\n"
        "12/31/2020 was when it started\r\n"
        "\r\n"
        "13/01/2021, 21:42 - Bob: ok\r\n"
    )
    first, second = parse(tmp_path, text)
    assert first.text == "first line\nsecond line\n12/31/2020 was when it started\n"
    assert (first.source.first_line, first.source.last_line) == (1, 4)
    assert second.text == "ok"
    assert second.source.first_line == 5


def test_system_messages_are_kept_and_marked(tmp_path: Path) -> None:
    text = (
        "13/01/2021, 21:40 - Messages and calls are end-to-end encrypted. No one outside "
        "of this chat can read them.\n"
        '13/01/2021, 21:41 - Alice changed the subject to "a: b"\n'
        "13/01/2021, 21:42 - Alice: hello\n"
    )
    notice, subject, message = parse(tmp_path, text)
    assert notice.system
    assert notice.sender is None
    assert subject.system
    assert subject.sender is None
    assert not message.system
    assert message.sender == "Alice"


def test_ios_notices_marked_with_an_invisible_mark_are_system_messages(tmp_path: Path) -> None:
    text = (
        "[13/01/2021, 21:40:00] Family: \u200eMessages and calls are end-to-end encrypted.\n"
        "[13/01/2021, 21:41:00] Alice: \u200eimage omitted\n"
        "[13/01/2021, 21:42:00] Alice: \u200e<attached: 00000012-PHOTO-2021-01-13-21-42-00.jpg>\n"
    )
    notice, omitted, photo = parse(tmp_path, text)
    assert notice.system
    assert not omitted.system
    assert omitted.attachments == ()
    assert photo.attachments == ("00000012-PHOTO-2021-01-13-21-42-00.jpg",)


def test_android_attachment_names(tmp_path: Path) -> None:
    text = (
        "13/01/2021, 21:41 - Alice: \u200eIMG-20210113-WA0001.jpg (file attached)\nlook\n"
        "13/01/2021, 21:42 - Alice: PTT-20210113-WA0002.opus (Datei angehängt)\n"
        "13/01/2021, 21:43 - Alice: <Media omitted>\n"
    )
    photo, voice, omitted = parse(tmp_path, text)
    assert photo.attachments == ("IMG-20210113-WA0001.jpg",)
    assert voice.attachments == ("PTT-20210113-WA0002.opus",)
    assert omitted.attachments == ()


def test_the_text_keeps_its_invisible_marks_as_written(tmp_path: Path) -> None:
    (message,) = parse(tmp_path, "13/01/2021, 21:41 - Alice: \u200fשלום\u00a0you\n")
    assert message.text == "\u200fשלום\u00a0you"


def test_raw_timestamp_is_the_export_text(tmp_path: Path) -> None:
    (message,) = parse(tmp_path, "[1/13/21, 9:41:05 PM] Alice: Hi\n")
    assert message.raw_timestamp == "1/13/21, 9:41:05 PM"


def test_ambiguous_dates_are_never_guessed(tmp_path: Path) -> None:
    text = "03/04/2021, 21:41 - Alice: Hi\n04/05/2021, 21:42 - Bob: Hey\n"
    with pytest.raises(DateOrderUnknown) as caught:
        parse(tmp_path, text)
    assert "03/04/2021" in caught.value.message
    day_first = parse(tmp_path, text, date_order=DateOrder.DAY_FIRST)
    month_first = parse(tmp_path, text, date_order=DateOrder.MONTH_FIRST)
    assert day_first[0].timestamp == "2021-04-03T21:41"
    assert month_first[0].timestamp == "2021-03-04T21:41"


def test_a_file_that_is_not_whatsapp_names_line_one(tmp_path: Path) -> None:
    with pytest.raises(ImportProblem) as caught:
        parse(tmp_path, "Dear diary,\nnothing here\n")
    assert caught.value.line == 1
    assert "not a WhatsApp export" in caught.value.message


def test_an_impossible_date_names_its_line(tmp_path: Path) -> None:
    text = "13/01/2021, 21:41 - Alice: Hi\n31/02/2021, 21:42 - Bob: Hey\n"
    with pytest.raises(ImportProblem) as caught:
        parse(tmp_path, text)
    assert caught.value.line == 2
    assert "'31/02/2021' is not a date" in caught.value.message


def test_a_line_that_starts_like_a_message_but_is_not_one(tmp_path: Path) -> None:
    text = "13/01/2021, 21:41 - Alice: Hi\n13/01/2021, 21:42 Bob Hey\n13/01/2021, 21:43 - Bob: x\n"
    with pytest.raises(ImportProblem) as caught:
        parse(tmp_path, text)
    assert caught.value.line == 2
    first, second = parse(tmp_path, text, keep_unparsed=True)
    assert first.text == "Hi\n13/01/2021, 21:42 Bob Hey"
    assert first.unparsed_lines == (2,)
    assert second.text == "x"


def test_text_that_is_not_utf8_is_refused_calmly(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes("13/01/2021, 21:41 - Alice: caf\xe9\n".encode("latin-1"))
    with pytest.raises(ImportProblem):
        list(IMPORTER.parse(Source.from_path(path), ParseOptions()))


def test_the_zip_with_media(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat - Alice.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "_chat.txt",
            "[13/01/2021, 21:41:00] Alice: \u200e<attached: 00000001-PHOTO.jpg>\n",
        )
        archive.writestr("00000001-PHOTO.jpg", b"\xff\xd8\xff")
    assert IMPORTER.sniff(Source.from_path(path), path.read_bytes()[:65536])
    (message,) = IMPORTER.parse(Source.from_path(path), ParseOptions())
    assert message.attachments == ("00000001-PHOTO.jpg",)
    assert message.source.member == "_chat.txt"
