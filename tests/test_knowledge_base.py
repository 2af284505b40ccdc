"""The shipped knowledge base: sound, sourced, complete where it matters, and
right on the facts the product is built around."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import queries
from modality_cli.kb.knowledge import KnowledgeBase
from modality_cli.kb.loading import bundled_path
from modality_cli.queries.common import cited
from modality_cli.queries.quality import validate_files
from modality_cli.results import TheoristList, TheoryList


def test_the_shipped_file_validates(shipped: KnowledgeBase) -> None:
    report = validate_files([bundled_path()])
    assert report.valid, report.problems


def test_it_covers_every_family_at_the_promised_breadth(shipped: KnowledgeBase) -> None:
    assert len(shipped.modalities) >= 140
    assert len(shipped.theorists) >= 180
    assert len(shipped.theories) >= 90
    assert len(shipped.techniques) >= 180
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
    for kind in ("modalities", "theories", "theorists", "techniques", "conditions"):
        for entry in getattr(shipped, kind).values():
            assert entry.sources, entry.id
            assert entry.checked is not None and entry.checked <= dt.date.today(), entry.id


def test_every_source_is_cited_somewhere(shipped: KnowledgeBase) -> None:
    used = {
        s
        for kind in ("modalities", "theories", "theorists", "techniques", "conditions")
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
        ("mentalization based", "mentalization-based-treatment"),
        ("motivational interview", "motivational-interviewing"),
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
    dated = [p.born for p in result.rows if p.born is not None]
    assert [p.born for p in result.rows][: len(dated)] == sorted(dated)  # the undated last


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


# -- conditions and evidence -------------------------------------------------------
#: ICD-11 (MMS) codes from the WHO classification, written down here rather than read from the data.
ICD11 = {
    "generalised-anxiety-disorder": "6B00",
    "panic-disorder": "6B01",
    "agoraphobia": "6B02",
    "specific-phobia": "6B03",
    "social-anxiety-disorder": "6B04",
    "obsessive-compulsive-disorder": "6B20",
    "body-dysmorphic-disorder": "6B21",
    "health-anxiety": "6B23",
    "hoarding-disorder": "6B24",
    "post-traumatic-stress-disorder": "6B40",
    "complex-post-traumatic-stress-disorder": "6B41",
    "prolonged-grief-disorder": "6B42",
    "anorexia-nervosa": "6B80",
    "bulimia-nervosa": "6B81",
    "binge-eating-disorder": "6B82",
    "adhd": "6A05",
    "autism": "6A02",
    "insomnia": "7A00",
}


def test_the_promised_conditions_are_there(shipped: KnowledgeBase) -> None:
    assert len(shipped.conditions) >= 30
    for condition_id in (
        "depression", "generalised-anxiety-disorder", "panic-disorder", "agoraphobia",
        "social-anxiety-disorder", "specific-phobia", "health-anxiety", "obsessive-compulsive-disorder",
        "body-dysmorphic-disorder", "post-traumatic-stress-disorder", "complex-post-traumatic-stress-disorder",
        "borderline-personality-disorder", "anorexia-nervosa", "bulimia-nervosa", "binge-eating-disorder",
        "psychosis-and-schizophrenia", "bipolar-disorder", "alcohol-use-disorder", "drug-use-disorder",
        "insomnia", "chronic-pain", "adhd", "autism", "self-harm", "conduct-problems", "couple-distress",
        "prolonged-grief-disorder",
    ):  # fmt: skip
        assert condition_id in shipped.conditions, condition_id


@pytest.mark.parametrize(("condition_id", "code"), sorted(ICD11.items()))
def test_icd11_codes_match_the_classification(shipped: KnowledgeBase, condition_id: str, code: str) -> None:
    assert shipped.conditions[condition_id].icd11 == code


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("panic attacks", "panic-disorder"),
        ("low mood", "depression"),
        ("major depression", "depression"),
        ("MDD", "depression"),
        ("PTSD", "post-traumatic-stress-disorder"),
        ("post-traumatic stress", "post-traumatic-stress-disorder"),
        ("posttraumatic stress disorder", "post-traumatic-stress-disorder"),
        ("complex PTSD", "complex-post-traumatic-stress-disorder"),
        ("hearing voices", "psychosis-and-schizophrenia"),
        ("schizophrenia", "psychosis-and-schizophrenia"),
        ("OCD", "obsessive-compulsive-disorder"),
        ("social phobia", "social-anxiety-disorder"),
        ("generalized anxiety disorder", "generalised-anxiety-disorder"),
        ("anorexia", "anorexia-nervosa"),
        ("BPD", "borderline-personality-disorder"),
        ("ADHD", "adhd"),
        ("alcoholism", "alcohol-use-disorder"),
    ],
)
def test_everyday_names_find_the_condition(shipped: KnowledgeBase, typed: str, expected: str) -> None:
    assert shipped.condition(typed).id == expected


def test_every_condition_is_sourced_and_grouped(shipped: KnowledgeBase) -> None:
    for c in shipped.conditions.values():
        assert c.sources and c.summary and c.group, c.id


def test_every_claim_names_a_condition_and_keeps_its_own_grade(shipped: KnowledgeBase) -> None:
    from modality_cli.core.vocab import EVIDENCE_SYSTEMS

    for m in shipped.modalities.values():
        for claim in m.evidence:
            assert claim.condition in shipped.conditions, (m.id, claim.condition)
            assert claim.grade in EVIDENCE_SYSTEMS[claim.system].grades, (m.id, claim.grade)
            assert all(s in shipped.sources for s in claim.sources)


def test_every_nice_claim_names_its_guideline(shipped: KnowledgeBase) -> None:
    import re

    for m in shipped.modalities.values():
        for claim in m.evidence:
            if claim.system == "nice":
                # a guideline (NG, CG) or a quality standard (QS), whose statements are numbered
                assert claim.guideline and re.fullmatch(r"(NG|CG|QS)\d+", claim.guideline), (m.id, claim)


def test_known_ratings_are_recorded(shipped: KnowledgeBase) -> None:
    """Ratings checked by hand against the bodies' own pages."""

    def grades(modality: str, condition: str, system: str) -> set[str]:
        return {
            c.grade
            for c in shipped.modalities[modality].evidence
            if c.condition == condition and c.system == system
        }

    assert "strong" in grades("cognitive-behavioural-therapy", "panic-disorder", "apa-div12")
    assert "strong" in grades("prolonged-exposure", "post-traumatic-stress-disorder", "apa-cpg")
    assert "conditional" in grades(
        "eye-movement-desensitisation-and-reprocessing", "post-traumatic-stress-disorder", "apa-cpg"
    )
    assert "strong for" in grades("cognitive-processing-therapy", "post-traumatic-stress-disorder", "va-dod")
    assert "offer" in grades("cognitive-behavioural-therapy", "social-anxiety-disorder", "nice")


