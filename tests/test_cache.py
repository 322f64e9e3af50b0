from parallax.cache import AnalysisCache, cache_key
from parallax.ingest import article_from_text
from parallax.options import DEFAULT_OPTIONS


def test_round_trip_and_keys(tmp_path, seed_a):
    cache = AnalysisCache.usable(tmp_path / "c")
    key = cache_key(seed_a.article, seed_a.pipeline, DEFAULT_OPTIONS)
    assert cache.get(key) is None
    cache.put(key, seed_a)
    assert cache.get(key) == seed_a
    other = article_from_text(seed_a.article.text + " More.", seed_a.article.id)
    assert cache_key(other, seed_a.pipeline, DEFAULT_OPTIONS) != key
    assert cache_key(seed_a.article, "another-pipeline", DEFAULT_OPTIONS) != key


def test_damaged_entries_are_misses(tmp_path, seed_a):
    cache = AnalysisCache(tmp_path)
    key = cache_key(seed_a.article, seed_a.pipeline, DEFAULT_OPTIONS)
    cache.put(key, seed_a)
    next(tmp_path.rglob("*.pickle")).write_bytes(b"not a pickle")
    assert cache.get(key) is None


def test_unwritable_folder_gives_no_cache(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert AnalysisCache.usable(blocker / "sub") is None
