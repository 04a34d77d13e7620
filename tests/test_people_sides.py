"""People's countries read from how a sentence lists the officials of two sides: honorifics and portfolios between
a title and a name, a known person with both surnames, countries and names coordinated in the same order, side
markers, "X for Mexico", companions. Sentences written for these tests, in en/es/ru."""
from __future__ import annotations

import pytest

from test_entities import make_article, person


def countries_of(language: str, text: str, surnames) -> dict[str, str | None]:
    article = make_article(text, language, "2024-03-01")
    return {s: person(article, s).country for s in surnames}


#: one person's country, by class of construction
SINGLE = {
    "an_honorific_or_a_portfolio_between_a_title_and_the_name_keeps_the_titles_country": [
        ("en", "The talks were attended by the Ugandan Minister of Works and Transport, Hon. Edward Katumba Wamala.",
         "Wamala", "UGA"),
        ("en", "Also present was the Minister of Energy, Zambia, Hon. Peter Kapala, who spoke on power trade.",
         "Kapala", "ZMB"),
        ("en", "The Kenyan Deputy Minister of Trade and Industrialization, H.E. Mr. Daniel Kiprono Rotich, arrived.",
         "Rotich", "KEN"),
        ("es", "Asistió al encuentro el ministro de Comercio y Turismo de Chile, señor Andrés Valenzuela Rojas.",
         "Valenzuela", "CHL"),
        ("ru", "В переговорах участвовал министр энергетики Казахстана г-н Нурлан Байжанов.", "Bayzhanov", "KAZ"),
    ],
    "the_officials_accompanying_someone_are_on_that_persons_side": [
        ("en", "Ghana's President Kwaku Boateng arrived in Abuja, accompanied by the Minister of Roads Kofi Adjei. "
               "Nigeria welcomed the visit.", "Adjei", "GHA"),
        ("es", "El presidente boliviano Ramiro Quispe llegó a Lima acompañado del ministro de Obras Públicas Edgar "
               "Mamani. Perú recibió la visita.", "Mamani", "BOL"),
        ("ru", "Президент Узбекистана Азиз Каримов прибыл в Астану в сопровождении министра энергетики Рустама "
               "Юсупова. Казахстан приветствовал визит.", "Yusupov", "UZB"),
    ],
    "an_aide_spokesperson_or_envoy_of_a_named_person_serves_that_persons_country": [
        ("en", "Kenya hosted the talks in Nairobi. \"We accept the invitation,\" said Dawit Bekele, Prime Minister "
               "Abiy Ahmed's national security adviser. Kenya welcomed the step.", "Bekele", "ETH"),
        ("en", "Kenya hosted the talks in Nairobi. \"We are ready,\" said Abel Garang, who heads Salva Kiir's press "
               "office. Kenya welcomed the step.", "Garang", "SSD"),
        ("es", "Kenia acogió en Nairobi las conversaciones entre Kenia y Sudán del Sur. \"Aceptamos\", dijo Abel "
               "Garang, portavoz del presidente Salva Kiir. Kenia celebró el paso.", "Garang", "SSD"),
        ("ru", "Кения приняла в Найроби переговоры Кении и Южного Судана. «Мы согласны», — заявил Абель Гаранг, "
               "советник президента Сальвы Киира. Кения приветствовала этот шаг.", "Garang", "SSD"),
    ],
    "the_members_of_a_persons_delegation_are_on_that_persons_side": [
        ("en", "The United Arab Emirates received the visitors. President Salva Kiir's delegation includes Barnaba "
               "Garang and Intelligence Director-General Simon Makuac. The UAE welcomed them.", "Makuac", "SSD"),
        ("es", "Emiratos Árabes Unidos recibió a los visitantes. La delegación del presidente Salva Kiir está "
               "integrada por Barnaba Garang y el director de inteligencia Simon Makuac. Emiratos los recibió.",
         "Makuac", "SSD"),
    ],
    "other_words_for_a_counterpart_and_a_name_read_as_an_organisation": [
        ("en", "Ghana's Foreign Minister Kwaku Boateng met his opposite number Kossi Adjovi in Accra. Ghana and Togo "
               "signed a deal. Togo thanked Ghana.", "Adjovi", "TGO"),
        ("es", "El ministro de Defensa de Ecuador, Diego Andrade, se reunió en Caracas con su par venezolano, Luis "
               "Mendoza Ríos. Venezuela y Ecuador firmaron un acuerdo.", "Mendoza", "VEN"),
        ("ru", "Министр иностранных дел Казахстана Ерлан Абенов встретился со своим визави Косси Аджови в Астане. Того "
               "и Казахстан подписали соглашение. Того поблагодарило Казахстан.", "Adzhovi", "TGO"),
    ],
    "a_side_named_by_its_demonym_and_a_side_noun": [
        ("en", "Ghana and Togo held talks in Lome. The Ghanaian side was represented by Kwaku Boateng. Togo thanked "
               "Ghana. Togo hosted the talks.", "Boateng", "GHA"),
        ("es", "Ecuador y Colombia negociaron en Bogotá. La parte ecuatoriana estuvo representada por Diego Andrade. "
               "Colombia agradeció. Colombia fue sede.", "Andrade", "ECU"),
        ("ru", "Казахстан и Узбекистан провели переговоры в Ташкенте. Казахстанскую сторону представлял Ерлан Абенов. "
               "Узбекистан поблагодарил Казахстан. Узбекистан принял гостей.", "Abenov", "KAZ"),
    ],
    "an_official_with_a_title_alone_serves_the_country_named_most": [
        ("en", "Nigeria and Ghana held talks on trade. The spokesperson of the ministry, Ade Okonkwo, said Nigeria wants "
               "calm. Nigeria will host the next round.", "Okonkwo", "NGA"),
        ("es", "Kenia y Uganda revisaron la agenda. El portavoz Joseph Mwangi dijo que Kenia apoya el acuerdo. Kenia "
               "será sede de la próxima ronda.", "Mwangi", "KEN"),
        ("ru", "Казахстан и Китай обсудили торговлю. Официальный представитель Ли Вэйминь заявил, что Китай "
               "поддерживает проект. Китай готов инвестировать.", "Weimin", "CHN"),   # pinyin, not Palladius
    ],
    "the_datelines_state_is_not_given_to_whom_its_official_met_nor_to_a_second_holder": [
        ("es", "QUITO, 3 may (EFE).- El canciller Diego Andrade recibió al canciller Javier Montes este lunes. Colombia "
               "y Ecuador firmaron un acuerdo fronterizo. Colombia será sede de la próxima ronda.", "Montes", "COL"),
        ("en", "ACCRA, May 3 (GNA) - Foreign Minister Kwaku Boateng held talks with Foreign Minister Kossi Adjovi. Togo "
               "and Ghana signed a border accord. Togo will host the next round. Togo thanked Ghana.", "Adjovi", "TGO"),
        ("ru", "АСТАНА, 3 мая. Министр иностранных дел Ерлан Абенов провел переговоры с министром иностранных дел "
               "Косси Аджови. Того и Казахстан подписали соглашение. Того примет следующий раунд.", "Adzhovi", "TGO"),
    ],
    "a_visitor_named_after_the_visit_or_called_visiting_serves_another_country": [
        ("en", "The visiting minister, Ali Rezaei, met Kazakh officials in Astana on Monday. Kazakhstan and Iran "
               "discussed transit. Kazakhstan hopes to expand trade.", "Rezaei", "IRN"),
        ("es", "Durante su visita a Quito, el vicecanciller Ramiro Quispe se reunió con Javier Montes. Ecuador y "
               "Colombia analizaron la agenda. Ecuador espera más comercio.", "Quispe", "COL"),
        ("ru", "В ходе визита в Астану заместитель министра иностранных дел Али Резаи встретился с Ерланом Абеновым. "
               "Казахстан и Иран обсудили транзит. Казахстан надеется на рост торговли.", "Rezai", "IRN"),
        ("ru", "Находящийся с визитом в Казахстане заместитель министра иностранных дел Али Резаи провел переговоры в "
               "Астане. Казахстан и Иран обсудили транзит. Казахстан надеется на рост торговли.", "Rezai", "IRN"),
    ],
    "a_counterpart_is_on_the_other_side_whatever_the_origin_of_the_name": [
        ("ru", "Глава МИД Казахстана Ерлан Сапаров принял в Астане своего коллегу Азиза Каримова. Стороны обсудили "
               "отношения между Казахстаном и Узбекистаном.", "Karimov", "UZB"),
        ("es", "El canciller de Bolivia, Ramiro Quispe, recibió en La Paz a su homólogo Javier Montes. Ambos hablaron "
               "del comercio entre Bolivia y Perú.", "Montes", "PER"),
        ("en", "Ghana's Foreign Minister Kwaku Boateng received his counterpart Kossi Adjovi in Accra. They discussed "
               "the border between Ghana and Togo.", "Adjovi", "TGO"),
    ],
    "a_title_with_its_country_apposed_to_a_name_binds_it": [
        ("en", "Kossi Adjovi met Kwaku Boateng, Ghana's foreign minister, in Accra. Togo and Ghana signed a deal.",
         "Boateng", "GHA"),
        ("en", "Kossi Adjovi met Kwaku Boateng, Ghana's top diplomat, in Accra. Togo and Ghana signed a deal.",
         "Boateng", "GHA"),
        ("en", "The Acting President received President of Ghana, Kwame Asante-Darko, at his residence in Abuja.",
         "Asante", "GHA"),
        ("en", "Pakistan's Minister for Commerce Tariq Mehmood Alvi met Uzbek officials in Islamabad.", "Alvi", "PAK"),
    ],
    "an_officials_country_from_the_dateline_a_possessive_or_a_demonym_in_the_title": [
        ("en", "TEHRAN, May 5 (IRNA) - Deputy Foreign Minister Ali Rezaei met Turkish Ambassador Mehmet "
               "Yilmaz on Sunday.",
         "Rezaei", "IRN"),
        ("es", "Quito, 3 may (EFE).- El viceministro de Relaciones Exteriores, Diego Andrade, recibió al embajador "
               "colombiano Andrés Ospina.", "Andrade", "ECU"),
        ("en", "Iran's Hossein Karimi also attended the talks with Turkey in Ankara.", "Karimi", "IRN"),
        ("es", "El ministro uruguayo de Economía, Gabriel Olivera, se reunió con la ministra argentina Laura Pereyra.",
         "Olivera", "URY"),
    ],
    "someone_met_by_one_side_is_of_the_other": [
        ("en", "Foreign Minister Ahmet Demir of Turkey met Ali Rezaei in Ankara on Monday. Iran and Turkey agreed to "
               "expand trade.", "Rezaei", "IRN"),
        ("es", "El canciller chileno Andrés Soto recibió a Diego Andrade en Santiago. Chile y Ecuador firmaron un "
               "memorando.", "Andrade", "ECU"),
        ("ru", "Министр иностранных дел Армении Арарат Мирзоян встретился с Давидом Гелашвили. Армения и Грузия "
               "подписали меморандум.", "Gelashvili", "GEO"),
    ],
    "a_states_own_institution_in_a_title_names_the_holders_state": [
        ("ru", "Председатель Государственной думы Вячеслав Володин встретился в Минске с белорусским коллегой Игорем "
               "Сергеенко. Беларусь и Россия укрепляют связи. Беларусь ценит это.", "Volodin", "RUS"),
        ("en", "Speaker of the Knesset Amir Ohana met Moroccan officials in Rabat. Morocco and Israel signed a deal.",
         "Ohana", "ISR"),
        ("es", "El presidente de la Duma Estatal, Viacheslav Volodin, se reunió con legisladores nicaragüenses en "
               "Managua. Nicaragua agradeció la visita.", "Volodin", "RUS"),
    ],
    "a_delegations_head_and_a_named_persons_counterpart": [
        ("en", "Kossi Adjovi, Boateng's counterpart, said Togo wanted a new border deal. Ghana's Foreign "
               "Minister Kwaku "
               "Boateng welcomed him in Accra. Togo and Ghana share a long border.", "Adjovi", "TGO"),
        ("en", "Kazakhstan's top diplomat met the visiting delegation. The head of the Ghanaian delegation, "
               "Kwaku Boateng, "
               "thanked the hosts.", "Boateng", "GHA"),
        ("es", "El jefe de la delegación ghanesa, Kwaku Boateng, agradeció la hospitalidad de Kazajistán.", "Boateng",
         "GHA"),
        ("ru", "Глава ганской делегации Кваку Боатенг поблагодарил Казахстан за гостеприимство.", "Boateng", "GHA"),
    ],
}

