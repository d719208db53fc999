#!/usr/bin/env python3
"""Imports a flashdeck `export --anki-notes` file into a fresh Anki collection with Anki's own
backend (the `anki` package on PyPI) and prints what Anki made of it, as JSON: every note with
its note type, deck, fields, tags, number of cards and the media files Anki finds referenced
in its fields (the names it looks up in collection.media), sorted by guid.

    python3 -m venv venv && venv/bin/pip install anki
    venv/bin/python tests/anki/import_notes.py tests/fixtures/anki-notes/notes.txt \
        > tests/fixtures/anki-notes/anki-result.json

`tests/anki_notes_cli.rs` checks that the export still equals `notes.txt` and compares the
result with the deck the export came from.
"""

import json
import sys
import tempfile
from pathlib import Path

import anki
from anki.collection import Collection, ImportCsvRequest


def main(notes_path: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        col = Collection(str(Path(folder) / "collection.anki2"))
        metadata = col.get_csv_metadata(path=notes_path, delimiter=None)
        response = col.import_csv(ImportCsvRequest(path=notes_path, metadata=metadata))
        log = response.log
        notes = []
        for note_id in col.find_notes(""):
            note = col.get_note(note_id)
            cards = note.cards()
            notes.append(
                {
                    "guid": note.guid,
                    "notetype": note.note_type()["name"],
                    "deck": col.decks.name(cards[0].did),
                    "fields": list(note.fields),
                    "tags": sorted(note.tags),
                    "cards": len(cards),
                    "media": col.media.files_in_str(note.mid, "".join(note.fields)),
                }
            )
        notes.sort(key=lambda n: n["guid"])
        result = {
            "anki": anki.version if hasattr(anki, "version") else anki.buildinfo.version,
            "new": len(log.new),
            "updated": len(log.updated),
            "first_field_match": len(log.first_field_match),
            "missing_notetype": len(log.missing_notetype),
            "missing_deck": len(log.missing_deck),
            "empty_first_field": len(log.empty_first_field),
            "notes": notes,
        }
        col.close()
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
