#!/usr/bin/env python3
"""Generates a large Anki package for the import benchmark: a legacy `.colpkg` (schema 11,
which Anki still reads and writes) with 20,000 Basic notes, their 20,000 cards in 20 decks,
and 500,000 revlog rows (25 answers a card over two years), built with sqlite3 alone.

    python3 tests/anki/make_bench.py /tmp/bench.colpkg
    /usr/bin/time -v flashdeck --decks /tmp/b/decks --data-dir /tmp/b/data \
        --config /tmp/b/config.toml import /tmp/bench.colpkg
"""

import json
import os
import random
import sqlite3
import sys
import tempfile
import zipfile

NOTES = 20_000
ROWS_PER_CARD = 25
CREATED = 1_640_995_200  # 2022-01-01 00:00 UTC
DECKS = 20


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "bench.colpkg"
    rng = random.Random(14)
    path = os.path.join(tempfile.mkdtemp(), "collection.anki21")
    db = sqlite3.connect(path)
    db.executescript(
        """
        create table col (id integer primary key, crt integer, mod integer, scm integer,
          ver integer, dty integer, usn integer, ls integer, conf text, models text,
          decks text, dconf text, tags text);
        create table notes (id integer primary key, guid text, mid integer, mod integer,
          usn integer, tags text, flds text, sfld text, csum integer, flags integer, data text);
        create table cards (id integer primary key, nid integer, did integer, ord integer,
          mod integer, usn integer, type integer, queue integer, due integer, ivl integer,
          factor integer, reps integer, lapses integer, left integer, odue integer,
          odid integer, flags integer, data text);
        create table revlog (id integer primary key, cid integer, usn integer, ease integer,
          ivl integer, lastIvl integer, factor integer, time integer, type integer);
        """
    )
    models = {
        "5": {
            "id": 5, "name": "Basic", "type": 0,
            "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}],
            "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Front}}",
                       "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}],
        }
    }
    decks = {str(d): {"id": d, "name": f"Bench::Deck {d}", "conf": 1, "dyn": 0} for d in range(2, DECKS + 2)}
    decks["1"] = {"id": 1, "name": "Default", "conf": 1, "dyn": 0}
    dconf = {"1": {"id": 1, "name": "Default", "new": {"delays": [1, 10], "perDay": 20},
                   "lapse": {"delays": [10], "leechFails": 8}, "rev": {"perDay": 200, "maxIvl": 36500},
                   "desiredRetention": 0.9}}
    db.execute(
        "insert into col values (1, ?, 0, 0, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
        (CREATED, json.dumps({"rollover": 4}), json.dumps(models), json.dumps(decks), json.dumps(dconf)),
    )
    notes, cards, revlog = [], [], []
    for n in range(NOTES):
        nid = 1_600_000_000_000 + n
        cid = 1_700_000_000_000 + n
        notes.append((nid, f"g{n:07d}", 5, 0, 0, "bench", f"front {n} <b>word</b>\x1fback {n}", "", 0, 0, ""))
        when = (CREATED + rng.randint(0, 30) * 86400 + 36000) * 1000
        interval = 1
        for r in range(ROWS_PER_CARD):
            ease = rng.choices([1, 2, 3, 4], weights=[10, 10, 70, 10])[0]
            kind = 0 if r < 2 else 1
            revlog.append((when + n, cid, 0, ease, interval, 0, 2500, rng.randint(2000, 20000), kind))
            interval = 1 if ease == 1 else max(1, int(interval * 2.2))
            when += min(interval, 30) * 86400 * 1000
        cards.append((cid, nid, 2 + n % DECKS, 0, 0, 0, 2, 2, 700, interval, 2500, ROWS_PER_CARD, 0, 0, 0, 0, 0, ""))
    db.executemany("insert into notes values (?,?,?,?,?,?,?,?,?,?,?)", notes)
    db.executemany("insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", cards)
    db.executemany("insert or ignore into revlog values (?,?,?,?,?,?,?,?,?)", revlog)
    db.commit()
    db.close()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.write(path, "collection.anki21")
        package.writestr("media", "{}")
    print(out, os.path.getsize(out), "bytes")


if __name__ == "__main__":
    main()
