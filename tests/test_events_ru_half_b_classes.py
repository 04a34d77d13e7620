"""Classes of errors read on dev-articles-2 half B Russian (tenth swap; issue 15), each checked in en/es where the
class exists there: a breakaway region is no side of its state ("договорилась с Сомалилендом" is no agreement with
Somalia), and a closure's "of" phrase is whose post is closed ("о закрытии консульства России": Russia's consulate,
closed by the one who announces it). Sentences written for these tests."""
from __future__ import annotations

import pytest

from test_events_lang import code_events, triples


@pytest.mark.parametrize("text, language", [
    ("Эфиопия договорилась с Сомалилендом о доступе к порту, что возмутило Сомали.", "ru"),
    ("Эфиопия подписала с Сомалилендом меморандум о доступе к морю.", "ru"),
    ("Президент Абхазии провел переговоры с премьер-министром России.", "ru"),
    ("Ethiopia signed a port deal with Somaliland, angering Somalia.", "en"),
    ("Etiopía firmó un acuerdo portuario con Somalilandia.", "es"),
])
def test_a_breakaway_region_is_no_side_of_its_state(text, language):
    found = triples(code_events(text, language))
    assert not [t for t in found if "SOM" in t or "GEO" in t], found


@pytest.mark.parametrize("text, language, expected", [
    # the region stays a place: the act about it still has its doer and its state's voice
    ("Сомали осудила соглашение Эфиопии с Сомалилендом.", "ru", ("ACCUSE", "SOM", "ETH")),
    ("Грузия осудила визит российских депутатов в Абхазию.", "ru", ("ACCUSE", "GEO", "RUS")),
    ("Somalia condemned Ethiopia's deal with Somaliland.", "en", ("ACCUSE", "SOM", "ETH")),
    ("Georgia condemned the visit of Russian lawmakers to Abkhazia.", "en", ("ACCUSE", "GEO", "RUS")),
    ("Georgia condenó la visita de diputados rusos a Abjasia.", "es", ("ACCUSE", "GEO", "RUS")),
])
def test_an_act_about_a_breakaway_region_keeps_its_sides(text, language, expected):
    found = triples(code_events(text, language))
    assert expected in found
    if language != "en":       # English: the parser hangs "to Abkhazia" off the visit, which then finds Georgia
        assert not [t for t in found if t[0] == "CONSULT" and "GEO" in t], found   # a visit there is none to Georgia


@pytest.mark.parametrize("text, language", [
    ("Варшава объявила о закрытии консульства России в Познани.", "ru"),
    ("Правительство Польши объявило о закрытии российского консульства в Познани.", "ru"),
    ("Warsaw announced the closure of Russia's consulate in Poznan.", "en"),
    ("Poland ordered the closure of the Russian consulate in Poznan.", "en"),
    ("Varsovia anunció el cierre del consulado de Rusia en Poznan.", "es"),
    ("El Gobierno polaco ordenó el cierre del consulado ruso en Poznan.", "es"),
])
def test_a_closure_is_done_to_the_owner_of_the_post(text, language):
    found = triples(code_events(text, language))
    assert ("SANCTION", "POL", "RUS") in found
    assert ("SANCTION", "RUS", "POL") not in found


@pytest.mark.parametrize("text, language", [
    ("Индия объявила о закрытии своего посольства в Кабуле.", "ru"),
    ("India announced the closure of its embassy in Kabul.", "en"),
    ("India anunció el cierre de su embajada en Kabul.", "es"),
])
def test_closing_ones_own_embassy_is_aimed_at_the_host(text, language):
    assert ("SANCTION", "IND", "AFG") in triples(code_events(text, language))


@pytest.mark.parametrize("text, language", [
    # no other doer named: the owner closed its own post, aimed at the host
    ("Отношения ухудшились после закрытия посольства США в Дамаске в феврале.", "ru"),
    ("Relations worsened after the closure of the U.S. Embassy in Damascus in February.", "en"),
    ("Las relaciones empeoraron tras el cierre de la embajada de Estados Unidos en Damasco en febrero.", "es"),
])
def test_a_post_closed_with_no_other_doer_is_closed_by_its_owner(text, language):
    found = triples(code_events(text, language))
    assert ("SANCTION", "USA", "SYR") in found
    assert ("SANCTION", "SYR", "USA") not in found


@pytest.mark.parametrize("text, language", [
    ("Парламент Латвии принял решение о закрытии границы с Белоруссией.", "ru"),
    ("El Parlamento de Letonia aprobó el cierre de la frontera con Bielorrusia.", "es"),
])
def test_a_border_closed_with_a_neighbour_is_aimed_at_it(text, language):
    assert ("SANCTION", "LVA", "BLR") in triples(code_events(text, language))


@pytest.mark.parametrize("text, language", [
    ("Азербайджан обвинил Армению в провокациях. Армения будет защищать свой суверенитет всеми доступными "
     "средствами, заявил премьер-министр Армении.", "ru"),
    ("Azerbaijan accused Armenia of provocations. Armenia will defend its sovereignty by all available means, its "
     "prime minister said.", "en"),
    ("Azerbaiyán acusó a Armenia de provocaciones. Armenia defenderá su soberanía por todos los medios, dijo su "
     "primer ministro.", "es"),
])
def test_defending_ones_own_by_all_means_threatens_who_acted_before(text, language):
    assert ("THREATEN", "ARM", "AZE") in triples(code_events(text, language))


