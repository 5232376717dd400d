"""Bringing messages in through the pages: upload or paste, preview, choices, progress, read,
search; calm errors for files that cannot be read."""

from __future__ import annotations

import re
import time

from web_harness import Web

from clearpath.evidence.files import list_files
from plaintext_scan import files_holding, files_under, needles

CHAT = (
    "13/01/2021, 21:41 - Sam: Where are you tonight\n"
    "13/01/2021, 21:42 - Sam: Answer me\n"
    "13/01/2021, 21:50 - Alex: Please write only about the car.\n"
)
AMBIGUOUS = "03/04/2021, 10:00 - Sam: hello\n04/05/2021, 11:00 - Sam: again\n"


def upload(web: Web, name: str, body: bytes) -> str:
    response = web.client.post(
        "/evidence/files/upload?for=messages",
        data={"csrf_token": web.token()},
        files=[("files", (name, body, "application/octet-stream"))],
    )
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    assert re.fullmatch(r"/messages/import/file/\d+", location)
    return location


def finish(web: Web, preview: str, choices: dict[str, str]) -> str:
    response = web.post(preview, choices)
    assert response.status_code == 303, response.text
    job = response.headers["location"]
    for _ in range(200):
        page = web.get(job).text
        if "Adding the messages" not in page:
            return page
        time.sleep(0.05)
    raise AssertionError("the import did not finish")


def test_upload_preview_and_import(home: Web) -> None:
    preview = upload(home, "WhatsApp Chat with Sam.txt", CHAT.encode())
    page = home.get(preview)
    assert page.status_code == 200
    assert "3 messages" in page.text
    assert "Where are you tonight" in page.text  # the sample
    done = finish(home, preview, {"zone": "Europe/London", "me": "Alex", "title": ""})
    assert "3 new messages" in done
    conversation = re.search(r'href="(/messages/c/\d+)\?calm=1"', done)
    assert conversation is not None
    calm = home.get(conversation.group(1) + "?calm=1").text
    assert "Open this message" in calm
    assert calm.count("<details>") == 2  # the two received messages are folded
    assert "Please write only about the car." in calm  # her own message stays open
    listing = home.get("/messages").text
    assert "Sam, Alex" in listing


def test_importing_the_same_file_again_adds_nothing(home: Web) -> None:
    first = upload(home, "chat.txt", CHAT.encode())
    finish(home, first, {"zone": "UTC"})
    again = upload(home, "chat-again.txt", CHAT.encode())
    done = finish(home, again, {"zone": "UTC"})
    assert "0 new messages" in done
    assert "3 were already kept" in done


def test_ambiguous_dates_are_asked_not_guessed(home: Web) -> None:
    preview = upload(home, "chat.txt", AMBIGUOUS.encode())
    page = home.get(preview).text
    assert "How are the dates written?" in page
    assert "03/04/2021" in page
    chosen = home.get(preview + "?order=monthfirst").text
    assert "2 messages" in chosen
    assert 'name="order" value="monthfirst"' in chosen  # carried into the import form


def test_a_broken_line_is_explained_and_can_be_kept(home: Web) -> None:
    body = CHAT + "13/01/2021, 21:55 Sam no separator\n"
    preview = upload(home, "chat.txt", body.encode())
    page = home.get(preview)
    assert page.status_code == 400
    assert "Line 4" in page.text
    assert "Keep those lines" in page.text
    kept = home.get(preview + "?keep=1")
    assert kept.status_code == 200
    assert "3 messages" in kept.text


def test_a_file_that_is_no_export_gets_a_calm_answer(home: Web) -> None:
    preview = upload(home, "photo.bin", b"\x00\x01\x02 not an export")
    page = home.get(preview)
    assert page.status_code == 400
    assert "does not look like any export" in page.text
    assert "Traceback" not in page.text


def test_a_wrong_zone_is_refused_with_the_form_again(home: Web) -> None:
    preview = upload(home, "chat.txt", CHAT.encode())
    page = home.post(preview, {"zone": "Mars/Olympus"})
    assert page.status_code == 400
    assert "Choose a time zone from the list." in page.text


