"""Document-level coreference of the sides of an event, per mechanism and per language: a counted group noun
("the three countries", "los dos gobiernos", "делегации двух государств") acts for the actors named together
before it. Real models parse each text; entities come from the real `entities` stage."""
from __future__ import annotations

import pytest

from test_events_lang import code_events, triples

# (language, text, events that must be found, events that must not)
CASES = {
    # a counted group: the latest list of that many actors named together
    "counted group": [
        ("en", "Australia, Britain and Spain recognised the new government on Tuesday. "
               "The three countries said they will give a firm response to Russia's threats.",
         {("THREATEN", "AUS", "RUS"), ("THREATEN", "GBR", "RUS"), ("THREATEN", "ESP", "RUS")}, set()),
        ("es", "España, Irlanda y Noruega reconocieron oficialmente a Palestina como Estado este martes. "
               "Los tres países señalaron que darán una respuesta firme a los ataques que han recibido de Israel.",
         {("THREATEN", "ESP", "ISR"), ("THREATEN", "IRL", "ISR"), ("THREATEN", "NOR", "ISR")}, set()),
        ("ru", "Литва, Латвия и Эстония выслали российских дипломатов в понедельник. "
               "Три страны осудили Россию за нарушение воздушного пространства.",
         {("ACCUSE", "LTU", "RUS"), ("ACCUSE", "LVA", "RUS"), ("ACCUSE", "EST", "RUS")}, set()),
    ],
    # the group in the "of" phrase of the subject, or counted by "both"/"dos" with a noun the parties rule lacks
    "counted pair": [
        ("en", "Chile and Bolivia announced that they would resume a dialogue suspended in 2010. "
               "In April, the delegations of both countries signed a roadmap for 2021.",
         {("AGREE", "CHL", "BOL")}, set()),
        ("es", "La presidenta de Argentina, Cristina Fernández, fue recibida en Bogotá por el presidente colombiano, "
               "Juan Manuel Santos. Durante la visita los dos gobiernos firmarán un tratado de extradición.",
         {("AGREE", "ARG", "COL")}, {("CONSULT", "COL", "ARG")}),
        ("ru", "Президенты Казахстана и Узбекистана провели переговоры в Ташкенте. "
               "Делегации двух государств подписали соглашение о торговле.",
         {("AGREE", "KAZ", "UZB")}, set()),
    ],
    # heads of state counted by "both"/"ambos"
    "counted heads": [
        ("en", "The presidents of Kenya and Tanzania signed a trade agreement in Nairobi on Monday. "
               "Earlier, both heads of state held a working meeting at the State House.",
         {("CONSULT", "KEN", "TZA")}, set()),
        ("es", "Los presidentes de Chile y Argentina firmaron un acuerdo de cooperación en Santiago. "
               "Previamente, ambos jefes de Estado sostuvieron una reunión de trabajo en el palacio.",
         {("CONSULT", "CHL", "ARG")}, set()),
    ],
    # a meeting noun whose verb only says it went on: the pair met
    "talks went on": [
        ("en", "The presidents of Kenya and Tanzania signed a trade agreement in Nairobi on Monday. "
               "The talks then continued in an expanded format with the delegations.",
         {("CONSULT", "KEN", "TZA")}, set()),
        ("es", "Los presidentes de Chile y Argentina firmaron un acuerdo de cooperación en Santiago. "
               "Luego las conversaciones continuaron en formato ampliado con las delegaciones.",
         {("CONSULT", "CHL", "ARG")}, set()),
        ("ru", "Президенты Казахстана и Узбекистана подписали соглашение о сотрудничестве в Астане. "
               "Затем переговоры продолжились в расширенном составе с участием делегаций.",
         {("CONSULT", "KAZ", "UZB")}, set()),
    ],
    # a count with no list of that size named before: no one to act
    "no such group": [
        ("en", "Kazakhstan and Japan held talks in Tokyo. The three countries signed a memorandum on transit.",
         set(), {("AGREE", "KAZ", "JPN"), ("AGREE", "JPN", "KAZ")}),
        ("es", "Kazajistán y Japón celebraron conversaciones en Tokio. Los tres países firmaron un memorando.",
         set(), {("AGREE", "KAZ", "JPN"), ("AGREE", "JPN", "KAZ")}),
    ],
}
PARAMS = [(mechanism, *case) for mechanism, cases in CASES.items() for case in cases]


@pytest.mark.parametrize("mechanism,language,text,wanted,unwanted", PARAMS,
                         ids=[f"{p[0]}-{p[1]}-{n}" for n, p in enumerate(PARAMS)])
def test_coreference_by_mechanism(mechanism, language, text, wanted, unwanted):
    found = triples(code_events(text, language))
    assert wanted <= found, f"{mechanism}: missing {wanted - found} in {found}"
    assert not unwanted & found, f"{mechanism}: wrong {unwanted & found}"


