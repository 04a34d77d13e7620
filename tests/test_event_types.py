"""Which events are found and of which type, per language and per mechanism (issue 15): the conflict half of PLOVER
said by a verb, a verb with its object, or a noun; acts undone by a reversing verb; what talks are about; threats of
coercion; sport and markets pages. Real-looking sentences, parsed by the real models (see test_events_lang)."""
from __future__ import annotations

import pytest
from test_events_lang import code_events, triples

from communique.lexicon import lexicon

STATED = [
    # SANCTION: relations broken or reduced, envoys recalled or expelled, borders closed
    ("en", "Algeria severed diplomatic relations with Morocco on Tuesday.", ("SANCTION", "DZA", "MAR")),
    ("en", "France recalled its ambassador to Australia for consultations.", ("SANCTION", "FRA", "AUS")),
    ("en", "Thailand sealed its border with Cambodia after the blast.", ("SANCTION", "THA", "KHM")),
    ("es", "Argelia rompió relaciones diplomáticas con Marruecos.", ("SANCTION", "DZA", "MAR")),
    ("es", "Venezuela llamó a consultas a su embajadora en España.", ("SANCTION", "VEN", "ESP")),
    ("es", "Ecuador retiró a su embajador en México tras el incidente.", ("SANCTION", "ECU", "MEX")),   # "a" + object
    # ACCUSE by a reproachful label: "calificó de inaceptables", "se refirió a X como una dictadura", "tildó de"
    ("es", "México calificó de inaceptables las declaraciones del presidente de Perú.", ("ACCUSE", "MEX", "PER")),
    ("es", "La ministra de Defensa de Colombia, que se ha referido al Gobierno de Nicaragua como una dictadura, "
           "viajó a Quito.", ("ACCUSE", "COL", "NIC")),
    ("es", "El presidente de Bolivia tildó de injerencista al embajador de Estados Unidos.", ("ACCUSE", "BOL", "USA")),
    # SUPPORT by a praising label ("calificó de excelentes las relaciones", «назвал отношения отличными»)
    ("es", "El canciller chileno calificó de excelentes las relaciones con Perú.", ("SUPPORT", "CHL", "PER")),
    ("ru", "Министр иностранных дел Чили назвал отношения с Перу отличными.", ("SUPPORT", "CHL", "PER")),
    # a main verb with its subject is never part of a name the recogniser ran over it ("presidente de Chile agradeció")
    ("es", "El presidente de Chile agradeció a China su ayuda tras el terremoto.", ("SUPPORT", "CHL", "CHN")),
    ("en", "The Chilean president thanked China for its help after the earthquake.", ("SUPPORT", "CHL", "CHN")),
    ("ru", "Президент Чили поблагодарил Китай за помощь после землетрясения.", ("SUPPORT", "CHL", "CHN")),
    # the European Council (and the Council of the EU) acts for the EU
    ("es", "El Consejo Europeo advirtió que la UE puede decidir renovar las sanciones contra Bielorrusia.",
     ("THREATEN", "EU", "BLR")),
    ("en", "The European Council warned that it may renew the sanctions against Belarus.", ("THREATEN", "EU", "BLR")),
    ("ru", "Европейский совет продлил санкции против Белоруссии.", ("SANCTION", "EU", "BLR")),
    # a protest carried by a note or a letter: the verb that sends it is the act's ("una nota de protesta")
    ("es", "Colombia envió una nota de protesta debido a una incursión de militares venezolanos.",
     ("ACCUSE", "COL", "VEN")),
    ("en", "Colombia sent a protest note over an incursion by Venezuelan soldiers.", ("ACCUSE", "COL", "VEN")),
    ("ru", "Колумбия направила ноту протеста в связи с вторжением венесуэльских военных.", ("ACCUSE", "COL", "VEN")),
    # ... sent to an embassy or a ministry: "в" with the accusative is whither, not where (ru), as "to", "a" are
    ("ru", "Колумбия направила ноту протеста в посольство Венесуэлы.", ("ACCUSE", "COL", "VEN")),
    ("ru", "Литва направила ноту протеста в МИД Белоруссии.", ("ACCUSE", "LTU", "BLR")),
    ("en", "Colombia sent a protest note to the Venezuelan embassy.", ("ACCUSE", "COL", "VEN")),
    ("es", "Colombia envió una nota de protesta a la embajada de Venezuela.", ("ACCUSE", "COL", "VEN")),
    # harm to hopes, efforts or trust named by a speaker accuses the doer ("the strike destroyed any hope of ...")
    ("ru", "Удар Турции по северу Ирака полностью уничтожил надежды на перемирие, заявил премьер-министр Ирака.",
     ("ACCUSE", "IRQ", "TUR")),
    ("ru", "Россия подрывает доверие в Европе, заявил глава МИД Литвы.", ("ACCUSE", "LTU", "RUS")),
    ("en", "Egypt's foreign minister said Israel's actions undermine the efforts toward a settlement.",
     ("ACCUSE", "EGY", "ISR")),
    ("es", "El canciller de Egipto dijo que las acciones de Israel socavan los esfuerzos de paz.",
     ("ACCUSE", "EGY", "ISR")),
    # the members a verbless relative lists act for the counted noun (natasha's parse repaired)
    ("ru", "Несколько европейских стран, среди которых Франция и Германия, осудили удары Израиля по Катару.",
     ("ACCUSE", "DEU", "ISR")),
    ("es", "Varios países europeos, entre ellos Francia y Alemania, condenaron los ataques de Israel contra Catar.",
     ("ACCUSE", "DEU", "ISR")),
    ("en", "The Colombian defence minister called the Nicaraguan government a dictatorship.", ("ACCUSE", "COL", "NIC")),
    ("ru", "Министр обороны Колумбии назвала правительство Никарагуа диктатурой.", ("ACCUSE", "COL", "NIC")),
    ("en", "Ecuador withdrew its ambassador from Mexico after the incident.", ("SANCTION", "ECU", "MEX")),
    ("ru", "Эквадор отозвал своего посла из Мексики после инцидента.", ("SANCTION", "ECU", "MEX")),
    ("es", "Polonia cerró la frontera con Bielorrusia por tiempo indefinido.", ("SANCTION", "POL", "BLR")),
    ("es", "El bloqueo impuesto por Estados Unidos contra Cuba sigue vigente.", ("SANCTION", "USA", "CUB")),
    ("ru", "Алжир разорвал дипломатические отношения с Марокко.", ("SANCTION", "DZA", "MAR")),
    ("ru", "Франция отозвала посла из Австралии.", ("SANCTION", "FRA", "AUS")),
    ("ru", "Болгария объявила двух российских дипломатов персонами нон грата.", ("SANCTION", "BGR", "RUS")),
    ("ru", "Польша закрыла границу с Белоруссией.", ("SANCTION", "POL", "BLR")),
    ("ru", "Индия отзывает своих военных атташе из Исламабада.", ("SANCTION", "IND", "PAK")),
    # a second act after a comma shares the first's subject (natasha's second root, repaired)
    ("ru", "Эстония вызвала временного поверенного России в Таллине, объявила об отзыве своего военного атташе из "
           "Москвы.", ("SANCTION", "EST", "RUS")),
    # the doer of a clause whose subject natasha took for an object (repaired)
    ("ru", "Власти Вьетнама выразили протест после того, как китайский корабль береговой охраны (CCG) окружил и "
           "атаковал вьетнамских рыбаков.", ("ASSAULT", "CHN", "VNM")),
    # SUPPORT by the imperfective «поддерживать» of a side or its stand (not of relations kept up: NO_EVENT)
    ("ru", "Армения поддерживает позицию Франции по этому вопросу.", ("SUPPORT", "ARM", "FRA")),
    ("ru", "Турция поддерживает Азербайджан в этом споре.", ("SUPPORT", "TUR", "AZE")),
    # ACCUSE by a hostile verdict: «считает угрозой», «назвал противником»
    ("ru", "Эстония считает Россию угрозой своей безопасности.", ("ACCUSE", "EST", "RUS")),
    ("ru", "Министр обороны Польши назвал Россию противником.", ("ACCUSE", "POL", "RUS")),
    ("en", "Poland's defence minister called Russia an enemy.", ("ACCUSE", "POL", "RUS")),
    ("es", "El ministro de Defensa de Polonia calificó a Rusia de enemigo.", ("ACCUSE", "POL", "RUS")),
    # conduct a speaker charges another with, as the bare instrumental of «заниматься»
    ("ru", "Президент Израиля заявил, что якобы власти Ирана занимаются «укрывательством боевиков».",
     ("ACCUSE", "ISR", "IRN")),
    # ACCUSE: condemnations, denunciations, summoning an envoy, notes of protest
    ("en", "The Chinese foreign ministry denounced the Japanese decision.", ("ACCUSE", "CHN", "JPN")),
    ("en", "Germany summoned the Iranian ambassador over the executions.", ("ACCUSE", "DEU", "IRN")),
    ("es", "Venezuela convocó al embajador de España.", ("ACCUSE", "VEN", "ESP")),
    ("es", "Colombia envió una nota de protesta a Venezuela.", ("ACCUSE", "COL", "VEN")),
    ("ru", "Литва осудила действия Белоруссии на границе.", ("ACCUSE", "LTU", "BLR")),
    # accusations exchanged: each side accuses the other
    ("en", "Azerbaijan and Armenia traded accusations of violating the ceasefire.", ("ACCUSE", "ARM", "AZE")),
    ("es", "Azerbaiyán y Armenia intercambiaron acusaciones de violar el alto el fuego.", ("ACCUSE", "ARM", "AZE")),
    ("ru", "Азербайджан и Армения обменялись обвинениями в нарушении перемирия.", ("ACCUSE", "ARM", "AZE")),
    # a chargé d'affaires summoned; a name that does not decline after a light verb is its dative; disagreement
    ("ru", "Эстония вызвала временного поверенного в делах России.", ("ACCUSE", "EST", "RUS")),
    ("ru", "Китай выразил решительный протест США в связи с продажей оружия Тайваню.", ("ACCUSE", "CHN", "USA")),
    ("ru", "МИД Китая выразил решительное несогласие с заявлением Японии.", ("ACCUSE", "CHN", "JPN")),
    # a phone call, air strikes, persona non grata before its object (the parse repaired: nlp.repair)
    ("ru", "Президент Франции позвонил президенту Бразилии.", ("CONSULT", "FRA", "BRA")),
    ("ru", "Израиль нанес авиаудары по Сирии.", ("ASSAULT", "ISR", "SYR")),
    # an act one subjects another to, or undergoes from another ("подвергли обстрелу", "подверглись обстрелу со
    # стороны"), the act in the dative
    ("ru", "Азербайджанские военные подвергли армянские позиции артиллерийскому обстрелу.", ("ASSAULT", "AZE", "ARM")),
    ("ru", "Армянские позиции подверглись обстрелу со стороны Азербайджана.", ("ASSAULT", "AZE", "ARM")),
    ("ru", "Президент Франции подверг критике политику Китая.", ("ACCUSE", "FRA", "CHN")),
    ("en", "Azerbaijani troops subjected Armenian positions to artillery fire.", ("ASSAULT", "AZE", "ARM")),
    ("es", "El presidente francés sometió a duras críticas la política de China.", ("ACCUSE", "FRA", "CHN")),
    ("ru", "Латвия объявила персоной нон грата российского дипломата.", ("SANCTION", "LVA", "RUS")),
    # a protest or a note handed to someone named in the dative of the light verb
    ("ru", "Москва выразила протест Кишиневу.", ("ACCUSE", "RUS", "MDA")),
    ("ru", "Литва передала Белоруссии ноту протеста.", ("ACCUSE", "LTU", "BLR")),
    # hostile acts named by a speaker accuse their doer, also the subject of the verb whose object they are
    # ("never stopped": a negated cessation affirms)
    ("ru", "«Марокко никогда не прекращало враждебных действий против Алжира», заявил глава МИД Алжира.",
     ("ACCUSE", "DZA", "MAR")),
    ("en", "\"Morocco has never stopped its hostile actions against Algeria,\" the Algerian foreign minister said.",
     ("ACCUSE", "DZA", "MAR")),
    ("es", "\"Marruecos nunca cesó sus acciones hostiles contra Argelia\", dijo el canciller argelino.",
     ("ACCUSE", "DZA", "MAR")),
    # verdicts: the other side's words called false, its act hasty; a state listed as a sponsor of terrorism
    ("en", "Morocco called Algeria's claims baseless and false.", ("ACCUSE", "MAR", "DZA")),
    ("en", "Iran called Canada's decision hasty and extreme.", ("ACCUSE", "IRN", "CAN")),
    ("ru", "Марокко назвало заявления Алжира ложными.", ("ACCUSE", "MAR", "DZA")),
    ("en", "Canada designated Iran a state sponsor of terrorism.", ("ACCUSE", "CAN", "IRN")),
    ("es", "Canadá designó a Irán como estado patrocinador del terrorismo.", ("ACCUSE", "CAN", "IRN")),
    ("ru", "Сейм Литвы признал Россию государством-спонсором терроризма.", ("ACCUSE", "LTU", "RUS")),
    # REJECT, THREATEN, REQUEST
    ("en", "The United States voted against the resolution on Cuba.", ("REJECT", "USA", "CUB")),
    ("es", "Chile rechazó la demanda de Bolivia.", ("REJECT", "CHL", "BOL")),
    ("ru", "Белоруссия отвергла обвинения Польши.", ("REJECT", "BLR", "POL")),
    ("en", "Russia warned Finland that it would respond to its NATO membership.", ("THREATEN", "RUS", "FIN")),
    ("es", "México amenazó con llevar a Ecuador ante la Corte Internacional.", ("THREATEN", "MEX", "ECU")),
    ("ru", "Россия пригрозила Черногории ответными мерами.", ("THREATEN", "RUS", "MNE")),
    ("en", "Spain demanded an apology from Argentina.", ("REQUEST", "ESP", "ARG")),
    ("es", "España exigió disculpas públicas a Argentina.", ("REQUEST", "ESP", "ARG")),
    # ASSAULT, COERCE, MOBILIZE, RETREAT, CONCEDE, AID
    ("en", "Armenian forces shelled Azerbaijani positions overnight.", ("ASSAULT", "ARM", "AZE")),
    ("ru", "Армянские военные открыли огонь по азербайджанским позициям.", ("ASSAULT", "ARM", "AZE")),
    ("en", "Ecuadorian police raided the Mexican embassy in Quito.", ("COERCE", "ECU", "MEX")),
    ("es", "La policía ecuatoriana irrumpió en la embajada de México.", ("COERCE", "ECU", "MEX")),
    ("ru", "Россия стянула войска к границе с Украиной.", ("MOBILIZE", "RUS", "UKR")),
    # a border crossed unlawfully is a violation (the Russian subject before an adverb, which the parser hangs on it
    # as a modifier, is repaired: nlp.repair)
    ("en", "A Belarusian soldier illegally crossed the border into Lithuania.", ("COERCE", "BLR", "LTU")),
    ("es", "Un militar bielorruso cruzó ilegalmente la frontera de Lituania.", ("COERCE", "BLR", "LTU")),
    ("ru", "Белорусский военный незаконно перешел границу Литвы.", ("COERCE", "BLR", "LTU")),
    ("ru", "Вчера белорусский военный незаконно перешел границу и проник на территорию Литвы.", ("COERCE", "BLR", "LTU")),
    ("ru", "Армения вывела войска из Азербайджана.", ("RETREAT", "ARM", "AZE")),
    # easing sanctions and blockades is a RETREAT (CAMEO2PLOVER 085, 0872), easing curfews a CONCEDE (081)
    ("en", "The United States lifted sanctions on Venezuela.", ("RETREAT", "USA", "VEN")),
    ("es", "Estados Unidos levantó las sanciones contra Venezuela.", ("RETREAT", "USA", "VEN")),
    ("en", "Serbia lifted the night curfew in Montenegro on Sunday.", ("CONCEDE", "SRB", "MNE")),
    ("en", "Zambia extradited a suspected British militant to Britain on Sunday.", ("COOPERATE", "ZMB", "GBR")),
    ("en", "Kyrgyzstan provided humanitarian assistance to Kazakhstan.", ("AID", "KGZ", "KAZ")),
    # arms and military equipment handed to another side are military aid
    ("en", "Germany provided military equipment to Lithuania.", ("AID", "DEU", "LTU")),
    ("es", "Alemania suministró armamento a Lituania.", ("AID", "DEU", "LTU")),
    ("ru", "Германия передала Литве военную технику.", ("AID", "DEU", "LTU")),
    ("ru", "Германия поставила Литве оружие.", ("AID", "DEU", "LTU")),
    # ties made closer, as cooperation is ("boosting trade ties with", "fortalecieron sus lazos", "укрепляют связи")
    ("en", "Papua New Guinea is boosting trade ties with China.", ("COOPERATE", "PNG", "CHN")),
    ("es", "Kazajistán y China fortalecieron sus lazos económicos.", ("COOPERATE", "KAZ", "CHN")),
    ("ru", "Казахстан и Китай укрепляют торговые связи.", ("COOPERATE", "KAZ", "CHN")),
    # a verb that changes an amount carries the act it is said of ('double its aid to', light_verbs)
    ("en", "Japan tripled its humanitarian assistance to Sudan.", ("AID", "JPN", "SDN")),
    ("en", "The European Union increased its financial aid to Moldova.", ("AID", "EU", "MDA")),
    ("es", "Japón triplicó su asistencia humanitaria a Sudán.", ("AID", "JPN", "SDN")),
    ("ru", "Япония утроила гуманитарную помощь Судану.", ("AID", "JPN", "SDN")),
    # acts said as nouns with a light verb, and statements about a relationship
    ("es", "Kazajistán instaló una embajada en Argentina.", ("COOPERATE", "KAZ", "ARG")),
    ("ru", "Визит президента Казахстана в Узбекистан состоялся в марте.", ("CONSULT", "KAZ", "UZB")),
    ("en", "Australia stands with Ukraine, the prime minister said.", ("SUPPORT", "AUS", "UKR")),
    # expelling with a particle, violence against people, demands by pressing or insisting (each in every language)
    ("en", "Indonesia kicked the UN refugee agency out of the country on Monday.", ("SANCTION", "IDN", "UN")),
    ("es", "Venezuela desalojó a los diplomáticos peruanos de su embajada.", ("SANCTION", "VEN", "PER")),
    ("ru", "Россия выдворила британских дипломатов из страны.", ("SANCTION", "RUS", "GBR")),
    ("en", "American border agents abused Mexican immigrants, a rights group said.", ("ASSAULT", "USA", "MEX")),
    ("es", "Los agentes estadounidenses abusaron de inmigrantes mexicanos.", ("ASSAULT", "USA", "MEX")),
    ("en", "Britain is pushing for the United States to support its debt relief plan.", ("REQUEST", "GBR", "USA")),
    ("es", "Rusia presionó para que Estados Unidos levantara las sanciones.", ("REQUEST", "RUS", "USA")),
    ("en", "Russia insists on the withdrawal of American troops from Syria.", ("REQUEST", "RUS", "USA")),
    ("es", "Rusia insiste en la retirada de las tropas estadounidenses de Siria.", ("REQUEST", "RUS", "USA")),
    ("ru", "Россия настаивает на выводе американских войск из Сирии.", ("REQUEST", "RUS", "USA")),
    ("en", "European Community foreign ministers demanded the withdrawal of Serbian forces from Bosnia.",
     ("REQUEST", "EU", "SRB")),
    ("en", "Israeli tanks fired four shell bombs at targets in Jericho, witnesses said.", ("ASSAULT", "ISR", "PSE")),
]


