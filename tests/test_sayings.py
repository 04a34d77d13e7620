"""Quotes and facts reachable like events: kb queries, exports (jsonl, csv, typed Parquet), the CLI, the HTTP API
and the dashboard's bilateral profile."""
from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from kb_fixtures import kaz_arg_articles, make_article

from communique import kb
from communique.cli.kb import export_cli
from communique.kb.sayings import FACT_COLUMNS, QUOTE_COLUMNS, export_sayings, parquet_schema
from communique.kb.store import Store
from communique.records import Quote
from communique.web import create_app

SAID = "Argentina is a strategic partner of Kazakhstan in Latin America"
FORMULA_QUOTE = "=cmd|' /C calc'!A0 is what they wrote"


def quoted_articles():
    articles = kaz_arg_articles()
    dispatch = articles[0]                              # Roman Vassilenko (p1, KAZ) and Pablo Tettamanti (p2, ARG)
    dispatch.text += f" “{SAID},” Vassilenko said."
    start = dispatch.text.index(SAID)
    dispatch.quotes.append(Quote(SAID, start, start + len(SAID), speaker="p1"))
    other = make_article("russia.txt", ["Kazakhstan and Russia held talks in Moscow."],
                         [{"type": "CONSULT", "source": "KAZ", "target": "RUS", "sentence": 0, "mode": "talks",
                           "date": "2024-02-02"}],
                         people=[{"name": "Murat Nurtleu", "country": "KAZ", "role": "foreign minister"}],
                         published="2024-02-02", outlet="@Tass")
    other.text += f" “{FORMULA_QUOTE}” Murat Nurtleu said."
    start = other.text.index(FORMULA_QUOTE)
    other.quotes.append(Quote(FORMULA_QUOTE, start, start + len(FORMULA_QUOTE), speaker="p1"))
    return [*articles, other]


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "kb.db") as opened:
        opened.write_batch(quoted_articles())
        yield opened


def test_quotes_and_facts_are_queries_like_events(store):
    quotes = kb.quotes(store, between=("kaz", "Argentina"))             # codes in any case, names
    assert quotes.columns.tolist() == QUOTE_COLUMNS and len(quotes) == 1
    quote = quotes.iloc[0]
    assert (quote["speaker"], quote["speaker_role"], quote["speaker_country"], quote["text"]) == (
        "Roman Vassilenko", "deputy foreign minister", "KAZ", SAID)
    assert (quote["date"], quote["date_precision"], quote["year"]) == ("2023-08-24", "day", 2023)
    assert len(kb.quotes(store, country="KAZ")) == 2 and len(kb.quotes(store, country="ARG")) == 0
    assert len(kb.quotes(store, country="KAZ", since=2024)) == 1 and len(kb.quotes(store, speaker="nurtleu")) == 1
    facts = kb.facts(store, between=("ARG", "KAZ"))
    assert facts.columns.tolist() == FACT_COLUMNS and len(facts) == 1
    fact = facts.iloc[0]
    assert (fact["type"], fact["value"], fact["unit"], fact["period"], fact["date_precision"]) == (
        "TRADE_TURNOVER", 64.7e6, "USD", "2023", "year")
    assert kb.facts(store, between=("KAZ", "RUS")).empty and len(kb.facts(store, types=["trade_turnover"])) == 1
    assert len(kb.facts(store.path, country="KAZ", until=2022)) == 0        # a path is accepted too


def test_quote_and_fact_exports_load_with_their_types(store, tmp_path):
    for what in ("quotes", "facts"):
        for fmt in ("jsonl", "csv", "parquet"):
            path = tmp_path / f"{what}.{fmt}"
            with path.open("wb" if fmt == "parquet" else "w", **({} if fmt == "parquet" else
                                                                 {"encoding": "utf-8", "newline": ""})) as fh:
                n = export_sayings(store, what, fmt, fh)
            frame = (pd.read_parquet(path) if fmt == "parquet" else
                     pd.read_csv(path, dtype=str, keep_default_na=False) if fmt == "csv" else
                     pd.read_json(path, lines=True, dtype=False))
            assert len(frame) == n == (2 if what == "quotes" else 1)
            dates = frame["date"] if what == "quotes" else frame["period"]
            assert all(isinstance(d, str) for d in dates)                # "2023" stays the string "2023"
            if fmt == "parquet":
                assert pq.read_schema(path).equals(parquet_schema(what), check_metadata=False)
    empty = tmp_path / "empty.parquet"
    with empty.open("wb") as fh:
        assert export_sayings(store, "facts", "parquet", fh, between=("KAZ", "RUS")) == 0
    assert pq.read_schema(empty).equals(pq.read_schema(tmp_path / "facts.parquet"))
    assert pq.read_table(empty).num_rows == 0


def test_quote_csv_neutralises_formulas(store):
    out = io.StringIO()
    export_sayings(store, "quotes", "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    formula = next(r for r in rows if "calc" in r["text"])
    assert formula["text"] == "'" + FORMULA_QUOTE and formula["outlet"] == "'@Tass"
    raw = io.StringIO()
    export_sayings(store, "quotes", "csv", raw, csv_guard=False)
    assert next(r for r in csv.DictReader(io.StringIO(raw.getvalue())) if "calc" in r["text"])["text"] == FORMULA_QUOTE


def test_export_command_writes_quotes_and_facts(store, tmp_path):
    runner = CliRunner()
    out = tmp_path / "quotes.jsonl"
    result = runner.invoke(export_cli, ["--db", store.path, "--what", "quotes", "--between", "KAZ", "arg",
                                        "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()] == [SAID]
    facts = tmp_path / "facts.parquet"
    result = runner.invoke(export_cli, ["--db", store.path, "--what", "facts", "-o", str(facts)])
    assert result.exit_code == 0 and pd.read_parquet(facts)["unit"].tolist() == ["USD"]
    result = runner.invoke(export_cli, ["--db", store.path, "--what", "facts", "--format", "gdelt2"])
    assert result.exit_code == 2 and "jsonl, csv, parquet" in result.output


def test_quotes_and_facts_over_http_and_on_the_profile_page(store):
    app = create_app(str(store.path))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        page = client.get("/api/quotes", params={"between": "KAZ,ARG"}).json()
        assert page["total"] == 1 and page["items"][0]["speaker"] == "Roman Vassilenko"
        facts = client.get("/api/facts", params={"between": "kaz,Argentina", "type": "TRADE_TURNOVER"}).json()
        assert facts["total"] == 1 and facts["items"][0]["value"] == 64.7e6
        download = client.get("/api/quotes", params={"country": "KAZ", "format": "csv"})
        assert download.headers["content-type"].startswith("text/csv") and "attachment" in download.headers[
            "content-disposition"]
        assert len(list(csv.DictReader(io.StringIO(download.text)))) == 2 and "'=cmd" in download.text
        assert client.get("/api/quotes", params={"between": "KAZ,ARGG"}).status_code == 422
        html = client.get("/profiles/KAZ/ARG").text
        assert 'data-list="quotes"' in html and 'data-list="facts"' in html and "/api/facts?between=" in html
