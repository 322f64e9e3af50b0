"""Reworded sentences: a fact put in another's place (parallax/reworded.py), through the whole stage."""

from __future__ import annotations

import dataclasses
import json

import pytest

from parallax import analyse, article_from_text, compare
from parallax.differences import find_differences
from parallax.model import Match
from tests.conftest import ROOT
from tests.difference_cases import ORIGINAL, REWRITE, dated, names_differing, reworded, seed_with


def test_a_rewrite_that_changes_no_fact_has_no_differences(nlp):
    result = reworded(nlp, REWRITE)
    assert len(result.matches) == 3 and all(m.kind != "verbatim" for m in result.matches)
    assert result.differences == ()


REWORDED_CHANGES = [
    ("figure", "roughly 1,200 workers", "roughly 1,500 workers", "1,200", "1,500"),
    ("figure", "about 9% of staff", "about 12% of staff", "9%", "12%"),
    ("date", "announced Monday", "announced Tuesday", "Monday", "Tuesday"),  # the date stands elsewhere
    ("person", "CEO Dana Whitfield", "CEO Mark Jensen", "Dana Whitfield", "Mark Jensen"),
    # The figures pin the company's place; "Austin" beside it is a place added, not the change.
    ("organisation", "Austin-based Quarrix", "Austin-based Siemens", "Quarrix", "Siemens"),
    ("framing", "Dana Whitfield said", "Dana Whitfield admitted", "told", "admitted"),
    ("attribution", ", according to the company.", ", according to Reuters.", "", "according to Reuters"),
]


@pytest.mark.parametrize("kind, old, new, a_has, b_has", REWORDED_CHANGES)
def test_a_fact_changed_in_a_reworded_sentence_is_found(nlp, kind, old, new, a_has, b_has):
    result = reworded(nlp, REWRITE.replace(old, new))
    found = [d for d in result.differences if d.kind == kind]
    assert len(found) == 1, [(d.kind, d.a_text, d.b_text) for d in result.differences]
    assert a_has in found[0].a_text and b_has in found[0].b_text


@pytest.mark.parametrize("kind, old, new, a_has, b_has", REWORDED_CHANGES)
def test_between_reports_that_share_no_wording_a_partial_match_shows_only_changed_figures_and_dates(
    nlp, kind, old, new, a_has, b_has
):
    # Read as two outlets' own reports, the partial matches are two statements on one topic: there a
    # figure or a date that differs is a conflict, another name, credit or hedge each outlet's own.
    result = reworded(nlp, REWRITE.replace(old, new), derived=False)
    partial = {k for k, m in enumerate(result.matches) if m.kind == "partial"}
    found = [d.kind for d in result.differences if d.match in partial]
    assert set(found) <= {"figure", "date"}
    if kind in ("figure", "date"):
        assert found.count(kind) == 1


def test_a_detail_one_rewrite_adds_is_no_change(nlp):
    # A figure and a name the original does not give, with nothing of their kind opposite them.
    result = reworded(nlp, REWRITE.replace("severance,", "severance and six months of health cover in Texas,"))
    assert result.differences == ()


def test_a_capital_for_its_state_is_no_change(nlp):
    pair = (("China said on Monday it would send aid.", "a"), ("Beijing said on Monday it would send aid.", "b"))
    a, b = (analyse(article_from_text(text, name), nlp=nlp) for text, name in pair)
    assert compare(a, b).differences == ()


@pytest.mark.parametrize("kind, old, new, a_has, b_has", REWORDED_CHANGES)
def test_swapping_a_reworded_pair_swaps_every_difference(nlp, kind, old, new, a_has, b_has):
    a = analyse(article_from_text(ORIGINAL, "a"), nlp=nlp)
    b = analyse(article_from_text(REWRITE.replace(old, new), "b"), nlp=nlp)
    ab, ba = compare(a, b).differences, compare(b, a).differences
    assert sorted((d.kind, d.a, d.b) for d in ab) == sorted((d.kind, d.b, d.a) for d in ba)