@pytest.mark.parametrize("language,text,expected", STATED, ids=[f"{c[0]}-{n}" for n, c in enumerate(STATED)])
def test_an_act_is_found_with_its_type(language, text, expected):
    found = triples(code_events(text, language))
    assert expected in found, found


NOT_THE_NOUN = [
    # a reversing verb: the suspension or the lifting is the event, not an agreement or a sanction
    ("en", "Turkey suspended the water-sharing agreement with Iraq.", "AGREE", ("SANCTION", "TUR", "IRQ")),
    ("es", "Estados Unidos levantó las sanciones contra Venezuela.", "SANCTION", ("RETREAT", "USA", "VEN")),
    # a refusal: what is refused has not happened
    ("en", "Turkey refused to commit any direct assistance to the war.", "AID", None),
    ("ru", "Армения приостановила соглашение с Турцией.", "AGREE", None),
    ("ru", "Венгрия заблокировала выделение помощи Украине.", "AID", None),
    # a threat: what is threatened has not happened
    ("en", "North Korea threatened to strike South Korea.", "ASSAULT", ("THREATEN", "PRK", "KOR")),
]


@pytest.mark.parametrize("language,text,absent,expected", NOT_THE_NOUN)
def test_what_a_verb_undoes_or_threatens_is_not_an_event_of_its_own(language, text, absent, expected):
    article = code_events(text, language)
    assert absent not in {e.type for e in article.events}, triples(article)
    if expected:
        assert expected in triples(article)


