"""Several acts of one pair (issue 15, eleventh swap): each act a text states is its own event, in en/es/ru.
Two acts joined in one sentence ("summoned the ambassador and demanded", "held talks and signed") stay two
events; suspending the visits, trips or contacts between two states reduces relations (a SANCTION, as cancelling
a visit is), so a recall and a suspension of visits are two measures. Real models parse each text."""
from __future__ import annotations

import pytest

from test_events_lang import code_events


def typed(text: str, language: str) -> list[tuple[str, str, str]]:
    """(type, source, target) of each event, one entry per event (two events alike count twice)."""
    return sorted((e.type, e.source.code, e.target.code) for e in code_events(text, language).events)


# two acts of one pair in one sentence: one event each
@pytest.mark.parametrize("language,text,expected", [
    ("en", "Russia summoned the Moldovan ambassador and demanded that Chisinau punish those responsible.",
     [("ACCUSE", "RUS", "MDA"), ("REQUEST", "RUS", "MDA")]),
    ("es", "Rusia convocó al embajador de Moldavia y exigió a Chisináu castigar a los responsables.",
     [("ACCUSE", "RUS", "MDA"), ("REQUEST", "RUS", "MDA")]),
    ("ru", "МИД России вызвал посла Молдавии и потребовал от Кишинева наказать виновных.",
     [("ACCUSE", "RUS", "MDA"), ("REQUEST", "RUS", "MDA")]),
    ("en", "Lithuania expelled two Russian diplomats and closed the Russian consulate in Klaipeda.",
     [("SANCTION", "LTU", "RUS"), ("SANCTION", "LTU", "RUS")]),
    ("es", "Lituania expulsó a dos diplomáticos rusos y cerró el consulado ruso en Klaipeda.",
     [("SANCTION", "LTU", "RUS"), ("SANCTION", "LTU", "RUS")]),
    ("ru", "Литва выслала двух российских дипломатов и закрыла консульство России в Клайпеде.",
     [("SANCTION", "LTU", "RUS"), ("SANCTION", "LTU", "RUS")]),
])
def test_two_acts_joined_in_one_sentence_are_two_events(language, text, expected):
    assert typed(text, language) == expected


@pytest.mark.parametrize("language,text", [
    ("en", "The presidents of Vietnam and Indonesia held talks in Jakarta and signed three cooperation agreements."),
    ("es", "Los presidentes de Vietnam e Indonesia mantuvieron conversaciones en Yakarta y firmaron tres acuerdos "
           "de cooperación."),
    ("ru", "Президенты Вьетнама и Индонезии провели переговоры в Джакарте и подписали три соглашения о "
           "сотрудничестве."),
])
def test_talks_and_the_agreements_signed_at_them_are_two_events(language, text):
    assert {t for t, _, _ in typed(text, language)} == {"CONSULT", "AGREE"}


# suspending visits, trips, contacts: relations reduced
@pytest.mark.parametrize("language,text", [
    ("en", "Pakistan suspended all high-level visits with Iran."),
    ("en", "Pakistan has decided to suspend all planned trips to Iran."),
    ("es", "Pakistán suspendió todas las visitas de alto nivel con Irán."),
    ("ru", "Пакистан приостановил все визиты на высоком уровне в Иран."),
])
def test_a_suspension_of_visits_is_a_sanction(language, text):
    assert ("SANCTION", "PAK", "IRN") in typed(text, language)


@pytest.mark.parametrize("language,text", [
    ("en", "Pakistan recalled its ambassador from Iran and suspended all visits to Iran."),
    ("es", "Pakistán retiró a su embajador y suspendió todas las visitas a Irán."),    # "a su embajador": envoys
    ("ru", "Пакистан отозвал посла из Ирана и приостановил все визиты в Иран."),
])
def test_a_recall_and_a_suspension_of_visits_are_two_measures(language, text):
    assert typed(text, language) == [("SANCTION", "PAK", "IRN"), ("SANCTION", "PAK", "IRN")]


@pytest.mark.parametrize("language,text", [
    ("en", "Pakistan suspended the cricket match against Iran because of rain."),
    ("es", "Pakistán suspendió el partido de críquet contra Irán por la lluvia."),
])
def test_suspending_something_else_is_no_sanction(language, text):
    assert ("SANCTION", "PAK", "IRN") not in typed(text, language)


# a side's claim that the other used force is its accusation of that side, besides the act itself
@pytest.mark.parametrize("language,text", [
    ("en", "Pakistan said India had attacked five villages, killing more than 20 civilians."),
    ("es", "Pakistán afirmó que la India atacó cinco aldeas y mató a más de 20 civiles."),
    ("ru", "Пакистан заявил, что Индия атаковала пять населенных пунктов, погибли более 20 человек."),
    ("ru", "Сторона Пакистана, в свою очередь, утверждала, что Индия обстреляла три деревни."),
    ("ru", "МИД Пакистана сообщил о том, что индийские военные обстреляли три деревни."),     # «о том, что»
    ("ru", "МИД Пакистана заявил, что индийские военные пытались нарушить границу."),      # the act tried
])
def test_a_claim_of_the_other_sides_attack_accuses_it(language, text):
    assert ("ACCUSE", "PAK", "IND") in typed(text, language)


@pytest.mark.parametrize("language,text", [
    ("en", "Indian officials said they had not attacked any military sites in Pakistan."),   # denied
    ("en", "The United States said Israeli jets struck targets in Lebanon overnight."),      # a third side's report
    ("es", "Estados Unidos informó que aviones israelíes atacaron objetivos en el Líbano."),
    ("ru", "Индийские военные заявили, что не атаковали военные объекты Пакистана."),
])
def test_a_denial_or_a_third_sides_report_accuses_no_one(language, text):
    assert not [t for t in typed(text, language) if t[0] == "ACCUSE"]


# one recall told twice (the lead, then the ministry's announcement) stays one event
RETOLD = {
    "en": "Pakistan recalled its ambassador from Iran on Monday. The recall of the ambassador was announced by the "
          "foreign ministry.",
    "es": "Pakistán retiró a su embajador en Irán el lunes. El ministerio anunció que Pakistán retiró a su embajador "
          "en Teherán.",
    "ru": "Пакистан в понедельник отозвал посла из Ирана. Об отзыве посла сообщил МИД Пакистана.",
}


@pytest.mark.parametrize("language", sorted(RETOLD))
def test_one_recall_told_twice_stays_one_event(language):
    assert typed(RETOLD[language], language).count(("SANCTION", "PAK", "IRN")) == 1