def _gold_pair_with(nlp, path: str, old: str, new: str, paragraphs: bool = False):
    """A written pair (tests/gold or tests/fixtures JSON) analysed, with ``old`` replaced by ``new`` in B: one
    paragraph a side, or with ``paragraphs`` two sentences to a paragraph, as eval/rewrite_pairs.py reads it."""
    data = json.loads((ROOT / path).read_text(encoding="utf-8"))
    rewrite = [s.replace(old, new) for s in data["b"]]
    assert rewrite != data["b"]

    def text(lines: list[str]) -> str:
        if not paragraphs:
            return " ".join(lines)
        return "\n\n".join(" ".join(lines[k : k + 2]) for k in range(0, len(lines), 2))

    return tuple(
        analyse(article_from_text(text(lines), name), nlp=nlp) for lines, name in ((data["a"], "a"), (rewrite, "b"))
    )


def test_a_person_in_place_of_a_club_is_a_change_and_swaps_with_the_sides(nlp):
    # The transfer rewrite of tests/gold/rewrites, its opponent replaced by a person: the only name either
    # sentence has between "debut" and "27 August", of another kind.
    a, b = _gold_pair_with(nlp, "tests/gold/rewrites/04-transfer.json", "against Valencia", "against Kenji Watanabe")
    named = ("person", "place", "organisation")
    assert [(d.a_text, d.b_text) for d in compare(a, b).differences if d.kind in named] == [
        ("Valencia", "Kenji Watanabe")
    ]
    assert [(d.a_text, d.b_text) for d in compare(b, a).differences if d.kind in named] == [
        ("Kenji Watanabe", "Valencia")
    ]


def test_a_body_replaced_in_the_subjects_place_is_an_organisation_change_whatever_the_model_typed(nlp):
    # The sleep rewrite of tests/gold/rewrites with its university replaced: "The team from Unicef tracked
    # more than 41,000 people" against "Researchers at the University of Leiden followed 41,000 adults".
    # The names stand before the first word both sentences share, and the model types "Unicef" as a person.
    a, b = _gold_pair_with(nlp, "tests/gold/rewrites/06-sleep.json", "from Leiden University", "from Unicef")
    named = ("person", "place", "organisation")
    assert [(d.kind, d.a_text, d.b_text) for d in compare(a, b).differences if d.kind in named] == [
        ("organisation", "University of Leiden", "Unicef")
    ]
    assert [(d.kind, d.a_text, d.b_text) for d in compare(b, a).differences if d.kind in named] == [
        ("organisation", "Unicef", "University of Leiden")
    ]


@pytest.mark.parametrize("other", ["Siemens", "Deutsche Bank"])
def test_a_body_in_place_of_a_ministrys_name_before_a_title_is_an_organisation_change(nlp, other):
    # The flood rewrite of tests/gold/rewrites with "The Interior Minister" changed: the model tags
    # "Interior" and the new body alone, each before "Minister", a title they qualify, not a name cut short.
    # (Read as one paragraph a side, the model tags no "Interior": the rewrite's "Siemens" then stands
    # opposite the minister's name.)
    a, b = _gold_pair_with(
        nlp, "tests/gold/rewrites/01-flood.json", "The Interior Minister", f"The {other} Minister", paragraphs=True
    )
    assert ("organisation", "Interior", other) in names_differing(a, b)
    assert ("organisation", other, "Interior") in names_differing(b, a)


@pytest.mark.parametrize("rise", ["14%", "15%"])
def test_a_figure_changed_where_it_was_all_two_reworded_sentences_shared_is_reported(nlp, rise):
    # The layoffs rewrite of tests/gold/rewrites: "Investors cheered the move, sending the stock up 6%"
    # shares only its figure with "Its shares rose 6% in early trading"; changed, the pair shares nothing,
    # and only its place in the story, its meaning and a figure on each side still tie it.
    a, b = _gold_pair_with(nlp, "tests/gold/rewrites/03-layoffs.json", "the stock up 6%", f"the stock up {rise}")
    figures = [(d.a_text, d.b_text) for d in compare(a, b).differences if d.kind == "figure"]
    assert figures == [("6%", rise)]


