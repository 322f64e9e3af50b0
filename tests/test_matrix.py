import os

from parallax import analyse
from parallax.ingest import article_from_text
from parallax.matrix import candidate_pairs, coverage_matrix

UNRELATED = (
    "The orchestra opened its winter season with a symphony by Sibelius.\n"
    "Tickets for the concert hall sold out within an hour, the box office said.\n"
    "The conductor praised the violin section after a long rehearsal."
)


def test_matrix_reuses_analyses_and_skips_unrelated_pairs(nlp, seed_a, seed_b):
    concert = analyse(article_from_text(UNRELATED, "concert"), nlp=nlp)
    analyses = [seed_a, seed_b, concert]
    assert candidate_pairs(analyses) == {(0, 1)}
    m = coverage_matrix(analyses)
    assert [m[i][i] for i in range(3)] == [1.0, 1.0, 1.0]
    assert m[0][2] == m[2][0] == m[1][2] == m[2][1] == 0.0
    assert m[0][1] > 0.5 and m[1][0] > 0.5


def test_a_copy_covers_fully(seed_b):
    m = coverage_matrix([seed_b, seed_b])
    assert m == [[1.0, 1.0], [1.0, 1.0]]


def test_worker_processes_give_the_same_story(nlp, seed_a, seed_b, monkeypatch):
    from parallax import matrix

    concert = analyse(article_from_text(UNRELATED, "concert"), nlp=nlp)
    copy = analyse(article_from_text(seed_b.article.text.replace("four days", "five days"), "copy"), nlp=nlp)
    analyses = [seed_a, seed_b, concert, copy]
    serial = matrix.story_matrix(analyses)
    monkeypatch.setattr(matrix, "PARALLEL_FROM", 1)  # fork workers even for these six pairs
    forked = matrix.story_matrix(analyses, workers=2)
    assert forked == serial
    assert serial.families == [[0, 1, 3]] and serial.reuse[1][3] > 0.9


def _killed(pair):
    os._exit(9)  # as the kernel's out-of-memory killer would end a worker: no exception, no result


def test_a_worker_killed_mid_run_costs_time_not_the_story(nlp, seed_a, seed_b, monkeypatch):
    from parallax import matrix

    copy = analyse(article_from_text(seed_b.article.text.replace("four days", "five days"), "copy"), nlp=nlp)
    analyses = [seed_a, seed_b, copy]
    serial = matrix.story_matrix(analyses)
    monkeypatch.setattr(matrix, "PARALLEL_FROM", 1)
    monkeypatch.setattr(matrix, "_score_forked", _killed)
    assert matrix.story_matrix(analyses, workers=2) == serial