#: several people's countries in one text
SEVERAL = {
    "coordinated_countries_and_names_pair_in_order": [
        ("en", "The foreign ministers of Ghana and Togo, Kwaku Boateng and Koffi Agbeko, met in Lome on Monday.",
         {"Boateng": "GHA", "Agbeko": "TGO"}),
        ("es", "Los cancilleres de Perú y Bolivia, Javier Montes y Ramiro Quispe, respectivamente, firmaron el acta.",
         {"Montes": "PER", "Quispe": "BOL"}),
        ("ru", "Министры иностранных дел Армении и Грузии Армен Петросян и Давид Гелашвили провели переговоры.",
         {"Petrosyan": "ARM", "Gelashvili": "GEO"}),
    ],
    "a_side_marker_places_the_names_listed_after_it": [
        ("en", "Ghana and Togo held talks in Accra. On the Togolese side were Koffi Agbeko and Kossi Adjovi.",
         {"Agbeko": "TGO", "Adjovi": "TGO"}),
        ("es", "Perú y Bolivia celebraron una reunión en La Paz. Por la parte boliviana asistieron Ramiro Quispe y "
               "Lucía Mamani.", {"Quispe": "BOL", "Mamani": "BOL"}),
        ("ru", "Узбекистан и Казахстан провели переговоры в Ташкенте. С казахстанской стороны во встрече участвовали "
               "Ерлан Сапаров и Нурлан Абенов. С узбекской - Азиз Каримов.",
         {"Saparov": "KAZ", "Abenov": "KAZ", "Karimov": "UZB"}),
    ],
    "a_country_after_a_name_for_whom_it_acts": [
        ("en", "The accord was signed by Kwaku Boateng for Ghana and Koffi Agbeko for Togo.",
         {"Boateng": "GHA", "Agbeko": "TGO"}),
        ("es", "Firmaron el convenio los ministros Javier Montes por Perú y Ramiro Quispe por Bolivia.",
         {"Montes": "PER", "Quispe": "BOL"}),
        ("ru", "Документ подписали Армен Петросян от Армении и Давид Гелашвили от Грузии.",
         {"Petrosyan": "ARM", "Gelashvili": "GEO"}),
    ],
    "a_visitor_does_not_serve_the_country_visited": [
        ("en", "Foreign Minister Kossi Adjovi arrived in Accra on Monday for a working visit to Ghana. "
               "Adjovi held talks "
               "with Foreign Minister Kwaku Boateng. Boateng said Ghana valued its ties with Togo.",
         {"Adjovi": "TGO", "Boateng": "GHA"}),
        ("es", "El canciller Javier Montes llegó este lunes a La Paz en visita oficial a Bolivia. Montes se "
               "reunió con el "
               "canciller Ramiro Quispe y destacó la relación entre Perú y Bolivia. Quispe agradeció la visita.",
         {"Montes": "PER", "Quispe": "BOL"}),
        ("es", "El canciller peruano Javier Montes se reunió en Lima con el vicecanciller Ramiro Quispe, "
               "quien realiza una visita de trabajo al Perú. Quispe dijo que Bolivia desea ampliar el comercio.",
         {"Montes": "PER", "Quispe": "BOL"}),
        ("ru", "Министр иностранных дел Азиз Рахимов прибыл в Астану с официальным визитом в Казахстан. Рахимов провел "
               "переговоры с министром иностранных дел Ерланом Сапаровым. Казахстан ценит отношения с Узбекистаном.",
         {"Rakhimov": "UZB"}),
    ],
}