@pytest.mark.parametrize("other", ["Vietnam", "Kenya"])
def test_a_place_the_other_article_never_names_is_a_change_wherever_it_stands(nlp, other):
    # The held-out recall pair (tests/fixtures/held_out/10-recall.json): "Parents in Ireland are being
    # urged" made "Parents in <other>", against "baby food sold in Ireland and Northern Ireland". The two
    # places stand in different places of the sentences, and the rewrite names Ireland elsewhere.
    a, b = _gold_pair_with(nlp, "tests/fixtures/held_out/10-recall.json", "Parents in Ireland", f"Parents in {other}")
    assert ("place", "Ireland … Northern Ireland", other) in names_differing(a, b)
    assert ("place", other, "Ireland … Northern Ireland") in names_differing(b, a)
    # A place left out is no change.
    unchanged = _gold_pair_with(nlp, "tests/fixtures/held_out/10-recall.json", "Parents in Ireland", "Parents")
    assert [d for d in names_differing(*unchanged) if d[1] == "Ireland … Northern Ireland"] == []


def test_a_person_the_other_side_calls_by_the_surname_alone_is_no_change(nlp):
    # An STS headline pair graded the same statement (4.8); the model tags no "Modi" in the second.
    a = analyse(article_from_text("Narendra Modi pledges tough stand against Pakistan.", "a"), nlp=nlp)
    b = analyse(article_from_text("India’s Modi promises tough stance against Pakistan.", "b"), nlp=nlp)
    assert compare(a, b).matches and compare(a, b).differences == ()


def test_the_other_half_of_a_split_sentence_keeps_its_place_when_its_figure_changes(nlp):
    # The held-out wildfire pair (tests/fixtures/held_out/11-wildfire.json) with the man's age changed: the
    # rewrite's second half of "Two firefighters were taken to hospital with burns, and a 71-year-old man
    # was treated" shared little else; it follows the first half, which only its place links.
    a, b = _gold_pair_with(nlp, "tests/fixtures/held_out/11-wildfire.json", "A man aged 71", "A man aged 80")
    figures = [(d.a_text, d.b_text) for d in compare(a, b).differences if d.kind == "figure"]
    assert figures == [("71-year-old", "80")]


def test_a_figure_changed_where_it_was_most_of_what_two_reworded_sentences_shared_is_reported(nlp):
    # The rates rewrite of tests/gold/rewrites with the currency's rise changed from 0.4% to 4%: the
    # sentences keep little else in common ("the move", "currency", "dollar"), but each is the other's
    # only clear counterpart, and the rewrite takes its wording from the original.
    data = json.loads((ROOT / "tests/gold/rewrites/02-rates.json").read_text(encoding="utf-8"))
    rewrite = [s.replace("gained 0.4%", "gained 4%") for s in data["b"]]
    assert rewrite != data["b"]
    a, b = (
        analyse(article_from_text(" ".join(lines), name), nlp=nlp) for lines, name in ((data["a"], "a"), (rewrite, "b"))
    )
    assert [(d.a_text, d.b_text) for d in compare(a, b).differences if d.kind == "figure"] == [("0.4%", "4%")]
    assert [(d.a_text, d.b_text) for d in compare(b, a).differences if d.kind == "figure"] == [("4%", "0.4%")]


def test_a_name_changed_in_one_sentence_of_a_group_is_found_though_the_group_names_it_elsewhere(nlp):
    # The seed's first original sentence matches three rewrite sentences; the change leaves "Russia" in
    # the other two, but in the place of "is in Russia" the rewrite now names Vietnam.
    a, b = seed_with(nlp, "Wang Yi, China’s diplomat, is in Russia", "Wang Yi, China’s diplomat, is in Vietnam")
    assert names_differing(a, b) == [("place", "Russia", "Vietnam")]
    assert names_differing(b, a) == [("place", "Vietnam", "Russia")]


