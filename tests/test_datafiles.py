"""The package's data files are read once and shared; a missing language file is None, not an error."""
from __future__ import annotations

from communique.datafiles import data_languages, language_data, load_data, read_data


def test_data_files_are_read_once_and_shared():
    assert load_data("plover.toml") is load_data("plover.toml")
    assert "CONSULT" in load_data("plover.toml")["types"]


def test_every_language_has_its_data_files():
    for topic in ("events", "dates", "quotes", "facts", "junk", "metadata", "actors"):
        assert data_languages(topic) == ("en", "es", "ru"), topic


def test_a_language_without_a_file_is_none():
    assert language_data("fi", "events") is None
    assert read_data("no-such-file.toml") is None and load_data("no-such-file.toml") == {}