@pytest.mark.parametrize("language,text,surname,country",
                         [pytest.param(*case, id=f"{kind}-{case[0]}")
                          for kind, cases in SINGLE.items() for case in cases])
def test_a_persons_country_from_how_the_sentence_places_them(language, text, surname, country):
    assert person(make_article(text, language, "2024-03-01"), surname).country == country


@pytest.mark.parametrize("language,text,expected",
                         [pytest.param(*case, id=f"{kind}-{case[0]}")
                          for kind, cases in SEVERAL.items() for case in cases])
def test_several_peoples_countries_from_how_the_sentence_lists_them(language, text, expected):
    assert countries_of(language, text, expected) == expected


@pytest.mark.parametrize("language,text,surname,name,country", [
    ("es", "El presidente Horacio Manuel Cartes Jara llegó a Brasilia. Cartes Jara se reunió con empresarios.",
     "Cartes", "Horacio Cartes", "PRY"),
    ("es", "La canciller María Ángela Holguín Cuéllar llegó a Quito para una reunión.",
     "Holguin", "Maria Angela Holguin", "COL"),
    ("en", "Paraguay's leader Horacio Manuel Cartes Jara flew to Brasilia on Monday.",
     "Cartes", "Horacio Cartes", "PRY"),
])
def test_a_known_person_named_with_both_surnames_is_that_person(language, text, surname, name, country):
    p = person(make_article(text, language, "2016-05-01"), surname)
    assert (p.name, p.country) == (name, country)


