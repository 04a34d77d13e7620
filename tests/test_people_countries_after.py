"""People's countries on unseen news (twelfth swap): a country named after the name ("President X of Ghana", "el rey
X de Jordania"), a list pairing each name with the country before it ("the ambassadors of Chile, X; Peru, Y"), and
a known person's own country kept when an organisation is named in a coordinated title before theirs."""
from __future__ import annotations

import pytest

from test_entities import make_article, person


@pytest.mark.parametrize("language,text,surname,country", [
    ("en", "President Hakainde Hichilema of Zambia arrived in Nairobi on Monday for a two-day state visit to Kenya, "
           "where he will hold talks on trade with Kenyan officials.", "Hichilema", "ZMB"),
    ("en", "Foreign Minister Teodoro Obiang Mangue of Equatorial Guinea met officials in Madrid to discuss Spanish "
           "investment.", "Mangue", "GNQ"),
    ("es", "El rey Abdulá II de Jordania recibió en Amán al canciller español, que llegó a Jordania el martes.",
     "II", "JOR"),
    ("es", "El ministro Ramón Caballero de Paraguay viajó a Brasilia para reunirse con funcionarios brasileños.",
     "Caballero", "PRY"),
])
def test_a_country_after_the_name_is_the_title_holders(language, text, surname, country):
    p = person(make_article(text, language, "2022-05-10"), surname)
    assert p.country == country


def test_a_russian_title_keeps_its_country_before_the_name():
    article = make_article("Король Иордании Абдалла II принял в Аммане министра иностранных дел Испании.", "ru",
                           "2022-05-10")
    assert person(article, "II").country == "JOR"


@pytest.mark.parametrize("language,text,expected", [
    ("en", "The President received the credentials of the ambassadors of Chile, Rodrigo Fuentes; Norway, Ingrid "
           "Solberg; and Kenya, Peter Mwangi, at the palace in Accra.",
     {"Fuentes": "CHL", "Solberg": "NOR", "Mwangi": "KEN"}),
    ("es", "La presidenta recibió las cartas credenciales de los embajadores del Reino de Suecia, Lars Eriksson; "
           "Reino de Marruecos, Karim Bennani; y República de Chile, Paula Rojas.",
     {"Eriksson": "SWE", "Bennani": "MAR", "Rojas": "CHL"}),
    ("ru", "Верительные грамоты вручили послы: Чили — Родриго Фуэнтес, Норвегии — Ингрид Сульберг, Кении — Джозеф "
           "Мванги.", {"Fuent": "CHL", "Mvangi": "KEN"}),
])
def test_a_list_pairs_each_name_with_the_country_before_it(language, text, expected):
    article = make_article(text, language, "2022-05-10")
    assert {s: person(article, s).country for s in expected} == expected


@pytest.mark.parametrize("language,text,surname,country", [
    ("en", "Sergey Lavrov met the foreign ministers of the EU and Iranian Foreign Minister Abbas Araghchi in Geneva.",
     "Araghchi", "IRN"),
    ("es", "Kaja Kallas se reunió con los ministros de Exteriores de la UE y el canciller iraní, Abbas Araghchi, en "
           "Ginebra.", "Araghchi", "IRN"),
    ("ru", "Каллас встретилась с министрами иностранных дел ЕС и главой МИД Ирана Аббасом Аракчи в Женеве.",
     "Ara", "IRN"),
])
def test_an_organisation_before_a_coordinated_title_is_not_the_persons(language, text, surname, country):
    assert person(make_article(text, language, "2025-09-23"), surname).country == country
