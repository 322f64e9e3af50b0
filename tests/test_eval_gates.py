"""Evaluation gates on the shared dev sets: the figures the README reports may not fall.

Floors sit just under the measured figures (README, "Quality"); raise them
when the engine improves, never lower them silently.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import ROOT, SHARED

WIKIWARS = SHARED / "datasets/wikiwars/WikiWars_20120218_v104/keyinline"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "eval" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not WIKIWARS.exists(), reason="../shared/datasets/wikiwars is not beside the repo")
def test_wikiwars_date_gate(nlp):
    f1, accuracy = _load("wikiwars_dates").main(WIKIWARS)
    assert f1 >= 0.93
    assert accuracy >= 0.85  # measured 0.857 (0.841 while "May" read as a modal made its sentence future)


def test_seed_alignment_gate():
    # 0.927 before the rest of a sentence split in two joined its first half's counterpart (parallax.gaps).
    assert _load("seed_alignment").main(verbose=False) >= 0.95  # measured 0.952


def test_rewrite_pairs_gate(nlp):
    figures = _load("rewrite_pairs").main()
    assert figures["mean_f1"] >= 0.93  # six written rewrites, sentence links: 0.936 (0.900 before meaning pairs)
    # Rewrites against independent reports of the same events. 0.944 before quotations were left out of
    # reuse: three of these rewrites keep the quotations and reword the rest, as independent reports do;
    # 0.847 before a match in a run that follows both orders sentence by sentence counted as taken.
    assert figures["reuse_auc"] >= 0.95  # measured 0.972
    assert figures["family_f1"] >= 0.9  # one matrix of all 20 articles; the seed pair is a family: 0.923 (0.60)


def test_shared_quotes_gate(nlp):
    figures = _load("shared_quotes").main()
    assert figures["false_links"] == 0  # no two independent reports joined by the statement they both quote
    assert figures["auc"] >= 0.99  # families against independent reports, within stories: 1.0 (0.963)
    assert figures["family_f1"] >= 0.95  # one matrix of all 16 articles: 1.0 (0.857)
    # Quoting one statement, outlets credit its speaker in their own words: 0.27 false differences
    # per match before credits were read that way.
    assert figures["false_differences_per_match"] <= 0.08
    assert figures["real_differences_found"] == 1.0  # the copy that drops "the agency said"


STS = SHARED / "datasets/sts_headlines/headlines_scored.tsv"


def test_direction_without_dates_gate():
    figures = _load("direction").main()
    assert figures["pairs"] == 12
    assert figures["by_specificity"] >= 0.8  # measured 10 of 12 (5 of 12 by the shares of wording alone)


@pytest.mark.skipif(not STS.exists(), reason="../shared/datasets/sts_headlines is not beside the repo")
def test_sts_headlines_as_articles_gate(nlp):
    f1, strong_unique_rate = _load("sts_alignment").main(STS)
    assert f1 >= 0.90
    assert strong_unique_rate <= 0.05  # at most 1 in 20 unique sentences shown as verbatim/paraphrase


@pytest.mark.skipif(not STS.exists(), reason="../shared/datasets/sts_headlines is not beside the repo")
def test_reuse_development_stories_gate(nlp):
    figures = _load("reuse_dev").main(STS)
    assert figures["auc_within"] >= 0.98  # derived vs independent pairs, same story
    assert figures["auc_cross"] >= 0.98  # all stories in one matrix run
    assert figures["family_f1"] >= 0.95  # best-partner families: 0.969 (0.953 before reuse.PHRASING)
    assert figures["source_accuracy"] >= 0.78


@pytest.mark.skipif(not STS.exists(), reason="../shared/datasets/sts_headlines is not beside the repo")
def test_differences_development_gate(nlp):
    recall, false_rate = _load("differences_dev").main()
    assert recall >= 0.94  # injected fact changes found, with their kind, on the right match
    assert false_rate <= 0.03  # differences per match on pairs whose facts are the same


def test_differences_in_rewrites_gate(nlp):
    figures = _load("rewrite_differences").main()
    # 0.192 before reworded sentences were read in place, 0.733 before figures weighed more as anchors
    # and order was trusted inside derived pairs, 0.796 before a lone clear counterpart was, 0.817 before
    # a name changed in place was found where the other side names it elsewhere, 0.838 before a sentence
    # linked in meaning counted as an anchor for its neighbours' order, 0.883 before a pair right beside a
    # link was paired however little it shares and a person a credit names was read as a name.
    assert figures["recall"] >= 0.89  # measured 0.900
    # The rewrites as written: measured 0.131, 8 in 61, every one a change written into them (0.082 before a
    # quotation restated as reported speech counted, which three of the rewrites do).
    assert figures["unchanged_per_match"] <= 0.14
    assert figures["independent_per_match"] <= 0.05  # independent reports of the same events: measured 0.000


@pytest.mark.skipif(not STS.exists(), reason="../shared/datasets/sts_headlines is not beside the repo")
def test_equivalent_headlines_differences_gate(nlp):
    figures = _load("sts_differences").main(STS)
    assert figures["matches"] >= 200  # the pairs still align, so the figure is about differences
    assert (
        figures["per_match"] <= 0.05
    )  # measured 0.045 (10 in 221; one is a speaker's quoted word written without marks)


@pytest.mark.skipif(not STS.exists(), reason="../shared/datasets/sts_headlines is not beside the repo")
def test_headline_names_gate(nlp):
    figures = _load("headline_names").main(STS)
    assert figures["kept"]["precision"] >= 0.90  # measured 0.917 (the model's own: 0.543)
    assert figures["kept"]["f1"] >= 0.77  # measured 0.780 (0.638): a one-sentence body confirms few names


def test_news_dates_development_gate(nlp):
    figures = _load("news_dates").main()
    assert figures["all"]["f1"] >= 0.98  # extraction, negatives included
    assert figures["all"]["values"] >= 0.97
    for category in ("invented", "not-dates"):
        assert figures[category]["false_positives"] == 0  # nothing that is not a date gets a date


def test_real_stories_manifest_labels_only_its_own_reports():
    # eval/real_stories.py reads texts the repository does not ship; its labels must name them right.
    import json

    stories = json.loads((ROOT / "eval" / "real_stories.json").read_text(encoding="utf-8"))["stories"]
    assert sum(len(story["articles"]) for story in stories.values()) == 31
    for story in stories.values():
        names = set(story["articles"])
        labelled = [p for key in ("derived", "unsure") for p in story[key]]
        assert all(len(p) == 2 and set(p) <= names for p in labelled)
        assert not {frozenset(p) for p in story["derived"]} & {frozenset(p) for p in story["unsure"]}
        in_families = [name for family in story["families"] for name in family]
        assert set(in_families) <= names and len(in_families) == len(set(in_families))
        # Every derived pair lies inside one family.
        assert all(any(set(p) <= set(f) for f in story["families"]) for p in story["derived"])
        assert all(a["url"].startswith(("http://", "https://")) for a in story["articles"].values())


def test_real_injections_read_the_earlier_report_as_the_original_and_say_where_texts_are_missing(tmp_path, capsys):
    real_injections = _load("real_injections")
    published = {"wire": "2023-09-08", "copy": "2023-09-09", "undated": None}
    assert real_injections._in_order("copy", "wire", published) == ("wire", "copy")
    assert real_injections._in_order("wire", "copy", published) == ("wire", "copy")
    assert real_injections._in_order("undated", "wire", published) == ("undated", "wire")  # the manifest's order
    assert real_injections.main(tmp_path) == {}
    assert "eval/real_stories.py" in capsys.readouterr().out
