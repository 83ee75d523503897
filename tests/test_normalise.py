"""The Python and JavaScript normalisers against one table of cases."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from edition import normalise

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((ROOT / "tests/search/normalise_cases.yaml").read_text(encoding="utf-8"))
JS = ROOT / "scripts/edition/js/normalise.js"


@pytest.mark.parametrize(("text", "expected"), CASES["words"], ids=[c[0] for c in CASES["words"]])
def test_words_python(text: str, expected: list[list[object]]) -> None:
    assert [list(w) for w in normalise.words(text)] == expected


# The kinds whose case is [input, expected] and whose Python function takes the input as it is
# (their JavaScript twins: test_javascript_matches_table).
PLAIN = {
    "light": normalise.light, "fold": normalise.fold, "forms": normalise.forms, "spellings": normalise.spellings,
    "tokens": normalise.tokens, "keys": normalise.keys, "skeleton": normalise.skeleton,
    "skeleton_key": normalise.skeleton_key, "skeleton_keys": normalise.skeleton_keys,
    "latin_variants": normalise.latin_variants, "word_skeletons": normalise.word_skeletons,
    "latin_word_skeletons": normalise.latin_word_skeletons,
}  # fmt: skip
PLAIN_CASES = [(kind, given, expected) for kind in PLAIN for given, expected in CASES[kind]]


@pytest.mark.parametrize(("kind", "given", "expected"), PLAIN_CASES, ids=[f"{c[0]}-{c[1]}" for c in PLAIN_CASES])
def test_python_matches_table(kind: str, given: object, expected: object) -> None:
    assert PLAIN[kind](given) == expected


@pytest.mark.parametrize(("form", "expected"), CASES["short"], ids=[c[0] for c in CASES["short"]])
def test_short_python(form: str, expected: str) -> None:
    assert normalise.short(form) == expected
    assert normalise.is_arabic(form) == ("\u0621" <= form[0] <= "\u064a")


def test_forms_with_given_spellings_python() -> None:
    for token, expected in CASES["forms"]:
        assert normalise.forms(token, normalise.spellings(token)) == expected


@pytest.mark.parametrize(
    ("run", "expected"),
    CASES["skeleton_run_keys"],
    ids=["_".join(("al-" if a else "") + t for t, a in c[0]) for c in CASES["skeleton_run_keys"]],
)
def test_skeleton_run_keys_python(run: list[list[object]], expected: list[str]) -> None:
    assert normalise.skeleton_run_keys([(str(t), bool(a)) for t, a in run]) == expected


@pytest.fixture(scope="module")
def js_results(node: str) -> dict[str, list[object]]:
    program = f"""
      const N = require({json.dumps(str(JS))});
      const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
      process.stdout.write(JSON.stringify({{
        light: cases.light.map(([text]) => N.light(text)),
        words: cases.words.map(([text]) => N.words(text)),
        stopwords: N.STOPWORDS,
        fold: cases.fold.map(([text]) => N.fold(text)),
        forms: cases.forms.map(([token]) => N.forms(token)),
        spellings: cases.spellings.map(([token]) => N.spellings(token)),
        tokens: cases.tokens.map(([text]) => N.tokens(text)),
        keys: cases.keys.map(([text]) => N.keys(text)),
        short: cases.short.map(([form]) => N.short(form)),
        forms_given: cases.forms.map(([token]) => N.forms(token, N.spellings(token))),
        skeleton: cases.skeleton.map(([token]) => N.skeleton(token)),
        skeleton_key: cases.skeleton_key.map(([toks]) => N.skeletonKey(toks)),
        skeleton_keys: cases.skeleton_keys.map(([name]) => N.skeletonKeys(name)),
        skeleton_run_keys: cases.skeleton_run_keys.map(([run]) => N.skeletonRunKeys(run)),
        latin_variants: cases.latin_variants.map(([token]) => N.latinVariants(token)),
        word_skeletons: cases.word_skeletons.map(([token]) => N.wordSkeletons(token)),
        latin_word_skeletons: cases.latin_word_skeletons.map(([token]) => N.latinWordSkeletons(token)),
      }}));
    """
    out = subprocess.run([node, "-e", program], input=json.dumps(CASES), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


KINDS = [
    "light", "words", "fold", "forms", "spellings", "tokens", "keys", "short", "forms_given",
    "skeleton", "skeleton_key", "skeleton_keys", "skeleton_run_keys", "latin_variants", "word_skeletons",
    "latin_word_skeletons",
]  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
def test_javascript_matches_table(kind: str, js_results: dict[str, list[object]]) -> None:
    table = CASES["forms" if kind == "forms_given" else kind]
    expected = [case[1] for case in table]
    mismatches = [
        (case[0], want, got) for case, want, got in zip(table, expected, js_results[kind], strict=True) if want != got
    ]
    assert not mismatches, mismatches


def test_stopwords_are_one_list(js_results: dict[str, list[object]]) -> None:
    assert js_results["stopwords"] == sorted(normalise.STOPWORDS)


def test_separator_matches_mkdocs_config() -> None:
    """The index is split by the plugin's separator, the queries by the normaliser's: one regex."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    line = next(ln for ln in config.splitlines() if ln.strip().startswith("separator:"))
    regex = line.split("separator:", 1)[1].strip()
    assert regex[0] == regex[-1] == "'"
    assert regex[1:-1].replace("''", "'") == normalise.SEPARATOR.pattern
    js = JS.read_text(encoding="utf-8")
    assert f"var SEPARATOR = /{normalise.SEPARATOR.pattern}/" in js


def test_both_normalisers_agree_on_every_word_of_the_data(node: str) -> None:
    """Beyond the table: every token of the article and of the data has the same forms, spellings and keys in
    Python and JavaScript (the index is built with one and searched with the other)."""
    text = (ROOT / "data/articles/alwatan-2019-tamtam/text.ar.txt").read_text(encoding="utf-8")
    text += "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").rglob("*.yaml")))
    toks = sorted(set(normalise.tokens(text)))
    assert len(toks) > 1000
    program = f"""
      const N = require({json.dumps(str(JS))});
      const toks = JSON.parse(require("fs").readFileSync(0, "utf8"));
      process.stdout.write(JSON.stringify(toks.map(t =>
        [N.forms(t), N.spellings(t), N.keys(t), N.skeleton(t), N.skeletonKeys(t), N.wordSkeletons(t),
         N.latinVariants(t), N.latinWordSkeletons(t)])));
    """
    out = subprocess.run([node, "-e", program], input=json.dumps(toks), capture_output=True, text=True, check=True)
    js = json.loads(out.stdout)
    differ = [
        (tok, py, got)
        for tok, got in zip(toks, js, strict=True)
        if (
            py := [
                normalise.forms(tok),
                normalise.spellings(tok),
                normalise.keys(tok),
                normalise.skeleton(tok),
                normalise.skeleton_keys(tok),
                normalise.word_skeletons(tok),
                normalise.latin_variants(tok),
                normalise.latin_word_skeletons(tok),
            ]
        )
        != got
    ]
    assert not differ, differ[:10]
