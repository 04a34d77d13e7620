"""The evaluator's matching rules, on hand-made gold and records."""
from __future__ import annotations

import math

from communique.evaluate import date_agrees, format_report, match_events, score


def event(type_, source, target, date=None, status="occurred"):
    return {"type": type_, "source": {"code": source}, "target": {"code": target}, "date": date, "status": status,
            "evidence": {"start": 0, "end": 1, "text": "x"}}


GOLD = {"a.txt": {
    "language": "en", "published": "2024-05-14", "countries": ["KAZ", "BRA"],
    "people": [{"name": "Kassym-Jomart Tokayev", "country": "KAZ", "role": "president"}],
    "events": [
        {"types": ["CONSULT"], "source": "KAZ", "target": "BRA", "pair": False, "date": "2024-05-14"},
        {"types": ["AGREE", "COOPERATE"], "source": "KAZ", "target": "BRA", "pair": True, "date": "2024-05"},
        {"types": ["CONSULT"], "source": "KAZ", "target": "CHN", "pair": False, "date": "?", "status": "planned"},
    ],
    "must_not_contain": ["Join Telegram"], "must_contain": ["held talks"],
    "facts": [{"type": "TRADE_TURNOVER", "countries": ["KAZ", "BRA"], "value": 1.2e9, "unit": "USD"}],
}}


def record(events, **extra):
    base = {"source": {"path": "/x/a.txt"}, "language": "en", "published": "2024-05-14", "text": "They held talks.",
            "entities": [{"type": "COUNTRY", "code": "KAZ"}, {"type": "COUNTRY", "code": "RUS"},
                         {"type": "PERSON", "name": "Kasym-Yomart Tokáyev", "country": "KAZ", "role": "president"}],
            "events": events, "facts": [{"type": "TRADE", "value": 1.2e9, "unit": "USD"}]}
    base.update(extra)
    return base


def test_pair_events_match_either_direction_but_directed_ones_do_not():
    gold = GOLD["a.txt"]["events"]
    assert match_events(gold, [event("AGREE", "BRA", "KAZ")]) == [(1, 0)]
    assert match_events(gold, [event("CONSULT", "BRA", "KAZ")]) == []
    assert match_events(gold, [event("SUPPORT", "KAZ", "BRA")]) == []


def test_two_gold_events_alike_need_two_predictions():
    gold = [{"types": ["CONSULT"], "source": "KAZ", "target": "RUS"}] * 2
    assert len(match_events(gold, [event("CONSULT", "KAZ", "RUS")])) == 1
    assert len(match_events(gold, [event("CONSULT", "KAZ", "RUS")] * 2)) == 2


def test_dates_agree_at_gold_precision():
    assert date_agrees("2024-05", "2024-05-14") and date_agrees("?", None) and date_agrees(None, "2020")
    assert not date_agrees("2024-05-14", "2024-05") and not date_agrees("2024", None)


def test_score_reports_everything():
    report = score(GOLD, [record([event("CONSULT", "KAZ", "BRA", "2024-05-14"), event("AGREE", "BRA", "KAZ"),
                                  event("ACCUSE", "KAZ", "RUS")])])
    ev = report["events"]
    assert (ev["matched"], ev["gold"], ev["predicted"]) == (2, 3, 3)
    assert math.isclose(ev["precision"], 2 / 3) and math.isclose(ev["recall"], 2 / 3)
    assert report["events_by_type"]["CONSULT"]["gold"] == 2 and report["events_by_type"]["ACCUSE"]["precision"] == 0
    assert report["events_by_language"]["en"]["predicted"] == 3
    assert report["event_dates"] == {"right": 1, "of": 2}
    assert report["countries"] == {"recall": 0.5, "precision": 0.5}
    assert report["people"]["found"] == 1 and report["people"]["right_role"] == 1
    assert report["junk_removed"] == {"right": 1, "of": 1} and report["body_kept"] == {"right": 1, "of": 1}
    assert report["facts"] == {"found": 1, "of": 1}
    assert "events: precision  0.67 recall  0.67" in format_report(report)


def test_a_missing_record_counts_its_gold_events_as_missed():
    report = score(GOLD, [])
    assert report["documents_missing"] == 1 and report["events"]["gold"] == 3 and report["events"]["recall"] == 0


def test_gold_kind_follows_the_file_format(tmp_path):
    from pathlib import Path

    from communique.evaluate import gold_kind

    assert gold_kind(Path("gold.json")) == "documents"
    assert gold_kind(Path("ngec_actor_resolution_gold.tsv")) == "actors"
    assert gold_kind(Path("plover_gsr.jsonl")) == "plover"