@pytest.mark.parametrize("language, text, aide, principal, principal_role", [
    ("en", "Turkey and Armenia held talks. The round was announced by Ani Badalyan, adviser to President Ruben Avetyan. "
           "Turkey agreed.", "Badalyan", "Avetyan", None),
    ("es", "Kenia y Sudán del Sur negociaron en Nairobi. Habló el asesor del presidente Salva Kiir, Abel Garang. Kenia "
           "celebró el paso.", "Garang", "Kiir", "president"),
    ("ru", "Казахстан и Китай провели переговоры. Пресс-секретарь президента Казахстана Касым-Жомарта Токаева сообщил "
           "о визите. Китай приветствовал визит.", None, "Tokayev", "president"),
])
def test_an_aides_title_before_the_person_served_is_the_aides_not_theirs(language, text, aide, principal,
                                                                         principal_role):
    """"adviser to President X", "el asesor del presidente X", "пресс-секретарь президента X": X is served, not the
    adviser; the aide named with the title holds it."""
    article = make_article(text, language, "2024-03-01")
    assert person(article, principal).role == principal_role
    if aide:
        assert person(article, aide).role in ("adviser", "counsellor")


@pytest.mark.parametrize("language, text, surname, role, country", [
    ("en", "India received new envoys. Along with Garcetti, Qatari envoy to India Mohammed Al-Jabir presented his "
           "credentials to the President of India.", "Al-Jabir", "envoy", "QAT"),
    ("es", "China y Filipinas discutieron. El portavoz de la cancillería china, Lin Jian, dijo que Filipinas es "
           "culpable.", "Jian", "spokesperson", "CHN"),
    ("ru", "Китай и Филиппины поспорили. Официальный представитель МИД КНР Мао Нин заявила, что Филиппины виноваты.",
     "Ning", "foreign ministry spokesman", "CHN"),
])
def test_an_envoy_to_a_country_or_an_institutions_spokesperson_holds_the_title(language, text, surname, role, country):
    """Only a person after an aide's title is served by it: "envoy to India X", "представитель МИД X" are X's."""
    article = make_article(text, language, "2024-03-01")
    assert (person(article, surname).role, person(article, surname).country) == (role, country)