def test_conditions_and_evidence_answer_for_every_condition(shipped: KnowledgeBase) -> None:
    from modality_cli.queries.conditions import evidence, list_conditions, show_condition

    rows = list_conditions(shipped).rows
    assert len(rows) == len(shipped.conditions)
    for c in shipped.conditions.values():
        detail = show_condition(shipped, c.name)
        assert detail.id == c.id
        assert len(detail.evidence) == len(evidence(shipped, condition=c.id).rows)
    total = sum(len(m.evidence) for m in shipped.modalities.values())
    assert len(evidence(shipped).rows) == total


def test_a_condition_name_given_to_show_points_to_conditions(shipped: KnowledgeBase) -> None:
    from modality_cli.core.errors import NotFoundError

    with pytest.raises(NotFoundError) as caught:
        shipped.modality("anxiety")
    assert "modality conditions" in (caught.value.hint or "")


@pytest.mark.parametrize(
    ("typed", "kind", "pointer"),
    [
        ("Freud", "modality", "modality theorists sigmund-freud"),
        ("mentalization", "modality", "modality theories mentalization"),
        ("anxiety", "modality", "modality conditions anxiety-disorders"),
        ("depression", "technique", "modality conditions depression"),
        ("transference", "modality", "modality techniques transference-analysis"),
    ],
)
def test_a_name_of_another_kind_points_there(
    shipped: KnowledgeBase, typed: str, kind: str, pointer: str
) -> None:
    from modality_cli.core.errors import NotFoundError

    with pytest.raises(NotFoundError) as caught:
        shipped.resolve({"modality": "modalities", "technique": "techniques"}[kind], typed)
    assert pointer in (caught.value.hint or "")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("family therapy", "family-therapy"),
        ("couples therapy", "couples-therapy"),
        ("couple therapy", "couples-therapy"),
        ("marriage counselling", "couples-therapy"),
        ("marriage counseling", "couples-therapy"),
        ("marital therapy", "couples-therapy"),
        ("counselling", "counselling"),
        ("counseling", "counselling"),
        ("talking therapy", "psychotherapy"),
        ("talk therapy", "psychotherapy"),
        ("systemic therapy", "systemic-therapy"),
        ("supportive psychotherapy", "supportive-therapy"),
        ("brief therapy", "brief-therapy"),
        ("integrative psychotherapy", "integrative-psychotherapy"),
        ("applied behaviour analysis", "applied-behaviour-analysis"),
        ("applied behavior analysis", "applied-behaviour-analysis"),
        ("reality therapy", "reality-therapy"),
        ("multimodal therapy", "multimodal-therapy"),
        ("feminist therapy", "feminist-therapy"),
        ("dance movement therapy", "dance-movement-therapy"),
        ("CBT-I", "cbt-for-insomnia"),
        ("psychoanalytic therapy", "psychoanalysis"),
        ("Freudian therapy", "psychoanalysis"),
        ("trauma therapy", "trauma-focused-therapies"),
        ("teletherapy", "online-therapy"),
        ("iCBT", "internet-delivered-cbt"),
        ("VR exposure therapy", "virtual-reality-exposure-therapy"),
        ("PCIT", "parent-child-interaction-therapy"),
        ("Triple P", "triple-p"),
        ("multisystemic therapy", "multisystemic-therapy"),
        ("Gottman method", "gottman-method"),
        ("IBCT", "integrative-behavioural-couple-therapy"),
        ("third wave CBT", "third-wave-cbt"),
        ("CBT for psychosis", "cbt-for-psychosis"),
        ("unified protocol", "unified-protocol"),
        ("RO DBT", "radically-open-dbt"),
        ("bioenergetics", "bioenergetic-analysis"),
        ("Reichian therapy", "orgonomy"),
        ("Hakomi", "hakomi"),
        ("primal therapy", "primal-therapy"),
        ("bibliotherapy", "bibliotherapy"),
        ("therapeutic community", "therapeutic-community"),
        ("group analysis", "group-analysis"),
        ("Morita therapy", "morita-therapy"),
        ("Naikan", "naikan-therapy"),
        ("EFT tapping", "emotional-freedom-techniques"),
        ("brainspotting", "brainspotting"),
        ("Open Dialogue", "open-dialogue"),
        ("Theraplay", "theraplay"),
        ("Imago", "imago-relationship-therapy"),
        ("AEDP", "accelerated-experiential-dynamic-psychotherapy"),
        ("psychosynthesis", "psychosynthesis"),
        ("MDMA-assisted therapy", "psychedelic-assisted-therapy"),
        ("ketamine-assisted psychotherapy", "ketamine-assisted-psychotherapy"),
        ("Christian counseling", "christian-counselling"),
        ("child psychotherapy", "child-and-adolescent-psychotherapy"),
        ("emotion coaching", "emotion-coaching"),
        ("hearing voices groups", "hearing-voices-groups"),
        ("Circle of Security", "circle-of-security"),
        ("twelve-step facilitation", "twelve-step-facilitation"),
        ("wilderness therapy", "ecotherapy"),
        ("brief psychodynamic therapy", "short-term-psychodynamic-psychotherapy"),
        ("exposure and response prevention", "exposure-and-response-prevention"),
        ("systematic desensitization", "systematic-desensitisation"),
        ("autogenic training", "autogenic-training"),
        ("CBT-E", "enhanced-cbt-for-eating-disorders"),
        ("experiential therapy", "experiential-psychotherapies"),
        ("trauma-informed therapy", "trauma-informed-care"),
        ("strength-based therapy", "strengths-based-approaches"),
        ("multicultural counseling", "multicultural-counselling-and-therapy"),
        ("energy psychology", "energy-psychology"),
        ("attachment-based therapy", "attachment-based-therapies"),
        ("life coaching", "coaching"),
        ("career counseling", "career-counselling"),
        ("peer support", "peer-support"),
        ("milieu therapy", "milieu-therapy"),
        ("validation therapy", "validation-therapy"),
        ("cognitive stimulation therapy", "cognitive-stimulation-therapy"),
        ("dignity therapy", "dignity-therapy"),
        ("CAMS", "collaborative-assessment-and-management-of-suicidality"),
        ("safety planning", "safety-planning-intervention"),
        ("method of levels", "method-of-levels"),
        ("clean language", "clean-language"),
        ("DBT-A", "dialectical-behaviour-therapy"),
        ("conjoint family therapy", "satir-transformational-systemic-therapy"),
        ("Lacanian psychoanalysis", "lacanian-psychoanalysis"),
        ("object relations therapy", "object-relations-therapy"),
        ("PACT", "psychobiological-approach-to-couple-therapy"),
        ("co-counselling", "re-evaluation-counselling"),
        ("holotropic breathwork", "holotropic-breathwork-therapy"),
        ("sand tray therapy", "sandtray-therapy"),
        ("poetry therapy", "poetry-therapy"),
        ("Rolfing", "rolfing"),
        ("token economy", "token-economy-programme"),
        ("flooding", "implosive-therapy-and-flooding"),
        ("TEACCH", "teacch"),
        ("Floortime", "dir-floortime"),
        ("clubhouse model", "clubhouse-model"),
        ("WRAP", "wellness-recovery-action-plan"),
        ("family constellations", "family-constellations"),
        ("encounter groups", "encounter-groups"),
        ("existential analysis", "existential-therapy"),
        ("equine therapy", "animal-assisted-therapy"),
        ("arts and creative therapies", "expressive-arts-therapies"),
        ("person-centred approach", "person-centred-therapy"),
        ("psychodynamic approach", "psychodynamic-therapy"),
        ("Flooding (implosive therapy)", "implosive-therapy-and-flooding"),
        ("Classical (Freudian) psychoanalysis", "psychoanalysis"),
        ("canine therapy", "animal-assisted-therapy"),
        ("Hypno-Psychotherapy", "hypnotherapy"),
        ("integrative or holistic therapy", "integrative-psychotherapy"),
        ("supportive-expressive therapy", "supportive-expressive-psychotherapy"),
        ("PFPP", "panic-focused-psychodynamic-psychotherapy"),
        ("Conversational Model", "psychodynamic-interpersonal-therapy"),
        ("control-mastery therapy", "control-mastery-therapy"),
        ("modern psychoanalysis", "modern-psychoanalysis"),
        ("affect phobia therapy", "affect-phobia-therapy"),
        ("interpersonal reconstructive therapy", "interpersonal-reconstructive-therapy"),
        ("rational behavior therapy", "rational-behaviour-therapy"),
        ("RFCBT", "rumination-focused-cbt"),
        ("gay affirmative therapy", "affirmative-therapy"),
        ("LGBTQ-affirming therapy", "affirmative-therapy"),
        ("Internal family systems model", "internal-family-systems"),
        ("humanistic psychology", "humanistic-therapy"),
        ("dual diagnosis treatment", "integrated-dual-disorder-treatment"),
        ("psilocybin therapy", "psychedelic-assisted-therapy"),
        ("brief solution-focused therapy", "solution-focused-brief-therapy"),
        ("well-being therapy", "well-being-therapy"),
        ("personal construct therapy", "personal-construct-psychotherapy"),
        ("single-session therapy", "single-session-therapy"),
        ("Konzentrative Bewegungstherapie", "concentrative-movement-therapy"),
        ("quality of life therapy", "quality-of-life-therapy"),
    ],
)
def test_the_names_in_common_lists_find_the_modality(
    shipped: KnowledgeBase, typed: str, expected: str
) -> None:
    assert shipped.modality(typed).id == expected


