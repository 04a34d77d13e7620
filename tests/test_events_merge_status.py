"""One act told twice in a document under different statuses (`events/merge.py`: `held`, `headline_joins`,
`retold_mentions`, `denied_twins`): an act under way and the same act done are one event; a headline in headlinese
("X to visit Y") and an opening that names the act ("During the talks this afternoon, ...") restate the body's act;
a denial of one instance of an act the text tells as done is no event of its own. A planned act beside a different
one done (a visit next year beside this week's) stays apart."""
from __future__ import annotations

import pytest
from event_readers import events_of

from communique import extract
from communique.events.merge import Candidate, denied_twins, headline_joins, held, merge
from communique.events.actor_mentions import ActorMention
from communique.lexicon import Frame


def _mention(code: str) -> ActorMention:
    return ActorMention(0, 0, 3, code, code)


def _candidate(type_: str, sentence: int, status: str = "occurred", source: str = "RUS", target: str = "ARE",
               confidence: float = 0.9) -> Candidate:
    return Candidate(type_, Frame(type_), _mention(source), _mention(target), sentence, 0, confidence, status)


# --- the mechanism, on candidates ---------------------------------------------------------------------------------

def test_an_act_under_way_is_the_act_done():
    assert held("ongoing") == held("occurred") == "occurred"
    assert held("planned") == "planned" and held("negated") == "negated"
    merged = merge([_candidate("CONSULT", 1), _candidate("CONSULT", 3, "ongoing")])
    assert [(c.sentence, sorted(c.also)) for c in merged] == [(1, [3])]


def test_planned_and_done_stay_two_events_in_the_body():
    merged = merge([_candidate("CONSULT", 1), _candidate("CONSULT", 4, "planned")])
    assert sorted(c.status for c in merged) == ["occurred", "planned"]


def test_a_headline_joins_the_body_act_of_another_status():
    merged = merge([_candidate("SANCTION", 0), _candidate("SANCTION", 1, "planned", confidence=0.6)], headline=0)
    assert [(c.sentence, c.status, sorted(c.also)) for c in merged] == [(0, "planned", [1])]
    # without a headline (or when the first sentence is body text) the two statuses stay apart
    assert len(merge([_candidate("SANCTION", 0), _candidate("SANCTION", 1, "planned")])) == 2


def test_a_headline_joins_nothing_when_the_body_tells_the_act_under_two_statuses():
    groups = {("CONSULT", "", frozenset(("RUS", "ARE")), status): [_candidate("CONSULT", n, status)]
              for n, status in ((0, "occurred"), (2, "planned"), (5, "hypothetical"))}
    assert headline_joins(groups, 0) == groups


def test_an_opening_that_names_the_act_joins_it():
    occurred, retold = _candidate("CONSULT", 1), _candidate("CONSULT", 2, "planned", confidence=0.5)
    merged = merge([occurred, retold], retold=frozenset({(2, 0)}))
    assert [(c.sentence, c.status, sorted(c.also)) for c in merged] == [(1, "occurred", [2])]
    assert len(merge([occurred, retold])) == 2


def test_a_mention_naming_no_kind_joins_no_other_status_when_the_body_tells_one_at_its_own():
    def kinded(kind: str, sentence: int, status: str) -> Candidate:
        return Candidate("COOPERATE", Frame("COOPERATE", kind=kind), _mention("KAZ"), _mention("ARG"), sentence, 0,
                         0.9, status)
    merged = merge([kinded("", 0, "occurred"), kinded("relations", 3, "occurred"), kinded("mission", 9, "planned")],
                   headline=0)
    assert sorted((c.sentence, c.status) for c in merged) == [(0, "occurred"), (3, "occurred"), (9, "planned")]


