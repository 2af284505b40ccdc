"""Flash cards as an Anki package (genanki builds real Anki collections) and as
the tab- or comma-separated text that Anki, Quizlet and spreadsheets import."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from modality_cli.results.study import CardDeck

#: Fixed ids: an Anki model and deck keep their identity across exports, and each
#: note's guid comes from the card's stable id, so importing a newer deck updates
#: its cards instead of duplicating them.
MODEL_ID = 1_607_392_319
DECK_ID = 2_059_400_110
NOTE = "Educational information, not clinical advice."


def to_apkg(deck: CardDeck) -> bytes:
    import os
    import tempfile

    import genanki  # type: ignore[import-untyped]

    model = genanki.Model(
        MODEL_ID,
        "modality card",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Sources"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}<br><small>{{Sources}}</small>',
            }
        ],
    )
    anki_deck = genanki.Deck(DECK_ID, f"modality::{deck.deck}")
    for card in deck.cards:
        anki_deck.add_note(
            genanki.Note(
                model=model,
                fields=[
                    html.escape(card.front),
                    html.escape(card.back),
                    html.escape(", ".join(card.sources)),
                ],
                tags=[t.replace(" ", "_") for t in card.tags],
                guid=genanki.guid_for(card.id),
            )
        )
    handle, path = tempfile.mkstemp(suffix=".apkg")
    os.close(handle)
    try:
        genanki.Package(anki_deck).write_to_file(path)
        with open(path, "rb") as file:
            return file.read()
    finally:
        os.unlink(path)


def to_separated(deck: CardDeck, delimiter: str) -> str:
    """front, back, tags, sources: one card per row, cells made inert."""
    import csv
    import io

    from modality_cli.core.text import csv_inert

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["front", "back", "tags", "sources"])
    for card in deck.cards:
        cells = [card.front, card.back, " ".join(card.tags), ", ".join(card.sources)]
        writer.writerow([csv_inert(c) for c in cells])
    return out.getvalue()
