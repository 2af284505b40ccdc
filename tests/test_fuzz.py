"""Property-based tests: any argument to any command ends in 0, 1 or 2 with
its documented meaning, never a traceback.

Example counts come from the Hypothesis profile: ``ci`` (default, 150 per
test) or ``nightly`` (5,000 per test): ``HYPOTHESIS_PROFILE=nightly pytest tests/test_fuzz.py``.
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINI, invoke
from modality_cli.core.text import escape_controls, name_key
from modality_cli.kb.knowledge import KnowledgeBase

settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "nightly", max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Any unicode (combining marks, right-to-left, emoji, controls, NUL), long strings,
# empty strings and option-like strings.
ANY_TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec=None), max_size=200),
    st.text(alphabet="\x00\x1b[]:/\\-\u202e\u0301\U0001f600 ", max_size=20),
    st.sampled_from(
        ["", " ", "-", "--", "--json", "-m", "--help", "-h", "--data", "cbt", "CBT", "[bold]x[/]"]
    ),
    st.text(min_size=1000, max_size=5000),
)
COMMANDS = [
    lambda a, b: ["show", a],
    lambda a, b: ["theories", a],
    lambda a, b: ["theories", "-m", a],
    lambda a, b: ["theorists", a],
    lambda a, b: ["theorists", "-m", a, "--theory", b],
    lambda a, b: ["techniques", a],
    lambda a, b: ["techniques", "-m", a],
    lambda a, b: ["compare", a, b],
    lambda a, b: ["compare", "tet", a],
    lambda a, b: ["search", a],
    lambda a, b: ["search", a, "--limit", b],
    lambda a, b: ["list", "--family", a],
    lambda a, b: [a, b],
]


def check(args: list[str], as_json: bool) -> None:
    full = ["--data", str(MINI), *args, *(["--json"] if as_json else [])]
    result = invoke(*full)
    assert result.exit_code in (0, 1, 2), (args, result)
    assert "Traceback" not in result.stderr + result.stdout
    if result.exit_code == 0:
        # after "--" a trailing --json is an argument, not the option
        if as_json and not {"--help", "-h", "--"} & set(args):
            json.loads(result.stdout)
    else:
        assert result.stderr.strip(), (args, result)
        assert "\x1b" not in result.stderr
        if result.exit_code == 1:
            assert result.stdout == ""


@given(command=st.sampled_from(COMMANDS), a=ANY_TEXT, b=ANY_TEXT, as_json=st.booleans())
def test_any_argument_to_any_command_ends_cleanly(command, a: str, b: str, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    check(command(a, b), as_json)


@given(paths=st.lists(ANY_TEXT, min_size=1, max_size=3))
def test_any_data_path_ends_cleanly(paths: list[str]) -> None:
    args = [x for p in paths for x in ("--data", p)]
    result = invoke(*args, "list", "--json")
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.stderr


@given(text=ANY_TEXT)
def test_resolution_of_any_text_is_found_or_a_clean_error(mini: KnowledgeBase, text: str) -> None:
    from modality_cli.core.errors import ModalityError

    for resolve in (mini.modality, mini.theory, mini.theorist, mini.technique):
        try:
            resolve(text)
        except ModalityError as error:
            rendered = error.render()
            assert rendered.endswith("\n") and "\x1b" not in rendered


@given(text=st.text(alphabet=st.characters(codec=None)))
def test_name_keys_are_stable_and_escaping_removes_every_control(text: str) -> None:
    assert name_key(name_key(text)) == name_key(text)
    shown = escape_controls(text)
    assert not any(ord(c) < 32 and c not in "\n\t" for c in shown)
    assert not any(0x7F <= ord(c) <= 0x9F for c in shown)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(value=_json_values)
def test_the_json_writer_matches_the_json_module_on_any_data(value: object) -> None:
    import json

    from modality_cli.formats.machine import pretty

    assert pretty(value) == json.dumps(value, ensure_ascii=False, indent=2)