NO_EVENT = [
    # designating an envoy is no verdict; recognising a state is support (test_events_lang)
    ("en", "Spain designated a new ambassador to Cuba.", None),
    ("es", "España designó a un nuevo embajador en Cuba.", None),
    # sport and markets: countries are teams
    ("en", "Canada lost to Finland 3-2 in overtime at the hockey world championship.", None),
    ("es", "España derrotó a Francia por 88-64 en la semifinal del Eurobasket.", None),
    ("ru", "Канада уступила Финляндии в овертайме матча чемпионата мира по хоккею.", None),
    # a border crossed lawfully is no violation
    ("en", "The Lithuanian president crossed the border into Belarus.", None),
    ("ru", "Президент Литвы пересек границу с Белоруссией.", None),
    # what talks are about has not happened: the talks are the only event
    ("ru", "Ереван и Анкара ведут переговоры по открытию границы и нормализации отношений.", "CONSULT"),
    ("en", "Armenia and Turkey held talks on the normalization of relations.", "CONSULT"),
    # ... also where the parser hangs the topic on the verb of which the meeting is the subject
    ("ru", "Встреча спецпредставителей Сербии и Косово по нормализации отношений состоялась в Брюсселе.", "CONSULT"),
    ("en", "The meeting of the envoys of Serbia and Kosovo on the normalization of relations took place in Brussels.",
     "CONSULT"),
    ("es", "La reunión de los enviados de Serbia y Kosovo sobre la normalización de relaciones tuvo lugar en Bruselas.",
     "CONSULT"),
    # background: a held state
    ("ru", "Алжир считает, что за пожарами стоят группы, которые пользуются поддержкой со стороны Марокко.", None),
    ("en", "Algeria says the groups behind the fires enjoy the support of Morocco.", None),
    ("es", "Argelia dice que los grupos detrás de los incendios gozan del apoyo de Marruecos.", None),
    ("en", "Kazakhstan has consular agreements with Brazil.", None),
    ("ru", "Казахстан поддерживает дипломатические отношения с Аргентиной.", None),
    # what a strike destroys is no accusation, whoever reports it; a harm no one is quoted on accuses no one
    ("ru", "Ракетный удар уничтожил склад в Харькове, сообщили в Минобороны России.", None),
    ("ru", "Удар Израиля уничтожил надежды на перемирие.", None),
    ("en", "The missile strike destroyed a warehouse in Kharkiv, Russia's defence ministry said.", None),
    ("es", "El misil destruyó un almacén en Járkov, informó el Ministerio de Defensa de Rusia.", None),
    ("ru", "Эстония считает Финляндию своим ближайшим соседом.", None),
    # a threat held of a thing in a clause names no side's act: no accusation between the holders
    ("ru", "Египет и Судан считают, что плотина является угрозой для их водной безопасности.", None),
    ("en", "The two countries have close ties.", None),
]