@pytest.mark.parametrize("text, language", [
    ("Президент Филиппин заявил, что Китай атаковал филиппинские суда. Мы продолжаем отстаивать наш суверенитет, "
     "сказал он.", "ru"),
    ("The Philippine president said China had attacked Philippine boats. We continue to defend our sovereignty, "
     "he said.", "en"),
    ("El presidente de Filipinas dijo que China atacó barcos filipinos. Seguimos defendiendo nuestra soberanía, "
     "dijo.", "es"),
])
def test_defending_ones_own_without_means_is_a_stance(text, language):
    assert not [t for t in triples(code_events(text, language)) if t[0] == "THREATEN"]


@pytest.mark.parametrize("text, language", [
    ("Сомали отозвала посла после подписанного соглашения, которое дает Эфиопии доступ к морю.", "ru"),
    ("Президент Сомали выступил после подписания соглашения, которое дает Эфиопии доступ к морю.", "ru"),
    ("Somalia recalled its ambassador after the agreement that gives Ethiopia access to the sea.", "en"),
    ("Somalia retiró a su embajador tras el acuerdo que da a Etiopía acceso al mar.", "es"),
])
def test_an_agreement_named_as_the_time_of_another_act_has_no_sides_of_its_own(text, language):
    assert not [t for t in triples(code_events(text, language)) if t[0] == "AGREE"]


@pytest.mark.parametrize("text, expected", [
    # sides named in its own phrase, or none at all (the sides the text is about): an event all the same
    ("Президент Казахстана выступил после подписания соглашения с Узбекистаном.", ("AGREE", "KAZ", "UZB")),
    ("После переговоров президенты Казахстана и Узбекистана сделали заявления для прессы.",
     ("CONSULT", "KAZ", "UZB")),
])
def test_an_act_named_as_the_time_with_its_sides_stays(text, expected):
    assert expected in triples(code_events(text, "ru"))


@pytest.mark.parametrize("text, language, expected", [
    ("Япония выделит Филиппинам 10 миллионов долларов на восстановление после тайфуна.", "ru", ("AID", "JPN", "PHL")),
    ("Китай выделил Пакистану кредит в размере 2 миллиардов долларов.", "ru", ("AID", "CHN", "PAK")),
    ("Japan will allocate $10 million to the Philippines for typhoon recovery.", "en", ("AID", "JPN", "PHL")),
    ("China extended a $2 billion loan to Pakistan.", "en", ("AID", "CHN", "PAK")),
    ("Japón destinará 10 millones de dólares a Filipinas para la reconstrucción.", "es", ("AID", "JPN", "PHL")),
])
def test_money_given_to_another_state_is_aid(text, language, expected):
    assert expected in triples(code_events(text, language))


@pytest.mark.parametrize("text, language", [
    ("Правительство выделило 10 миллионов рублей на ремонт дорог.", "ru"),
    ("The ministry extended the deadline for applications.", "en"),
    ("El Gobierno destinará 10 millones de euros a la reparación de carreteras.", "es"),
])
def test_money_spent_at_home_is_no_event(text, language):
    assert not code_events(text, language).events


@pytest.mark.parametrize("text, language", [
    ("Министр иностранных дел Филиппин встретился с послом Китая и вручил ему ноту протеста.", "ru"),
    ("Министр иностранных дел Филиппин встретился с послом Китая, чтобы вручить ему ноту протеста.", "ru"),
    ("El canciller filipino se reunió con el embajador chino para entregarle una nota de protesta.", "es"),
    ("The Philippine foreign minister met Chinese diplomats and handed them a protest note.", "en"),
])
def test_a_protest_note_handed_to_a_pronoun_is_aimed_at_the_one_named_before(text, language):
    assert ("ACCUSE", "PHL", "CHN") in triples(code_events(text, language))


def test_a_veto_given_to_a_pronoun_is_not_aimed_at_it():
    found = triples(code_events("Afghan rebel leaders said they would meet the UN mediator if he gave them a veto "
                                "over any settlement.", "en"))
    assert not [t for t in found if t[0] == "REJECT"]


@pytest.mark.parametrize("text, language", [
    ("МИД Китая заявил, что Токио проводит недружественную политику в отношении Пекина.", "ru"),
    ("China's foreign ministry said Tokyo pursues a hostile policy toward Beijing.", "en"),
    ("La cancillería china dijo que Tokio aplica una política hostil hacia Pekín.", "es"),
])
def test_a_hostile_policy_named_by_a_speaker_accuses(text, language):
    assert ("ACCUSE", "CHN", "JPN") in triples(code_events(text, language))


@pytest.mark.parametrize("text, language", [
    ("Правительство Японии проводит политику сближения с Китаем, заявил министр.", "ru"),
    ("Japan's policy toward China remains unchanged, the minister said.", "en"),
    ("La cancillería china dijo que la política de Japón hacia China no ha cambiado.", "es"),
])
def test_a_policy_named_without_reproach_is_no_accusation(text, language):
    assert not [t for t in triples(code_events(text, language)) if t[0] == "ACCUSE"]


@pytest.mark.parametrize("text, language", [
    ("Egypt welcomed Jordan's decision to open an embassy in Cairo.", "en"),
    ("Президент Египта принял предложение Иордании.", "ru"),
])
def test_a_decision_or_proposal_welcomed_or_accepted_is_no_guest(text, language):
    assert not [t for t in triples(code_events(text, language)) if t[0] == "CONSULT" and t[1] == "JOR"]


@pytest.mark.parametrize("text, language", [
    ("Egyptian President Sisi welcomed King Abdullah of Jordan in Cairo.", "en"),
    ("Президент Египта принял министра иностранных дел Иордании.", "ru"),
    ("El presidente egipcio recibió al canciller jordano.", "es"),
])
def test_a_guest_welcomed_is_still_hosted(text, language):
    assert ("CONSULT", "JOR", "EGY") in triples(code_events(text, language))