# (language, text, events that must be found, events that must not): an act stated without its doer
DOERLESS = [
    ("en", "President Tokayev arrived in Beijing on a state visit. After the talks, 24 documents were signed.",
     {("AGREE", "KAZ", "CHN")}, set()),
    ("es", "El presidente Tokayev llegó a Pekín en visita de Estado. Tras las conversaciones se firmaron 24 documentos.",
     {("AGREE", "KAZ", "CHN")}, set()),
    ("ru", "Президент Токаев прибыл в Пекин с государственным визитом. По итогам переговоров было подписано "
           "24 документа.",
     {("AGREE", "KAZ", "CHN")}, set()),
    # a participle describing a noun is background; a planned signing stated without its doer is left alone
    ("ru", "Президент Сомали встретился с генсеком ООН. Меморандум, подписанный в Аддис-Абебе, недействителен.",
     set(), {("AGREE", "SOM", "UN"), ("AGREE", "UN", "SOM")}),
    ("es", "El presidente de Brasil habló por teléfono con el presidente de Kazajistán. "
           "La fecha del viaje se acordará por los canales diplomáticos.",
     set(), {("AGREE", "BRA", "KAZ"), ("AGREE", "KAZ", "BRA")}),
]


@pytest.mark.parametrize("language,text,wanted,unwanted", DOERLESS, ids=[f"{p[0]}-{n}" for n, p in enumerate(DOERLESS)])
def test_act_without_its_doer_is_the_pairs(language, text, wanted, unwanted):
    found = triples(code_events(text, language))
    assert wanted <= found, f"missing {wanted - found} in {found}"
    assert not unwanted & found, f"wrong {unwanted & found}"


@pytest.mark.parametrize("language,text,expected", [
    ("en", "Peru's foreign ministry summoned the ambassador over remarks by the Chilean Embassy. The spokeswoman of "
           "Peru said: \"The Embassy is urged to respect the rules.\"", ("REQUEST", "PER", "CHL")),
    ("es", "La cancillería de Perú convocó al embajador por los comentarios de la Embajada de Chile. La portavoz de Perú "
           "dijo: \"Se insta a la Embajada a respetar las reglas\".", ("REQUEST", "PER", "CHL")),
])
def test_a_bare_definite_institution_is_the_one_named_before(language, text, expected):
    """"the Chilean Embassy ... The Embassy is urged to": the bare definite noun refers back to the organisation
    named before with that noun in its name."""
    assert expected in triples(code_events(text, language))


@pytest.mark.parametrize("language,text", [
    ("en", "Peru to summon Chilean ambassador over insults\nPeru's foreign ministry has summoned Chile's ambassador over "
           "remarks by the Chilean Embassy, its spokeswoman said on Monday. \"The Embassy is urged to respect the "
           "rules.\" Chile's ambassador Juan Soto is expected at the ministry on Tuesday."),
    ("es", "Perú convocará al embajador chileno por insultos\nLa cancillería de Perú convocó al embajador de Chile por "
           "los comentarios de la Embajada de Chile, dijo su portavoz el lunes. \"Se insta a la Embajada a respetar "
           "las reglas\". El embajador de Chile, Juan Soto, acudirá a la cancillería el martes."),
])
def test_an_institutions_spokeswoman_is_no_ambassador_named_later(language, text):
    """"its spokeswoman", "su portavoz": the office of the institution named before, never another office holder
    (the ambassador named later), so the quotation's request stays the ministry's side's."""
    article = code_events(text, language)
    spokes = [m for m in article.actor_mentions if m.kind == "person" and "Soto" not in m.text
              and m.text.lower().endswith(("spokeswoman", "portavoz"))]
    assert not spokes, [(m.text, m.code) for m in spokes]
    assert ("REQUEST", "PER", "CHL") in triples(article)


# (language, text, dateline country, events that must be found, events that must not)
DATELINE = [
    ("en", "ASTANA, March 3 - Japanese Foreign Minister Yoko Kamikawa arrived in this capital on Monday.", "KAZ",
     {("CONSULT", "JPN", "KAZ")}, set()),
    ("es", "LIMA, 3 mar (Andina). El canciller de Japón, Yoshimasa Hayashi, llegó a esta capital el lunes.", "PER",
     {("CONSULT", "JPN", "PER")}, set()),
    ("ru", "АСТАНА, 3 марта. Министр иностранных дел Японии Йоко Камикава прибыла в столицу в понедельник.", "KAZ",
     {("CONSULT", "JPN", "KAZ")}, set()),
    ("ru", "АСТАНА, 3 марта. Министр иностранных дел Казахстана прибыл в столицу Японии в понедельник.", "KAZ",
     {("CONSULT", "KAZ", "JPN")}, {("CONSULT", "KAZ", "KAZ")}),
]