@pytest.mark.parametrize("language,text,only", NO_EVENT)
def test_background_and_other_pages_state_no_event_of_that_kind(language, text, only):
    types = {e.type for e in code_events(text, language).events}
    assert types <= ({only} if only else set()), types


@pytest.mark.parametrize("language", ["en", "es", "ru"])
def test_every_language_reads_the_conflict_half_of_plover(language):
    lex = lexicon(language)
    types = {f.type for frames in list(lex.verbs.values()) + list(lex.nouns.values()) for f in frames}
    assert {"ACCUSE", "SANCTION", "REJECT", "THREATEN", "PROTEST", "ASSAULT", "COERCE", "MOBILIZE", "REQUEST",
            "AID", "CONCEDE", "RETREAT", "SUPPORT"} <= types
    for key in ("reversal_verbs", "off_topic", "topic_preps", "departure_preps"):
        assert lex.words("roles", key), key


def test_citizens_are_the_target_of_coercion_and_never_the_source_of_diplomacy():
    found = triples(code_events("Israeli soldiers arrested more than 100 Palestinians in Hebron on Saturday.", "en"))
    assert ("COERCE", "ISR", "PSE") in found, found
    visit = triples(code_events("Fifty Mexicans visited Kazakhstan in May on a cultural tour.", "en"))
    assert not any("MEX" in (s, t) for _, s, t in visit), visit