def test_an_umbrella_entry_explains_the_field_and_links_its_schools(shipped: KnowledgeBase) -> None:
    family = shipped.modality("family therapy")
    schools = {
        "bowen-family-systems-therapy",
        "structural-family-therapy",
        "strategic-family-therapy",
        "milan-systemic-therapy",
        "family-based-treatment",
    }
    assert schools <= set(family.related)
    assert family.overview and len(family.overview) > 300
    for umbrella in (
        "psychotherapy",
        "couples-therapy",
        "humanistic-therapy",
        "third-wave-cbt",
        "brief-therapy",
    ):
        entry = shipped.modalities[umbrella]
        assert len(entry.related) >= 4, umbrella
        assert entry.overview


def test_fringe_and_discredited_approaches_state_their_evidence(shipped: KnowledgeBase) -> None:
    for fringe in ("orgonomy", "primal-therapy", "neuro-linguistic-programming", "thought-field-therapy"):
        entry = shipped.modalities[fringe]
        assert entry.cautions, fringe
        assert any(
            word in " ".join(entry.cautions).lower() for word in ("evidence", "trial", "scientific")
        ), fringe


def test_every_modality_is_placed_on_the_timeline(shipped: KnowledgeBase) -> None:
    undated = [m.id for m in shipped.modalities.values() if m.began is None]
    assert undated == []
    for m in shipped.modalities.values():
        if m.period is not None:
            assert m.founded is None, m.id  # a year where one is defensible, else a period