def test_actor_assertions_are_scored_on_their_country(tmp_path):
    from communique.evaluate import evaluate_actor_gold

    tsv = tmp_path / "actors.tsv"
    tsv.write_text("test\tmarks\tfunction\tinput\textra_args\tfield\top\texpected\n"
                   "a\t\tagent_to_code\tKazakhstan\t\tcountry\tEq\tKAZ\n"
                   "b\t\tagent_to_code\tPresident Kassym-Jomart Tokayev\tToday\tcountry\tEq\tKAZ\n"
                   "c\t\tagent_to_code\tthe Russian government\tToday\tcountry\tEq\tRUS\n"
                   "d\t\tagent_to_code\tsoldiers\t\tcountry\tEq\t\n"
                   "e\t\tagent_to_code\tKazakhstan\t\tcode_1\tEq\tGOV\n", encoding="utf-8")
    report = evaluate_actor_gold(tsv)
    assert report["assertions"] == 4 and report["with_country"] == 3
    assert report["right"] >= 3, report["misses"]


def test_plover_sentences_split_is_fixed_and_scored(tmp_path):
    import json

    from communique.evaluate import evaluate_plover_gold, plover_split

    assert {plover_split(f"id-{i}") for i in range(20)} == {"train", "test"}
    assert plover_split("PLOVER-GSR01-AGREE-0001") == plover_split("PLOVER-GSR01-AGREE-0001")
    rows = [{"id": f"s{i}", "date": "2024-05-14", "text": text, "events": [event]} for i, (text, event) in enumerate([
        ("Kazakhstan and Brazil signed an agreement on visa-free travel on Tuesday.",
         {"plover": "AGREE", "source": [{"code": "KAZ"}], "target": [{"code": "BRA"}]}),
        ("Russian President Vladimir Putin visited Astana on Tuesday.",
         {"plover": "CONSULT", "source": [{"code": "RUS"}], "target": [{"code": "KAZ"}]}),
    ])]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    report = evaluate_plover_gold(path, split="all")
    assert report["sentences"] == 2
    assert report["type_accuracy"] == 1.0 and report["full_match"] == 1.0


def test_plover_events_between_two_actors_are_scored_one_to_one():
    from communique.evaluate import plover_pair_events, plover_pair_gold

    def row(plover, sources, targets):
        return {"id": "x", "text": "", "events": [{"plover": plover, "source": [{"code": c} for c in sources],
                                                    "target": [{"code": c} for c in targets]}]}

    def event(type_, source, target):
        return {"type": type_, "source": {"code": source}, "target": {"code": target}}

    rows = [row("DEMAND", ["ESP"], ["ARG"]), row("FIGHT", ["ARM"], ["AZE"]), row("SANCTION", ["IGO"], ["NER"]),
            row("AGREE", ["HUN", "ROU"], ["HUN", "ROU"]), row("THREATEN", ["PRK"], [])]
    assert plover_pair_gold(rows[0])["type"] == "REQUEST"          # 2018 names read as the 2021 types
    assert plover_pair_gold(rows[3]) is None and plover_pair_gold(rows[4]) is None
    records = [{"events": [event("REQUEST", "ESP", "ARG"), event("ACCUSE", "ESP", "ARG")]},
               {"events": [event("ASSAULT", "AZE", "ARM")]},
               {"events": [event("SANCTION", "AFU", "NER")]},     # any organisation is the GSR's IGO
               {"events": [event("AGREE", "HUN", "ROU")]}, {"events": []}]
    report = plover_pair_events(rows, records)
    assert (report["gold"], report["predicted"], report["matched"]) == (3, 4, 2)
    assert report["types_never_found"] == ["ASSAULT"]
    assert abs(report["f1"] - 2 * 0.5 * (2 / 3) / (0.5 + 2 / 3)) < 1e-9


def _gold(types, date):
    return {"types": types, "source": "KAZ", "target": "ARG", "date": date, "status": "occurred"}


def _pred(kind, date):
    return {"type": kind, "source": {"code": "KAZ"}, "target": {"code": "ARG"}, "date": date, "status": "occurred"}


def test_event_matching_is_maximal_over_date_agreement():
    """Trying date-agreeing candidates first finds two matches, both with wrong dates: the first gold event takes
    the only prediction of its type, and the augmenting path for the third gives the second's right date away.
    The best matching of two pairs has one right date."""
    from communique.evaluate import date_agrees, match_events

    gold = [_gold(["ASSAULT"], "2024-01"), _gold(["CONSULT", "ASSAULT"], "2024-02"), _gold(["CONSULT"], "2024-03")]
    preds = [_pred("CONSULT", "2024-01"), _pred("ASSAULT", "2024-02")]
    matches = match_events(gold, preds)
    assert len(matches) == 2
    assert sum(date_agrees(gold[g]["date"], preds[p]["date"]) for g, p in matches) == 1
    assert matches == [(1, 1), (2, 0)]


def test_event_matching_prefers_right_statuses_among_equal_dates():
    from communique.evaluate import match_events

    gold = [_gold(["CONSULT"], "?") | {"status": "planned"}, _gold(["CONSULT"], "?")]
    preds = [_pred("CONSULT", None), _pred("CONSULT", None) | {"status": "planned"}]
    assert match_events(gold, preds) == [(0, 1), (1, 0)]
