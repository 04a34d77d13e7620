"""Exports as a researcher loads them: GDELT 2.0 events and mentions, dates with their precision, geography, types
that survive pandas and pyarrow as documented, typed empty Parquet, CSV cells that spreadsheets do not run."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from kb_fixtures import kaz_arg_articles, make_article

from communique.cli.kb import export_cli
from communique.events.cameo import cameo, cameo_codes
from communique.kb.export import EXPORT_COLUMNS, export, parquet_schema, to_text
from communique.kb.gdelt import GDELT1_COLUMNS, GDELT2_COLUMNS, MENTION_COLUMNS
from communique.kb.store import Store

ROOT = Path(__file__).resolve().parents[1]

INVITATION = "Tokayev invited the President of Brazil to visit Astana next year."
PLANNED_VISIT = "The Argentine foreign minister will visit Astana in October."
HYPOTHETICAL = "Kazakhstan would impose sanctions on Argentina if the dispute grows."   # a threat made on a condition
FORMULA = "=HYPERLINK(\"http://evil.example/\",\"click\") Kazakhstan and Argentina held talks."

#: the first column names of GDELT 2.0's event and mentions tables, in GDELT's order
GDELT2_START = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name"]
GDELT2_GEO = ["ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
              "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"]


def more_articles():
    """Events the sample pair lacks: an invitation (KAZ -> BRA), a planned event and a hypothetical one (a threat
    made on a condition: the one hypothetical act the store keeps, see test_events_unasserted.py), an event
    whose sentence and title start with a spreadsheet formula, and organisations as actors."""
    return [
        make_article("invite.txt", [INVITATION, PLANNED_VISIT, HYPOTHETICAL],
                     [{"type": "REQUEST", "source": "KAZ", "target": "BRA", "sentence": 0, "mode": "invitation",
                       "date": "2024-06-03"},
                      {"type": "CONSULT", "source": "ARG", "target": "KAZ", "sentence": 1, "mode": "visit",
                       "status": "planned", "date": "2024-10", "location": ("Astana", "KAZ")},
                      {"type": "THREATEN", "source": "KAZ", "target": "ARG", "sentence": 2,
                       "status": "hypothetical"}],
                     outlet="Kazinform", published="2024-06-03"),
        make_article("formula.txt", [FORMULA, "Kazakhstan joined the statement of the European Union."],
                     [{"type": "CONSULT", "source": "KAZ", "target": "ARG", "sentence": 0, "mode": "talks",
                       "date": "2022"},
                      {"type": "SUPPORT", "source": "KAZ", "target": "EU", "sentence": 1, "date": "2022-03"}],
                     outlet="+Plus News", published="2022-03-04"),
    ]


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "kb.db") as opened:
        opened.write_batch(kaz_arg_articles() + more_articles())
        yield opened


def tsv(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines()]


def test_gdelt2_has_61_columns_with_gdelts_names_and_consistent_cameo_codes(store):
    assert len(GDELT2_COLUMNS) == 61 and len(GDELT1_COLUMNS) == 58
    assert GDELT2_COLUMNS[:7] == GDELT2_START and GDELT2_COLUMNS[-10:] == GDELT2_GEO
    lines = tsv(to_text(store, "gdelt2"))
    assert lines and all(len(line) == 61 for line in lines)
    table = cameo_codes()
    for row in (dict(zip(GDELT2_COLUMNS, line)) for line in lines):
        code = table[row["EventCode"]]             # every row's code is in the table, and the rest follows from it
        assert row["EventBaseCode"] == code.code[:3] and row["EventRootCode"] == code.code[:2]
        assert len(row["EventRootCode"]) == 2 and row["EventBaseCode"] in table
        assert int(row["QuadClass"]) == code.quad_class and float(row["GoldsteinScale"]) == code.goldstein
        day = date(int(row["SQLDATE"][:4]), int(row["SQLDATE"][4:6]), int(row["SQLDATE"][6:]))  # a real date
        assert row["MonthYear"] == row["SQLDATE"][:6] and row["Year"] == row["SQLDATE"][:4]
        assert abs(float(row["FractionDate"]) - (day.year + (day.timetuple().tm_yday - 1) / 365)) < 1e-3
        assert len(row["DATEADDED"]) == 14 and row["DATEADDED"].isdigit()
        assert row["SOURCEURL"] and int(row["GLOBALEVENTID"]) > 0


def test_an_invitation_is_cooperative_in_gdelt2(store):
    rows = [dict(zip(GDELT2_COLUMNS, line)) for line in tsv(to_text(store, "gdelt2"))]
    invitation = next(r for r in rows if r["Actor2Code"] == "BRA")
    assert (invitation["EventCode"], invitation["QuadClass"]) == ("036", "1")
    assert float(invitation["GoldsteinScale"]) == cameo("036").goldstein > 0


def test_partial_dates_are_first_days_and_the_precision_is_a_column(store):
    rows = [dict(zip(GDELT2_COLUMNS, line)) for line in tsv(to_text(store, "gdelt2"))]
    assert not any(r["SQLDATE"].endswith("00") for r in rows)
    assert {"20220101", "20230801", "19930101"} <= {r["SQLDATE"] for r in rows}
    events = [json.loads(line) for line in to_text(store, "jsonl").splitlines()]
    precision = {(e["date"], e["date_precision"], e["date_start"]) for e in events}
    assert {("2022", "year", "2022-01-01"), ("2023-08", "month", "2023-08-01"),
            ("2023-08-22", "day", "2023-08-22")} <= precision
    undated = next(e for e in events if e["status"] == "hypothetical")
    assert (undated["date"], undated["date_precision"], undated["date_start"]) == (None, None, None)


def test_planned_events_are_flagged_and_left_out_of_gdelt_files_unless_asked(store):
    events = [json.loads(line) for line in to_text(store, "jsonl").splitlines()]
    assert {e["status"] for e in events} >= {"planned", "hypothetical"}
    assert len(tsv(to_text(store, "gdelt2"))) == len(events) - 2
    assert len(tsv(to_text(store, "gdelt1"))) == len(events) - 2
    with_planned = tsv(to_text(store, "gdelt2", include_planned=True))
    assert len(with_planned) == len(events) - 1                     # hypothetical events never
    mentions = [dict(zip(MENTION_COLUMNS, line)) for line in tsv(to_text(store, "gdelt2-mentions",
                                                                           include_planned=True))]
    assert [m["Extras"] for m in mentions].count("<STATUS>planned</STATUS>") == 1


def test_gdelt2_mentions_one_row_per_report_with_16_columns(store):
    events = {dict(zip(GDELT2_COLUMNS, line))["GLOBALEVENTID"]: dict(zip(GDELT2_COLUMNS, line))
              for line in tsv(to_text(store, "gdelt2"))}
    lines = tsv(to_text(store, "gdelt2-mentions"))
    assert len(MENTION_COLUMNS) == 16 and all(len(line) == 16 for line in lines)
    mentions = [dict(zip(MENTION_COLUMNS, line)) for line in lines]
    assert {m["GlobalEventID"] for m in mentions} == set(events)
    for m in mentions:
        assert len(m["MentionTimeDate"]) == 14 and m["MentionType"] == "1" and m["InRawText"] == "1"
        assert int(m["SentenceID"]) >= 1 and 0 <= int(m["Confidence"]) <= 100 and int(m["MentionDocLen"]) > 0
    per_event = {eid: sum(m["GlobalEventID"] == eid for m in mentions) for eid in events}
    assert all(per_event[eid] == int(e["NumMentions"]) for eid, e in events.items())
    talks = [m for m in mentions if m["MentionIdentifier"] == "kazinform.txt" and m["SentenceID"] == "1"]
    assert talks and talks[0]["Actor1CharOffset"] == "31"   # "Kazakh Deputy Foreign Minister |Roman Vassilenko"
    assert {m["MentionSourceName"] for m in mentions} >= {"Kazinform", "Diario Sur", "Buenos Aires Herald"}


def test_geography_fills_action_and_actor_geo(store):
    rows = [dict(zip(GDELT2_COLUMNS, line)) for line in tsv(to_text(store, "gdelt2", include_planned=True))]
    talks = next(r for r in rows if r["EventCode"] == "046" and r["SQLDATE"] == "20230822")
    assert (talks["ActionGeo_Type"], talks["ActionGeo_FullName"], talks["ActionGeo_CountryCode"]) == (
        "4", "Buenos Aires, Argentina", "AR")
    assert talks["ActionGeo_ADM1Code"].startswith("AR") and talks["ActionGeo_FeatureID"] == "3435910"
    assert abs(float(talks["ActionGeo_Lat"]) + 34.6) < 0.1 and abs(float(talks["ActionGeo_Long"]) + 58.4) < 0.1
    visit = next(r for r in rows if r["EventCode"] == "042")
    assert visit["ActionGeo_FullName"] == "Astana, Kazakhstan" and visit["ActionGeo_CountryCode"] == "KZ"
    kaz = next(r for r in rows if r["Actor1Code"] == "KAZ")
    assert (kaz["Actor1Geo_Type"], kaz["Actor1Geo_FullName"], kaz["Actor1Geo_CountryCode"]) == (
        "1", "Kazakhstan", "KZ")
    assert abs(float(kaz["Actor1Geo_Lat"]) - 48) < 3 and abs(float(kaz["Actor1Geo_Long"]) - 68) < 5
    eu = next(r for r in rows if r["Actor2Name"] == "EUROPEAN UNION")
    assert eu["Actor2Code"].startswith("IGO") and eu["Actor2Geo_Type"] == "" and eu["Actor2CountryCode"] == ""
    flat = pd.read_csv(io.StringIO(to_text(store, "csv")), dtype=str, keep_default_na=False)
    where = flat[flat["cameo_code"] == "046"].iloc[0]
    assert (where["location_name"], where["location_country"], where["location_fips"]) == (
        "Buenos Aires, Argentina", "ARG", "AR")


# -- types survive loading, as docs/exports.md says to load each file ----------------------------------------------

CODES = {"cameo_code": "036", "event_base_code": "036", "event_root_code": "03"}


def test_jsonl_loads_with_codes_and_dates_intact(store, tmp_path):
    path = tmp_path / "events.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        export(store, "jsonl", fh)
    frame = pd.read_json(path, lines=True, dtype=False)     # the documented recipe
    invitation = frame[frame["actor2"] == "BRA"].iloc[0]
    assert {k: invitation[k] for k in CODES} == CODES
    year_only = frame[frame["date_precision"] == "year"]
    assert set(year_only["date"]) == {"1993", "2022"} and all(isinstance(d, str) for d in frame["date"].dropna())


def test_csv_loads_with_codes_and_dates_intact(store, tmp_path):
    path = tmp_path / "events.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        export(store, "csv", fh)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)                  # the documented recipe
    invitation = frame[frame["actor2"] == "BRA"].iloc[0]
    assert {k: invitation[k] for k in CODES} == CODES
    assert set(frame.loc[frame["date_precision"] == "year", "date"]) == {"1993", "2022"}
    typed = pd.read_csv(path, dtype={c: str for c in ("date", "cameo_code", "event_base_code", "event_root_code")},
                        parse_dates=["date_start"])
    assert typed["cameo_code"].str.fullmatch(r"\d{3,4}").all() and str(typed["date_start"].dtype).startswith(
        "datetime64")


def test_parquet_has_the_declared_schema_with_codes_and_dates_intact(store, tmp_path):
    path = tmp_path / "events.parquet"
    with path.open("wb") as fh:
        export(store, "parquet", fh)
    table = pq.read_table(path)
    assert table.schema.equals(parquet_schema(), check_metadata=False)
    assert table.schema.field("cameo_code").type == pa.string() and table.schema.field("date").type == pa.string()
    assert table.schema.field("date_start").type == pa.date32()
    frame = pd.read_parquet(path)
    invitation = frame[frame["actor2"] == "BRA"].iloc[0]
    assert {k: invitation[k] for k in CODES} == CODES and invitation["date_start"] == date(2024, 6, 3)
    assert frame.columns.tolist() == EXPORT_COLUMNS


def test_an_empty_parquet_export_is_typed_and_concatenates(store, tmp_path):
    full, empty = tmp_path / "full.parquet", tmp_path / "empty.parquet"
    with full.open("wb") as fh:
        n = export(store, "parquet", fh)
    with empty.open("wb") as fh:
        assert export(store, "parquet", fh, between=("ARG", "BRA")) == 0
    assert pq.read_schema(empty).equals(pq.read_schema(full))
    assert pq.read_table(empty).num_rows == 0
    both = pa.concat_tables([pq.read_table(full), pq.read_table(empty)])
    assert both.num_rows == n
    assert len(pd.concat([pd.read_parquet(full), pd.read_parquet(empty)])) == n


# -- CSV injection ------------------------------------------------------------------------------------------------

def test_csv_cells_that_start_a_formula_are_neutralised(store):
    rows = list(csv.DictReader(io.StringIO(to_text(store, "csv"))))
    formula = next(r for r in rows if "HYPERLINK" in r["evidence"])
    assert formula["evidence"] == "'" + FORMULA and formula["title"].startswith("'=")
    assert formula["outlets"] == "'+Plus News"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r")), value
    assert all(float(r["weight"]) == float(r["goldstein"]) for r in rows)   # numbers are not touched
    raw = list(csv.DictReader(io.StringIO(to_text(store, "csv", csv_guard=False))))
    assert next(r for r in raw if "HYPERLINK" in r["evidence"])["evidence"] == FORMULA


def test_export_command_offers_the_gdelt2_formats_and_the_flags(store, tmp_path):
    runner = CliRunner()
    for fmt, width in (("gdelt2", 61), ("gdelt2-mentions", 16), ("gdelt1", 58)):
        out = tmp_path / f"{fmt}.tsv"
        result = runner.invoke(export_cli, ["--db", store.path, "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert {len(line) for line in tsv(out.read_text(encoding="utf-8"))} == {width}
    planned = tmp_path / "planned.tsv"
    result = runner.invoke(export_cli, ["--db", store.path, "--format", "gdelt2", "--include-planned",
                                        "-o", str(planned)])
    without = tsv((tmp_path / "gdelt2.tsv").read_text())
    assert result.exit_code == 0 and len(tsv(planned.read_text())) == len(without) + 1
    raw = tmp_path / "raw.csv"
    result = runner.invoke(export_cli, ["--db", store.path, "--format", "csv", "--csv-formulas", "-o", str(raw)])
    assert result.exit_code == 0 and f'"{FORMULA.replace(chr(34), chr(34) * 2)}"' in raw.read_text()


def test_gdelt_files_load_with_pandas_as_documented(store, tmp_path):
    for fmt, names in (("gdelt2", GDELT2_COLUMNS), ("gdelt2-mentions", MENTION_COLUMNS), ("gdelt1", GDELT1_COLUMNS)):
        path = tmp_path / f"{fmt}.tsv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            n = export(store, fmt, fh)
        frame = pd.read_csv(path, sep="\t", header=None, dtype=str, quoting=3, names=names, keep_default_na=False)
        assert frame.columns.tolist() == names and n == frame.iloc[:, 0].nunique()
        if "EventCode" in frame:
            assert frame["EventRootCode"].str.fullmatch(r"\d\d").all()
            assert (frame["EventCode"].str[:2] == frame["EventRootCode"]).all()
            assert pd.to_datetime(frame["SQLDATE"], format="%Y%m%d").notna().all()


def test_plover_records_carry_the_actors_event_words_place_and_address(tmp_path):
    article = make_article(
        "https-article.txt", ["Kazakh Foreign Minister Murat Nurtleu held talks with Argentine Foreign Minister "
                              "Diana Mondino in Buenos Aires."],
        [{"type": "CONSULT", "source": "KAZ", "target": "ARG", "sentence": 0, "mode": "talks", "date": "2024-05-14",
          "source_entity": "p1", "target_entity": "p2", "location": ("Buenos Aires", "ARG")}],
        people=[{"name": "Murat Nurtleu", "country": "KAZ", "role": "foreign minister"},
                {"name": "Diana Mondino", "country": "ARG", "role": "foreign minister"}], outlet="Kazinform")
    article.url = "https://www.inform.kz/en/talks-in-buenos-aires"
    article.events[0].trigger = type(article.events[0].evidence)(48, 53, "talks")
    article.events[0].source.text = "Kazakh Foreign Minister Murat Nurtleu"
    with Store.open(tmp_path / "kb.db") as store:
        store.write_batch([article])
        record = json.loads(to_text(store, "plover"))
    source, target = record["source"][0], record["target"][0]
    assert (source["actorText"], source["code"], source["country"], source["role"]) == (
        "Kazakh Foreign Minister Murat Nurtleu", "KAZ", "KAZ", "foreign minister")
    assert (target["actorText"], target["country"], target["name"]) == ("Diana Mondino", "ARG", "Diana Mondino")
    assert record["eventText"] == "talks" and record["mode"] == "talks" and record["context"] == ["diplomatic"]
    assert record["location"]["name"] == "Buenos Aires, Argentina" and record["location"]["country"] == "ARG"
    assert record["url"] == record["evidence"][0]["url"] == "https://www.inform.kz/en/talks-in-buenos-aires"
    assert record["cameo"] == "046"
