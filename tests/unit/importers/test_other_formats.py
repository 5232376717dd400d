"""SMS Backup & Restore, Telegram, Messenger, e-mail, CSV and pasted text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clearpath.importers.base import ImportProblem, ParseOptions, Source
from clearpath.importers.csv_rows import CsvImporter
from clearpath.importers.email_files import EmlImporter, MboxImporter
from clearpath.importers.messenger import MessengerImporter, repair
from clearpath.importers.paste import parse_pasted
from clearpath.importers.registry import by_name, detect
from clearpath.importers.sms import SmsBackupImporter
from clearpath.importers.telegram import TelegramImporter

SMS_XML = """<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="3">
  <sms protocol="0" address="+15550100" date="1610000000000" type="1" subject="null"
       body="Answer me" read="1" status="-1" readable_date="Jan 7, 2021 6:13:20 AM"
       contact_name="Sam" />
  <sms protocol="0" address="+15550100" date="1610000060123" type="2" subject="null"
       body="Please only write about the children." contact_name="Sam" />
  <mms date="1610000120" msg_box="1" address="+15550100" contact_name="Sam" sub="null">
    <parts>
      <part seq="-1" ct="application/smil" name="null" text="&lt;smil&gt;" />
      <part seq="0" ct="text/plain" name="null" text="Look at this" />
      <part seq="1" ct="image/jpeg" name="IMG_0001.jpg" data="/9j/4AAQ" />
    </parts>
    <addrs>
      <addr address="+15550100" type="137" charset="106" />
      <addr address="+15550199" type="151" charset="106" />
    </addrs>
  </mms>
</smses>
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def test_sms_backup_both_directions_mms_parts_and_addresses(tmp_path: Path) -> None:
    path = write(tmp_path, "sms.xml", SMS_XML)
    assert detect(Source.from_path(path)).name == "sms-backup"
    received, sent, mms = SmsBackupImporter().parse(Source.from_path(path), ParseOptions())
    assert (received.sender, received.direction, received.text) == ("Sam", "in", "Answer me")
    assert received.timestamp == "2021-01-07T06:13:20Z"
    assert received.raw_timestamp == "1610000000000"
    assert (sent.sender, sent.direction, sent.recipients) == (None, "out", ("Sam",))
    assert sent.timestamp == "2021-01-07T06:14:20.123Z"
    # This mms gives its date in seconds, as some do.
    assert mms.timestamp == "2021-01-07T06:15:20Z"
    assert mms.text == "Look at this"
    assert mms.attachments == ("IMG_0001.jpg",)
    assert mms.recipients == ("+15550199",)
    assert mms.source.byte_start is not None
    assert mms.source.byte_end is not None
    assert SMS_XML.encode()[mms.source.byte_start :].startswith(b"<mms")


def test_a_truncated_backup_is_refused_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "sms.xml", SMS_XML[: SMS_XML.index("<mms") + 30])
    with pytest.raises(ImportProblem) as caught:
        list(SmsBackupImporter().parse(Source.from_path(path), ParseOptions()))
    assert caught.value.line is not None
    assert "cut short" in caught.value.message