@pytest.mark.parametrize("language,text", [
    ("en", "Palestinians accused Israel of violating the ceasefire on Monday."),
    ("es", "Los palestinos acusaron a Israel de violar el alto el fuego."),
])
def test_a_people_accusing_or_protesting_acts_for_its_side(language, text):
    assert ("ACCUSE", "PSE", "ISR") in triples(code_events(text, language))


@pytest.mark.parametrize("language,text,expected,unrealised", [
    ("en", "Japan is ready to send humanitarian aid to Nepal, the foreign minister said on Monday.",
     ("AGREE", "JPN", "NPL"), "AID"),
    ("en", "Syria says it is willing to withdraw its troops from neighboring Lebanon.", ("AGREE", "SYR", "LBN"),
     "RETREAT"),
    ("es", "España está dispuesta a enviar ayuda humanitaria a Cuba, dijo el ministro de Exteriores.",
     ("AGREE", "ESP", "CUB"), "AID"),
    ("ru", "Россия готова вывести войска из Сирии, заявил министр иностранных дел.", ("AGREE", "RUS", "SYR"),
     "RETREAT"),
])
def test_an_act_offered_is_an_agreement_to_act(language, text, expected, unrealised):
    article = code_events(text, language)
    assert expected in triples(article)
    assert unrealised not in {e.type for e in article.events}