@pytest.mark.parametrize(
    ("typed", "meanings"),
    [
        (
            "EFT",
            {"emotion-focused-therapy", "emotionally-focused-couple-therapy", "emotional-freedom-techniques"},
        ),
        ("FFT", {"family-focused-therapy", "functional-family-therapy"}),
        (
            "PCT",
            {
                "panic-control-treatment",
                "present-centred-therapy",
                "person-centred-therapy",
                "personal-construct-psychotherapy",
            },
        ),
        ("CMT", {"control-mastery-therapy", "concentrative-movement-therapy"}),
        (
            "IRT",
            {
                "imago-relationship-therapy",
                "imagery-rehearsal-therapy",
                "interpersonal-reconstructive-therapy",
            },
        ),
    ],
)
def test_an_abbreviation_several_therapies_share_stays_ambiguous(
    shipped: KnowledgeBase, typed: str, meanings: set[str]
) -> None:
    from modality_cli.core.errors import AmbiguousNameError

    with pytest.raises(AmbiguousNameError) as caught:
        shipped.modality(typed)
    assert {c.id for c in caught.value.candidates} == meanings


def test_a_surname_several_people_share_stays_ambiguous(shipped: KnowledgeBase) -> None:
    from modality_cli.core.errors import AmbiguousNameError

    with pytest.raises(AmbiguousNameError):
        shipped.theorist("Gottman")
    assert shipped.theorist("John Gottman").id == "john-gottman"


def test_a_founding_period_reads_as_a_period(shipped: KnowledgeBase) -> None:
    cbt = shipped.modalities["cognitive-behavioural-therapy"]
    assert cbt.founded is None and cbt.period == "1960s-1970s"
    assert cbt.founding_phrase == "took shape in the 1960s-1970s"
    assert cbt.began == 1960
    assert shipped.modalities["acceptance-and-commitment-therapy"].founding_phrase.startswith("founded ")
