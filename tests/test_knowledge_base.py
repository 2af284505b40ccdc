"""The shipped knowledge base: sound, sourced, complete where it matters, and
right on the facts the product is built around."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import queries
from modality_cli.knowledge import KnowledgeBase
from modality_cli.loading import bundled_path
from modality_cli.queries.common import cited
from modality_cli.queries.quality import validate_files
from modality_cli.results import TheoristList, TheoryList


def test_the_shipped_file_validates(shipped: KnowledgeBase) -> None:
    report = validate_files([bundled_path()])
    assert report.valid, report.problems


def test_it_covers_every_family_at_the_promised_breadth(shipped: KnowledgeBase) -> None:
    assert len(shipped.modalities) >= 45
    assert len(shipped.theorists) >= 70
    assert len(shipped.theories) >= 30
    assert len(shipped.techniques) >= 100
    families = {m.family for m in shipped.modalities.values()}
    assert families == {
        "psychodynamic",
        "humanistic",
        "cognitive-behavioural",
        "systemic",
        "trauma-focused",
        "postmodern",
        "integrative",
        "creative-arts",
    }


def test_every_entry_is_sourced_and_dated(shipped: KnowledgeBase) -> None:
    for kind in ("modalities", "theories", "theorists", "techniques"):
        for entry in getattr(shipped, kind).values():
            assert entry.sources, entry.id
            assert entry.checked is not None and entry.checked <= dt.date.today(), entry.id


def test_every_source_is_cited_somewhere(shipped: KnowledgeBase) -> None:
    used = {
        s
        for kind in ("modalities", "theories", "theorists", "techniques")
        for e in getattr(shipped, kind).values()
        for s in cited(e)
    }
    assert set(shipped.sources) - used == set()


def test_every_modality_has_its_core_fields(shipped: KnowledgeBase) -> None:
    for m in shipped.modalities.values():
        for field in ("overview", "history", "focus", "structure", "therapist_role", "session"):
            assert getattr(m, field), f"{m.id}.{field}"
        for field in ("time_orientation", "formats", "goals", "cautions", "techniques"):
            assert getattr(m, field), f"{m.id}.{field}"


def test_no_placeholder_text() -> None:
    text = bundled_path().read_text(encoding="utf-8").casefold()
    for marker in ('"todo', '"tbd', "lorem ipsum", "placeholder", "fixme", "xxx"):
        assert marker not in text, marker


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("CBT", "cognitive-behavioural-therapy"),
        ("Cognitive Behavioral Therapy", "cognitive-behavioural-therapy"),
        ("cognitive-behavioral-therapy", "cognitive-behavioural-therapy"),
        ("psychodynamic", "psychodynamic-therapy"),
        ("Rogerian therapy", "person-centred-therapy"),
        ("client-centered therapy", "person-centred-therapy"),
        ("EMDR", "eye-movement-desensitisation-and-reprocessing"),
        ("mentalisation-based treatment", "mentalization-based-treatment"),
        ("MBT", "mentalization-based-treatment"),
        ("DBT", "dialectical-behaviour-therapy"),
        ("ACT", "acceptance-and-commitment-therapy"),
        ("IFS", "internal-family-systems"),
        ("REBT", "rational-emotive-behaviour-therapy"),
        ("IPT", "interpersonal-psychotherapy"),
        ("Jungian analysis", "analytical-psychology"),
        ("Gestalt", "gestalt-therapy"),
        ("solution focused therapy", "solution-focused-brief-therapy"),
        ("transactional", "transactional-analysis"),
        ("Milan", "milan-systemic-therapy"),
        ("mentalization", "mentalization-based-treatment"),
        ("motivational", "motivational-interviewing"),
        ("Freudian psychoanalysis", "psychoanalysis"),
        ("hypnosis", "hypnotherapy"),
        ("analytical psychology", "analytical-psychology"),
    ],
)
def test_names_people_type_find_the_modality(shipped: KnowledgeBase, typed: str, expected: str) -> None:
    assert shipped.modality(typed).id == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Freud", "sigmund-freud"),
        ("Kohut", "heinz-kohut"),
        ("Jung", "carl-jung"),
        ("Anna Freud", "anna-freud"),
        ("Beck", "aaron-beck"),
        ("Carl Rogers", "carl-rogers"),
        ("Linehan", "marsha-linehan"),
        ("Klein", "melanie-klein"),
    ],
)
def test_names_people_type_find_the_theorist(shipped: KnowledgeBase, typed: str, expected: str) -> None:
    assert shipped.theorist(typed).id == expected


@pytest.mark.parametrize(
    ("person", "born", "died"),
    [
        ("sigmund-freud", 1856, 1939),
        ("carl-jung", 1875, 1961),
        ("anna-freud", 1895, 1982),
        ("melanie-klein", 1882, 1960),
        ("alfred-adler", 1870, 1937),
        ("erik-erikson", 1902, 1994),
        ("heinz-kohut", 1913, 1981),
        ("john-bowlby", 1907, 1990),
        ("aaron-beck", 1921, 2021),
        ("albert-ellis", 1913, 2007),
        ("carl-rogers", 1902, 1987),
        ("viktor-frankl", 1905, 1997),
        ("marsha-linehan", 1943, None),
    ],
)
def test_life_dates_match_the_record(
    shipped: KnowledgeBase, person: str, born: int, died: int | None
) -> None:
    p = shipped.theorists[person]
    assert (p.born, p.died) == (born, died)


def test_psychodynamic_theorists_include_the_six_contributors(shipped: KnowledgeBase) -> None:
    result = queries.theorists(shipped, modality="psychodynamic")
    assert isinstance(result, TheoristList)
    ids = [p.id for p in result.rows]
    for person in (
        "sigmund-freud",
        "carl-jung",
        "anna-freud",
        "melanie-klein",
        "alfred-adler",
        "erik-erikson",
    ):
        assert person in ids
    assert [p.born for p in result.rows] == sorted(p.born for p in result.rows if p.born is not None)


def test_psychodynamic_theories_include_the_four_and_name_their_originators(shipped: KnowledgeBase) -> None:
    result = queries.theories(shipped, "psychodynamic")
    assert isinstance(result, TheoryList)
    ids = {t.id for t in result.rows}
    assert {
        "drive-theory",
        "object-relations-theory",
        "structural-model",
        "ego-psychology",
        "self-psychology",
        "attachment-theory",
        "psychosexual-development",
        "defence-mechanisms",
    } <= ids
    assert shipped.theories["self-psychology"].originators == ["heinz-kohut"]
    assert set(shipped.theories["ego-psychology"].originators) >= {"anna-freud", "heinz-hartmann"}
    assert "clark-hull" not in shipped.theories["drive-theory"].originators


def test_psychodynamic_techniques_include_the_classic_ones(shipped: KnowledgeBase) -> None:
    ids = {k.id for k in queries.techniques(shipped, modality="psychodynamic").rows}  # type: ignore[union-attr]
    assert {
        "free-association",
        "dream-analysis",
        "transference-analysis",
        "interpretation",
        "working-through",
        "defence-analysis",
    } <= ids


def test_popular_mix_ups_are_corrected(shipped: KnowledgeBase) -> None:
    free = shipped.techniques["free-association"]
    assert any("picture" in (m.claim + m.correction).casefold() for m in free.misconceptions)
    mi = shipped.modalities["motivational-interviewing"]
    assert {"william-miller", "stephen-rollnick"} <= set(mi.founders)
    assert any("psychodynamic" in m.claim.casefold() for m in mi.misconceptions)
    drive = shipped.theories["drive-theory"]
    assert any("hull" in (m.claim + m.correction).casefold() for m in drive.misconceptions)


def test_psychodynamic_therapy_cautions_about_recovered_memories(shipped: KnowledgeBase) -> None:
    cautions = " ".join(shipped.modalities["psychodynamic-therapy"].cautions).casefold()
    assert "recovered-memory" in cautions and "suggestion" in cautions


def test_psychoanalysis_and_psychodynamic_therapy_differ_in_practice(shipped: KnowledgeBase) -> None:
    result = queries.compare(shipped, ["psychoanalysis", "psychodynamic"])
    values = {d.id: d.values for d in result.dimensions}
    assert values["duration"]["psychoanalysis"] != values["duration"]["psychodynamic-therapy"]
    assert shipped.modalities["short-term-psychodynamic-psychotherapy"].family == "psychodynamic"


def test_cbt_is_covered_in_depth(shipped: KnowledgeBase) -> None:
    cbt = shipped.modalities["cognitive-behavioural-therapy"]
    assert {"aaron-beck", "albert-ellis"} <= set(cbt.founders)
    assert "cognitive-model" in cbt.theories
    assert {
        "cognitive-restructuring",
        "socratic-questioning",
        "thought-record",
        "behavioural-activation",
        "homework",
    } <= set(cbt.techniques)
    assert len(cbt.evidence) >= 3