def test_a_name_between_the_same_two_words_is_a_change_and_a_country_is_a_place_whatever_the_model_says(nlp):
    # "he visited Belarus and Kyrgyzstan" / "Putin visited Marseille and Kyrgyzstan": the small model
    # types Marseille as a person; Belarus is a country, so the change is of a place.
    a, b = seed_with(nlp, "Putin visited Belarus and", "Putin visited Marseille and")
    assert names_differing(a, b) == [("place", "Belarus", "Marseille")]
    assert names_differing(b, a) == [("place", "Marseille", "Belarus")]


def test_a_place_changed_where_the_other_side_names_its_people_elsewhere_is_found(nlp):
    # "Wang Yi's stay in Russia" / "Mr. Wang will be in Chicago ... with Russian officials": "Russian"
    # does not make Russia shared when Chicago stands in its place.
    a, b = seed_with(nlp, "Mr. Wang will be in Russia", "Mr. Wang will be in Chicago")
    assert ("place", "Russia", "Chicago") in names_differing(a, b)
    assert ("place", "Chicago", "Russia") in names_differing(b, a)


def test_a_span_of_decades_is_a_measure_not_a_count_to_set_against_people(nlp):
    # Two independent reports of one flood: "in two decades" is no changed "6,000 residents".
    a = analyse(
        article_from_text(
            "Soldiers cleared mud in Melnik after the worst flooding in two decades left 14 people dead.", "a"
        ),
        nlp=nlp,
    )
    b = analyse(
        article_from_text(
            "Floodwaters in Melnik left 14 people dead and forced 6,000 residents from their homes.", "b"
        ),
        nlp=nlp,
    )
    result = compare(a, b)
    assert len(result.matches) == 1 and result.differences == ()


def test_a_count_changed_pairs_with_the_count_of_the_same_thing(nlp):
    # Two real versions of one wire report of the Morocco earthquake (Mehr News, Tasnim, 9 September
    # 2023), reworded here: the injured, 153 in one and 329 in the other, stand apart in the sentence.
    a = dated(nlp, "The Interior Ministry said on Saturday that 153 people had been injured in the earthquake.", "a")
    b = dated(
        nlp, "At least 632 people were killed and 329 injured in the earthquake, the Interior Ministry said.", "b"
    )
    result = compare(a, b)
    figures = [(d.a_text, d.b_text) for d in result.differences if d.kind == "figure"]
    assert ("153 people", "329 injured") in figures
    assert not [f for f in figures if "632" in f[1]]


@pytest.mark.parametrize("derived", [True, False])
def test_a_conversion_in_brackets_and_another_distance_are_no_changed_figure(nlp, derived):
    # Real reports of the Morocco earthquake: "72 km (45 miles)" / "72 km (44 miles)" round the
    # conversion two ways, and a depth is not a distance from a city.
    a = dated(nlp, "The epicentre was some 72 km (45 miles) southwest of Marrakech, the survey said.", "a")
    b = dated(
        nlp, "The survey said the quake was at a shallow depth of 18.5 km, some 72 km (44 miles) from Marrakech.", "b"
    )
    result = compare(a, b)
    assert result.matches
    found = find_differences(a, b, result.matches, result.entities, derived)
    assert [d for d in found if d.kind == "figure"] == []


def test_between_independent_reports_a_distance_pairs_only_with_one_of_the_same_thing(nlp):
    # Two outlets' own sentences about the Morocco earthquake (Alwaght, Tasnim), reworded here.
    a = dated(
        nlp,
        "The US Geological Survey said the quake measured 6.8, with its epicentre 72 km southwest of Marrakech.",
        "a",
    )
    depth = dated(
        nlp, "The US Geological Survey put the magnitude at 6.8 and said it was at a shallow depth of 18.5 km.", "b"
    )
    distance = dated(
        nlp, "The US Geological Survey put the magnitude at 6.8 and said it struck 70 km southwest of Marrakech.", "c"
    )
    for other, expected in ((depth, []), (distance, [("72 km", "70 km")])):
        result = compare(a, other)
        partial = [dataclasses.replace(m, kind="partial") for m in result.matches]
        assert partial
        found = find_differences(a, other, partial, result.entities, derived=False)
        assert [(d.a_text, d.b_text) for d in found if d.kind == "figure"] == expected


