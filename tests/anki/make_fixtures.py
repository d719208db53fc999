#!/usr/bin/env python3
"""Builds the Anki packages flashdeck's import is checked against, with Anki's own backend.

    python3 -m venv /tmp/ankienv && /tmp/ankienv/bin/pip install anki
    /tmp/ankienv/bin/python tests/anki/make_fixtures.py tests/fixtures/anki

Every scheduling figure in the output comes from Anki: cards are answered through its v3
scheduler with FSRS on, over simulated days. The days pass through libfaketime (the script
runs itself again under it): before each action the fake clock is written to a file that
libfaketime reads on every call, so Anki's Rust backend and its revlog ids see the same time.

Writes `collection.apkg` (the current format, with scheduling and media), `legacy.colpkg`
(the legacy format: collection.anki21 with a JSON media map), `collection.colpkg` (current),
and `expected.json`: for every card, its note's guid, template ordinal, Anki's queue and type,
flag, and the memory state (stability in days, difficulty 1-10) Anki holds.
"""

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

FAKETIME_LIB = os.environ.get("FAKETIME_LIB", "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")
CLOCK_FILE = os.path.join(tempfile.gettempdir(), "flashdeck-anki-clock")
# Monday 2024-03-04 10:00 UTC: the first day studied. TZ is UTC, so Anki's days roll over at
# 04:00 UTC, as flashdeck's calendar does with the default rollover hour.
START = time.mktime(time.strptime("2024-03-04 10:00:00", "%Y-%m-%d %H:%M:%S"))
DAY = 86400
DAYS_STUDIED = 40

VERBS_PARAMS = [
    0.2172, 1.1771, 3.2602, 16.1507, 7.0114, 0.57, 2.0966, 0.0069, 1.5261, 0.112,
    1.0178, 1.849, 0.1133, 0.3127, 2.2934, 0.2191, 3.0004, 0.7536, 0.3332, 0.1437, 0.2,
]


def set_clock(seconds):
    with open(CLOCK_FILE, "w") as clock:
        clock.write("@" + time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(seconds)))


def rerun_under_faketime():
    set_clock(START)
    env = dict(os.environ)
    env.update(
        {
            "LD_PRELOAD": FAKETIME_LIB,
            "FAKETIME_TIMESTAMP_FILE": CLOCK_FILE,
            "FAKETIME_NO_CACHE": "1",
            "TZ": "UTC",
            "FLASHDECK_UNDER_FAKETIME": "1",
        }
    )
    sys.exit(subprocess.call([sys.executable] + sys.argv, env=env))


def add(col, notetype, deck, fields, tags=()):
    model = col.models.by_name(notetype)
    note = col.new_note(model)
    for name, value in fields.items():
        note[name] = value
    note.tags = list(tags)
    col.add_note(note, col.decks.id(deck))
    return note


def custom_notetype(col):
    """Two templates over three fields; the second renders only when Example is filled."""
    model = col.models.new("Vocab (custom)")
    for name in ("Word", "Meaning", "Example"):
        col.models.add_field(model, col.models.new_field(name))
    recognise = col.models.new_template("Recognise")
    recognise["qfmt"] = "{{Word}}"
    recognise["afmt"] = "{{FrontSide}}<hr id=answer>{{Meaning}}{{#Example}}<br><i>{{Example}}</i>{{/Example}}"
    produce = col.models.new_template("Use it")
    produce["qfmt"] = "{{#Example}}Use in a sentence: {{Meaning}}{{/Example}}"
    produce["afmt"] = "{{FrontSide}}<hr id=answer>{{Example}}"
    col.models.add_template(model, recognise)
    col.models.add_template(model, produce)
    col.models.add(model)


def presets(col):
    col.set_config("fsrs", True)
    default = col.decks.config_dict_for_deck_id(1)
    default["desiredRetention"] = 0.9
    default["new"]["delays"] = [1.0, 10.0]
    default["lapse"]["delays"] = [10.0]
    default["new"]["perDay"] = 20
    col.decks.update_config(default)
    verbs = col.decks.add_config("Verbs preset")
    verbs["desiredRetention"] = 0.85
    verbs["fsrsParams6"] = VERBS_PARAMS
    verbs["new"]["delays"] = [2.0, 15.0]
    verbs["lapse"]["delays"] = [5.0]
    verbs["new"]["perDay"] = 30
    verbs["rev"]["maxIvl"] = 3650
    col.decks.update_config(verbs)
    deck = col.decks.get(col.decks.id("Spanish::Verbs"))
    deck["conf"] = verbs["id"]
    col.decks.save(deck)


def notes(col):
    col.media.write_data("cat.png", bytes.fromhex("89504e470d0a1a0a") + b"flashdeck test image")
    col.media.write_data("hola.mp3", b"ID3 flashdeck test sound")
    add(col, "Basic", "Geography", {"Front": "Capital of <b>France</b>?", "Back": "Paris"}, ["europe"])
    add(col, "Basic", "Geography", {"Front": "Capital of Peru?", "Back": "Lima<br>(since 1535)"})
    add(col, "Basic", "Geography", {"Front": "What animal? <img src=\"cat.png\">", "Back": "a cat"})
    add(col, "Basic (and reversed card)", "Spanish", {"Front": "el perro", "Back": "the dog"})
    add(col, "Basic (and reversed card)", "Spanish", {"Front": "hola [sound:hola.mp3]", "Back": "hello"})
    add(col, "Basic (optional reversed card)", "Spanish", {"Front": "el gato", "Back": "the cat", "Add Reverse": "y"})
    add(col, "Basic (optional reversed card)", "Spanish", {"Front": "la casa", "Back": "the house"})
    add(col, "Basic (type in the answer)", "Spanish", {"Front": "the water", "Back": "el agua"})
    add(col, "Cloze", "Geography", {"Text": "The capital of {{c1::France}} is {{c2::Paris::a city}}.", "Back Extra": "Since 987"})
    add(col, "Cloze", "Geography", {"Text": "{{c1::Lima}} is in {{c1::Peru}}."})
    add(col, "Vocab (custom)", "Spanish::Verbs", {"Word": "comer", "Meaning": "to eat", "Example": "Como pan."})
    add(col, "Vocab (custom)", "Spanish::Verbs", {"Word": "beber", "Meaning": "to drink", "Example": ""})
    for verb, meaning in [("hablar", "to speak"), ("vivir", "to live"), ("ser", "to be"), ("ir", "to go")]:
        add(col, "Basic", "Spanish::Verbs", {"Front": verb, "Back": meaning})


