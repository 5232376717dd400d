"""Signed notes and checkpoints: the Go sumdb/note reference vector, round trips, tampering."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearpath.integrity import checkpoint as cp
from clearpath.integrity import merkle

# The reference example of golang.org/x/mod/sumdb/note (also in the C2SP signed-note
# discussion): Ed25519 is deterministic, so signing the same text must give the same bytes.
GO_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
GO_TEXT = (
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
)
GO_NOTE = (
    GO_TEXT
    + "\n— PeterNeumann "
    + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM="
    + "\n"
)


def _go_signer() -> cp.NoteSigner:
    blob = base64.b64decode(GO_SKEY.split("+", 4)[4])
    assert blob[0] == cp.ED25519
    return cp.NoteSigner.from_seed("PeterNeumann", blob[1:])


def test_reference_note_is_reproduced_byte_for_byte() -> None:
    signer = _go_signer()
    assert signer.verifier().text() == GO_VKEY
    assert cp.sign_note(GO_TEXT, signer) == GO_NOTE


def test_reference_note_opens_with_the_reference_key() -> None:
    verifier = cp.NoteVerifier.parse(GO_VKEY)
    assert cp.open_note(GO_NOTE, verifier) == GO_TEXT
    with pytest.raises(cp.NoteError, match="changed"):
        cp.open_note(GO_NOTE.replace("cryptography", "cryptographY"), verifier)


def _signer(name: str = "clearpath.local/evidence/test") -> cp.NoteSigner:
    return cp.NoteSigner.from_seed(name, bytes(range(32)))


def test_checkpoint_round_trip() -> None:
    signer = _signer()
    leaves = [merkle.leaf_hash(bytes([i])) for i in range(5)]
    check = cp.Checkpoint(signer.name, 5, merkle.root(leaves), ("time 2026-11-24T21:00:00Z",))
    note = cp.sign_checkpoint(check, signer)
    assert note.startswith(f"{signer.name}\n5\n")
    assert "\n\n— clearpath.local/evidence/test " in note
    assert cp.verify_checkpoint(note, signer.verifier()) == check
    assert cp.verify_checkpoint(note, cp.NoteVerifier.parse(signer.verifier().text())) == check


def test_empty_log_checkpoint() -> None:
    signer = _signer()
    note = cp.sign_checkpoint(cp.Checkpoint(signer.name, 0, merkle.root([])), signer)
    assert cp.verify_checkpoint(note, signer.verifier()).size == 0


def test_other_keys_are_ignored_but_a_missing_key_is_named() -> None:
    ours, theirs = _signer(), _signer("someone.else/log")
    check = cp.Checkpoint(ours.name, 1, merkle.leaf_hash(b"a"))
    both = cp.sign_note(check.text(), theirs, ours)
    assert cp.verify_checkpoint(both, ours.verifier()) == check
    only_theirs = cp.sign_checkpoint(check, theirs)
    with pytest.raises(cp.NoteError, match="not signed by the key"):
        cp.verify_checkpoint(only_theirs, ours.verifier())


def test_a_different_key_with_the_same_name_is_not_trusted() -> None:
    ours = _signer()
    impostor = cp.NoteSigner.from_seed(ours.name, bytes(32))
    note = cp.sign_checkpoint(cp.Checkpoint(ours.name, 1, merkle.leaf_hash(b"a")), impostor)
    with pytest.raises(cp.NoteError, match="not signed"):
        cp.verify_checkpoint(note, ours.verifier())


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_any_changed_byte_is_caught(data: st.DataObject) -> None:
    """Change any one character of a signed checkpoint: it is refused, calmly."""
    signer = _signer()
    note = cp.sign_checkpoint(cp.Checkpoint(signer.name, 7, merkle.leaf_hash(b"x")), signer)
    raw = bytearray(note.encode())
    spot = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
    raw[spot] ^= data.draw(st.integers(min_value=1, max_value=255))
    try:
        changed = raw.decode()
    except UnicodeDecodeError:
        return  # not even text any more; the bundle verifier reports that separately
    with pytest.raises(cp.NoteError):
        cp.verify_checkpoint(changed, signer.verifier())


@pytest.mark.parametrize(
    "note",
    [
        "",
        "no blank line\n— a b\n",
        "text\n\n",
        "text\n\nnot a signature line\n",
        "text\n\n— name notbase64!\n",
        "text\n\n— name " + base64.b64encode(b"short").decode() + "\n",
        "text\n\n— name with space AAAA\n",
        "text\x07\n\n— name AAAA\n",
        "text\n\n— name AAAA",
    ],
)
def test_malformed_notes_raise_a_calm_error(note: str) -> None:
    with pytest.raises(cp.NoteError) as caught:
        cp.open_note(note, _signer().verifier())
    message = str(caught.value)
    assert message.endswith(".")
    assert "Traceback" not in message


@pytest.mark.parametrize(
    "body",
    [
        "origin\n5\n",
        "origin\nfive\n" + base64.b64encode(bytes(32)).decode() + "\n",
        "origin\n05\n" + base64.b64encode(bytes(32)).decode() + "\n",
        "origin\n-1\n" + base64.b64encode(bytes(32)).decode() + "\n",
        "origin\n5\n" + base64.b64encode(bytes(31)).decode() + "\n",
        "origin\n5\n%%%%\n",
        "\n5\n" + base64.b64encode(bytes(32)).decode() + "\n",
        "origin\n5\n" + base64.b64encode(bytes(32)).decode(),
    ],
)
def test_malformed_checkpoints(body: str) -> None:
    with pytest.raises(cp.NoteError):
        cp.parse_checkpoint(body)


@pytest.mark.parametrize(
    "vkey",
    [
        "",
        "name+abcd",
        "name+zzzzzzzz+AAAA",
        GO_VKEY.replace("c74f20a3", "c74f20a4"),
        GO_VKEY[:-4],
        "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
    ],
)
def test_malformed_verifier_keys(vkey: str) -> None:
    with pytest.raises(cp.NoteError):
        cp.NoteVerifier.parse(vkey)


def test_signing_refuses_text_that_cannot_be_a_note() -> None:
    signer = _signer()
    for text in ("no newline", "two\n\nparagraphs\n", "bell\x07\n"):
        with pytest.raises(cp.NoteError):
            cp.sign_note(text, signer)
    with pytest.raises(cp.NoteError):
        cp.sign_note("text\n")
    with pytest.raises(cp.NoteError):
        cp.NoteSigner.from_seed("bad name", bytes(32))
    with pytest.raises(cp.NoteError):
        cp.NoteSigner.from_seed("name", bytes(31))
    with pytest.raises(cp.NoteError):
        cp.format_checkpoint(cp.Checkpoint("o", 1, bytes(31)))
    with pytest.raises(cp.NoteError):
        cp.format_checkpoint(cp.Checkpoint("o", 1, bytes(32), ("two\nlines",)))