def test_between_independent_reports_a_magnitude_and_a_toll_in_other_places_are_no_changed_figure(nlp):
    # Two outlets' own ledes of the Morocco earthquake (Alwaght, Mehr News), reordered here: each gives
    # one figure, of a different thing, in another place of the sentence, and no word ties them.
    a = dated(nlp, "Late on Friday, a powerful earthquake measuring 6.8 on the Richter Scale shook the country.", "a")
    b = dated(nlp, "Killing at least 296 people, a powerful earthquake struck Morocco late on Friday.", "b")
    result = compare(a, b)
    partial = [Match((0,), (0,), 0.3, "partial")]  # as the alignment links them inside whole reports
    assert [d for d in find_differences(a, b, partial, result.entities, derived=False) if d.kind == "figure"] == []
    # Where one takes its wording from the other, the one figure each side has stands for the other.
    derived = find_differences(a, b, partial, result.entities, derived=True)
    assert [(d.a_text, d.b_text) for d in derived if d.kind == "figure"] == [("6.8", "296 people")]


def test_between_independent_reports_figures_in_one_place_pair_only_where_a_word_says_the_same_of_both(nlp):
    # The real ledes (Alwaght, Mehr News), as the alignment links them: the magnitude and the toll stand
    # in the same place between the words both share, and no word around them says the same of both.
    a = dated(nlp, "Late on Friday, a powerful earthquake measuring 6.8 on the Richter Scale shook the country.", "a")
    b = dated(
        nlp, "A powerful earthquake struck the mountains late on Friday, killing at least 296 people in villages.", "b"
    )
    partial = [Match((0,), (0,), 0.3, "partial")]
    entities = compare(a, b).entities
    assert [d for d in find_differences(a, b, partial, entities, derived=False) if d.kind == "figure"] == []
    # Two counts pair all the same, whatever words count them ("three of his apartments" / "two apartments").
    c = dated(nlp, "He may not hold office for a decade, and three of his apartments will be confiscated.", "c")
    d = dated(
        nlp, "The court banned him from office for ten years and ordered the confiscation of two apartments.", "d"
    )
    found = find_differences(c, d, partial, compare(c, d).entities, derived=False)
    assert [(x.a_text, x.b_text) for x in found if x.kind == "figure"] == [("three", "two apartments")]


ZAKHAROVA = (
    "Earlier, Russian Foreign Ministry spokeswoman Maria Zakharova said the Chinese Foreign Minister would visit "
    "Russia on September 18 to hold talks with Russian Foreign Minister Sergey Lavrov. The ministers would discuss "
    "strengthening cooperation in the international arena, joint work in international organizations and the "
    "Ukraine conflict, Zakharova added."
)
# Sputnik's later piece (real, 18 September 2023) keeps the second sentence's wording under a new credit.
RETELLING = (
    "Russian Foreign Ministry spokeswoman Maria Zakharova said the ministers would discuss strengthening "
    "cooperation in the international arena, joint work in international organizations and the {} conflict. "
    "According to the Chinese Foreign Ministry, Wang Yi's visit to Russia is aimed at promoting bilateral relations."
)


@pytest.mark.parametrize("other", ["Chile", "Lagos", "Bavaria", "Marseille", "Kenya"])
def test_a_place_the_model_does_not_tag_or_types_as_a_person_is_found_in_the_named_places_slot(nlp, other):
    # The small model tags none of "Chile", "Lagos", "Bavaria" in "the ___ conflict", and "Marseille" as a
    # person (which then paired with "Sergey Lavrov" elsewhere): the same words before and after tell.
    a = analyse(article_from_text(ZAKHAROVA, "a"), nlp=nlp)
    b = analyse(article_from_text(RETELLING.format(other), "b"), nlp=nlp)
    found = [(d.kind, d.a_text, d.b_text) for d in compare(a, b).differences]
    assert found == [("place", "Ukraine", other)]


