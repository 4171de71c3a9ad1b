"""The config file: defaults, typed sections, problems named by line, never a crash."""

from __future__ import annotations

import tomllib

import pytest

from tui.cli import main
from tui.config import Config, default_config_text, load_config
from tui.state import ReaderState, load_state, save_state


def write(tmp_path, text: str):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_defaults(tmp_path) -> None:
    config = load_config(tmp_path / "absent.toml")
    assert config.problems == []
    assert config.reader.mark_read_after == 2.0
    assert config.layout.breakpoint == 110


def test_values_are_read(tmp_path) -> None:
    path = write(
        tmp_path,
        '[reader]\ntheme = "textual-light"\nmark_read_after = 5\nlist_order = "oldest"\n'
        '[layout]\nside_panels = "overlay"\nbreakpoint = 130\n'
        '[library]\npath = "~/news.sqlite3"\n[feeds]\nrefresh_minutes = 30\n'
        '[keys]\nopen = "ctrl+o"\n',
    )
    config = load_config(path)
    assert config.problems == []
    assert (config.reader.theme, config.reader.mark_read_after) == ("textual-light", 5.0)
    assert config.reader.list_order == "oldest"
    assert (config.layout.side_panels, config.layout.breakpoint) == ("overlay", 130)
    assert config.library.path == "~/news.sqlite3"
    assert config.feeds.refresh_minutes == 30
    assert config.keys == {"open": "ctrl+o"}


def test_syntax_error_names_the_line_and_keeps_defaults(tmp_path) -> None:
    path = write(tmp_path, '[reader]\ntheme = "x"\nbreakpoint = \n')
    config = load_config(path)
    assert len(config.problems) == 1
    assert "line 3" in config.problems[0]
    assert config.reader.theme == Config().reader.theme


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[layout]\n\nbreakpoint = "wide"\n', 3, "whole number"),
        ('[reader]\nlist_order = "random"\n', 2, "one of newest"),
        ("[reader]\nmark_read_after = -1\n", 2, ">= 0"),
        ("[reader]\ncolour = 1\n", 2, "unknown option reader.colour"),
        ("[colours]\na = 1\n", 1, "unknown section [colours]"),
        ("[keys]\nopen = 3\n", 2, "keys.open"),
    ],
)
def test_bad_values_are_named_by_line_and_defaulted(tmp_path, text, line, words) -> None:
    config = load_config(write(tmp_path, text))
    assert len(config.problems) == 1, config.problems
    assert f"line {line}" in config.problems[0]
    assert words in config.problems[0]
    assert config.layout.breakpoint == 110
    assert config.reader.list_order == "newest"


def test_default_text_is_valid_toml_and_loads_to_defaults(tmp_path) -> None:
    text = default_config_text()
    tomllib.loads(text)
    config = load_config(write(tmp_path, text))
    assert config.problems == []
    assert config.reader == Config().reader
    assert config.layout == Config().layout


def test_cli_config_reports_problems_and_init_writes_once(tmp_path, monkeypatch, capsys) -> None:
    path = tmp_path / "sub" / "config.toml"
    monkeypatch.setenv("NEWSREADER_CONFIG", str(path))
    assert main(["config", "--init"]) == 0
    assert load_config(path).problems == []
    assert main(["config", "--init"]) == 1  # never over an existing file
    path.write_text("[reader]\nlist_order = 3\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["config"]) == 1
    err = capsys.readouterr().err
    assert "line 2" in err and "reader.list_order" in err


def test_help_names_the_config_path(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("NEWSREADER_CONFIG", str(tmp_path / "c.toml"))
    with pytest.raises(SystemExit):
        main(["--help"])
    assert str(tmp_path / "c.toml") in capsys.readouterr().out


def test_state_round_trip_and_damaged_file(tmp_path) -> None:
    path = tmp_path / "state" / "state.json"
    state = ReaderState(theme="nord", open_tabs=["a", "b"], active_article="b")
    assert save_state(state, path)
    assert load_state(path) == state
    path.write_text("{not json", encoding="utf-8")
    assert load_state(path) == ReaderState()
    path.write_text('{"theme": 3, "open_tabs": ["x", 4]}', encoding="utf-8")
    assert load_state(path) == ReaderState(open_tabs=["x"])
