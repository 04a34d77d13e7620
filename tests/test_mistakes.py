"""Everyday mistakes are answered clearly: a usage error naming the nearest valid values (exit 2, HTTP 422), or one
line saying what is wrong; never an empty answer that looks like "nothing happened", never a traceback."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import click
import httpx
import pandas as pd
import pytest
from click.testing import CliRunner
from web_fixtures import demo_store_path, live_server

from communique import kb
from communique.cli import cli
from communique.errors import CommuniqueError, ConfigError
from communique.kb import dask_engine
from communique.kb.filters import FilterError
from communique.settings import Settings

FIXTURES = (demo_store_path,)
README = Path(__file__).resolve().parents[1] / "README.md"


def invoke(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin)


def assert_usage_error(result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and not isinstance(result.exception, (AttributeError, TypeError))
    for word in words:
        assert word in result.output, result.output


def assert_one_line_error(result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    for word in words:
        assert word in lines[0], lines[0]


# -- filters: codes in any case, names in en/es/ru, typos named ---------------------------------------------------------

@pytest.mark.parametrize(("args", "words"), [
    (("events", "--between", "KAZ", "ARGG"), ("unknown actor 'ARGG'", "did you mean ARG")),
    (("events", "--type", "CONSUL"), ("unknown event type 'CONSUL'", "did you mean CONSULT")),
    (("events", "--actor", "Atlantis"), ("unknown actor 'Atlantis'",)),
    (("relations", "Kazakstann"), ("unknown country 'Kazakstann'", "did you mean KAZ (Kazakhstan)")),
    (("profile", "KAZ", "XYZ"), ("unknown actor 'XYZ'",)),
    (("export", "--type", "CONSUL"), ("did you mean CONSULT",)),
    (("events", "--status", "plannd"), ("plannd",)),
])
def test_unknown_filters_are_usage_errors_naming_the_nearest(demo_store_path, args, words):
    assert_usage_error(invoke(*args, "--db", str(demo_store_path)), *words)


def test_codes_in_any_case_and_names_in_any_language_find_the_same(demo_store_path):
    db = ["--db", str(demo_store_path), "--format", "csv"]
    upper = invoke("events", "--between", "KAZ", "ARG", *db)
    assert upper.exit_code == 0 and len(upper.output.splitlines()) > 2
    for spelling in (("kaz", "arg"), ("Kazakhstan", "Argentina"), ("Kazajistán", "argentina"), ("Казахстан", "ARG")):
        assert invoke("events", "--between", *spelling, *db).output == upper.output, spelling
    relations = invoke("relations", "KAZ", *db).output
    for name in ("Kazakhstan", "Kazajistán", "Казахстан", "kaz"):
        assert invoke("relations", name, *db).output == relations
    assert invoke("events", "--type", "consult", *db).output == invoke("events", "--type", "CONSULT", *db).output
    assert invoke("events", "--status", "PLANNED", *db).exit_code == 0


def test_the_python_api_resolves_the_same_and_takes_a_path(demo_store_path):
    by_path = kb.events(str(demo_store_path), types="CONSULT", between=("kaz", "Argentina"))
    with kb.Store.open(demo_store_path) as store:
        by_store = kb.events(store, types=["consult"], between=("KAZ", "ARG"))
        assert len(by_store) and by_store["type"].eq("CONSULT").all()
        pd.testing.assert_frame_equal(by_path, by_store)
        assert kb.events(store, types="CONSULT,AGREE")["type"].isin(["CONSULT", "AGREE"]).all()
        assert list(kb.relations(store, "Казахстан")["partner"]) == list(kb.relations(store, "KAZ")["partner"])
        for bad, words in (({"types": "CONSULT"[:-1]}, "did you mean CONSULT"),
                           ({"between": ("KAZ", "ARGG")}, "did you mean ARG"),
                           ({"statuses": "plannd"}, "did you mean planned")):
            with pytest.raises(FilterError, match=words):
                kb.events(store, **bad)
    with pytest.raises(CommuniqueError, match="no store at"):
        kb.events(str(demo_store_path.with_name("missing.db")))
    assert not demo_store_path.with_name("missing.db").exists()          # a typo never creates an empty store


def test_the_api_answers_unknown_filters_with_422_and_the_message(demo_store_path):
    with live_server(demo_store_path) as base, httpx.Client(base_url=base, timeout=60) as api:
        for path, params, words in (
                ("/api/events", {"between": "KAZ,ARGG"}, "did you mean ARG"),
                ("/api/events", {"type": "CONSUL"}, "did you mean CONSULT"),
                ("/api/events", {"actor": "Atlantis"}, "unknown actor"),
                ("/api/export", {"type": "CONSUL"}, "did you mean CONSULT"),
                ("/api/countries/ARGG", {}, "did you mean ARG")):
            answer = api.get(path, params=params)
            assert answer.status_code == 422, (path, answer.text)
            assert words in answer.json()["error"]["message"]
        same = api.get("/api/events", params={"between": "kaz,Argentina", "type": "consult"}).json()
        assert same["total"] == api.get("/api/events", params={"between": "KAZ,ARG", "type": "CONSULT"}).json()["total"]
        assert same["total"] > 0
        assert api.get("/api/countries/kaz").json()["code"] == "KAZ"


# -- settings -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("toml", "words"), [
    ('[stage_options.dates]\nundated_precision = "weeks"\n', ("undated_precision", "'day', 'month', 'year'")),
    ("[stage_options.events]\nmin_confidnce = 0.3\n", ("no such option", "did you mean min_confidence")),
    ("[stage_options.evnts]\nmin_confidence = 0.3\n", ("no such stage", "did you mean events")),
    ("[stage_options.events]\nmin_confidence = 2\n", ("from 0 to 1",)),
    ("bach_size = 3\n", ("unknown setting 'bach_size'", "did you mean batch_size")),
])
def test_bad_settings_are_refused_when_they_load_in_plain_words(tmp_path, toml, words):
    config = tmp_path / "communique.toml"
    config.write_text(toml, encoding="utf-8")
    result = invoke("--config", str(config), "settings")
    assert_one_line_error(result, *words)
    assert "pydantic" not in result.output and "Value error" not in result.output
    with pytest.raises(ConfigError):
        Settings.load(config)


def test_a_plugin_stage_in_the_pipeline_keeps_its_own_options():
    pipeline = (*Settings().pipeline, "my_plugin")
    assert Settings(pipeline=pipeline, stage_options={"my_plugin": {"anything": 1}}).options("my_plugin") == {"anything": 1}


def test_an_unsupported_language_is_refused_and_a_forced_one_warns(tmp_path):
    article = tmp_path / "en.txt"
    article.write_text("ASTANA, May 14 (Kazinform) – Kazakh Foreign Minister Murat Nurtleu held talks with his "
                       "Brazilian counterpart Mauro Vieira in Brasilia on Tuesday. The ministers signed a memorandum "
                       "on political consultations and agreed to open an embassy office next year.\n", encoding="utf-8")
    assert_one_line_error(invoke("--language", "de", "extract", str(article)), "'de' is not supported", "en, es, ru")
    result = invoke("--language", "es", "extract", str(article))
    assert result.exit_code == 0
    assert "the text reads as en, not es" in result.stdout


# -- stores, servers, scripts -------------------------------------------------------------------------------------------

def test_stores_that_cannot_be_opened_are_one_line(demo_store_path):
    assert_one_line_error(invoke("events", "--db", str(README)), "README.md is not a Communiqué store")
    assert_one_line_error(invoke("summary", "--db", str(README)), "not a Communiqué store")
    assert_one_line_error(invoke("ingest", str(README), "--db", str(README)), "not a Communiqué store")
    assert_one_line_error(invoke("events", "--db", "postgresql://nobody@127.0.0.1:1/none"),
                          "cannot connect to the store postgresql://nobody@127.0.0.1:1/none")
    assert_one_line_error(invoke("events", "--db", str(demo_store_path.with_name("missing.db"))), "no store at")
    url = invoke("events", "--db", f"sqlite:///{demo_store_path}", "--format", "csv")
    assert url.exit_code == 0 and url.output == invoke("events", "--db", str(demo_store_path), "--format", "csv").output


def test_no_traceback_from_the_real_command(tmp_path):
    for args in (["events", "--db", str(README)], ["events", "--db", "postgresql://nobody@127.0.0.1:1/none"]):
        proc = subprocess.run([sys.executable, "-m", "communique", *args], capture_output=True, text=True,
                              timeout=120)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and proc.stderr.startswith("error: ")


def test_an_unreachable_dask_scheduler_is_one_line(tmp_path, monkeypatch):
    pytest.importorskip("dask.distributed")
    monkeypatch.setattr(dask_engine, "SCHEDULER_TIMEOUT", 2)
    (tmp_path / "a.txt").write_text("Kazakhstan and Argentina held talks in Astana.", encoding="utf-8")
    result = invoke("ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "kb.db"), "--engine", "dask",
                    "--scheduler", "tcp://127.0.0.1:1")
    assert_one_line_error(result, "cannot reach the Dask scheduler tcp://127.0.0.1:1")


def test_a_script_with_workers_and_no_main_guard_gets_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text("Kazakhstan and Argentina held talks in Astana.", encoding="utf-8")
    script = tmp_path / "unguarded.py"
    script.write_text(textwrap.dedent(f"""
        import communique
        settings = communique.Settings(workers=2)
        for article in communique.process_paths([{str(tmp_path / 'a.txt')!r}], settings=settings):
            print(article.path)
    """), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode != 0
    assert 'if __name__ == "__main__":' in proc.stderr.splitlines()[-1]


# -- export --------------------------------------------------------------------------------------------------------------

def test_export_infers_the_format_from_the_suffix_and_takes_the_events_filters(demo_store_path, tmp_path):
    db = ["--db", str(demo_store_path)]
    out = tmp_path / "x.parquet"
    result = invoke("export", *db, "-o", str(out))
    assert result.exit_code == 0 and "as parquet" in result.output
    assert len(pd.read_parquet(out)) == len(kb.events(str(demo_store_path)))
    csv_out = tmp_path / "x.csv"
    assert invoke("export", *db, "-o", str(csv_out)).exit_code == 0
    assert csv_out.read_text(encoding="utf-8").startswith("id,")
    assert_usage_error(invoke("export", *db, "-o", str(tmp_path / "x.unknown")), "cannot tell the export format")
    filtered = invoke("export", *db, "--until", "2024", "--actor", "rus", "--status", "planned", "--format", "csv")
    frame = pd.read_csv(__import__("io").StringIO(filtered.stdout), dtype=str)
    expected = kb.events(str(demo_store_path), until=2024, actor="RUS", statuses="planned")
    assert len(frame) == len(expected) > 0
    assert set(frame["status"]) == {"planned"} and frame["year"].astype(int).le(2024).all()


# -- help ----------------------------------------------------------------------------------------------------------------

def commands(group: click.Group, path: tuple[str, ...] = ("communique",)):
    yield path, group
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))
        else:
            yield (*path, name), command


def test_every_command_and_option_has_help():
    missing = []
    for path, command in commands(cli):
        if not (command.help or "").strip():
            missing.append(" ".join(path))
        missing += [f"{' '.join(path)} {param.opts[0]}" for param in command.params
                    if isinstance(param, click.Option) and not param.hidden and not (param.help or "").strip()]
    assert not missing, f"no help text: {missing}"
