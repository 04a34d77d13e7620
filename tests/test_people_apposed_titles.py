"""A title in apposition before a name gives the person its country (issue 15, people's countries): the title, its
complement naming the country (not where the official serves), a comma, perhaps a rank or an honorific, the name;
or a country's possessive or demonym before such a title. A title whose complement holds a clause verb, another
name or a list's coordinator gives nothing."""
from __future__ import annotations

import pytest

from test_entities import make_article, person


@pytest.mark.parametrize("language,text,surname,country", [
    ("en", "Sanctions were also imposed on Rwanda's chief of military intelligence, Major General Patrick Nyamvumba, "
           "over abuses in the east.", "Nyamvumba", "RWA"),
    ("en", "The talks were opened by the permanent secretary of the Ministry of Foreign Affairs of Ghana, "
           "Kwabena Osei, in Accra.", "Osei", "GHA"),
    ("es", "Según la secretaria permanente del Ministerio de Relaciones Exteriores de Guyana, Andrea Persaud, el "
           "envío muestra la solidaridad de su país.", "Persaud", "GUY"),
    ("es", "La embajadora de Honduras acreditada en esa nación, Marta Lagos, acompañó al canciller en la reunión.",
     "Lagos", "HND"),
    ("ru", "Как сообщил постоянный представитель Армении при ОБСЕ, Ваграм Степанян, переговоры продолжатся.",
     "Stepanyan", "ARM"),
])
def test_an_apposed_title_gives_the_country(language, text, surname, country):
    p = person(make_article(text, language, "2022-05-10"), surname)
    assert p.country == country


@pytest.mark.parametrize("language,text,surname,country", [
    # the country of the posting is not the official's
    ("en", "The meeting was chaired by the special envoy to Somalia, Kwame Asante, on Friday.", "Asante", "SOM"),
    ("es", "El ministro dijo en Lima, Julio Ramos, que el acuerdo se firmará pronto.", "Ramos", "PER"),
])
def test_a_posting_or_a_clause_is_not_an_apposed_country(language, text, surname, country):
    p = person(make_article(text, language, "2022-05-10"), surname)
    assert p.country != country


@pytest.mark.parametrize("language,text,surname,country", [
    ("en", "The meeting was attended by the foreign ministers Kwame Mensah (Ghana), Amina Bello (Nigeria) and Jean "
           "Kabore (Burkina Faso).", "Bello", "NGA"),
    ("es", "Participaron los cancilleres Marta Ríos (Paraguay), Jorge Salas (Bolivia) y Ana Duarte (Uruguay).",
     "Duarte", "URY"),
    ("ru", "Во встрече участвовали министры Асель Нурланова (Казахстан) и Бахтиёр Рашидов (Узбекистан).",
     "Rashidov", "UZB"),
])
def test_a_list_pairs_names_with_bracketed_countries(language, text, surname, country):
    assert person(make_article(text, language, "2022-05-10"), surname).country == country
