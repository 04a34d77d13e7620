"""Exports: stable documented columns, CAMEO codes in the GDELT-style TSV, Parquet through pyarrow."""
from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from kb_fixtures import kaz_arg_articles

from communique.cli.kb import export_cli
from communique.events.cameo import cameo, cameo_code, cameo_codes, departures, event_cameo, plover_modes
from communique.kb.export import EXPORT_COLUMNS, GDELT_COLUMNS, export, to_text
from communique.kb.gdelt import GDELT2_COLUMNS, MENTION_COLUMNS
from communique.kb.queries import EVENT_COLUMNS, weight
from communique.kb.store import Store
from communique.records import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
CAMEO2PLOVER = ROOT.parent / "shared" / "data" / "plover" / "CAMEO2PLOVER-2021.txt"


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "kb.db") as opened:
        opened.write_batch(kaz_arg_articles())
        yield opened


def test_every_plover_type_and_mode_has_a_code_of_the_cameo_table():
    table = cameo_codes()
    assert set(plover_modes()) == set(EVENT_TYPES)
    codebook = tomllib.loads((ROOT / "src/communique/data/plover.toml").read_text(encoding="utf-8"))["types"]
    for event_type in EVENT_TYPES:
        modes = [None, *codebook[event_type].get("modes", {}), *plover_modes()[event_type]]
        for mode in modes:
            coded = event_cameo(event_type, mode)
            assert coded is not None and coded.code in table, (event_type, mode)
            assert re.fullmatch(r"\d{3,4}", coded.code) and coded.base == coded.code[:3]
            assert coded.root == coded.code[:2] and table[coded.code].goldstein == coded.goldstein
            assert coded.quad_class == (1 if coded.root <= "05" else 2 if coded.root <= "09"
                                        else 3 if coded.root <= "14" else 4)


def test_the_cameo_table_is_the_codebook_with_a_goldstein_value_per_code():
    table = cameo_codes()
    assert len(table) == 291 and all(-10 <= c.goldstein <= 10 for c in table.values())
    assert (cameo("046").name, cameo("046").goldstein) == ("Engage in negotiation", 7.0)
    assert (cameo("036").goldstein, cameo("064").name) == (4.0, "Share intelligence or information")
    for code in table:              # every code sits under its base and root
        assert code[:2] in ROOTS and code[:3] in table


ROOTS = {f"{n:02d}" for n in range(1, 21)}


@pytest.mark.parametrize("event_type, mode, code, quad_class, goldstein", [
    ("CONSULT", "phone", "041", 1, 1.0), ("CONSULT", "visit", "042", 1, 1.9), ("CONSULT", None, "040", 1, 1.0),
    ("CONSULT", "talks", "046", 1, 7.0), ("AGREE", "sign", "057", 1, 8.0), ("PROTEST", None, "140", 3, -6.5),
    ("ASSAULT", None, "180", 4, -9.0), ("REQUEST", "invitation", "036", 1, 4.0), ("REQUEST", None, "020", 1, 3.0),
    ("COOPERATE", "diplomatic", "054", 1, 6.0), ("SANCTION", "diplomatic", "161", 4, -4.0),
    ("CONSULT", "no-such-mode", "040", 1, 1.0),
])
def test_cameo_code_for_type_and_mode(event_type, mode, code, quad_class, goldstein):
    coded = event_cameo(event_type, mode)
    assert (cameo_code(event_type, mode), coded.quad_class, coded.goldstein) == (code, quad_class, goldstein)
    assert weight(event_type, mode) == goldstein


def test_an_invitation_is_cooperative_and_an_embassy_opening_is_not_intelligence_sharing():
    assert event_cameo("REQUEST", "invitation").quad_class == 1 and weight("REQUEST", "invitation") > 0
    assert cameo_code("COOPERATE", "diplomatic") != "064"


def test_every_mode_the_lexicons_write_has_its_own_code():
    from communique.lexicon import lexicon

    for language in ("en", "es", "ru"):
        lexicon_ = lexicon(language)
        for frames in [*lexicon_.verbs.values(), *lexicon_.nouns.values()]:
            for frame in frames:
                if frame.mode:
                    assert frame.mode in plover_modes()[frame.type], (language, frame.type, frame.mode)