def test_a_denial_beside_the_act_done_is_dropped_and_a_denial_alone_stays():
    done, denied = _candidate("ASSAULT", 1, source="IND", target="PAK"), \
        _candidate("ASSAULT", 4, "negated", source="IND", target="PAK")
    assert denied_twins([done, denied]) == [done]
    assert denied_twins([denied]) == [denied]
    apart = {1: "2019", 4: "2024-05-09"}
    assert denied_twins([done, denied], lambda c: apart[c.sentence]) == [done, denied]


# --- in news prose ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Russian Foreign Minister Sergei Lavrov arrived in Abu Dhabi on Thursday for talks with his Emirati "
    "counterpart. Lavrov is currently on an official visit to the United Arab Emirates. "
    "Grain exports were among the topics discussed during Lavrov's visit to the UAE.",
    "El canciller ruso, Serguéi Lavrov, llegó el jueves a Abu Dabi para conversar con su homólogo emiratí. "
    "Lavrov se encuentra actualmente de visita oficial en los Emiratos Árabes Unidos. "
    "Las exportaciones de grano figuraron entre los temas tratados durante la visita de Lavrov a los Emiratos.",
    "Министр иностранных дел России Сергей Лавров в четверг прибыл в Абу-Даби для переговоров с эмиратским "
    "коллегой. В настоящее время Лавров находится с официальным визитом в ОАЭ. "
    "Экспорт зерна стал одной из тем обсуждения во время визита Лаврова в ОАЭ.",
])
def test_a_visit_under_way_and_the_visit_reported_are_one_event(text):
    visits = [e for e in events_of(text, "CONSULT") if e["source"]["code"] == "RUS" and e["target"]["code"] == "ARE"]
    assert len(visits) == 1


@pytest.mark.parametrize("text", [
    "Indian forces attacked nine sites in Pakistan on Wednesday night, the Indian defence ministry said. "
    "The Indian army said it did not attack any military facility of Pakistan.",
    "Las fuerzas indias atacaron nueve objetivos en Pakistán la noche del miércoles, informó el ministerio de Defensa "
    "indio. El ejército indio aseguró que no atacó ninguna instalación militar de Pakistán.",
    "Индийские войска в ночь на среду нанесли удары по девяти объектам в Пакистане, сообщило министерство обороны "
    "Индии. Индийские военные заявили, что не атаковали никакие военные объекты Пакистана.",
])
def test_a_strike_and_its_partial_denial_are_one_event(text):
    strikes = [e for e in events_of(text, "ASSAULT") if (e["source"]["code"], e["target"]["code"]) == ("IND", "PAK")]
    assert [e["status"] for e in strikes] == ["occurred"]


@pytest.mark.parametrize("text", [
    "Canada to impose sanctions on Venezuela's Maduro and top officials\n\n"
    "OTTAWA (Reuters) - Canada will impose targeted sanctions against forty Venezuelan officials, including "
    "President Nicolas Maduro, the foreign ministry said on Friday.\n",
    "Nuevas sanciones de Canadá contra Maduro y altos cargos venezolanos\n\n"
    "OTTAWA (Reuters) - Canadá impondrá sanciones selectivas contra cuarenta altos cargos venezolanos, entre ellos "
    "el presidente Nicolás Maduro, informó el viernes la cancillería.\n",
    "Новые санкции Канады против Мадуро и венесуэльских чиновников\n\n"
    "ОТТАВА (Reuters) - Канада введет адресные санкции против сорока высокопоставленных венесуэльских чиновников, "
    "включая президента Николаса Мадуро, сообщил в пятницу МИД страны.\n",
])
def test_a_headline_without_a_tense_is_the_body_act(text):
    sanctions = [e for e in events_of(text, "SANCTION") if (e["source"]["code"], e["target"]["code"]) == ("CAN", "VEN")]
    assert [e["status"] for e in sanctions] == ["planned"]
    assert len(sanctions[0]["also_evidence"]) == 1