def test_paste_then_import_and_search(home: Web) -> None:
    pasted = "2021-01-13 21:41 Sam: you will regret this\nsecond line\n"
    response = home.post("/messages/paste", {"pasted": pasted})
    assert response.status_code == 303
    done = finish(home, response.headers["location"], {"zone": "UTC"})
    assert "1 new message" in done, re.sub(r"\s+", " ", re.sub("<[^>]+>", " ", done))[-1500:]
    results = home.get("/messages/search?q=regret").text
    assert "<mark>regret</mark>" in results
    assert "1 message found" in results
    nothing = home.get("/messages/search?q=banana").text
    assert "No message has all of these words." in nothing


def test_paste_errors(home: Web) -> None:
    empty = home.post("/messages/paste", {"pasted": "   "})
    assert empty.status_code == 400
    assert "Paste or type the messages first." in empty.text
    unreadable = home.post("/messages/paste", {"pasted": "hello there"})
    assert unreadable.status_code == 400
    assert "Line 1" in unreadable.text
    assert "hello there" in unreadable.text  # what was typed is kept


def test_search_text_is_escaped(home: Web) -> None:
    pasted = "2021-01-13 21:41 Sam: <script>alert(1)</script> regret\n"
    response = home.post("/messages/paste", {"pasted": pasted})
    finish(home, response.headers["location"], {"zone": "UTC"})
    results = home.get("/messages/search?q=regret").text
    assert "<script>alert" not in results
    assert "&lt;script&gt;" in results


def test_unknown_addresses(home: Web) -> None:
    assert home.get("/messages/c/999").status_code == 404
    assert home.get("/messages/import/file/999").status_code == 404
    assert home.get("/messages/import/job/nope").status_code == 404


def test_nothing_readable_reaches_the_disk(home: Web) -> None:
    preview = upload(home, "chat.txt", CHAT.encode())
    finish(home, preview, {"zone": "UTC"})
    home.get("/messages/search?q=tonight")
    assert files_holding(files_under(home.data_dir), needles("Where are you tonight")) == []
    with home.vault.session() as db:
        assert len(list_files(db)) == 1


def test_the_pattern_page_counts_what_was_received(home: Web) -> None:
    empty = home.get("/messages/patterns")
    assert empty.status_code == 200
    assert "No received messages to count here yet." in empty.text
    lines = [f"13/01/2021, 23:{m:02d} - Sam: where are you {m}\n" for m in range(0, 24, 2)]
    lines.append("14/01/2021, 09:00 - Alex: Please write only about the car.\n")
    preview = upload(home, "chat.txt", "".join(lines).encode())
    finish(home, preview, {"zone": "UTC", "me": "Alex"})
    page = home.get("/messages/patterns").text
    assert "12 messages received on 1 day" in page
    assert "At night (22:00 to 06:00): 12." in page
    assert "Bursts (at least 10 messages, each within 5 minutes of the one before): 1." in page
    assert "set that date in Contact" in page
    assert "<svg" in page
    assert 'class="heat-4">' in page
    assert home.get("/messages/patterns?conversation=999").status_code == 200


def test_attach_chosen_messages_and_find_them_in_the_report(home: Web) -> None:
    preview = upload(home, "chat.txt", CHAT.encode())
    done = finish(home, preview, {"zone": "UTC", "me": "Alex"})
    conversation = re.search(r'href="(/messages/c/\d+)\?calm=1"', done)
    assert conversation is not None
    page = home.get(conversation.group(1)).text
    ids = re.findall(r'name="message" value="(\d+)"', page)
    assert len(ids) == 3
    response = home.client.post(
        "/messages/attach",
        data={"csrf_token": home.token(), "message": ids[:2], "incident": "",
              "back": conversation.group(1)},
    )
    assert response.status_code == 303
    page = home.get(conversation.group(1)).text
    assert "2 messages attached to incident 1" in page
    assert page.count('href="/evidence/incidents/1">in incident 1</a>') == 2
    nothing = home.client.post(
        "/messages/attach",
        data={"csrf_token": home.token(), "back": conversation.group(1)},
    )
    assert nothing.status_code == 303
    assert "Choose one or more messages first" in home.get(conversation.group(1)).text
    gone = home.client.post(
        "/messages/attach",
        data={"csrf_token": home.token(), "message": ids[:1], "incident": "999"},
    )
    assert gone.status_code == 404
