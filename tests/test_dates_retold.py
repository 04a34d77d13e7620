"""An act the report told before with its own day, retold later without one, is of that day, not of the report's
(`events.retold_dates.date_by_retelling`; issue 15, twelfth swap). Sentences written for these tests: the first
telling is left out of the events (as when the events stage misses it): only the retelling states the act."""
from __future__ import annotations

import pytest

from test_events_lang import code_events

from communique.events.dates import DatesStage
from communique.records import ActorRef, Event, Span
from communique.settings import Settings

#: the retelling's word of the summons
_SUMMONED = {"en": "summoned", "es": "convocó", "ru": "вызвало"}


def _date_of_retelling(text: str, language: str, published: str = "2024-05-14") -> str | None:
    """The date the stage gives Belarus's summons of the Polish envoy, stated by the last sentence only."""
    article = code_events(text, language)
    article.published = published
    last = article.sentences[-1]
    at = last.start + last.text.index(_SUMMONED[language])
    event = Event("ev1", "ACCUSE", ActorRef("BLR"), ActorRef("POL"), Span(last.start, last.end, last.text),
                  len(article.sentences) - 1, trigger=Span(at, at + len(_SUMMONED[language]), _SUMMONED[language]))
    article.events = [event]
    DatesStage(Settings()).process(article)
    return event.date


@pytest.mark.parametrize("language, text", [
    ("en", "Belarus expelled a Polish diplomat on Tuesday, its foreign ministry said. "
           "The expulsion came a day after Poland's ambassador in Minsk was summoned by the Belarusian Foreign "
           "Ministry on Monday. Warsaw called the step unjustified. "
           "The Belarusian ministry had protested against the detention of a journalist and summoned the Polish "
           "ambassador to hand him a note."),
    ("es", "Bielorrusia expulsó este martes a un diplomático polaco, informó su cancillería. "
           "La expulsión llega un día después de que el embajador de Polonia en Minsk fuera convocado el lunes por "
           "el Ministerio de Exteriores de Bielorrusia. Varsovia calificó el paso de injustificado. "
           "El ministerio bielorruso protestó por la detención de un periodista y convocó al embajador polaco para "
           "entregarle una nota."),
    ("ru", "Белоруссия во вторник выслала польского дипломата, сообщил МИД республики. "
           "Высылка последовала после того, как в понедельник посол Польши в Минске был вызван в МИД Белоруссии. "
           "Варшава назвала этот шаг необоснованным. "
           "Министерство Белоруссии выразило протест в связи с задержанием журналиста и вызвало польского посла, "
           "чтобы вручить ему ноту."),
])
def test_an_act_retold_without_a_day_takes_the_day_of_its_first_telling(language, text):
    assert _date_of_retelling(text, language) == "2024-05-13"


@pytest.mark.parametrize("language, text", [
    # the first telling is background, long before the report: the retelling is the report's news
    ("en", "Poland's ambassador in Minsk was summoned by the Belarusian Foreign Ministry in March 2021. "
           "Warsaw called the step unjustified. "
           "The Belarusian ministry protested against the detention of a journalist and summoned the Polish "
           "ambassador to hand him a note."),
    # another pair's act of the same word
    ("es", "Bielorrusia protestó este martes por la detención de un periodista. "
           "El embajador de Lituania en Minsk fue convocado el lunes por el Ministerio de Exteriores de Bielorrusia. "
           "El ministerio bielorruso protestó por la detención de un periodista y convocó al embajador polaco para "
           "entregarle una nota."),
])
def test_a_background_or_another_pairs_telling_does_not_date_the_act(language, text):
    assert _date_of_retelling(text, language) == "2024-05-14"


def _date_of_planned_retelling(text: str, language: str, word: str, event_type: str = "SANCTION",
                               published: str = "2024-05-17") -> tuple[str | None, str | None]:
    """The date the stage gives Venezuela's planned act towards Spain, stated by the last sentence only (its word
    `word`)."""
    article = code_events(text, language)
    article.published = published
    last = article.sentences[-1]
    at = last.start + last.text.index(word)
    event = Event("ev1", event_type, ActorRef("VEN"), ActorRef("ESP"), Span(last.start, last.end, last.text),
                  len(article.sentences) - 1, trigger=Span(at, at + len(word), word), status="planned")
    article.events = [event]
    DatesStage(Settings()).process(article)
    return event.date, event.date_text


@pytest.mark.parametrize("language, text, word, expected", [
    # the announcement's day dates the planned act it announces (a report of Friday 17 May)
    ("en", "Venezuela announced on Thursday its decision to recall its ambassador to Spain for consultations, in "
           "response to remarks by the Spanish defence minister. \"The government has decided to recall the "
           "ambassador to Spain for consultations\", the statement said.", "recall", ("2024-05-16", "on Thursday")),
    ("es", "Venezuela anunció este jueves su decisión de llamar a consultas a su embajadora en España, en respuesta a "
           "las declaraciones de la ministra española de Defensa. «El Gobierno ha decidido llamar a consultas a la "
           "embajadora en España», reza el comunicado.", "llamar", ("2024-05-16", "este jueves")),
    ("ru", "Венесуэла в четверг объявила о решении отозвать своего посла из Испании для консультаций в ответ на "
           "заявления министра обороны Испании. «Правительство решило отозвать посла из Испании», говорится в "
           "заявлении.", "отозвать", ("2024-05-16", "в четверг")),
])
def test_a_planned_act_retold_without_a_day_takes_the_day_of_its_announcement(language, text, word, expected):
    assert _date_of_planned_retelling(text, language, word) == expected


@pytest.mark.parametrize("language, text, word", [
    # a visit is held on a day of its own: the day it was announced does not date it (the report's day does)
    ("en", "Venezuela announced on Thursday that its foreign minister would visit Spain. The minister will visit "
           "Spain to discuss trade.", "visit"),
    ("es", "Venezuela anunció este jueves que su canciller visitará España. El canciller visitará España para "
           "hablar de comercio.", "visitará"),
    ("ru", "Венесуэла в четверг объявила, что ее министр посетит Испанию. Министр посетит Испанию, чтобы обсудить "
           "торговлю.", "посетит"),
])
def test_the_announcements_day_does_not_date_a_planned_visit(language, text, word):
    assert _date_of_planned_retelling(text, language, word, "CONSULT") == ("2024-05-17", None)


@pytest.mark.parametrize("language, text, word", [
    # the day ahead on the act's own word in its first telling is the act's day (a report of Friday 17 May)
    ("en", "Venezuela will recall its ambassador to Spain on Monday, the foreign ministry said. The decision "
           "follows remarks by the Spanish defence minister. The government will recall the ambassador for "
           "consultations.", "recall"),
    ("es", "Venezuela llamará a consultas a su embajadora en España el lunes, informó la cancillería. La decisión "
           "responde a las declaraciones de la ministra española de Defensa. El Gobierno llamará a consultas a la "
           "embajadora.", "llamará"),
    ("ru", "Венесуэла отзовет своего посла из Испании в понедельник, сообщил МИД страны. Решение последовало за "
           "заявлениями министра обороны Испании. Правительство отзовет посла для консультаций.", "отзовет"),
])
def test_a_planned_act_retold_without_a_day_takes_its_own_day_ahead(language, text, word):
    assert _date_of_planned_retelling(text, language, word)[0] == "2024-05-20"