@pytest.mark.parametrize("text", [
    "Kenyan President Uhuru Kenyatta arrived in Tanzania on Monday for a three-day official visit. During the talks "
    "this afternoon, Kenyatta and Tanzanian President John Magufuli will discuss trade.",
    "El presidente de Kenia, Uhuru Kenyatta, llegó el lunes a Tanzania para una visita oficial de tres días. Durante "
    "las conversaciones de esta tarde, Kenyatta y el presidente tanzano, John Magufuli, hablarán de comercio.",
    "Президент Кении Ухуру Кениата в понедельник прибыл в Танзанию с трехдневным официальным визитом. В ходе "
    "переговоров сегодня днем Кениата и президент Танзании Джон Магуфули обсудят торговлю.",
])
def test_talks_named_by_the_opening_of_a_sentence_are_the_visit_told(text):
    assert len(events_of(text, "CONSULT")) == 1


@pytest.mark.parametrize("text", [
    "Turkish President Erdogan visited Hungary on Thursday for talks on gas supplies. "
    "Erdogan will visit Hungary again in 2026 to open a new gas pipeline.",
    "El presidente de Turquía, Erdogan, visitó Hungría el jueves para conversar sobre el suministro de gas. "
    "Erdogan volverá a visitar Hungría en 2026 para inaugurar un nuevo gasoducto.",
    "Президент Турции Эрдоган в четверг посетил Венгрию для переговоров о поставках газа. "
    "Эрдоган снова посетит Венгрию в 2026 году, чтобы открыть новый газопровод.",
])
def test_a_visit_done_and_one_planned_next_year_stay_two_events(text):
    visits = [e for e in events_of(text, "CONSULT") if (e["source"]["code"], e["target"]["code"]) == ("TUR", "HUN")]
    assert sorted(e["status"] for e in visits) == ["occurred", "planned"]


# --- an act said earlier to be planned is the act the report tells as done ("Earlier, ...", "Anteriormente, ...",
# "Ранее ...": earlier_openings of the dates data; merge.announced_before) -----------------------------------------

def _kenya_ethiopia_consultations(text: str) -> list[str]:
    return [e["status"] for e in extract(text, published="2024-05-10")["events"]
            if e["type"] == "CONSULT" and {e["source"]["code"], e["target"]["code"]} == {"KEN", "ETH"}]


@pytest.mark.parametrize("text", [
    "Kenyan President William Ruto arrived in Addis Ababa on Thursday for talks with Ethiopian Prime Minister Abiy "
    "Ahmed. Earlier, Ruto said that he would visit Ethiopia to discuss the port agreement.",
    "El presidente de Kenia, William Ruto, llegó el jueves a Adís Abeba para conversar con el primer ministro etíope, "
    "Abiy Ahmed. Anteriormente, Ruto anunció que viajaría a Etiopía para reunirse con Abiy Ahmed.",
    "Президент Кении Уильям Руто прибыл в четверг в Аддис-Абебу для переговоров с премьер-министром Эфиопии Абием "
    "Ахмедом. Ранее Руто заявил, что проведет в Эфиопии переговоры с Абием Ахмедом.",
])
def test_an_act_announced_earlier_is_the_act_told_as_done(text):
    assert _kenya_ethiopia_consultations(text) == ["occurred"]


@pytest.mark.parametrize("text", [
    "Kenyan President William Ruto arrived in Addis Ababa on Thursday for talks with Ethiopian Prime Minister Abiy "
    "Ahmed. Ruto said that he would visit Ethiopia again in December.",
    "El presidente de Kenia, William Ruto, llegó el jueves a Adís Abeba para conversar con el primer ministro etíope, "
    "Abiy Ahmed. Ruto anunció que viajaría de nuevo a Etiopía en diciembre.",
    "Президент Кении Уильям Руто прибыл в четверг в Аддис-Абебу для переговоров с премьер-министром Эфиопии Абием "
    "Ахмедом. Руто заявил, что снова посетит Эфиопию в декабре.",
])
def test_a_further_act_planned_stays_apart(text):
    assert sorted(_kenya_ethiopia_consultations(text)) == ["occurred", "planned"]