def test_a_capitalised_word_added_where_the_other_side_names_nothing_is_no_change(nlp):
    a = analyse(article_from_text(ZAKHAROVA, "a"), nlp=nlp)
    b = analyse(
        article_from_text(RETELLING.format("Ukraine").replace("the international", "the International"), "b"), nlp=nlp
    )
    assert compare(a, b).differences == ()


@pytest.mark.parametrize("other, kind", [("Kaufland Bavaria", "place"), ("Carrefour Romania", "organisation")])
def test_a_bodys_arm_in_another_country_is_a_place_changed_and_another_body_an_organisation(nlp, other, kind):
    # The held-out dairy pair (tests/fixtures/held_out/08-dairy.json), reworded: one word of the name differs.
    appeal = " Kaufland said in a statement that it would appeal the fine."
    a = dated(nlp, "The council said Mega Image, Profi and Kaufland Romania agreed to raise milk prices." + appeal, "a")
    b = dated(
        nlp, f"According to the authority, Mega Image, Profi and {other} coordinated milk price rises." + appeal, "b"
    )
    result = compare(a, b)
    found = find_differences(a, b, result.matches, result.entities, derived=True)
    assert [(d.kind, d.a_text, d.b_text) for d in found] == [(kind, "Kaufland Romania", other)]


def test_a_name_the_other_side_writes_untagged_is_no_change(nlp):
    # The small model tags "SuperValu" only in one sentence and "Dunnes Stores" only in the other (the
    # held-out recall pair): both sides write both names, so neither is a change.
    pair = json.loads((ROOT / "tests/fixtures/held_out/10-recall.json").read_text(encoding="utf-8"))
    a, b = (analyse(article_from_text("\n\n".join(pair[side]), side), nlp=nlp) for side in ("a", "b"))
    result = compare(a, b)
    names = [(d.a_text, d.b_text) for d in result.differences if d.kind in ("organisation", "person", "place")]
    assert ("SuperValu", "Dunnes Stores") not in names and result.matches


def test_a_lede_whose_place_changed_keeps_its_link_where_words_and_meaning_agree_on_it(nlp):
    # The held-out wildfire pair (tests/fixtures/held_out/11-wildfire.json) with the rewrite's lede moved
    # to Kenya: the names' near-miss discount takes its word score under the link threshold and its cosine
    # clears the runner-up by 1.45, under the 1.5 a link in meaning alone needs; no link stands before a
    # lede. Each is the other's clear best in words and in meaning, so in a pair where one takes its
    # wording from the other they are linked, and the place that changed is reported.
    from parallax.align import align
    from parallax.pairing import align_pair

    a, b = _gold_pair_with(
        nlp, "tests/fixtures/held_out/11-wildfire.json", "Firefighters in Portugal", "Firefighters in Kenya"
    )
    assert [(d.a_text, d.b_text) for d in compare(a, b).differences if d.kind == "place"] == [("Portugal", "Kenya")]
    assert [(d.a_text, d.b_text) for d in compare(b, a).differences if d.kind == "place"] == [("Kenya", "Portugal")]
    # Only trust in a derivation links them: the plain alignment, on which reuse is measured, does not.
    assert any(m.a == (0,) and m.b == (0,) for m in align_pair(a, b).matches)
    assert not any(0 in m.a and 0 in m.b for m in align(a, b))


def test_a_name_changed_in_a_short_sentence_between_moved_ones_is_found(nlp):
    # The held-out dairy pair (tests/fixtures/held_out/08-dairy.json) with "Mega Image has not commented
    # yet" given to another name: it shared little but the name, and the stretch its neighbours mark out
    # holds the inflation figure, which the rewrite moved to its end; left out of the stretch's width,
    # the sentence and the one before it keep their places.
    a, b = _gold_pair_with(nlp, "tests/fixtures/held_out/08-dairy.json", "Mega Image has not", "Sarah Klein has not")
    assert [(d.a_text, d.b_text) for d in compare(a, b).differences if d.kind == "person"] == [
        ("Mega Image", "Sarah Klein")
    ]