@pytest.mark.parametrize("language,text,demand,unrealised", [
    ("en", "Egyptian President Hosni Mubarak said on Wednesday that the United States must be ready to mediate.",
     ("REQUEST", "EGY", "USA"), "CONSULT"),
    ("es", "El canciller cubano afirmó que Estados Unidos debe levantar el bloqueo contra Cuba.",
     ("REQUEST", "CUB", "USA"), "RETREAT"),
    # said with any verb of saying ("reiterated", "reiteró", "повторил"), and in Russian with the short adjective
    ("en", "A senior British minister reiterated that Libya must hand over the two suspects in the bombing.",
     ("REQUEST", "GBR", "LBY"), "AID"),
    ("es", "Un alto ministro británico insistió en que Libia debe entregar a los dos sospechosos del atentado.",
     ("REQUEST", "GBR", "LBY"), "AID"),
    ("ru", "Британский министр повторил, что Ливия должна выдать двух подозреваемых в организации взрыва.",
     ("REQUEST", "GBR", "LBY"), "AID"),
    ("ru", "Глава МИД Франции заявил, что Россия обязана вывести войска из Молдавии.",
     ("REQUEST", "FRA", "RUS"), "RETREAT"),
])
def test_what_a_speaker_says_another_must_do_is_a_demand(language, text, demand, unrealised):
    article = code_events(text, language)
    assert demand in triples(article)
    assert unrealised not in {e.type for e in article.events}


@pytest.mark.parametrize("language,text", [
    ("es", "Kirguistán no pudo suministrar agua a Kazajistán, según los acuerdos vigentes con Astaná."),
    ("en", "Kazakhstan supplies gas to Russia according to the agreement with Moscow."),
    ("ru", "Казахстан поставляет газ в Россию согласно соглашению с Москвой."),
])
def test_an_agreement_cited_as_a_frame_is_not_signed_again(language, text):
    assert "AGREE" not in {e.type for e in code_events(text, language).events}