def test_an_xml_entity_bomb_is_refused(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE smses [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><smses><sms body="&b;" date="1" /></smses>'
    )
    path = write(tmp_path, "sms.xml", bomb)
    with pytest.raises(ImportProblem):
        list(SmsBackupImporter().parse(Source.from_path(path), ParseOptions()))


TELEGRAM = {
    "name": "Sam",
    "type": "personal_chat",
    "messages": [
        {
            "id": 1,
            "type": "service",
            "date": "2021-01-05T21:40:00",
            "date_unixtime": "1609879200",
            "actor": "Sam",
            "action": "phone_call",
            "text": "",
        },
        {
            "id": 2,
            "type": "message",
            "date": "2021-01-05T21:41:05",
            "date_unixtime": "1609879265",
            "from": "Sam",
            "from_id": "user1",
            "text": ["You ", {"type": "bold", "text": "will"}, " answer"],
        },
        {
            "id": 3,
            "type": "message",
            "date": "2021-01-05T21:42:00",
            "date_unixtime": "1609879320",
            "from": "Sam",
            "from_id": "user1",
            "photo": "photos/photo_1.jpg",
            "text": "",
        },
    ],
}


def test_telegram_text_entities_service_messages_and_media(tmp_path: Path) -> None:
    path = write(tmp_path, "result.json", json.dumps(TELEGRAM))
    assert detect(Source.from_path(path)).name == "telegram"
    call, message, photo = TelegramImporter().parse(Source.from_path(path), ParseOptions())
    assert call.system
    assert call.text == "phone call"
    assert message.text == "You will answer"
    assert message.timestamp == "2021-01-05T21:41:05"
    assert message.source.item == "2"
    assert photo.attachments == ("photos/photo_1.jpg",)


def test_messenger_mojibake_is_repaired_and_order_is_oldest_first(tmp_path: Path) -> None:
    disguised = "Café à bientôt 😊".encode().decode("latin-1")
    data = {
        "participants": [{"name": "Sam"}, {"name": "Me"}],
        "messages": [
            {
                "sender_name": "Sam",
                "timestamp_ms": 1610000060000,
                "content": disguised,
                "type": "Generic",
            },
            {
                "sender_name": "Sam",
                "timestamp_ms": 1610000000000,
                "content": "first",
                "photos": [{"uri": "messages/inbox/sam/photos/1.jpg"}],
                "type": "Generic",
            },
        ],
    }
    path = write(tmp_path, "message_1.json", json.dumps(data))
    assert detect(Source.from_path(path)).name == "messenger"
    first, second = MessengerImporter().parse(Source.from_path(path), ParseOptions())
    assert first.text == "first"
    assert first.attachments == ("messages/inbox/sam/photos/1.jpg",)
    assert second.text == "Café à bientôt 😊"
    assert second.timestamp == "2021-01-07T06:14:20Z"


def test_repair_leaves_honest_text_alone() -> None:
    assert repair("café") == "café"
    assert repair("日本") == "日本"


EML = """From: Sam Example <sam@example.org>
To: You <you@example.net>
Cc: Lawyer <office@example.com>
Subject: The weekend
Date: Tue, 05 Jan 2021 21:41:05 +0100
Message-ID: <1@example.org>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/html; charset=utf-8

<html><head><style>p{}</style></head><body><p>You will regret this.</p><p>Call me.</p></body></html>
--b
Content-Type: application/pdf
Content-Disposition: attachment; filename="letter.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--b--
"""


def test_eml_html_body_attachments_and_offset(tmp_path: Path) -> None:
    path = write(tmp_path, "mail.eml", EML)
    assert detect(Source.from_path(path)).name == "eml"
    (message,) = EmlImporter().parse(Source.from_path(path), ParseOptions())
    assert message.sender == "Sam Example <sam@example.org>"
    assert message.recipients == ("You <you@example.net>", "Lawyer <office@example.com>")
    assert message.timestamp == "2021-01-05T21:41:05+01:00"
    assert message.raw_timestamp == "Tue, 05 Jan 2021 21:41:05 +0100"
    assert message.subject == "The weekend"
    assert message.text == "You will regret this.\nCall me."
    assert message.attachments == ("letter.pdf",)


def test_mbox_reads_every_message(tmp_path: Path) -> None:
    plain = EML.replace("text/html", "text/plain")
    box = f"From sam@example.org Tue Jan  5 21:41:05 2021\n{plain}\nFrom x Tue Jan  5 2021\n{EML}"
    path = write(tmp_path, "mail.mbox", box)
    assert detect(Source.from_path(path)).name == "mbox"
    first, second = MboxImporter().parse(Source.from_path(path), ParseOptions())
    assert "You will regret this." in first.text
    assert second.source.item == "2"


def test_eml_without_a_date_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "mail.eml", "From: a@example.org\nSubject: x\n\nbody\n")
    with pytest.raises(ImportProblem, match="no Date header"):
        list(EmlImporter().parse(Source.from_path(path), ParseOptions()))


def test_csv_with_a_column_mapping(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "export.csv",
        "When,Who,What,Way\n"
        '2021-01-05 21:41,Sam,"Hi,\nthere",in\n'
        "2021-01-05T21:42:00+01:00,Me,ok,out\n",
    )
    importer = CsvImporter()
    assert importer.headers(Source.from_path(path)) == ["When", "Who", "What", "Way"]
    columns = {"timestamp": "When", "sender": "Who", "text": "What", "direction": "Way"}
    first, second = importer.parse(Source.from_path(path), ParseOptions(columns=columns))
    assert (first.timestamp, first.direction) == ("2021-01-05T21:41", "in")
    assert first.text == "Hi,\nthere"
    assert second.timestamp == "2021-01-05T21:42:00+01:00"
    with pytest.raises(ImportProblem, match="timestamp"):
        list(importer.parse(Source.from_path(path), ParseOptions(columns={"sender": "Who"})))
    with pytest.raises(ImportProblem, match="no column named 'Nope'"):
        list(
            importer.parse(
                Source.from_path(path), ParseOptions(columns={**columns, "text": "Nope"})
            )
        )


def test_csv_with_a_time_that_is_not_iso_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "export.csv", "t,s,x\n2021-01-05 21:41,Sam,a\nyesterday,Sam,b\n")
    columns = {"timestamp": "t", "sender": "s", "text": "x"}
    with pytest.raises(ImportProblem) as caught:
        list(CsvImporter().parse(Source.from_path(path), ParseOptions(columns=columns)))
    assert caught.value.line == 3


def test_pasted_whatsapp_text_and_plain_lines() -> None:
    pasted = "[13/01/2021, 21:41:00] Sam: where are you\n[13/01/2021, 21:42:00] Sam: answer\n"
    first, second = parse_pasted(pasted, ParseOptions())
    assert first.text == "where are you"
    typed = "2021-01-13 21:41 Sam: where are you\nstill waiting\n2021-01-13 21:45 Sam: fine\n"
    first, second = parse_pasted(typed, ParseOptions())
    assert first.text == "where are you\nstill waiting"
    assert second.timestamp == "2021-01-13T21:45"


def test_pasted_text_that_cannot_be_read() -> None:
    with pytest.raises(ImportProblem, match="nothing to read"):
        parse_pasted("   \n", ParseOptions())
    with pytest.raises(ImportProblem) as caught:
        parse_pasted("hello there\n", ParseOptions())
    assert caught.value.line == 1


def test_unknown_files_and_formats_get_a_clear_answer(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.bin", b"\x00\x01\x02")
    with pytest.raises(ImportProblem, match="does not look like any export"):
        detect(Source.from_path(path))
    with pytest.raises(ImportProblem, match="empty"):
        detect(Source.from_path(write(tmp_path, "empty.txt", b"")))
    with pytest.raises(ImportProblem, match="no format called 'fax'"):
        by_name("fax")
