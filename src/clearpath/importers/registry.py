"""Which importer reads a file: by the name the person gives, or by looking at the file."""

from __future__ import annotations

from clearpath.importers.base import Importer, ImportProblem, Source
from clearpath.importers.csv_rows import CsvImporter
from clearpath.importers.email_files import EmlImporter, MboxImporter
from clearpath.importers.messenger import MessengerImporter
from clearpath.importers.paste import PastedTextImporter
from clearpath.importers.sms import SmsBackupImporter
from clearpath.importers.telegram import TelegramImporter
from clearpath.importers.whatsapp import WhatsAppImporter

HEAD_BYTES = 64 * 1024


def all_importers() -> list[Importer]:
    """Every format, in the order they are tried: the most specific signatures first."""
    return [
        SmsBackupImporter(),
        TelegramImporter(),
        MessengerImporter(),
        MboxImporter(),
        EmlImporter(),
        CsvImporter(),
        WhatsAppImporter(),
        PastedTextImporter(),
    ]


def names() -> list[str]:
    return [importer.name for importer in all_importers()]


def by_name(name: str) -> Importer:
    for importer in all_importers():
        if importer.name == name:
            return importer
    raise ImportProblem(f"There is no format called {name!r}. Choose one of: {', '.join(names())}.")


def detect(source: Source) -> Importer:
    """The importer whose signature fits the file; ImportProblem when none does."""
    with source.open() as stream:
        head = stream.read(HEAD_BYTES)
    if not head:
        raise ImportProblem("This file is empty.")
    for importer in all_importers():
        if importer.sniff(source, head):
            return importer
    raise ImportProblem(
        "This file does not look like any export Clearpath can read (WhatsApp, SMS Backup & "
        "Restore, Telegram, Messenger or Instagram, e-mail, CSV). If you know its format, "
        "you can choose it."
    )