def test_a_call_one_has_is_held():
    text = "Uzbek President Shavkat Mirziyoyev had a telephone conversation with Kazakh President Kassym-Jomart Tokayev."
    assert ("CONSULT", "UZB", "KAZ") in triples(code_events(text, "en"))


@pytest.mark.parametrize("language,text", [
    ("en", "President Tokayev thanked Turkey for its humanitarian aid during the floods."),
    ("es", "El canciller de Kazajistán agradeció a Turquía por la ayuda humanitaria enviada."),
    ("ru", "Президент Казахстана поблагодарил Турцию за гуманитарную помощь."),
])
def test_what_one_is_thanked_for_was_given_by_the_one_thanked(language, text):
    found = triples(code_events(text, language))
    assert ("AID", "TUR", "KAZ") in found and ("SUPPORT", "KAZ", "TUR") in found, found


@pytest.mark.parametrize("language,text", [
    ("en", "Spain recognised Palestine as a state on Tuesday."),
    ("es", "Irlanda reconoció a Palestina como Estado soberano."),
])
def test_recognising_a_state_supports_it(language, text):
    found = triples(code_events(text, language))
    assert any(t == "SUPPORT" and target == "PSE" for t, _, target in found), found


def test_a_participle_of_a_suspended_agreement_signs_nothing():
    text = "Индия приостановила действие соглашения о водах Инда, подписанного с Пакистаном в 1960 году."
    assert "AGREE" not in {e.type for e in code_events(text, "ru").events}


@pytest.mark.parametrize("language,text,expected", [
    ("en", "Russia will close the border with Lithuania if Vilnius does not lift the ban.", ("THREATEN", "RUS", "LTU")),
    ("es", "Rusia cerrará la frontera con Lituania si Vilna no levanta la prohibición.", ("THREATEN", "RUS", "LTU")),
    ("ru", "Россия закроет границу с Литвой, если Вильнюс не отменит запрет.", ("THREATEN", "RUS", "LTU")),
    ("en", "Nigeria announced that it will withdraw its peacekeeping force from Chad unless the government holds "
           "elections.", ("THREATEN", "NGA", "TCD")),
    ("en", "The United States will lift sanctions on Venezuela if Caracas holds free elections.",
     ("AGREE", "USA", "VEN")),
    # a threat is aimed at whoever must meet its condition
    ("en", "Russia has threatened to stop negotiations on nuclear weapons if the United States goes ahead with the "
           "deployment of new missiles in Europe.", ("THREATEN", "RUS", "USA")),
])
def test_an_act_announced_on_a_condition_is_a_threat_or_a_promise(language, text, expected):
    assert expected in triples(code_events(text, language))


@pytest.mark.parametrize("language,text,expected", [
    ("en", "The UNITA rebels refused to allow United Nations planes to land in the central highlands.",
     ("REJECT", "UNITA", "UN")),
    ("en", "Serbia refused to extradite the suspects to Croatia.", ("REJECT", "SRB", "HRV")),
    ("es", "La UNITA se negó a permitir que los aviones de las Naciones Unidas aterrizaran en el altiplano.",
     ("REJECT", "UNITA", "UN")),
    ("ru", "Движение УНИТА отказалось пропустить самолеты ООН в центральные районы страны.", ("REJECT", "UNITA", "UN")),
])
def test_a_refusal_is_aimed_at_whom_the_refused_act_concerns(language, text, expected):
    assert expected in triples(code_events(text, language))


@pytest.mark.parametrize("language,text,expected", [
    ("en", "Palestinian militants carried out an attack in Tel Aviv on Sunday.", ("ASSAULT", "PSE", "ISR")),
    ("es", "Militantes palestinos perpetraron un ataque en Tel Aviv el domingo.", ("ASSAULT", "PSE", "ISR")),
])
def test_the_place_an_attack_hit_is_its_target_not_its_source(language, text, expected):
    found = triples(code_events(text, language))
    assert expected in found and expected[:1] + expected[:0:-1] not in found


@pytest.mark.parametrize("language,text", [
    ("en", "The Bush administration declared on Tuesday that China must drop its barriers to American exports."),
    ("es", "La administración Bush declaró el martes que China debe eliminar sus barreras a las exportaciones."),
    ("ru", "Администрация Буша заявила во вторник, что Китай должен снять барьеры для американского экспорта."),
])
def test_a_leaders_administration_acts_for_the_leaders_country(language, text):
    assert ("REQUEST", "USA", "CHN") in triples(code_events(text, language))