@pytest.mark.parametrize("language,text,country,wanted,unwanted", DATELINE,
                         ids=[f"{p[0]}-{n}" for n, p in enumerate(DATELINE)])
def test_this_capital_is_the_datelines_city(language, text, country, wanted, unwanted):
    """"llegó a esta capital", "arrived in this capital", "прибыла в столицу": the city of the dateline, in its
    country; a capital with a name of its own ("в столицу Японии") stays that one."""
    article = code_events(text, language, {"place": text.split(",")[0].title(), "country": country})
    found = triples(article)
    assert wanted <= found, f"missing {wanted - found} in {found}"
    assert not unwanted & found, f"wrong {unwanted & found}"


@pytest.mark.parametrize("language,text,expected", [
    ("en", "\"We will keep supporting Armenia,\" the French foreign minister Catherine Colonna said.",
     ("SUPPORT", "FRA", "ARM")),
    ("es", "\"Nosotros seguiremos apoyando a Armenia\", dijo la canciller de Francia, Catherine Colonna.",
     ("SUPPORT", "FRA", "ARM")),
    ("ru", "«Мы продолжим осуждать действия Азербайджана», — заявил министр иностранных дел Франции.",
     ("ACCUSE", "FRA", "AZE")),
])
def test_we_in_a_quotation_keep_acting_is_the_speakers_side(language, text, expected):
    """"Nosotros seguiremos apoyando a Armenia": the object after the act is its target, no controller of it (as
    in "invited Xi to visit"); "we" is the speaker's side."""
    found = triples(code_events(text, language))
    assert expected in found and expected[:1] + expected[:0:-1] not in found, found


@pytest.mark.parametrize("language,text", [
    ("en", "Japan's foreign minister arrived in Astana on Monday. Kazakh President Tokayev, who is on a state visit "
           "to Germany, met Chancellor Olaf Scholz."),
    ("es", "El canciller de Japón llegó a Astaná el lunes. El presidente de Kazajistán, Kasym-Yomart Tokáyev, que se "
           "encuentra de visita de Estado en Alemania, se reunió con el canciller Olaf Scholz."),
    ("ru", "Министр иностранных дел Японии Йоко Камикава прибыла в Астану в понедельник. Президент Казахстана "
           "Касым-Жомарт Токаев, находящийся с государственным визитом в Германии, встретился с канцлером Олафом "
           "Шольцем."),
])
def test_the_visitor_a_clause_describes_is_the_noun_it_describes(language, text):
    """"X, who is on a state visit to Y", "X, находящийся с визитом в Y": X's country visits Y, never the one the
    sentence before was about."""
    found = triples(code_events(text, language))
    assert ("CONSULT", "KAZ", "DEU") in found and ("CONSULT", "JPN", "DEU") not in found, found


@pytest.mark.parametrize("language,text,expected", [
    ("en", "Belarus and Pakistan held talks in Islamabad on Tuesday. The ministers reaffirmed their readiness to "
           "support each other in the United Nations.", ("SUPPORT", "BLR", "PAK")),
    ("ru", "Белоруссия и Пакистан провели переговоры в Исламабаде. Министры подтвердили готовность поддержать друг "
           "друга в ООН.", ("SUPPORT", "BLR", "PAK")),
])
def test_each_other_is_the_pair(language, text, expected):
    """"support each other", "поддержать друг друга": the two sides, each the other's; never the organisation
    where it happens."""
    article = code_events(text, language)
    found = triples(article)
    assert expected in found and expected[:1] + expected[:0:-1] in found, found
    assert not any(e.target.code == "UN" or e.source.code == "UN" for e in article.events), found


@pytest.mark.parametrize("language,text", [
    ("en", "Belarusian Foreign Minister Maxim Ryzhenkov arrived in Hanoi on an official visit on Monday. On Tuesday "
           "he held talks and signed a memorandum."),
    ("es", "El canciller de Bolivia llegó a Perú en visita oficial el lunes. El martes sostuvo una reunión de trabajo "
           "y firmó un memorando."),
    ("ru", "Министр иностранных дел Белоруссии Максим Рыженков прибыл в Ханой с официальным визитом. Во вторник он "
           "провел переговоры и подписал меморандум."),
])
def test_a_meeting_without_its_partner_is_with_the_other_side_named_before(language, text):
    """"... arrived in Hanoi. On Tuesday he held talks and signed a memorandum": the signing is with the side the
    visit went to."""
    found = triples(code_events(text, language))
    assert any(t[0] == "AGREE" and {t[1], t[2]} in ({"BLR", "VNM"}, {"BOL", "PER"}) for t in found), found
