import pytest

from parallax.options import DEFAULT_OPTIONS, load_options


def test_defaults_come_from_the_packaged_file():
    assert DEFAULT_OPTIONS.link_threshold == 0.38
    assert DEFAULT_OPTIONS.model_names[0] == "en_core_web_sm"  # the official pipeline is preferred


def test_a_user_file_overrides_only_its_keys(tmp_path):
    user = tmp_path / "mine.toml"
    user.write_text("[align]\nlink_threshold = 0.5\n", encoding="utf-8")
    options = load_options(user)
    assert options.link_threshold == 0.5
    assert options.paraphrase_threshold == DEFAULT_OPTIONS.paraphrase_threshold


def test_unknown_keys_are_refused(tmp_path):
    user = tmp_path / "bad.toml"
    user.write_text("[align]\nlink_treshold = 0.5\n", encoding="utf-8")
    with pytest.raises(ValueError, match="link_treshold"):
        load_options(user)