@pytest.mark.parametrize("language,text,expected", [
    ("ru", "Минобороны Польши выслало в Литву документы о совместных учениях.", set()),
    ("ru", "Посольство вышлет в Казахстан приглашения на форум до конца месяца.", set()),
    ("ru", "Латвия выслала из страны граждан России, нарушивших закон.", {("SANCTION", "LVA", "RUS")}),
    ("ru", "Литва выслала российских журналистов.", {("SANCTION", "LTU", "RUS")}),
    ("en", "Argentina expelled Chinese fishing nets from its ports.", set()),
    ("en", "Russia expelled 20 Czech embassy staff.", {("SANCTION", "RUS", "CZE")}),
    ("es", "Perú expulsó de sus puertos las redes de pesca chinas.", set()),
    ("es", "México expulsó a 200 ciudadanos de Guatemala.", {("SANCTION", "MEX", "GTM")}),
    ("es", "Nicaragua expulsó a la misión de la OEA.", {("SANCTION", "NIC", "OAS")}),
    ("en", "Burkina Faso expelled the head of the UN mission on Friday.", {("SANCTION", "BFA", "UN")}),
    ("en", "Belarus expelled the EU delegation chief.", {("SANCTION", "BLR", "EU")}),
    ("es", "Venezuela expulsó al jefe de la delegación de la UE.", {("SANCTION", "VEN", "EU")}),
    ("es", "Guatemala expulsó al coordinador de la ONU en el país.", {("SANCTION", "GTM", "UN")}),
    ("ru", "Белоруссия выслала делегацию ЕС из Минска.", {("SANCTION", "BLR", "EU")}),
])
def test_only_people_are_expelled(language, text, expected):
    """An expulsion verb expels people, envoys or an actor ("выслала граждан", "expelled 20 embassy staff", "expulsó
    a la misión de la OEA"); with a thing as its object it sends the thing ("выслало в Литву документы")."""
    assert {t for t in triples(code_events(text, language)) if t[0] == "SANCTION"} == expected


@pytest.mark.parametrize("language,text,expected", [
    ("en", "Niger expelled the French ambassador on Tuesday, the government said.", ("SANCTION", "NER", "FRA")),
    ("en", "Mali expelled the UN refugee agency on Monday, officials said.", ("SANCTION", "MLI", "UN")),
    ("es", "Níger expulsó al embajador francés el martes, informó el gobierno.", ("SANCTION", "NER", "FRA")),
    ("es", "Chad expulsó a la agencia de la ONU para los refugiados el lunes.", ("SANCTION", "TCD", "UN")),
    ("ru", "Нигер выслал посла Франции во вторник, сообщило правительство.", ("SANCTION", "NER", "FRA")),
    ("ru", "Мали выслала миссию ООН в понедельник.", ("SANCTION", "MLI", "UN")),
])
def test_an_ambiguous_country_name_opening_a_sentence_is_the_actor_when_it_is_the_subject(language, text, expected):
    """A country name that is also a common word or first name (Niger, Mali, Chad; Нигер, Мали) is still the
    country at the start of a sentence when the parse makes it a verb's subject."""
    assert expected in triples(code_events(text, language))


@pytest.mark.parametrize("language,text", [
    ("ru", "Олаф Шольц прибыл с официальным визитом в Казахстан. Президент Казахстана поблагодарил канцлера Германии "
           "за то, что он принял приглашение посетить Казахстан."),
    ("en", "Olaf Scholz arrived in Kazakhstan on an official visit. Tokayev thanked the German chancellor for "
           "accepting the invitation to visit Kazakhstan."),
    ("es", "Olaf Scholz llegó a Kazajistán en visita oficial. Tokáyev agradeció al canciller alemán que aceptara la "
           "invitación para visitar Kazajistán."),
])
def test_an_invitation_accepted_for_a_visit_made_is_its_background(language, text):
    found = triples(code_events(text, language))
    assert ("CONSULT", "DEU", "KAZ") in found and ("SUPPORT", "KAZ", "DEU") in found
    assert ("REQUEST", "KAZ", "DEU") not in found, found


def test_an_invitation_accepted_for_a_visit_to_come_stays():
    found = triples(code_events("Канцлер Германии принял приглашение президента Казахстана посетить Астану в "
                                "следующем году. Президент Казахстана пригласил канцлера Германии посетить Астану.",
                                "ru"))
    assert ("REQUEST", "KAZ", "DEU") in found, found


@pytest.mark.parametrize("language,text", [
    ("ru", "Эмир Катара прибыл в Астану. 13 октября шейх Тамим бин Хамад Аль Тани примет участие в работе саммита "
           "СВМДА."),
    ("es", "El emir de Catar llegó a Astaná. El 13 de octubre el jeque Tamim bin Hamad Al Thani participará en los "
           "trabajos de la cumbre de la CICA."),
])
def test_a_summit_one_will_take_part_in_is_one_planned_consultation(language, text):
    """The summit named inside the phrase of the participation is the participation, planned (no second, mutual
    reading of it as held); the emir's name, spelt "бин" or "bin", is Qatar's."""
    article = code_events(text, language)
    summit = [e for e in article.events if e.type == "CONSULT" and {e.source.code, e.target.code} == {"QAT", "CICA"}]
    assert [(e.source.code, e.target.code, e.status) for e in summit] == [("QAT", "CICA", "planned")]
