"""Quality floors: a drop in extraction quality fails CI. Raise the floors as quality rises (never lower them
without saying why in the commit)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import shared_path

import communique
from communique.evaluate import score

EVAL = Path(__file__).resolve().parents[1] / "eval"      # labelled sets kept in the repository

# Measured figures minus a small margin; see the README's Quality section for the current values.
SAMPLE_FLOORS = {                      # measured 2026-11-22 (stop 11): F1 0.83 (en 0.83, es 0.81, ru 0.84)
    "language_accuracy": 1.0,
    "events_f1": 0.80,
    "events_f1_by_language": {"en": 0.80, "es": 0.78, "ru": 0.81},
    "countries_recall": 0.97,
    "countries_precision": 0.95,
    "junk_removed": 0.98,
    "body_kept": 1.0,                   # a cleaner may miss junk, it must never drop body text
    "published": 0.93,
    "event_dates": 0.78,                # 2026-12-06: 103/127 (planned events dated by their report)
    "people_found": 0.95,
    "people_right_country": 0.95,
}
# measured 2026-11-22 (stop 11) with ../shared/tools/score.py: seeds F1 0.81 (en 0.81, es 0.80), event dates 12/13,
# planned/occurred 23/23, people right country 17/17; dev-articles F1 0.83 (en 0.86, es 0.84, ru 0.78), people right
# country 50/50. Floors are those minus a small margin.
DEV_FLOORS = {"seeds": {"events_f1": 0.78, "by_language": {"en": 0.78, "es": 0.77}, "event_dates": 0.8,
                        "event_status": 0.95, "people_right_country": 0.9},
              # 2026-12-07 afternoon: F1 0.84 (71 / 88 / 81; en 0.90, es 0.82, ru 0.78)
              "dev-articles": {"events_f1": 0.82, "by_language": {"en": 0.86, "es": 0.80, "ru": 0.74},
                               # event dates 16/31 -> 21/31 (2026-12-06: addresses from the folder's manifest,
                               # planned events dated by their report)
                               "event_dates": 0.62, "event_status": 0.75, "people_right_country": 0.9},
              # unseen-news set of issue 15 (junk and publication dates are the reading issue's, not floored here):
              # first look F1 0.35 (en 0.50, es 0.27, ru 0.23); measured 2026-12-05 F1 0.48 (en 0.62, es 0.43,
              # ru 0.35), event dates 30/54, planned/occurred 85/98, people right country 93/113; speakers and owners
              # (2026-12-06): F1 0.49 (en 0.63, es 0.45, ru 0.35), event dates 33/55; envoys, relations, postposed
              # speakers: F1 0.505 (en 0.63, es 0.47, ru 0.37), event dates 33/55, planned/occurred 88/102; kinds of
              # one act (2026-12-06): F1 0.526 (en 0.654, es 0.477, ru 0.400), event dates 33/58, status 92/108;
              # relative pronouns, patients, promised responses, institutions: F1 0.565 (en 0.720, es 0.481,
              # ru 0.447), event dates 34/68 (one more right, the share lower: the new events' dates are the
              # dates stage's to attach; the floor follows the share, not the count); counted group nouns
              # ("the three countries", "los dos gobiernos"; 2026-12-06): F1 0.59 (en 0.73, es 0.53, ru 0.45);
              # denials of trouble, partners' adjectives: F1 0.59 (en 0.73, es 0.55, ru 0.45), dates 67/73;
              # relative clauses carrying an event noun, votes listed (2026-12-06): F1 0.64 (es 0.59 -> 0.65);
              # summonses and reactions (helper ru, 2026-12-06): ru 0.44 -> 0.49; indefinite-personal doers: 0.51;
              # verdicts, shared borders: 0.54; fifth swap (half B tuned on, half A measured; 2026-12-06 evening):
              # F1 0.67 -> 0.74 (en 0.75 -> 0.79, es 0.67 -> 0.75, ru 0.54 -> 0.62; half A 0.73 unchanged);
              # sixth swap (half A tuned on, half B measured; 2026-12-06 night): F1 0.74 -> 0.79 (en 0.79 -> 0.86,
              # es 0.75 -> 0.78, ru 0.62 -> 0.70; half A 0.73 -> 0.84, half B 0.74 unchanged), dates 92/100 -> 98/106;
              # seventh swap (half B tuned on, half A and dev3 measured; 2026-12-07): F1 0.79 -> 0.82 (198 matched /
              # 221 predicted; en 0.86, es 0.78 -> 0.80, ru 0.71 -> 0.79; half A 0.84 unchanged, half B 0.74 -> 0.80),
              # dates 99/107 -> 107/113 (the document merge reads each mention's own date); eighth swap (training
              # sets dev6/dev7/dev9 and half A read, half B and dev3 measured; 2026-12-07): F1 0.82 unchanged,
              # dates 107/113 -> 109/113 (the day of the news for acts a report tells undated), people 117/119 -> 118/120
              # tenth swap (half B read, half A measured; 2026-12-07 afternoon): F1 0.82 -> 0.85 (207 / 228 / 261;
              # en 0.86, es 0.80 -> 0.84, ru 0.79 -> 0.84; half A 0.84 unchanged, half B 0.80 -> 0.85), dates 115/119
              "dev-articles-2": {"events_f1": 0.85, "by_language": {"en": 0.88, "es": 0.83, "ru": 0.83},
                                 # event dates 34/68 -> 45/67 (addresses from MANIFEST.tsv, planned events
                                 # dated by their report, "this Tuesday" on a Tuesday)
                                 # -> 60/67 (an undated article anchored by its lead's dated caption, "del
                                 # mes pasado", "в конце прошлого месяца"; half A held out 28/31, half B 32/36);
                                 # 69/75 with counted group nouns, people's countries and statements' days
                                 # (A 28/31, B 41/44); people right country 93/113 -> 104/113 (office holders
                                 # and counterparts from the context, an office described ahead; half A held
                                 # out 56/67 -> 58/67, half B 37/46 -> 46/46) -> 115/117 (office holders by
                                 # surname, relative-clause and head-of-mission titles, bracketed acronyms,
                                 # datelines with a country; half A tuned on 58/67 -> 68/70, half B 46/46 -> 47/47)
                                 # -> 109/113 (the news day of the lead, the eighth swap): floor 0.90 -> 0.95
                                 "event_dates": 0.95, "event_status": 0.8, "people_right_country": 0.95,
                                 # junk removed: first look 22/59, with the learned line cleaner 58/59, with
                                 # lists of linked headlines cut whole 59/59
                                 # publication dates: first look 21/26, 24/26, now 26/26 (datelines under a photo
                                 # caption, a month named relative to the writing)
                                 "junk_removed": 0.95, "published": 0.95}}
# sets labelled blind in the repository (eval/, read from the eleventh swap on); first looks 2026-12-07 at main
# 7e8ca9b: dev16 F1 0.67 (80 / 111 / 129; en 0.69, es 0.59, ru 0.71), dates 34/43, status 63/80, people 73/81,
# junk 23/28, published 13/14; dev17 F1 0.40 (49 / 108 / 140; en 0.26, es 0.41, ru 0.49), dates 11/21, status
# 45/49, people 45/53, junk 12/24, published 7/11
# eleventh swap (read; 2026-12-07 evening, main 240faa3): dev16 F1 0.70 (84 / 110 / 129; en 0.76, es 0.60, ru 0.73),
# dates 39/45, status 69/84, people 73/81, junk 27/28, published 13/14; dev17 F1 0.53 (67 / 113 / 140; en 0.49,
# es 0.51, ru 0.58), dates 21/26, status 62/67, people 45/53, junk 21/24, published 11/11
# twelfth swap (dev18 and dev19's odd files read, even files measured only; main aea2d1f): dev16 0.70 -> 0.72 (87 / 114
# / 129), dev17 0.53 -> 0.61 (78 / 115 / 140), dev18 0.64 -> 0.65 (92 / 127 / 154), dev19 0.41 -> 0.51 (51 / 89 -> 67 /
# 103 / 160; its gold's African Union recoded AFU first: 0.39 -> 0.41 with the product unchanged)
# thirteenth swap (same halves read; main b8a1245): dev16 0.72 -> 0.75 (91 / 114 / 129; en 0.80, es 0.65, ru 0.78),
# people 77/82; dev17 0.63 -> 0.67 (86 / 117 / 140; en 0.62, es 0.57, ru 0.80), people 52/58, dates 24/28; dev18 0.65
# -> 0.67 (94 / 127 / 154; en 0.76, es 0.52, ru 0.70), people 92/102; dev19 0.51 -> 0.52 (68 / 103 / 160; en 0.58,
# es 0.47, ru 0.52), people 64/69
# fourteenth swap (same halves read; main 9f22f0a): dev16 0.75 -> 0.78 (91 / 105 / 129; en 0.82, es 0.69, ru 0.80),
# people 79/82, dates 41/46, junk 28/28; dev17 0.67 -> 0.70 (85 / 104 / 140; en 0.65, es 0.60, ru 0.83), people 53/58,
# junk 24/24; dev18 0.67 -> 0.70 (99 / 130 / 154; odd 48 / 58 / 66, even, measured only, 51 / 72 / 88), dates 47/54,
# junk 20/23; dev19 0.52 (68 / 102 / 160; en 0.58, es 0.45, ru 0.55), people 63/68, junk 39/48 -> 46/48
EVAL_FLOORS = {"dev16": {"events_f1": 0.77, "by_language": {"en": 0.81, "es": 0.68, "ru": 0.79},
                         "event_dates": 0.87, "event_status": 0.86, "people_right_country": 0.95,
                         "junk_removed": 0.96, "published": 0.90},
               "dev17": {"events_f1": 0.69, "by_language": {"en": 0.64, "es": 0.59, "ru": 0.82},
                         "event_dates": 0.85, "event_status": 0.93, "people_right_country": 0.91,
                         "junk_removed": 0.95, "published": 0.95},
               "dev18": {"events_f1": 0.69, "by_language": {"en": 0.78, "es": 0.55, "ru": 0.71},
                         "event_dates": 0.86, "event_status": 0.89, "people_right_country": 0.90,
                         "junk_removed": 0.86, "published": 0.95},
               "dev19": {"events_f1": 0.51, "by_language": {"en": 0.57, "es": 0.45, "ru": 0.54},
                         "event_dates": 0.94, "event_status": 0.95, "people_right_country": 0.92,
                         "junk_removed": 0.95, "published": 0.95},
               # the twelfth swap's blind sets, measured only (never read): first looks at main 8bd2a1e and the
               # swap's end (aea2d1f; 96b0f1e: dev20 0.62, 80 / 127, dates 34/48): dev20 0.61 -> 0.63 (80 / 131 -> 81 /
               # 129 / 130; en 0.55, es 0.60, ru 0.74), dates 35/49, status 74/80 -> 75/81, people 80/102 -> 79/102, junk 15/25, published 5/6; dev21 0.58 ->
               # 0.59 (78 / 126 -> 80 / 131 / 141; en 0.59, es 0.57, ru 0.62), dates 41/53 -> 43/55, status 68/80,
               # people 62/78 -> 63/78, junk 14/28, published 13/14; thirteenth swap (still never read; main b8a1245):
               # dev20 0.63 (81 / 128 / 130; en 0.57, es 0.60, ru 0.73), dates 34/48, people 80/103; dev21 0.60 (81 /
               # 129 / 141; en 0.59, es 0.58, ru 0.64), dates 43/55 -> 42/55 (0.76: at the floor), people 63/78;
               # fourteenth swap (still never read; main 9f22f0a): dev20 0.63 (80 / 124 / 130; en 0.57, es 0.61, ru
               # 0.72 = 54/75, at its floor: 0.7200000000000001 as computed), dates 34/47, status 76/80, people
               # 80/103; dev21 0.60 (80 / 124 / 141; en 0.60, es 0.59, ru 0.63), dates 42/54, status 70/80, people
               # 63/78; junk 15/25 and 14/28 unchanged
               "dev20": {"events_f1": 0.62, "by_language": {"en": 0.56, "es": 0.60, "ru": 0.72},
                         "event_dates": 0.72, "event_status": 0.94, "people_right_country": 0.77,
                         "junk_removed": 0.60, "published": 0.83},
               "dev21": {"events_f1": 0.60, "by_language": {"en": 0.59, "es": 0.58, "ru": 0.63},
                         "event_dates": 0.77, "event_status": 0.87, "people_right_country": 0.80,
                         "junk_removed": 0.50, "published": 0.92}}
# ordinary news (../shared/stream: sport, courts, markets, weather): no events between states in it; measured 1 in 60
STREAM_MAX_EVENTS_PER_ARTICLE = 1 / 30
# PLOVER gold-standard records (CAMEO manual sentences), events between two different actors, rules with default
# settings: first look F1 0.18 (0.24 as the issue counted it); measured 2026-12-05 F1 0.37 (P 0.45, R 0.32), every
# type found at least once
# offers, conditions, demands' addressees, peoples as sides (2026-12-06): F1 0.47 (P 0.53, R 0.42; train half 0.58,
# test half 0.37)
# doers outside the event word: aid carried or received, refusals, votes (2026-12-06): F1 0.49 (P 0.54, R 0.45;
# test half 0.40)
# non-state actors with their own type, demands with any verb of saying, refusals' targets, leaders'
# administrations, attacks' places (2026-12-06): F1 0.565 (P 0.61, R 0.53; train half 0.67, test half 0.46)
# acronyms opening a sentence, forced out of the country, hostings read host first (2026-12-06): F1 0.570 (P 0.60,
# R 0.54; train half 0.68, test half 0.45)
# attackers nobody names, peacekeepers, blockades announced (2026-12-06): F1 0.588 (P 0.62, R 0.56; train half 0.72,
# test half 0.45)
# helpers, refusals, rights, peoples; notes, mediation, ties (2026-12-06 evening): F1 0.614 (P 0.65, R 0.58; train
# half 0.76, test half 0.47)
# seventh swap (2026-12-07): F1 0.619 (116 matched / 175 predicted / 200 gold)
PLOVER_PAIR_F1 = 0.615


def ratio(d, a="right", b="of"):
    return d[a] / d[b] if d[b] else 1.0


@pytest.fixture(scope="module")
def sample_report(sample_gold, sample_records):
    return score(sample_gold, sample_records)


def test_sample_corpus_is_fully_processed(sample_report, sample_gold):
    assert sample_report["documents"] == len(sample_gold) and sample_report["documents_missing"] == 0


def test_sample_corpus_floors(sample_report):
    r, f = sample_report, SAMPLE_FLOORS
    assert r["language_accuracy"] >= f["language_accuracy"]
    assert r["events"]["f1"] >= f["events_f1"], r["events"]
    for language, floor in f["events_f1_by_language"].items():
        assert r["events_by_language"][language]["f1"] >= floor, (language, r["events_by_language"][language])
    assert r["countries"]["recall"] >= f["countries_recall"]
    assert r["countries"]["precision"] >= f["countries_precision"]
    assert ratio(r["junk_removed"]) >= f["junk_removed"]
    assert ratio(r["body_kept"]) >= f["body_kept"]
    assert ratio(r["published"]) >= f["published"]
    assert ratio(r["event_dates"]) >= f["event_dates"]
    assert ratio(r["people"], "found", "of") >= f["people_found"]
    assert ratio(r["people"], "right_country", "with_country") >= f["people_right_country"]


@pytest.mark.parametrize("folder", sorted(DEV_FLOORS) + sorted(EVAL_FLOORS))
def test_development_sets_floors(folder, settings):
    gold_file = EVAL / folder / "gold.json" if folder in EVAL_FLOORS else shared_path(folder, "gold.json")
    gold = json.loads(gold_file.read_text(encoding="utf-8"))["docs"]
    paths = [gold_file.parent / name for name in gold]
    records = [a.to_record() for a in communique.process_paths(paths, settings=settings)]
    report = score(gold, records)
    assert report["documents_missing"] == 0
    assert report["language_accuracy"] == 1.0
    floors = {**DEV_FLOORS, **EVAL_FLOORS}[folder]
    assert report["events"]["f1"] >= floors["events_f1"], report["events"]
    for language, floor in floors["by_language"].items():
        assert report["events_by_language"][language]["f1"] >= floor, (language, report["events_by_language"])
    assert ratio(report["junk_removed"]) >= floors.get("junk_removed", 1.0)
    assert ratio(report["published"]) >= floors.get("published", 0.95)
    assert ratio(report["event_dates"]) >= floors["event_dates"], report["event_dates"]
    assert ratio(report["event_status"]) >= floors["event_status"], report["event_status"]
    assert ratio(report["people"], "right_country", "with_country") >= floors["people_right_country"]


def test_ordinary_news_states_almost_no_events(settings):
    folder = shared_path("stream")
    paths = sorted(folder.glob("*.txt"))
    records = [a.to_record() for a in communique.process_paths(paths, settings=settings)]
    events = [(r["source"]["path"], e["type"], e["evidence"]["text"][:80]) for r in records for e in r["events"]]
    assert len(records) == len(paths)
    assert len(events) <= STREAM_MAX_EVENTS_PER_ARTICLE * len(paths), events


def test_plover_gold_records_between_two_actors_floor():
    from communique import extract_many
    from communique.evaluate import plover_pair_events, plover_pair_gold

    path = shared_path("data", "plover", "plover_gsr_cameo_manual_en.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if plover_pair_gold(r) is not None]
    records = list(extract_many({"text": r["text"], "published": r.get("date"), "path": r["id"]} for r in rows))
    report = plover_pair_events(rows, records)
    assert report["gold"] == len(rows) == 200
    assert report["f1"] >= PLOVER_PAIR_F1, report
    assert not report["types_never_found"], report["by_type"]
