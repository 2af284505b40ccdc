"""``cards`` and ``quiz``: flash cards and multiple-choice questions drawn from
the knowledge base. Every card and question carries the sources of what it
states; a quiz is reproducible from its seed."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from modality_cli.core.errors import NotFoundError
from modality_cli.core.text import name_key
from modality_cli.core.vocab import family_name
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.queries.listing import resolve_family

if TYPE_CHECKING:
    from modality_cli.models import Entry, Misconception, Modality
    from modality_cli.results.study import Card, CardDeck, Question, Quiz

DECKS = ("theorists", "modalities", "techniques", "theories", "misconceptions", "conditions")
#: How many options a question offers (fewer when the knowledge base has fewer of a kind).
OPTIONS = 4
#: At most this many items are named on a card's back.
MOST = 6


def resolve_deck(text: str | None) -> list[str]:
    if text is None or name_key(text) == "all":
        return list(DECKS)
    key = name_key(text)
    found = [d for d in DECKS if name_key(d).startswith(key) or key.startswith(name_key(d)[:-1])]
    if len(found) != 1:
        raise NotFoundError("deck", text, hint="Decks: " + ", ".join((*DECKS, "all")) + ".")
    return found


def _listed(items: Iterable[str], most: int = MOST) -> str:
    shown = list(items)
    text = ", ".join(shown[:most])
    return text + (f" and {len(shown) - most} more" if len(shown) > most else "")


def _years(born: int | None, died: int | None) -> str:
    if born is None:
        return "dates not recorded" if died is None else f"died {died}"
    return f"{born}–{died}" if died is not None else f"born {born}"


class _Scope:
    """Which entries a deck draws from: all, or those of one modality or family."""

    def __init__(self, kb: KnowledgeBase, modality: str | None, family: str | None) -> None:
        self.kb = kb
        self.modality = kb.modality(modality) if modality is not None else None
        self.family = resolve_family(family) if family is not None else None

    def modalities(self) -> list[Modality]:
        chosen = [self.modality] if self.modality else list(self.kb.modalities.values())
        return [m for m in chosen if self.family is None or m.family == self.family]

    def ids(self, field: str) -> set[str] | None:
        """The ids of a linked kind within scope, or None for everything."""
        if self.modality is None and self.family is None:
            return None
        return {i for m in self.modalities() for i in getattr(m, field)}

    def misconceptions(self) -> Iterator[tuple[Entry, int, Misconception]]:
        """Every misconception in scope, with its entry and its number there."""
        for kind in ("modalities", "theories", "theorists", "techniques"):
            wanted = None if kind == "modalities" else self.ids(kind)
            entries = self.modalities() if kind == "modalities" else self.kb.entries(kind).values()
            for entry in entries:
                if wanted is None or entry.id in wanted:
                    for n, item in enumerate(entry.misconceptions, 1):
                        yield entry, n, item

    def tags(self, m: Modality | None = None) -> list[str]:
        out = []
        if m is not None:
            out += [f"family::{m.family}", f"modality::{m.id}"]
        elif self.modality is not None:
            out.append(f"modality::{self.modality.id}")
        if self.family is not None and m is None:
            out.append(f"family::{self.family}")
        return out


def _cards(kb: KnowledgeBase, deck: str, scope: _Scope) -> Iterator[Card]:
    from modality_cli.results.study import Card

    names = kb.name_of
    if deck == "theorists":
        wanted = scope.ids("theorists")
        for p in kb.theorists.values():
            if wanted is None or p.id in wanted:
                back = f"{_years(p.born, p.died)}. " + "; ".join(p.contributions[:3] or [p.summary])
                yield Card(
                    id=f"theorist:{p.id}",
                    deck=deck,
                    front=p.name,
                    back=back,
                    tags=["kind::theorist", *scope.tags()],
                    sources=p.sources,
                )
    elif deck == "modalities":
        for m in scope.modalities():
            when = m.founding or "no single founding year"
            who = _listed(names("theorists", i) for i in m.founders) or "no single founder"
            back = f"{family_name(m.family)}. Founded: {when}; {who}. Key techniques: " + (
                _listed(names("techniques", i) for i in m.techniques) or "none recorded"
            )
            yield Card(
                id=f"modality:{m.id}",
                deck=deck,
                front=m.name,
                back=back + ".",
                tags=["kind::modality", *scope.tags(m)],
                sources=m.sources,
            )
    elif deck == "techniques":
        wanted = scope.ids("techniques")
        for k in kb.techniques.values():
            if (wanted is None or k.id in wanted) and k.modalities:
                back = "Used in: " + _listed(names("modalities", i) for i in k.modalities) + "."
                yield Card(
                    id=f"technique:{k.id}",
                    deck=deck,
                    front=f"Which therapies use {k.name}?",
                    back=back,
                    tags=["kind::technique", *scope.tags()],
                    sources=k.sources,
                )
    elif deck == "theories":
        wanted = scope.ids("theories")
        for t in kb.theories.values():
            if wanted is None or t.id in wanted:
                who = _listed(names("theorists", i) for i in t.originators) or "no single originator"
                yield Card(
                    id=f"theory:{t.id}",
                    deck=deck,
                    front=t.name,
                    back=f"Originated by {who}. {t.summary}",
                    tags=["kind::theory", *scope.tags()],
                    sources=t.sources,
                )
    elif deck == "misconceptions":
        for entry, n, item in scope.misconceptions():
            yield Card(
                id=f"misconception:{entry.id}:{n}",
                deck=deck,
                front=f"Popular claim: {item.claim} What does the scholarly record say?",
                back=item.correction,
                tags=["kind::misconception", *scope.tags()],
                sources=item.sources,
            )
    elif deck == "conditions":
        in_scope = {m.id for m in scope.modalities()}
        for c in kb.conditions.values():
            strong = [
                (m, claim)
                for mid in c.modalities
                if mid in in_scope
                for m in [kb.modalities[mid]]
                for claim in m.evidence
                if claim.condition == c.id and claim.level == "strong"
            ]
            if not strong:
                continue
            from modality_cli.core.vocab import EVIDENCE_SYSTEMS

            by_modality: dict[str, list[str]] = {}
            for m, claim in strong:
                by_modality.setdefault(m.name, []).append(EVIDENCE_SYSTEMS[claim.system].tag)
            back = "; ".join(
                f"{name} ({', '.join(dict.fromkeys(raters))})" for name, raters in by_modality.items()
            )
            sources = list(dict.fromkeys(s for _, claim in strong for s in claim.sources))
            yield Card(
                id=f"condition:{c.id}",
                deck=deck,
                front=f"Which therapies have a strong rating for {c.name}, and from whom?",
                back=back + ". A rating describes average results in trials.",
                tags=["kind::condition", f"group::{c.group}", *scope.tags()],
                sources=sources,
            )


def cards(
    kb: KnowledgeBase, deck: str | None = None, modality: str | None = None, family: str | None = None
) -> CardDeck:
    from modality_cli.results.study import CardDeck

    decks = resolve_deck(deck)
    scope = _Scope(kb, modality, family)
    chosen = [card for d in decks for card in _cards(kb, d, scope)]
    return CardDeck(cards=chosen, deck="all" if len(decks) > 1 else decks[0])


# -- quiz -------------------------------------------------------------------------------
def _options(rng: random.Random, answer: str, pool: Iterable[str]) -> list[str]:
    others = sorted({p for p in pool if p != answer})
    options = [answer, *rng.sample(others, min(OPTIONS - 1, len(others)))]
    rng.shuffle(options)
    return options


def _one_of(
    rng: random.Random,
    question_id: str,
    deck: str,
    question: str,
    right: list[str],
    everyone: list[str],
    explanation: str,
    sources: list[str],
) -> Question:
    """A question whose answer is the first of the right names; the wrong options
    are other names of the same kind, never another right one."""
    from modality_cli.results.study import Question

    wrong = [name for name in everyone if name not in right]
    return Question(
        id=question_id,
        deck=deck,
        question=question,
        options=_options(rng, right[0], wrong),
        answer=right[0],
        explanation=explanation,
        sources=sources,
    )


def _questions(kb: KnowledgeBase, decks: list[str], scope: _Scope, rng: random.Random) -> list[Question]:
    from modality_cli.results.study import Question

    names = kb.name_of
    out: list[Question] = []
    modalities = scope.modalities()
    if "modalities" in decks:
        people = [p.name for p in kb.theorists.values()]
        for m in modalities:
            if m.founders:
                founders = [names("theorists", i) for i in m.founders]
                when = f" ({m.founding})." if m.founding else "."
                out.append(
                    _one_of(
                        rng,
                        f"founder:{m.id}",
                        "modalities",
                        f"Who founded {m.name}?",
                        founders,
                        people,
                        f"{m.name}: founded by {_listed(sorted(founders))}{when}",
                        m.sources,
                    )
                )
    if "techniques" in decks:
        wanted = scope.ids("techniques")
        all_modalities = [m.name for m in kb.modalities.values()]
        for k in kb.techniques.values():
            if k.modalities and (wanted is None or k.id in wanted):
                users = [names("modalities", i) for i in k.modalities]
                out.append(
                    _one_of(
                        rng,
                        f"technique:{k.id}",
                        "techniques",
                        f"Which therapy uses the technique '{k.name}'?",
                        users,
                        all_modalities,
                        f"{k.name} is used in {_listed(sorted(users))}.",
                        k.sources,
                    )
                )
    if "theorists" in decks:
        wanted = scope.ids("theorists")
        for p in kb.theorists.values():
            if p.born is not None and (wanted is None or p.id in wanted):
                answer = str(p.born)
                pool = [str(p.born + d) for d in (-40, -25, -15, -10, -6, 6, 10, 15, 25, 40)]
                out.append(
                    Question(
                        id=f"born:{p.id}",
                        deck="theorists",
                        question=f"When was {p.name} born?",
                        options=_options(rng, answer, pool),
                        answer=answer,
                        explanation=f"{p.name}: {_years(p.born, p.died)}.",
                        sources=p.sources,
                    )
                )
    if "misconceptions" in decks:
        for entry, n, item in scope.misconceptions():
            # the wrong option is the popular claim itself: the one people actually believe
            options = [item.correction, item.claim]
            rng.shuffle(options)
            out.append(
                Question(
                    id=f"misconception:{entry.id}:{n}",
                    deck="misconceptions",
                    question=f"About {entry.name}: which is the scholarly account?",
                    options=options,
                    answer=item.correction,
                    explanation=f"The other option is a popular misconception about {entry.name}.",
                    sources=item.sources,
                )
            )
    if "theories" in decks:
        wanted = scope.ids("theories")
        people = [p.name for p in kb.theorists.values()]
        for t in kb.theories.values():
            if t.originators and (wanted is None or t.id in wanted):
                originators = [names("theorists", i) for i in t.originators]
                out.append(
                    _one_of(
                        rng,
                        f"theory:{t.id}",
                        "theories",
                        f"Who originated {t.name}?",
                        originators,
                        people,
                        f"{t.name}: {t.summary}",
                        t.sources,
                    )
                )
    return [q for q in out if len(q.options) >= 2]


def quiz(
    kb: KnowledgeBase,
    count: int = 10,
    deck: str | None = None,
    modality: str | None = None,
    seed: int | None = None,
) -> Quiz:
    """``count`` questions (0 for all), chosen and ordered by ``seed``: the same
    seed and knowledge base give the same quiz."""
    from modality_cli.results.study import Quiz

    rng = random.Random(seed)
    questions = _questions(kb, resolve_deck(deck), _Scope(kb, modality, None), rng)
    rng.shuffle(questions)
    return Quiz(questions=questions[:count] if count else questions, seed=seed)
