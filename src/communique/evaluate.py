"""Score records against gold annotations (the format of the seeds' `gold.json`).

Matching follows the project's reference scorer: an event matches a gold event when its type is among the gold's
accepted types and its source and target codes agree (in either direction for a mutual, 'pair', gold event);
matching is a maximum one-to-one matching that, among maximum ones, has the most right dates (`match_events`). On top of the reference figures this
reports events by type and by language, event status, people's roles, facts and body loss (``must_contain``).
"""
from __future__ import annotations

import json
import math
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .settings import Settings


def load_records(source: str) -> list[dict[str, Any]]:
    """JSON lines from a file, or from stdin with '-'."""
    import sys

    stream = sys.stdin if source == "-" else open(source, encoding="utf-8")
    try:
        return [json.loads(line) for line in stream if line.strip()]
    finally:
        if stream is not sys.stdin:
            stream.close()


def evaluate_gold(gold_path: Path, records: Iterable[dict[str, Any]] | None = None, *,
                  settings: Settings | None = None) -> dict[str, Any]:
    """Score `records` (or, when None, the pipeline's output on the documents next to the gold file)."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))["docs"]
    if records is None:
        records = _process_gold_documents(Path(gold_path), gold, settings)
    return score(gold, records)


def _process_gold_documents(gold_path: Path, gold: dict[str, Any], settings: Settings | None) -> list[dict[str, Any]]:
    from .api import process_paths

    folder = gold_path.parent
    candidates = [folder / name for name in gold] + [folder / "articles" / name for name in gold]
    paths = [p for p in candidates if p.exists()]
    return [a.to_record() for a in process_paths(paths, settings=settings)]


def score(gold: dict[str, Any], records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    by_name = {Path(str((r.get("source") or {}).get("path") or "")).name: r for r in records}
    c: Counter[str] = Counter()
    per_doc = []
    for name, g in gold.items():
        rec = by_name.get(name)
        if rec is None or "error" in rec:
            c["docs_missing"] += 1
            c["ev_gold"] += len(g.get("events", []))
            _count_events_by(c, g, [], [])
            per_doc.append({"doc": name, "error": (rec or {}).get("error", "no record")})
            continue
        per_doc.append(_score_doc(name, g, rec, c))
    return _summarise(c, per_doc)


def _score_doc(name: str, g: dict[str, Any], rec: dict[str, Any], c: Counter[str]) -> dict[str, Any]:
    c["docs"] += 1
    c["lang_ok"] += rec.get("language") == g.get("language")
    if g.get("published", "?") != "?" and not g.get("published_from_url"):
        c["pub_n"] += 1
        c["pub_ok"] += rec.get("published") is not None and any(
            date_agrees(d, rec["published"]) for d in (g["published"], g.get("published_alt")) if d)
    if g.get("encoding"):
        c["enc_n"] += 1
        c["enc_ok"] += _same_encoding(g["encoding"], rec.get("encoding"))
    if g.get("outlet"):
        c["outlet_n"] += 1
        c["outlet_ok"] += bool(rec.get("source", {}).get("outlet")) and (
            fold(rec["source"]["outlet"]) in fold(g["outlet"]) or fold(g["outlet"]) in fold(rec["source"]["outlet"]))
    if g.get("dateline"):
        c["dateline_n"] += 1
        c["dateline_ok"] += (rec.get("dateline") or {}).get("country") == g["dateline"].get("country")
    text = rec.get("text") or ""
    for junk in g.get("must_not_contain", []):
        c["junk_n"] += 1
        c["junk_ok"] += junk not in text
    for body in g.get("must_contain", []):
        c["body_n"] += 1
        c["body_ok"] += body in text
    entities = rec.get("entities", [])
    predicted = {e.get("code") for e in entities if e.get("type") == "COUNTRY" and e.get("code")}
    wanted = set(g.get("countries", []))
    c["cty_gold"] += len(wanted)
    c["cty_hit"] += len(wanted & predicted)
    c["cty_pred"] += len(predicted)
    c["cty_pred_ok"] += len(predicted & wanted)
    for person in g.get("people", []):
        c["ppl_n"] += 1
        found = _person_found(person, entities)
        c["ppl_hit"] += found is not None
        if found is not None and person.get("country"):
            c["ppl_cty_n"] += 1
            c["ppl_cty_ok"] += found.get("country") == person["country"]
        if found is not None and person.get("role"):
            c["ppl_role_n"] += 1
            c["ppl_role_ok"] += fold(found.get("role") or "") == fold(person["role"])
    gold_events, pred_events = g.get("events", []), rec.get("events", [])
    matches = match_events(gold_events, pred_events)
    c["ev_gold"] += len(gold_events)
    c["ev_pred"] += len(pred_events)
    c["ev_hit"] += len(matches)
    for gi, pi in matches:
        ge, pe = gold_events[gi], pred_events[pi]
        if ge.get("date", "?") != "?":
            c["ev_date_n"] += 1
            c["ev_date_ok"] += date_agrees(ge["date"], pe.get("date"))
        c["ev_status_n"] += 1
        c["ev_status_ok"] += (pe.get("status") == "planned") == (ge.get("status") == "planned")
    _count_events_by(c, g, gold_events, pred_events, matches)
    for fact in g.get("facts", []):
        c["fact_n"] += 1
        c["fact_ok"] += any(_fact_agrees(fact, f) for f in rec.get("facts", []))
    missed = [gold_events[i].get("note") or f"{gold_events[i]['types'][0]} {gold_events[i]['source']}→"
              f"{gold_events[i]['target']}" for i in set(range(len(gold_events))) - {gi for gi, _ in matches}]
    spurious = [f"{p.get('type')} {(p.get('source') or {}).get('code')}→{(p.get('target') or {}).get('code')}: "
                f"{(p.get('evidence') or {}).get('text', '')[:90]}"
                for i, p in enumerate(pred_events) if i not in {pi for _, pi in matches}]
    return {"doc": name, "language": g.get("language"), "events_matched": len(matches), "events_gold": len(gold_events),
            "events_predicted": len(pred_events), "missed": missed, "spurious": spurious}


def _count_events_by(c: Counter[str], g: dict[str, Any], gold_events: list[dict[str, Any]],
                     pred_events: list[dict[str, Any]], matches: list[tuple[int, int]] | None = None) -> None:
    matches = matches or []
    lang = g.get("language", "?")
    gold_events = gold_events or g.get("events", [])
    c[f"lang:{lang}:gold"] += len(gold_events)
    c[f"lang:{lang}:pred"] += len(pred_events)
    c[f"lang:{lang}:hit"] += len(matches)
    matched_gold = {gi for gi, _ in matches}
    matched_pred = {pi for _, pi in matches}
    for gi, ge in enumerate(gold_events):
        c[f"type:{ge['types'][0]}:gold"] += 1
        c[f"type:{ge['types'][0]}:gold_hit"] += gi in matched_gold
    for pi, pe in enumerate(pred_events):
        c[f"type:{pe.get('type')}:pred"] += 1
        c[f"type:{pe.get('type')}:pred_hit"] += pi in matched_pred


def _summarise(c: Counter[str], per_doc: list[dict[str, Any]]) -> dict[str, Any]:
    def prf(hit_p: float, n_pred: float, hit_r: float, n_gold: float) -> dict[str, float | int]:
        p, r = _ratio(hit_p, n_pred), _ratio(hit_r, n_gold)
        f1 = 2 * p * r / (p + r) if not math.isnan(p) and not math.isnan(r) and p + r else 0.0
        return {"precision": p, "recall": r, "f1": f1, "gold": int(n_gold), "predicted": int(n_pred)}

    languages = sorted({k.split(":")[1] for k in c if k.startswith("lang:")})
    types = sorted({k.split(":")[1] for k in c if k.startswith("type:")})
    return {
        "documents": c["docs"], "documents_missing": c["docs_missing"],
        "language_accuracy": _ratio(c["lang_ok"], c["docs"]),
        "published": {"right": c["pub_ok"], "of": c["pub_n"]},
        "junk_removed": {"right": c["junk_ok"], "of": c["junk_n"]},
        "body_kept": {"right": c["body_ok"], "of": c["body_n"]},
        "encoding": {"right": c["enc_ok"], "of": c["enc_n"]},
        "outlet": {"right": c["outlet_ok"], "of": c["outlet_n"]},
        "dateline_country": {"right": c["dateline_ok"], "of": c["dateline_n"]},
        "countries": {"recall": _ratio(c["cty_hit"], c["cty_gold"]), "precision": _ratio(c["cty_pred_ok"], c["cty_pred"])},
        "people": {"found": c["ppl_hit"], "of": c["ppl_n"], "right_country": c["ppl_cty_ok"],
                   "with_country": c["ppl_cty_n"], "right_role": c["ppl_role_ok"], "with_role": c["ppl_role_n"]},
        "events": prf(c["ev_hit"], c["ev_pred"], c["ev_hit"], c["ev_gold"]) | {"matched": c["ev_hit"]},
        "events_by_language": {lang: prf(c[f"lang:{lang}:hit"], c[f"lang:{lang}:pred"], c[f"lang:{lang}:hit"],
                                         c[f"lang:{lang}:gold"]) for lang in languages},
        "events_by_type": {t: prf(c[f"type:{t}:pred_hit"], c[f"type:{t}:pred"], c[f"type:{t}:gold_hit"],
                                  c[f"type:{t}:gold"]) for t in types},
        "event_dates": {"right": c["ev_date_ok"], "of": c["ev_date_n"]},
        "event_status": {"right": c["ev_status_ok"], "of": c["ev_status_n"]},
        "facts": {"found": c["fact_ok"], "of": c["fact_n"]},
        "per_document": per_doc,
    }


def format_report(report: dict[str, Any]) -> str:
    def pct(x: float) -> str:
        return "  n/a" if isinstance(x, float) and math.isnan(x) else f"{x:5.2f}"

    def frac(d: dict[str, int], a: str = "right", b: str = "of") -> str:
        return f"{d[a]}/{d[b]}"

    ev = report["events"]
    lines = [
        f"documents: {report['documents']} scored, {report['documents_missing']} without a record",
        f"language accuracy: {pct(report['language_accuracy'])}   published dates: {frac(report['published'])}   "
        f"junk removed: {frac(report['junk_removed'])}   body kept: {frac(report['body_kept'])}",
        f"encodings: {frac(report['encoding'])}   outlets: {frac(report['outlet'])}   "
        f"dateline countries: {frac(report['dateline_country'])}",
        f"countries: recall {pct(report['countries']['recall'])} precision {pct(report['countries']['precision'])}   "
        f"people: found {report['people']['found']}/{report['people']['of']}, right country "
        f"{report['people']['right_country']}/{report['people']['with_country']}, right role "
        f"{report['people']['right_role']}/{report['people']['with_role']}",
        f"event dates right: {frac(report['event_dates'])}   planned/occurred right: {frac(report['event_status'])}   "
        f"facts found: {frac(report['facts'], 'found')}",
        f"events: precision {pct(ev['precision'])} recall {pct(ev['recall'])} F1 {pct(ev['f1'])} "
        f"({ev['matched']} matched, {ev['gold']} gold, {ev['predicted']} predicted)",
        "",
        f"{'':14}{'P':>6}{'R':>6}{'F1':>6}{'gold':>6}{'pred':>6}",
    ]
    for label, group in (("lang", report["events_by_language"]), ("type", report["events_by_type"])):
        for key, s in group.items():
            lines.append(f"{label + ' ' + key:14}{pct(s['precision']):>6}{pct(s['recall']):>6}{pct(s['f1']):>6}"
                         f"{s['gold']:>6}{s['predicted']:>6}")
    return "\n".join(lines)


def date_agrees(gold: str | None, predicted: str | None) -> bool:
    """Gold '?' or None accepts anything; otherwise the prediction must equal gold at gold's precision."""
    if gold in (None, "?"):
        return True
    return bool(predicted) and predicted[: len(gold)] == gold


