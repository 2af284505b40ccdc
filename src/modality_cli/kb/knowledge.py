"""The knowledge base in memory: entries by id, links made two-way, and
forgiving name resolution."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from modality_cli.core.errors import (
    AmbiguousNameError,
    Candidate,
    DataError,
    NotFoundError,
    UsageError,
)
from modality_cli.core.text import name_key, words
from modality_cli.kb import integrity
from modality_cli.kb.integrity import COMMANDS, LISTS
from modality_cli.kb.loading import parse
from modality_cli.models.base import Entry

if TYPE_CHECKING:
    import sqlite3

    from modality_cli.models import Condition, KnowledgeFile, Modality, Source, Technique, Theorist, Theory

E = TypeVar("E", bound=Entry)

#: A typed name this long may stand for the one entry whose name starts with it.
MIN_PREFIX = 5
#: At most this many candidates are listed for an ambiguous name.
MAX_CANDIDATES = 8
_MODALITY_SUFFIXES = {"therapy", "psychotherapy", "treatment"}
#: Typed after a modality's name, these words may stand for one another
#: ("brief psychodynamic therapy" for "brief psychodynamic psychotherapy").
_TYPED_SUFFIXES = _MODALITY_SUFFIXES | {"counseling", "therapies", "psychotherapies", "approach"}
#: A typed aside in brackets ("Flooding (implosive therapy)"), tried without.
_ASIDE = re.compile(r"\([^()]*\)")


#: Exact and derived name keys -> ids (dicts, or tables in the store that look them up).
Keys = tuple[Mapping[str, list[str]], Mapping[str, list[str]]]


class NameIndex(Generic[E]):
    """Name keys of one kind of entry: exact (id, name, aliases) and derived
    (a modality's name without "therapy", a theorist's surname), the latter
    used only when unambiguous; and each entry's display name.

    The tables may be given as functions that read them when first needed
    (from a snapshot), so a command pays only for the kinds it looks at."""

    def __init__(
        self,
        kind: str,
        entries: Mapping[str, E],
        names: Callable[[], Mapping[str, str]],
        keys: Callable[[], Keys],
    ) -> None:
        self.kind = kind
        self.entries = entries
        self._names = names
        self._keys = keys

    @classmethod
    def of(cls, kind: str, entries: Mapping[str, E]) -> NameIndex[E]:
        exact: dict[str, list[str]] = {}
        derived: dict[str, list[str]] = {}
        for entry in entries.values():
            for text in (entry.id, entry.name, *entry.aliases):
                _add(exact, name_key(text), entry.id)
            for key in derived_keys(kind, entry):
                _add(derived, key, entry.id)
        names = {entry_id: entry.name for entry_id, entry in entries.items()}
        return cls(kind, entries, lambda: names, lambda: (exact, derived))

    @functools.cached_property
    def names(self) -> Mapping[str, str]:
        return self._names()

    @functools.cached_property
    def _tables(self) -> Keys:
        return self._keys()

    @property
    def exact(self) -> Mapping[str, list[str]]:
        return self._tables[0]

    @property
    def derived(self) -> Mapping[str, list[str]]:
        return self._tables[1]

    def candidate(self, entry_id: str) -> Candidate:
        return Candidate(_singular(self.kind), entry_id, self.names[entry_id])

    def named(self, key: str) -> list[str]:
        """Entries that a key names outright: an exact name, else a derived one."""
        return self.exact.get(key) or self.derived.get(key) or []

    def keys_of(self, text: str, swap: bool = True) -> list[str]:
        """The keys ``text`` is looked up by, in order: its own, then (for a
        modality, unless ``swap`` is off) the key without a last word such as
        "therapy" or "approach", which then matches a name with another such
        word or none ("Morita psychotherapy"); then, for a name with an aside in
        brackets, the keys of the name without it ("Classical (Freudian)
        psychoanalysis")."""
        keys = self._keys_of(text, swap)
        plain = _ASIDE.sub(" ", text)
        if plain != text:
            keys += [k for k in self._keys_of(plain, swap) if k and k not in keys]
        return keys

    def _keys_of(self, text: str, swap: bool) -> list[str]:
        key = name_key(text)
        if swap and self.kind == "modalities":
            typed = words(text)
            if len(typed) > 1 and typed[-1] in _TYPED_SUFFIXES:
                bare = name_key(" ".join(typed[:-1]))
                if bare and bare != key:
                    return [key, bare]
        return [key]

    def outright(self, keys: Iterable[str]) -> list[str]:
        """Entries named outright by the first of ``keys`` (see :meth:`keys_of`) that names any."""
        for key in keys:
            if ids := self.named(key):
                return ids
        return []

    def _first(self, text: str, swap: bool = True) -> list[str]:
        """The entries ``text`` names outright, else those whose names start with it."""
        return self.outright(self.keys_of(text, swap)) or self.prefixed(name_key(text))

    def lookup(self, text: str) -> E:
        """The entry of this kind ``text`` names: exactly, by a derived name, or by
        the unambiguous start of a name (see :meth:`KnowledgeBase.resolve` for the
        rules across kinds)."""
        ids = self._first(text)
        if len(ids) == 1:
            return self.entries[ids[0]]
        if ids:
            raise AmbiguousNameError(
                _singular(self.kind), text, [self.candidate(i) for i in ids[:MAX_CANDIDATES]]
            )
        raise NotFoundError(_singular(self.kind), text, self.suggest(text))

    def prefixed(self, key: str) -> list[str]:
        """Entries with a name that starts with what was typed ("transactional",
        "Milan"), for words long enough to mean something."""
        if len(key) < MIN_PREFIX:
            return []
        starting = getattr(self.exact, "starting", None)
        if starting is not None:  # a table in the store: one range query
            found_ids: list[str] = starting(key)
            return found_ids
        found: list[str] = []
        for name, ids in self.exact.items():
            if name.startswith(key):
                found += [i for i in ids if i not in found]
        return found

    def find(self, text: str, swap: bool = True) -> E | None:
        """The one entry ``text`` names (as :meth:`lookup`), or None; no suggestions
        are worked out, so it is cheap to call often."""
        ids = self._first(text, swap)
        return self.entries[ids[0]] if len(ids) == 1 else None

    def suggest(self, text: str, limit: int = 5) -> list[Candidate]:
        """Names close to ``text``, best first: by spelling (a misspelt name) and by
        the words they share with it (each word matched forgivingly, so "couples"
        meets "couple"); words such as "therapy" count for nothing in either."""
        from rapidfuzz import fuzz, process

        typed = [w for w in words(text) if w not in _GENERIC] or words(text)
        if not typed:
            return []
        names: list[tuple[str, list[str]]] = []  # (entry id, informative words of one of its names)
        for key, ids in (*self.exact.items(), *self.derived.items()):
            for entry_id in ids:
                names.append((entry_id, [key]))
        if len(self.names) <= _WORD_SCAN:
            for entry_id, entry in self.entries.items():
                for name in (entry.name, *entry.aliases):
                    theirs = [w for w in words(name) if w not in _GENERIC]
                    if theirs:
                        names.append((entry_id, theirs))
        scores: dict[str, float] = {}
        joined = ["".join(theirs) for _, theirs in names]
        for _, score, i in process.extract(
            "".join(typed), joined, scorer=fuzz.ratio, limit=limit * 3, score_cutoff=78
        ):
            entry_id = names[i][0]
            scores[entry_id] = max(scores.get(entry_id, 0.0), score)
        for entry_id, theirs in names:
            shared = sum(max(fuzz.ratio(w, t) for t in theirs) >= _SAME_WORD for w in typed) / len(typed)
            if shared >= 0.5:
                score = 60 + 40 * shared - len(theirs)
                scores[entry_id] = max(scores.get(entry_id, 0.0), score)
        best = sorted(scores, key=lambda i: (-scores[i], self.names[i].casefold()))
        return [self.candidate(i) for i in best[:limit]]


#: Words that say nothing about which entry is meant.
_GENERIC = frozenset(
    [
        "therapy",
        "therapies",
        "psychotherapy",
        "psychotherapies",
        "treatment",
        "treatments",
        "counselling",
        "counseling",
        "for",
        "and",
        "the",
        "of",
        "a",
        "an",
        "in",
        "with",
        "based",
        "focused",
        "approach",
        "method",
        "model",
        "disorder",
    ]
)
#: Two words at least this similar (0-100) count as the same word ("couples", "couple").
_SAME_WORD = 80
#: Up to this many entries of a kind, suggestions also compare words (beyond it, spelling only).
_WORD_SCAN = 5000


def _add(table: dict[str, list[str]], key: str, entry_id: str) -> None:
    if not key:
        return
    ids = table.setdefault(key, [])
    if entry_id not in ids:
        ids.append(entry_id)


_PARENTHESES = re.compile(r"\s*\([^)]*\)")


def derived_keys(kind: str, entry: Entry) -> Iterable[str]:
    """The keys an entry answers to beyond its names, used only when unambiguous."""
    # "Analytical psychology (Jungian analysis)" is also "analytical psychology"
    for text in (entry.name, *entry.aliases):
        if "(" in text:
            yield name_key(_PARENTHESES.sub("", text))
    if kind == "modalities":
        for text in (entry.name, *entry.aliases):
            w = words(text)
            if len(w) > 1 and w[-1] in _MODALITY_SUFFIXES:
                yield "".join(w[:-1])
    elif kind == "theorists":
        w = words(entry.name)
        if len(w) > 1:
            yield w[-1]
            yield w[0] + w[-1]


def _singular(kind: str) -> str:
    return integrity.SINGULAR[kind]


class KnowledgeBase:
    """Validated entries of every kind, with two-way links.

    Links may be written on either side in the file (a technique naming its
    modalities, or a modality naming its techniques); here both sides carry
    both, so every view is complete whichever side the author wrote.
    """

    modalities: Mapping[str, Modality]
    theories: Mapping[str, Theory]
    theorists: Mapping[str, Theorist]
    techniques: Mapping[str, Technique]
    conditions: Mapping[str, Condition]
    sources: Mapping[str, Source]

    def __init__(self, data: KnowledgeFile, origin: str = "<memory>") -> None:
        problems = integrity.check(data)
        if problems:
            raise DataError(origin, problems)
        self.origin = origin
        self.modalities = {m.id: m for m in data.modalities}
        self.theories = {t.id: t for t in data.theories}
        self.theorists = {t.id: t for t in data.theorists}
        self.techniques = {t.id: t for t in data.techniques}
        self.conditions = {c.id: c for c in data.conditions}
        self.sources = {s.id: s for s in data.sources}
        self._link_both_ways()
        self._indexes: dict[str, NameIndex[Entry]] = {}
        #: The store's database of this knowledge base, once there is one
        #: (:func:`modality_cli.kb.store.load.database`).
        self.connection: sqlite3.Connection | None = None

    @classmethod
    def restored(
        cls,
        origin: str,
        entries: dict[str, Mapping[str, Any]],
        indexes: dict[str, NameIndex[Entry]],
        connection: sqlite3.Connection,
    ) -> KnowledgeBase:
        """A knowledge base validated and linked before, read from its database
        (:mod:`modality_cli.kb.store.read`): entries and name indexes read lazily."""
        kb = cls.__new__(cls)
        kb.origin = origin
        kb.modalities = entries["modalities"]
        kb.theories = entries["theories"]
        kb.theorists = entries["theorists"]
        kb.techniques = entries["techniques"]
        kb.conditions = entries["conditions"]
        kb.sources = entries["sources"]
        kb._indexes = indexes
        kb.connection = connection
        return kb

    def entries(self, kind: str) -> Mapping[str, Entry]:
        entries: Mapping[str, Entry] = getattr(self, kind)
        return entries

    # -- name resolution -------------------------------------------------
    def index(self, kind: str) -> NameIndex[Entry]:
        if kind not in self._indexes:
            self._indexes[kind] = NameIndex.of(kind, self.entries(kind))
        return self._indexes[kind]

    def name_of(self, kind: str, entry_id: str) -> str:
        """The display name of an entry of ``kind``, without reading the whole entry."""
        return self.index(kind).names[entry_id]

    def modality(self, name: str) -> Modality:
        return self._resolve("modalities", name, self.modalities)

    def theory(self, name: str) -> Theory:
        return self._resolve("theories", name, self.theories)

    def theorist(self, name: str) -> Theorist:
        return self._resolve("theorists", name, self.theorists)

    def technique(self, name: str) -> Technique:
        return self._resolve("techniques", name, self.techniques)

    def condition(self, name: str) -> Condition:
        return self._resolve("conditions", name, self.conditions)

    def _resolve(self, kind: str, name: str, entries: Mapping[str, E]) -> E:
        return entries[self.resolve(kind, name).id]

    def resolve(self, kind: str, name: str) -> Entry:
        """The entry of ``kind`` that ``name`` means, in this order: an exact name
        of this kind; an exact name of another kind (an error pointing there, and
        naming this kind's entries that start with it); the start of a name of this
        kind, when it fits one entry. Never a silent guess: an ambiguous name lists
        the candidates, an unknown one suggests the closest."""
        singular = _singular(kind)
        if not name.strip():
            raise UsageError(f"give the name of a {singular}.", f"'modality {LISTS[kind]}' lists them.")
        index = self.index(kind)
        key = name_key(name)
        keys = index.keys_of(name)
        ids = index.outright(keys)
        if len(ids) == 1:
            return index.entries[ids[0]]
        if ids:
            raise AmbiguousNameError(singular, name, [index.candidate(i) for i in ids[:MAX_CANDIDATES]])
        starts = index.prefixed(key)
        elsewhere = [hit for typed in keys for hit in self._named_elsewhere(kind, typed)]
        if elsewhere:
            other, entry_id = elsewhere[0]
            found = self.index(other).candidate(entry_id)
            hint = f"{found.name} is a {found.kind}: try 'modality {COMMANDS[other]} {found.id}'."
            if starts:
                shown = ", ".join(index.names[i] for i in starts[:MAX_CANDIDATES])
                hint += f" {kind.capitalize()} whose names start with it: {shown}."
            candidates = [found, *(index.candidate(i) for i in starts[:MAX_CANDIDATES])]
            raise NotFoundError(singular, name, candidates, hint=hint)
        if len(starts) == 1:
            return index.entries[starts[0]]
        if starts:
            raise AmbiguousNameError(singular, name, [index.candidate(i) for i in starts[:MAX_CANDIDATES]])
        suggestions = index.suggest(name)
        purpose = self._for_condition(kind, name)
        if purpose is not None:
            raise NotFoundError(singular, name, suggestions, hint=purpose)
        if not suggestions:
            pointer = self._elsewhere(kind, name)
            if pointer:
                raise NotFoundError(singular, name, hint=pointer)
            close = [c for other in COMMANDS if other != kind for c in self.index(other).suggest(name, 2)]
            if close:
                shown = ", ".join(f"{c.name} ({c.kind})" for c in close[:3])
                raise NotFoundError(singular, name, close[:3], hint=f"Close names of other kinds: {shown}.")
        raise NotFoundError(singular, name, suggestions)

    def _for_condition(self, kind: str, name: str) -> str | None:
        """A hint for a modality asked for by its purpose ("therapy for depression",
        "CBT for panic"): the condition after "for" lists what is rated for it."""
        if kind != "modalities":
            return None
        parts = name.split()
        at = max((i for i, part in enumerate(parts[1:-1], 1) if part.casefold() == "for"), default=0)
        if not at:
            return None
        head, tail = " ".join(parts[:at]), " ".join(parts[at + 1 :])
        condition = self.index("conditions").find(tail)
        if condition is None:
            return None
        hint = f"{condition.name} is a condition: 'modality conditions {condition.id}'"
        hint += " lists what is rated for it."
        named = [w for w in words(head) if w not in _GENERIC]
        modality = self.index("modalities").find(head) if named else None
        if modality is not None:
            hint += f" {modality.name} on its own: 'modality show {modality.id}'."
        return hint

    def _named_elsewhere(self, kind: str, key: str) -> list[tuple[str, str]]:
        """Entries of other kinds that the key names outright (each kind's one entry)."""
        found = []
        for other in COMMANDS:
            if other != kind:
                ids = self.index(other).named(key)
                if len(ids) == 1:
                    found.append((other, ids[0]))
        return found

    def _elsewhere(self, kind: str, name: str) -> str | None:
        """A hint when the name resolves to an entry of another kind however it may."""
        for other, command in COMMANDS.items():
            if other == kind:
                continue
            found = self.index(other).find(name)
            if found is not None:
                return f"{found.name} is a {_singular(other)}: try 'modality {command} {found.id}'."
        return None

    # -- links -------------------------------------------------------------
    def _link_both_ways(self) -> None:
        mods, theories, people, techs = self.modalities, self.theories, self.theorists, self.techniques
        m_theorists = {m.id: _merge(m.founders, m.theorists) for m in mods.values()}
        m_theories = {m.id: list(m.theories) for m in mods.values()}
        m_techniques = {m.id: list(m.techniques) for m in mods.values()}
        t_modalities = {t.id: list(t.modalities) for t in theories.values()}
        t_originators = {t.id: t.originators for t in theories.values()}
        p_modalities = {p.id: list(p.modalities) for p in people.values()}
        p_theories = {p.id: list(p.theories) for p in people.values()}
        k_modalities = {k.id: list(k.modalities) for k in techs.values()}

        _pair(m_theorists, p_modalities)
        _pair(m_theories, t_modalities)
        _pair(m_techniques, k_modalities)
        # An originator's theories include what they originated; a person listing a
        # theory has contributed to it, which does not make them its originator.
        for theory_id, originators in t_originators.items():
            for person in originators:
                if theory_id not in p_theories[person]:
                    p_theories[person].append(theory_id)

        self.modalities = {
            i: m.model_copy(
                update={"theorists": m_theorists[i], "theories": m_theories[i], "techniques": m_techniques[i]}
            )
            for i, m in mods.items()
        }
        self.theories = {i: t.model_copy(update={"modalities": t_modalities[i]}) for i, t in theories.items()}
        self.theorists = {
            i: p.model_copy(update={"modalities": p_modalities[i], "theories": p_theories[i]})
            for i, p in people.items()
        }
        self.techniques = {i: k.model_copy(update={"modalities": k_modalities[i]}) for i, k in techs.items()}
        self._link_conditions()

    def _link_conditions(self) -> None:
        """Each condition lists the modalities rated for it (from their evidence, in
        file order), and "related" holds both ways."""
        rated: dict[str, list[str]] = {c: [] for c in self.conditions}
        for m in self.modalities.values():
            for claim in m.evidence:
                if m.id not in rated[claim.condition]:
                    rated[claim.condition].append(m.id)
        related = {c.id: list(c.related) for c in self.conditions.values()}
        for c in self.conditions.values():
            for other in c.related:
                if c.id not in related[other]:
                    related[other].append(c.id)
        self.conditions = {
            i: c.model_copy(update={"modalities": rated[i], "related": related[i]})
            for i, c in self.conditions.items()
        }


def _merge(first: list[str], second: list[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))


def _pair(left: dict[str, list[str]], right: dict[str, list[str]]) -> None:
    """Make two one-way link tables agree: a in left[b] iff b in right[a]
    (appending in order; sets keep membership tests cheap on large bases)."""
    right_sets = {key: set(values) for key, values in right.items()}
    for a, targets in list(left.items()):
        for b in targets:
            if a not in right_sets[b]:
                right[b].append(a)
                right_sets[b].add(a)
    left_sets = {key: set(values) for key, values in left.items()}
    for b, targets in list(right.items()):
        for a in targets:
            if b not in left_sets[a]:
                left[a].append(b)
                left_sets[a].add(b)


_KINDS = ("modalities", "theories", "theorists", "techniques", "conditions", "sources")
_LOCATION = re.compile(r"^(\w+)\[(\d+)\]")


#: Validating a knowledge base takes about this much memory per byte of JSON, plus
#: BASE_MEMORY (measured with benchmarks/synthetic.py: 7 MB -> 112 MB peak, 36 MB -> 415 MB).
MEMORY_PER_BYTE = 11
BASE_MEMORY = 50 * 1024 * 1024


def _check_memory(label: str, size: int) -> None:
    """Refuse early, with the figures, a file that cannot be validated within the
    process's memory limit (``ulimit -v``): the validator would otherwise abort
    or hang when an allocation fails."""
    try:
        import resource
    except ImportError:  # no such limits to read (Windows)
        return
    limits = [
        soft
        for which in (resource.RLIMIT_AS, resource.RLIMIT_DATA)
        for soft, _ in [resource.getrlimit(which)]
        if soft != resource.RLIM_INFINITY
    ]
    needed = BASE_MEMORY + MEMORY_PER_BYTE * size
    if limits and needed > min(limits):
        mib = 1024 * 1024
        raise DataError(
            label,
            [
                f"needs about {needed // mib} MB of memory to validate "
                f"({MEMORY_PER_BYTE} MB per MB of JSON), more than this process may use "
                f"({min(limits) // mib} MB; see ulimit -v)"
            ],
        )


def from_bytes(files: list[tuple[str, bytes]], label: str) -> KnowledgeBase:
    """Validate and link files read before (name and bytes of each, in overlay order)."""
    _check_memory(label, sum(len(raw) for _, raw in files))
    parsed = [(name, parse(raw, name)) for name, raw in files]
    if len(parsed) == 1:
        return KnowledgeBase(parsed[0][1], label)
    merged, origins = overlay(parsed)
    try:
        return KnowledgeBase(merged, label)
    except DataError as error:
        raise DataError(label, [_locate(p, origins) for p in error.problems], prefixed=True) from None


def overlay(files: list[tuple[str, KnowledgeFile]]) -> tuple[KnowledgeFile, dict[tuple[str, int], str]]:
    """Merge files by id, later files winning; remember where each entry came from."""
    merged: dict[str, dict[str, Any]] = {kind: {} for kind in _KINDS}
    where: dict[str, dict[str, tuple[str, int]]] = {kind: {} for kind in _KINDS}
    for name, data in files:
        for kind in _KINDS:
            for i, entry in enumerate(getattr(data, kind)):
                merged[kind][entry.id] = entry
                where[kind][entry.id] = (name, i)
    origins = {
        (kind, i): f"{where[kind][entry_id][0]}: {kind}[{where[kind][entry_id][1]}]"
        for kind in _KINDS
        for i, entry_id in enumerate(merged[kind])
    }
    from modality_cli.models import KnowledgeFile

    combined = KnowledgeFile.model_construct(
        modalities=list(merged["modalities"].values()),
        theories=list(merged["theories"].values()),
        theorists=list(merged["theorists"].values()),
        techniques=list(merged["techniques"].values()),
        conditions=list(merged["conditions"].values()),
        sources=list(merged["sources"].values()),
    )
    return combined, origins


def _locate(problem: str, origins: dict[tuple[str, int], str]) -> str:
    """``modalities[3].x`` in the merged file -> ``mine.json: modalities[0].x``."""
    match = _LOCATION.match(problem)
    if not match:
        return problem
    origin = origins.get((match.group(1), int(match.group(2))))
    return origin + problem[match.end() :] if origin else problem