def study(col, rng):
    """Answers every due card each day, deck by deck."""
    for day in range(DAYS_STUDIED):
        now = START + day * DAY + rng.randint(0, 3 * 3600)
        if day % 7 == 5:
            continue  # a day off now and then, so some reviews come late
        for deck in ("Geography", "Spanish"):
            col.decks.select(col.decks.id(deck))
            now = answer_due(col, rng, now)


def answer_due(col, rng, now):
    """Answers the selected deck's cards until none is left, the clock moving one to five
    minutes an answer; returns the clock after."""
    from anki.scheduler.v3 import CardAnswer

    for _ in range(300):
        set_clock(now)
        card = col.sched.getCard()
        if card is None:
            return now
        states = col._backend.get_scheduling_states(card.id)
        rating = rng.choices(
            [CardAnswer.AGAIN, CardAnswer.HARD, CardAnswer.GOOD, CardAnswer.EASY],
            weights=[15, 10, 65, 10],
        )[0]
        answer = col.sched.build_answer(card=card, states=states, rating=rating)
        answer.milliseconds_taken = rng.randint(1500, 20000)
        col.sched.answer_card(answer)
        now += 60 + rng.randint(0, 240)
    return now


def actions(col):
    """Forget, set due date, suspend, bury and flag, at the end of the last day."""
    set_clock(START + DAYS_STUDIED * DAY + 5 * 3600)
    reviewed = col.db.list("select id from cards where type = 2 order by id")
    forgotten, set_due, suspended, buried, flagged = reviewed[0], reviewed[1], reviewed[2], reviewed[3], reviewed[4]
    col.sched.schedule_cards_as_new([forgotten], restore_position=True, reset_counts=False)
    col.sched.set_due_date([set_due], "3")
    col.sched.suspend_cards([suspended])
    col.sched.bury_cards([buried], manual=True)
    col.set_user_flag_for_cards(1, [flagged])
    # Two notes added after the studying: one stays new, one is set due from new.
    add(col, "Basic", "Geography", {"Front": "Capital of Chile?", "Back": "Santiago"})
    later = add(col, "Basic", "Geography", {"Front": "Capital of Spain?", "Back": "Madrid"})
    new_card = later.cards()[0].id
    col.sched.set_due_date([new_card], "2")
    return {
        "forgotten": forgotten,
        "set_due": set_due,
        "suspended": suspended,
        "buried": buried,
        "flagged": flagged,
        "new_set_due": new_card,
    }


def expected(col, acted):
    cards = []
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        note = card.note()
        memory = card.memory_state
        computed = col.compute_memory_state(cid)
        cards.append(
            {
                "card_id": cid,
                "guid": note.guid,
                "notetype": note.note_type()["name"],
                "ord": card.ord,
                "deck": col.decks.name(card.did),
                "type": card.type,
                "queue": card.queue,
                "flag": card.user_flag(),
                "reps": card.reps,
                "lapses": card.lapses,
                "stability": memory.stability if memory else None,
                "difficulty": memory.difficulty if memory else None,
                "computed_stability": computed.stability,
                "computed_difficulty": computed.difficulty,
            }
        )
    revlog = col.db.all("select id, cid, ease, ivl, lastIvl, factor, type from revlog order by id")
    return {
        "start": START,
        "dumped_at": int(START + DAYS_STUDIED * DAY + 5 * 3600),
        "acted": acted,
        "cards": cards,
        "revlog_kinds": sorted({row[6] for row in revlog}),
        "manual_rows": [row for row in revlog if row[6] >= 4],
    }


def main():
    if os.environ.get("FLASHDECK_UNDER_FAKETIME") != "1":
        rerun_under_faketime()
    from anki.collection import Collection, ExportAnkiPackageOptions, ExportLimit  # noqa: F401
    from anki.collection import DeckIdLimit  # noqa: F401

    out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/anki")
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp()
    col = Collection(os.path.join(work, "collection.anki2"))
    col.set_config("rollover", 4)
    col.decks.id("Spanish::Verbs")
    col.decks.id("Geography")
    custom_notetype(col)
    presets(col)
    notes(col)
    study(col, random.Random(14))
    acted = actions(col)
    data = expected(col, acted)
    with open(os.path.join(out, "expected.json"), "w") as file:
        json.dump(data, file, indent=1)
        file.write("\n")
    col.export_anki_package(
        out_path=os.path.join(out, "collection.apkg"),
        options=ExportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=True, with_media=True, legacy=False
        ),
        limit=None,
    )
    col.export_collection_package(os.path.join(out, "collection.colpkg"), include_media=True, legacy=False)
    col = Collection(os.path.join(work, "collection.anki2"))
    col.export_collection_package(os.path.join(out, "legacy.colpkg"), include_media=True, legacy=True)
    col.close()
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
