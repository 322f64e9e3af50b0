from parallax.boilerplate import find_boilerplate
from parallax.segment import is_mostly_latin, segment, segment_rule_based


def test_offsets_are_exact_and_ordered(seed_b):
    text = seed_b.article.text
    previous_end = 0
    for s in seed_b.sentences:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= previous_end
        assert text[s.start : s.end] == text[s.start : s.end].strip()
        for w in s.words:
            assert s.start <= w.start < w.end <= s.end
        previous_end = s.end
    assert len(seed_b.sentences) == 15


def test_a_line_break_always_ends_a_sentence(nlp):
    text = "Talks resumed in Moscow\nWang Yi met Lavrov on Monday and they spoke for hours"
    parsed = segment(text, nlp, ())
    assert [text[s.start : s.end] for s in parsed.sentences] == [
        "Talks resumed in Moscow",
        "Wang Yi met Lavrov on Monday and they spoke for hours",
    ]


def test_headline_byline_dateline_and_caption_are_told_apart(nlp):
    text = (
        "China's top diplomat arrives in Moscow\n"
        "By Jane Doe and John Roe\n"
        "MOSCOW (Reuters) - Wang Yi arrived in Moscow on Monday. He will meet Sergei Lavrov.\n"
        "Caption: Wang Yi at the airport.\n"
        "Photo: AFP"
    )
    parsed = segment(text, nlp, find_boilerplate(text))
    kinds = [(s.kind, text[s.start : s.end]) for s in parsed.sentences]
    assert kinds == [
        ("headline", "China's top diplomat arrives in Moscow"),
        ("byline", "By Jane Doe and John Roe"),
        ("dateline", "MOSCOW (Reuters)"),
        ("sentence", "Wang Yi arrived in Moscow on Monday."),
        ("sentence", "He will meet Sergei Lavrov."),
        ("caption", "Caption: Wang Yi at the airport."),
        ("boilerplate", "Photo: AFP"),
    ]


def test_non_latin_scripts_get_rule_based_sentences():
    text = "王毅抵达莫斯科。他将会见拉夫罗夫。\nВан И прибыл в Москву. Он встретится с Лавровым."
    assert not is_mostly_latin(text)
    parsed = segment_rule_based(text, ())
    assert [text[s.start : s.end] for s in parsed.sentences] == [
        "王毅抵达莫斯科。",
        "他将会见拉夫罗夫。",
        "Ван И прибыл в Москву.",
        "Он встретится с Лавровым.",
    ]
    assert all(s.words for s in parsed.sentences)