def test_a_body_put_in_another_bodys_place_is_found_beside_a_place_the_other_side_never_names(nlp):
    # The held-out strike pair (tests/fixtures/held_out/09-strike.json) with "Nordair shares dropped 3.5%"
    # given to Siemens: "Shares in Nordair fell 3.5% in Copenhagen trading" names a place the rewrite never
    # does, which the small model types as a body; a capital is a place, so each new name is alone of its kind.
    a, b = _gold_pair_with(
        nlp, "tests/fixtures/held_out/09-strike.json", "Nordair shares dropped", "Siemens shares dropped"
    )
    assert [(d.kind, d.a_text, d.b_text) for d in compare(a, b).differences if d.kind == "organisation"] == [
        ("organisation", "Nordair", "Siemens")
    ]
    assert [(d.kind, d.a_text, d.b_text) for d in compare(b, a).differences if d.kind == "organisation"] == [
        ("organisation", "Siemens", "Nordair")
    ]


def test_a_person_credited_in_place_of_another_is_a_person_changed_beside_the_next_statement(nlp):
    # The rates rewrite (tests/gold/rewrites/02-rates.json) with its governor renamed: "According to
    # governor John Harris, prices are not coming down quickly enough" shares 0.11 with "Governor Elena
    # Marsh said inflation ... was falling too slowly" once the name changed, but stands, as that
    # sentence does, right before the inflation figures. The credit names a person: a person changed,
    # not only a credit changed.
    a, b = _gold_pair_with(nlp, "tests/gold/rewrites/02-rates.json", "governor Elena Marsh", "governor John Harris")
    assert [(d.a_text, d.b_text) for d in compare(a, b).differences if d.kind == "person"] == [
        ("Governor Elena Marsh", "John Harris")
    ]
    assert [(d.a_text, d.b_text) for d in compare(b, a).differences if d.kind == "person"] == [
        ("John Harris", "Governor Elena Marsh")
    ]


@pytest.mark.parametrize(
    "original, rewrite, changed",
    [
        (
            "Most of them are under five, and 61 of them have been admitted to hospital.",
            "More than 60 people have been admitted to hospital, most of them under five.",
            False,
        ),
        (
            "Affected staff will receive 16 weeks of severance pay.",
            "Departing employees will get at least 16 weeks' severance.",
            False,
        ),
        ("The firm expects charges of $95 million.", "The firm expects charges of up to $100 million.", False),
        (
            "Most of them are under five, and 61 of them have been admitted to hospital.",
            "More than 25 people have been admitted to hospital, most of them under five.",
            True,
        ),  # past the bound's reach
        (
            "Affected staff will receive at least 16 weeks of severance pay.",
            "Departing employees will get a minimum of 20 weeks' severance.",
            True,
        ),
        (
            "More than 6,000 residents were forced from their homes.",
            "More than 1,000 people had to leave their houses.",
            True,
        ),
        (
            "The firm expects charges of between $85 million and $100 million.",
            "The firm expects charges of up to $104 million.",
            True,
        ),
    ],
)
def test_a_bound_the_other_sides_figure_keeps_is_no_change(nlp, original, rewrite, changed):
    # "61 of them" / "more than 60 people" (held-out measles pair): the bound is what the rewrite kept.
    a = analyse(article_from_text(original, "a"), nlp=nlp)
    b = analyse(article_from_text(rewrite, "b"), nlp=nlp)
    for x, y in ((a, b), (b, a)):
        found = find_differences(x, y, [Match((0,), (0,), 0.3, "partial")], compare(x, y).entities, derived=True)
        assert bool([d for d in found if d.kind == "figure"]) == changed