def actors_match(g: dict[str, Any], p: dict[str, Any]) -> bool:
    ps, pt = (p.get("source") or {}).get("code"), (p.get("target") or {}).get("code")
    if (ps, pt) == (g["source"], g["target"]):
        return True
    return bool(g.get("pair", False)) and (pt, ps) == (g["source"], g["target"])


def match_events(gold_events: list[dict[str, Any]], pred_events: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """The one-to-one matching of predictions to gold events (type among the gold's types, actors agreeing) that is
    maximum, and among maximum ones has the most right dates, and among those the most right statuses.

    An assignment problem (scipy's `linear_sum_assignment`) over integer weights that make each criterion outweigh
    everything below it: a pair is worth BIG, plus DATE when its date agrees, plus 1 when its status does. Tie
    rule: matchings equal on all three give the same figures; scipy's deterministic choice decides among them.
    (Trying date-agreeing candidates first in augmenting paths is not enough: an augmenting path may give a gold
    event's agreeing prediction away to one that disagrees.)
    """
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    if not gold_events or not pred_events:
        return []
    k = min(len(gold_events), len(pred_events))
    date_weight, big = k + 1, (k + 1) ** 2        # k statuses < one date; k dates and statuses < one more pair
    weights = np.zeros((len(gold_events), len(pred_events)), dtype=np.int64)
    for gi, g in enumerate(gold_events):
        for pi, p in enumerate(pred_events):
            if p.get("type") in g["types"] and actors_match(g, p):
                weights[gi, pi] = (big + date_weight * date_agrees(g.get("date"), p.get("date"))
                                   + ((p.get("status") == "planned") == (g.get("status") == "planned")))
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return sorted((int(gi), int(pi)) for gi, pi in zip(rows, cols) if weights[gi, pi] > 0)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower().strip()


def _person_found(person: dict[str, Any], entities: list[dict[str, Any]]) -> dict[str, Any] | None:
    want = fold(person["name"]).replace("-", " ").split()
    for e in entities:
        if e.get("type") != "PERSON":
            continue
        have = fold(e.get("name") or "").replace("-", " ").split()
        if want and have and (want[-1] in have or have[-1] in want):
            return e
    return None


def _fact_agrees(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    value = pred.get("value")
    if not isinstance(value, (int, float)) or not gold.get("value"):
        return False
    close = abs(value - gold["value"]) <= 0.01 * abs(gold["value"])
    return close and pred.get("unit") == gold.get("unit")


def _same_encoding(gold: str, predicted: str | None) -> bool:
    aliases = {"latin-1": "cp1252", "latin1": "cp1252", "iso-8859-1": "cp1252", "windows-1251": "cp1251",
               "windows-1252": "cp1252", "utf-8-sig": "utf-8", "koi8_r": "koi8-r"}
    norm = lambda e: aliases.get((e or "").lower().replace("_", "-"), (e or "").lower().replace("_", "-"))
    return predicted is not None and norm(gold) == norm(predicted)


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


# --- Public gold sets in other formats -------------------------------------------------------------------------

def gold_kind(path: Path) -> str:
    """'documents' (gold.json), 'actors' (NGEC actor-resolution TSV) or 'plover' (PLOVER sentence JSONL)."""
    name = path.name.lower()
    if name.endswith(".tsv"):
        return "actors"
    if name.endswith((".jsonl", ".ndjson")):
        return "plover"
    return "documents"


def resolve_actor_country(text: str, *, date: str | None = None, settings: Settings | None = None) -> str | None:
    """The country an actor string stands for, through the pipeline's own entities ('IGO' for a multilateral
    organisation), or None when it names no country."""
    from .api import extract

    published = date if date and len(date) >= 4 and date[:4].isdigit() else None
    # An actor string is a few words: analyse it whatever its length.
    settings = (settings or Settings()).model_copy(update={"min_text_chars": 0})
    record = extract(text, published=published, settings=settings)
    best, best_cover = None, 0
    for entity in record.get("entities", []):
        cover = sum(m["end"] - m["start"] for m in entity["mentions"])
        if cover > best_cover:
            best, best_cover = entity, cover
    if best is None:
        return None
    if best["type"] == "COUNTRY":
        return best.get("code")
    if best["type"] == "ORG" and not best.get("country"):
        return "IGO"
    return best.get("country")


def evaluate_actor_gold(path: Path, *, settings: Settings | None = None) -> dict[str, Any]:
    """Score the country part of NGEC's actor-resolution assertions (`agent_to_code ... country Eq X`)."""
    import csv

    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["function"] == "agent_to_code" and row["field"] == "country" and row["op"] == "Eq" and row["input"]:
                rows.append(row)
    right, misses = 0, []
    for row in rows:
        predicted = resolve_actor_country(row["input"], date=row.get("extra_args"), settings=settings)
        expected = row["expected"] or None
        if predicted == expected:
            right += 1
        else:
            misses.append({"input": row["input"], "expected": expected, "predicted": predicted})
    with_country = [r for r in rows if r["expected"]]
    found = sum(1 for r in with_country if not any(m["input"] == r["input"] and m["expected"] for m in misses))
    return {"kind": "actors", "assertions": len(rows), "right": right, "accuracy": _ratio(right, len(rows)),
            "with_country": len(with_country), "with_country_right": found,
            "misses": misses}


def plover_split(record_id: str) -> str:
    """A fixed half/half split of a sentence gold set by a hash of the id: 'train' or 'test'."""
    import hashlib

    return "test" if hashlib.sha256(record_id.encode()).digest()[0] % 2 else "train"


def evaluate_plover_gold(path: Path, *, split: str = "test", settings: Settings | None = None) -> dict[str, Any]:
    """Score event type and source/target countries on PLOVER gold sentences (one event per sentence).

    - type found: some predicted event has the gold PLOVER type;
    - source/target right: among predicted events of that type, one whose source code is a gold source code and
      (when the gold has a target) whose target code is a gold target code.
    """
    from .api import extract_many
    from .events.classifier import LEGACY_TYPES

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if split == "all" or plover_split(r["id"]) == split]
    records = extract_many(({"text": r["text"], "published": r.get("date"), "path": r["id"]} for r in rows),
                           settings=_with_classifier_fallback(settings))
    c: Counter[str] = Counter()
    gold_types: list[str] = []
    sentence_types: list[str | None] = []      # the most confident event's type, None when there is none
    for row, record in zip(rows, records):
        gold = row["events"][0]
        predicted = record.get("events", [])
        c["sentences"] += 1
        c["predicted_events"] += len(predicted)
        gold_type = LEGACY_TYPES.get(gold["plover"], gold["plover"])     # PLOVER 2018 names in the GSR
        gold_types.append(gold_type)
        best = max(predicted, key=lambda e: e.get("confidence", 0), default=None)
        sentence_types.append(best["type"] if best else None)
        same_type = [e for e in predicted if e["type"] == gold_type]
        c["type_found"] += bool(same_type)
        c["any_event"] += bool(predicted)
        sources = {a.get("code") for a in gold.get("source", [])}
        targets = {a.get("code") for a in gold.get("target", [])}
        c["source_right"] += any(e["source"]["code"] in sources for e in same_type)
        if targets:
            c["with_target"] += 1
            c["target_right"] += any(e["target"]["code"] in targets for e in same_type)
        c["full_match"] += any(e["source"]["code"] in sources and (not targets or e["target"]["code"] in targets)
                               for e in same_type)
    n = c["sentences"]
    between = plover_pair_events(rows, list(extract_many(
        ({"text": r["text"], "published": r.get("date"), "path": r["id"]} for r in rows), settings=settings)))
    sentence_types = _classify_the_rest(sentence_types, [r["text"] for r in rows])
    c["sentence_type_right"] = sum(t == g for t, g in zip(sentence_types, gold_types))
    return {"kind": "plover", "split": split, "sentences": n,
            "sentence_type_accuracy": _ratio(c["sentence_type_right"], n),
            "type_accuracy": _ratio(c["type_found"], n), "any_event": _ratio(c["any_event"], n),
            "source_accuracy": _ratio(c["source_right"], n), "target_accuracy": _ratio(c["target_right"], c["with_target"]),
            "full_match": _ratio(c["full_match"], n), "predicted_per_sentence": _ratio(c["predicted_events"], n),
            "between_actors": between}


def plover_pair_gold(row: dict[str, Any]) -> dict[str, Any] | None:
    """A PLOVER gold sentence's event as a document gold event when it is between two different actors (source and
    target codes given and disjoint), its 2018 type name read as the 2021 one; None otherwise."""
    from .events.classifier import LEGACY_TYPES

    gold = row["events"][0]
    sources = {_GSR_ORGANISATION.get(a["code"], a["code"]) for a in gold.get("source", []) if a.get("code")}
    targets = {_GSR_ORGANISATION.get(a["code"], a["code"]) for a in gold.get("target", []) if a.get("code")}
    if not sources or not targets or sources & targets:
        return None
    return {"type": LEGACY_TYPES.get(gold["plover"], gold["plover"]), "sources": sources, "targets": targets}


#: the GSR codes a non-governmental organisation now NGO, now IGO (Amnesty International): both read as IGO, "an
#: organisation of no state"; and three countries by legacy codes (Japan JAP, Italy ITL, Vietnam VTN), read as ISO's
_GSR_ORGANISATION = {"NGO": "IGO", "JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def _plover_code(code: str | None, organisations: dict[str, str | None]) -> str | None:
    """The GSR codes a national body, party or armed group as its country ("Hamas" PSE), an armed group of no one
    country as IMG (al-Qaeda), every other organisation (intergovernmental or not) as IGO."""
    if code not in organisations:
        return code
    from .actors.codes import organisations as known

    found = known().get(code or "")
    if not organisations[code] and found is not None and found.cameo.startswith("IMG"):
        return "IMG"
    return organisations[code] or "IGO"


def plover_pair_events(rows: list[dict[str, Any]], records: list[dict[str, Any]]) -> dict[str, Any]:
    """Events between two different actors on PLOVER gold sentences, scored like documents: a predicted event
    matches the sentence's gold event when its type is the gold type and its source and target codes are among the
    gold's (an organisation counts as IGO; a hosting read host first, as PLOVER states it); one match per gold event, every other prediction in those sentences is
    a false event. Sentences whose gold event is not between two actors are left out (with their predictions)."""
    from .datafiles import load_data
    from .events.cameo import plover_sides

    organisations = {o["code"]: o.get("seat") for o in load_data("orgs.toml").get("org", [])}
    c: Counter[str] = Counter()
    for row, record in zip(rows, records):
        gold = plover_pair_gold(row)
        if gold is None:
            continue
        predicted = [(e["type"], *plover_sides(e.get("mode"), _plover_code(e["source"]["code"], organisations),
                                               _plover_code(e["target"]["code"], organisations)))
                     for e in record.get("events", [])]
        hit = any(t == gold["type"] and s in gold["sources"] and o in gold["targets"] for t, s, o in predicted)
        c["gold"] += 1
        c["pred"] += len(predicted)
        c["hit"] += hit
        c[f"type:{gold['type']}:gold"] += 1
        c[f"type:{gold['type']}:hit"] += hit
        for t, _, _ in predicted:
            c[f"type:{t}:pred"] += 1
    p, r = _ratio(c["hit"], c["pred"]), _ratio(c["hit"], c["gold"])
    f1 = 2 * p * r / (p + r) if not math.isnan(p) and not math.isnan(r) and p + r else 0.0
    types = sorted({k.split(":")[1] for k in c if k.startswith("type:")})
    by_type = {t: {"gold": c[f"type:{t}:gold"], "found": c[f"type:{t}:hit"], "predicted": c[f"type:{t}:pred"]}
               for t in types}
    return {"gold": c["gold"], "predicted": c["pred"], "matched": c["hit"], "precision": p, "recall": r, "f1": f1,
            "by_type": by_type, "types_never_found": [t for t in types if by_type[t]["gold"] and not by_type[t]["found"]]}


def _classify_the_rest(types: list[str | None], texts: list[str]) -> list[str | None]:
    """Each sentence's type: its best event's, else the classifier's best PLOVER type for the whole sentence."""
    from .events.classifier import default_classifier

    model = default_classifier()
    missing = [i for i, t in enumerate(types) if t is None]
    if model is None or not missing:
        return types
    out = list(types)
    for i, prediction in zip(missing, model.classify([texts[i] for i in missing])):
        out[i] = prediction.best_event()[0]
    return out


def _with_classifier_fallback(settings: Settings | None) -> Settings:
    """Sentence gold sets: the classifier types sentences with two actors that no trigger rule covers."""
    settings = settings or Settings()
    options = dict(settings.stage_options)
    options["events"] = {"classifier_fallback": True, **options.get("events", {})}
    return settings.model_copy(update={"stage_options": options})


def format_other_report(report: dict[str, Any]) -> str:
    if report["kind"] == "actors":
        lines = [f"actor resolution (country part): {report['right']}/{report['assertions']} right "
                 f"({report['accuracy']:.2f}); with a country: {report['with_country_right']}/{report['with_country']}"]
        lines += [f"  {m['input']!r}: expected {m['expected']}, got {m['predicted']}" for m in report["misses"][:25]]
        return "\n".join(lines)
    pairs = report["between_actors"]
    between = (f"\nevents between two actors (rules, default settings): precision {pairs['precision']:.2f} recall "
               f"{pairs['recall']:.2f} F1 {pairs['f1']:.2f} ({pairs['matched']} matched, {pairs['gold']} gold, "
               f"{pairs['predicted']} predicted); types never found: {', '.join(pairs['types_never_found']) or 'none'}")
    return (f"PLOVER sentences ({report['split']} split, {report['sentences']}): sentence type (best event, else the "
            f"classifier) {report['sentence_type_accuracy']:.2f}, type found {report['type_accuracy']:.2f}, "
            f"source right {report['source_accuracy']:.2f}, target right {report['target_accuracy']:.2f}, "
            f"type+actors {report['full_match']:.2f}, any event {report['any_event']:.2f}, "
            f"{report['predicted_per_sentence']:.2f} events per sentence" + between)
