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
from communique.kb.export import EXPORT_COLUMNS, GDELT_COLUMNS, cameo_code, export, to_text
from communique.kb.queries import EVENT_COLUMNS, plover_weights
from communique.kb.store import Store
from communique.records import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
CAMEO2PLOVER = ROOT.parent / "shared" / "data" / "plover" / "CAMEO2PLOVER-2021.txt"


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "kb.db") as opened:
        opened.write_batch(kaz_arg_articles())
        yield opened


def test_every_plover_type_has_a_weight_a_cameo_root_and_a_quad_class():
    weights = plover_weights()
    assert set(weights) == set(EVENT_TYPES)
    for info in weights.values():
        assert -10 <= info["weight"] <= 10 and re.fullmatch(r"\d\d", info["cameo_root"])
        assert info["quad_class"] in (1, 2, 3, 4)
        assert (info["weight"] > 0) == (info["quad_class"] in (1, 2))
        for code in info.get("mode_codes", {}).values():
            assert re.fullmatch(r"\d{3,4}", code)


def test_cameo_roots_agree_with_the_plover_codebook():
    codebook = tomllib.loads((ROOT / "src/communique/data/plover.toml").read_text(encoding="utf-8"))["types"]
    for event_type, info in plover_weights().items():
        assert info["cameo_root"] in codebook[event_type]["cameo_roots"], event_type


def test_cameo_roots_agree_with_the_cameo2plover_table():
    if not CAMEO2PLOVER.exists():
        pytest.skip(f"{CAMEO2PLOVER} not available (development data beside the repository)")
    roots: dict[str, set[str]] = {}
    for line in CAMEO2PLOVER.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"(\d\d): (\w+)", line):
            roots.setdefault(match.group(2), set()).add(match.group(1))
    for event_type, info in plover_weights().items():
        assert info["cameo_root"] in roots[event_type], event_type


@pytest.mark.parametrize("event_type, mode, code", [
    ("CONSULT", "phone", "041"), ("CONSULT", "visit", "042"), ("CONSULT", None, "04"), ("PROTEST", None, "14"),
    ("AGREE", "sign", "057"), ("ASSAULT", None, "18"),
])
def test_cameo_code_for_type_and_mode(event_type, mode, code):
    assert cameo_code(event_type, mode) == code


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
    assert EXPORT_COLUMNS[: len(EVENT_COLUMNS)] == EVENT_COLUMNS
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
    consult = next(r for r in records if r["event"] == "CONSULT")
    assert consult["source"] == [{"code": "ARG"}] and consult["target"] == [{"code": "KAZ"}]
    assert (consult["date"], consult["mode"], consult["numSources"]) == ("2023-08-22", "talks", 2)
    assert consult["text"] and len(consult["evidence"]) == 3


def test_gdelt_tsv_has_58_columns_and_cameo_codes(store):
    lines = [line.split("\t") for line in to_text(store, "gdelt").splitlines()]
    assert len(lines) == 5 and all(len(line) == len(GDELT_COLUMNS) == 58 for line in lines)
    rows = [dict(zip(GDELT_COLUMNS, line)) for line in lines]
    consult = next(r for r in rows if r["EventRootCode"] == "04")
    assert (consult["EventCode"], consult["SQLDATE"], consult["Year"]) == ("046", "20230822", "2023")
    assert (consult["NumArticles"], consult["NumSources"], consult["QuadClass"]) == ("3", "2", "1")
    assert {consult["Actor1Code"], consult["Actor2Code"]} == {"ARG", "KAZ"}
    established = next(r for r in rows if r["SQLDATE"] == "19930000")
    assert (established["EventRootCode"], established["GoldsteinScale"]) == ("06", "6.0")


def test_docs_describe_every_export_column():
    docs = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")
    for column in EXPORT_COLUMNS + GDELT_COLUMNS:
        assert f"`{column}`" in docs, column


def test_export_command_writes_files(store, tmp_path):
    runner = CliRunner()
    out = tmp_path / "events.tsv"
    result = runner.invoke(export_cli, ["--db", store.path, "--format", "gdelt", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5
    result = runner.invoke(export_cli, ["--db", store.path, "--format", "parquet"])
    assert result.exit_code == 2 and "-o" in result.output
