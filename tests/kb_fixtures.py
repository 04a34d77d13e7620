"""Hand-built processed articles for the knowledge-base tests: exact events, no NLP, so the tests are fast and
do not move when extraction changes."""
from __future__ import annotations

from typing import Any

from communique.records import ActorRef, Article, Entity, Event, Fact, Location, Mention, Span

FILLER = ("The ministry said the talks took place in a friendly and constructive atmosphere and covered the agenda "
          "of bilateral relations, regional security and the preparation of upcoming high-level contacts. ")


def make_article(path: str, sentences: list[str], events: list[dict[str, Any]], *, outlet: str | None = None,
                 language: str = "en", published: str | None = "2024-05-14", people: list[dict[str, Any]] = (),
                 facts: list[dict[str, Any]] = (), filler: str = "") -> Article:
    """An article whose text is the sentences (plus optional filler making it distinct) with the given events.

    An event dict: type, source, target, sentence (index), and optional date, status, mutual, mode,
    source_entity, target_entity, also (indices of further sentences stating it), location (name, ISO3)."""
    text, spans = "", []
    for sentence in sentences:
        spans.append((len(text), len(text) + len(sentence)))
        text += sentence + " "
    text += filler
    article = Article(path=path, text=text.strip(), language=language, outlet=outlet, published=published,
                      title=sentences[0], stages={"events": "test"})
    for n, person in enumerate(people, 1):
        start = text.find(person["name"])
        article.entities.append(Entity(f"p{n}", "PERSON", person["name"], country=person.get("country"),
                                       role=person.get("role"),
                                       mentions=[Mention(start, start + len(person["name"]), person["name"])]))
    for n, ev in enumerate(events, 1):
        start, end = spans[ev["sentence"]]
        article.events.append(Event(
            f"v{n}", ev["type"], ActorRef(ev["source"], ev.get("source_entity")),
            ActorRef(ev["target"], ev.get("target_entity")), Span(start, end, text[start:end]), ev["sentence"],
            mode=ev.get("mode"), date=ev.get("date"), status=ev.get("status", "occurred"),
            mutual=ev.get("mutual", False), confidence=ev.get("confidence", 0.7),
            location=Location(*ev["location"]) if ev.get("location") else None,
            also=[Span(spans[i][0], spans[i][1], text[spans[i][0]:spans[i][1]]) for i in ev.get("also", ())]))
    for fact in facts:
        start, end = spans[fact["sentence"]]
        article.facts.append(Fact(fact["type"], fact["countries"], fact["value"], fact["unit"],
                                  Span(start, end, text[start:end]), fact.get("period")))
    return article


CONSULTATIONS = ("Kazakh Deputy Foreign Minister Roman Vassilenko and Argentine Vice Foreign Minister Pablo Tettamanti "
                 "held political consultations in Buenos Aires on Tuesday.")
CONSULATE = ("The first honorary consulate of Kazakhstan in Buenos Aires was opened in August 2023, on the 30th "
             "anniversary of the establishment of diplomatic relations.")
RELATIONS = "Kazakhstan and Argentina established diplomatic relations in 1993."
PARTNERS = "Tokayev called Argentina a strategic partner of Kazakhstan in Latin America."
AGREEMENT = "The sides signed an agreement on visa exemption for holders of diplomatic passports."
TRADE = "Trade between the two countries reached 64.7 million dollars in 2023."
PROTEST = "Kazakhstan handed a protest note to the Russian ambassador over remarks made on television."


def kaz_arg_articles() -> list[Article]:
    """Three reports: an agency dispatch, its reprint (same story, another outlet) and an independent article."""
    people = [{"name": "Roman Vassilenko", "country": "KAZ", "role": "deputy foreign minister"},
              {"name": "Pablo Tettamanti", "country": "ARG", "role": "deputy foreign minister"}]
    dispatch = make_article(
        "kazinform.txt", [CONSULTATIONS, CONSULATE, RELATIONS, AGREEMENT, TRADE],
        [{"type": "CONSULT", "source": "KAZ", "target": "ARG", "sentence": 0, "date": "2023-08-22", "mutual": True,
          "mode": "talks", "source_entity": "p1", "target_entity": "p2", "location": ("Buenos Aires", "ARG")},
         {"type": "COOPERATE", "source": "KAZ", "target": "ARG", "sentence": 1, "date": "2023-08",
          "mode": "diplomatic", "mutual": True},
         {"type": "COOPERATE", "source": "KAZ", "target": "ARG", "sentence": 2, "date": "1993", "mutual": True,
          "mode": "diplomatic"},
         {"type": "AGREE", "source": "KAZ", "target": "ARG", "sentence": 3, "date": "2023-08-22", "mutual": True,
          "mode": "sign"}],
        outlet="Kazinform", people=people, published="2023-08-24",
        facts=[{"type": "TRADE_TURNOVER", "countries": ["KAZ", "ARG"], "value": 64.7e6, "unit": "USD",
                "period": "2023", "sentence": 4}], filler=FILLER)
    reprint = make_article(
        "reprint.txt", [CONSULTATIONS, CONSULATE, RELATIONS, AGREEMENT, TRADE],
        [{"type": "CONSULT", "source": "ARG", "target": "KAZ", "sentence": 0, "date": None, "mutual": True,
          "mode": "talks"}],
        outlet="Diario Sur", people=people, published="2023-08-25", filler=FILLER + "Share on WhatsApp.")
    independent = make_article(
        "independent.txt", ["Argentina and Kazakhstan discussed trade and visas at a meeting in August.", PARTNERS],
        [{"type": "CONSULT", "source": "ARG", "target": "KAZ", "sentence": 0, "date": "2023-08", "mutual": True,
          "mode": "meeting"},
         {"type": "SUPPORT", "source": "KAZ", "target": "ARG", "sentence": 1, "date": "2024-05",
          "mode": "partnership"}],
        outlet="Buenos Aires Herald", language="en", published="2024-05-20")
    return [dispatch, reprint, independent]