def test_cameo_codes_agree_with_the_cameo2plover_table_or_say_why_not():
    if not CAMEO2PLOVER.exists():
        pytest.skip(f"{CAMEO2PLOVER} not available (development data beside the repository)")
    plover_of: dict[str, set[str]] = {}
    for line in CAMEO2PLOVER.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"(\d{3,4}): *([A-Z]+)", line):
            plover_of.setdefault(match.group(1), set()).add(match.group(2))
    disagreeing = set()
    for event_type, modes in plover_modes().items():
        for key, mode in [(event_type, None), *((f"{event_type}.{m}", m) for m in modes)]:
            if event_type not in plover_of.get(cameo_code(event_type, mode), set()):
                disagreeing.add(key)
    assert disagreeing == set(departures())         # every departure explained, and no explanation left over


def test_jsonl_carries_every_report(store):
    lines = [json.loads(line) for line in to_text(store, "jsonl").splitlines()]
    assert len(lines) == 5
    consult = next(line for line in lines if line["type"] == "CONSULT")
    assert (consult["num_articles"], consult["num_sources"], consult["cameo_code"]) == (3, 2, "046")
    assert {r["path"] for r in consult["reports"]} == {"kazinform.txt", "reprint.txt", "independent.txt"}
    assert all(r["evidence"] for r in consult["reports"])
    assert list(consult)[:4] == ["id", "date", "year", "type"]


def test_csv_has_the_documented_header_and_one_row_per_event(store):
    rows = list(csv.DictReader(io.StringIO(to_text(store, "csv"))))
    assert list(rows[0]) == EXPORT_COLUMNS
    assert EXPORT_COLUMNS[: len(EVENT_COLUMNS) - 1] == EVENT_COLUMNS[:-1]    # date_precision came later: at the end
    assert set(EVENT_COLUMNS) <= set(EXPORT_COLUMNS)
    consult = next(r for r in rows if r["type"] == "CONSULT")
    assert consult["outlets"] == "Kazinform | Diario Sur | Buenos Aires Herald"


def test_parquet_round_trips_with_stable_types(store, tmp_path):
    path = tmp_path / "events.parquet"
    with path.open("wb") as fh:
        assert export(store, "parquet", fh) == 5
    frame = pd.read_parquet(path)
    assert frame.columns.tolist() == EXPORT_COLUMNS
    assert str(frame["num_articles"].dtype) == "Int64" and frame["mutual"].dtype == bool
    assert sorted(frame["num_articles"].tolist()) == [1, 1, 1, 1, 3]


def test_plover_records_use_plover_field_names(store):
    records = [json.loads(line) for line in to_text(store, "plover").splitlines()]
    consult = next(r for r in records if r["event"] == "CONSULT" and r["date"] == "2023-08-22")
    assert [a["code"] for a in consult["source"]] == ["ARG"] and [a["code"] for a in consult["target"]] == ["KAZ"]
    assert (consult["date"], consult["mode"], consult["numSources"]) == ("2023-08-22", "talks", 2)
    assert consult["text"] and len(consult["evidence"]) == 3
    assert consult["context"] == ["diplomatic"] and consult["datePrecision"] == "day"
    assert all(set(r) == set(consult) for r in records)              # every key on every row, null when unknown
    assert all("mode" in r and isinstance(r["context"], list) for r in records)


def test_gdelt_tsv_has_58_columns_and_cameo_codes(store):
    lines = [line.split("\t") for line in to_text(store, "gdelt").splitlines()]
    assert len(lines) == 5 and all(len(line) == len(GDELT_COLUMNS) == 58 for line in lines)
    rows = [dict(zip(GDELT_COLUMNS, line)) for line in lines]
    consult = next(r for r in rows if r["EventRootCode"] == "04")
    assert (consult["EventCode"], consult["SQLDATE"], consult["Year"]) == ("046", "20230822", "2023")
    assert (consult["NumArticles"], consult["NumSources"], consult["QuadClass"]) == ("3", "2", "1")
    assert {consult["Actor1Code"], consult["Actor2Code"]} == {"ARG", "KAZ"}
    established = next(r for r in rows if r["Year"] == "1993")
    assert (established["SQLDATE"], established["MonthYear"]) == ("19930101", "199301")     # a real date, never 0000
    assert (established["EventCode"], established["EventRootCode"], established["GoldsteinScale"]) == (
        "054", "05", "6.0")


def test_docs_describe_every_export_column():
    docs = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")
    for column in EXPORT_COLUMNS + GDELT_COLUMNS + GDELT2_COLUMNS + MENTION_COLUMNS:
        assert f"`{column}`" in docs, column


def test_export_command_writes_files(store, tmp_path):
    runner = CliRunner()
    out = tmp_path / "events.tsv"
    result = runner.invoke(export_cli, ["--db", store.path, "--format", "gdelt", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5
    result = runner.invoke(export_cli, ["--db", store.path, "--format", "parquet"])
    assert result.exit_code == 2 and "-o" in result.output
