"""Which side acts, per construction and per language (issue 15: the pair half right). Real models parse each text;
entities come from the real `entities` stage."""
from __future__ import annotations

import pytest

from event_readers import pairs, triples

# (language, text, events that must be found, events that must not)
CASES = {
    # a singular title as the subject is one person, the one it names, never "the two sides" named before
    "one office holder": [
        ("en", "Kenyan President William Ruto arrived in Uganda on Monday for a tour of the region. Tanzanian President, "
               "Samia Suluhu Hassan, said during her meeting with Rwandan President Paul Kagame on Tuesday that trade "
               "between the two countries was growing.",
         {("CONSULT", "TZA", "RWA")}, {("CONSULT", "KEN", "RWA"), ("CONSULT", "UGA", "RWA")}),
        ("es", "El presidente keniano, William Ruto, llegó el lunes a Uganda para una gira por la región. La presidenta "
               "tanzana, Samia Suluhu Hassan, dijo durante su reunión con el presidente ruandés, Paul Kagame, que el "
               "comercio entre ambos países crece.",
         {("CONSULT", "TZA", "RWA")}, {("CONSULT", "KEN", "RWA"), ("CONSULT", "UGA", "RWA")}),
        ("ru", "Президент Кении Уильям Руто в понедельник прибыл в Уганду в рамках турне по региону. Президент Танзании "
               "Самия Сулуху Хассан заявила в ходе своей встречи с президентом Руанды Полом Кагаме, что торговля между "
               "странами растет.",
         {("CONSULT", "TZA", "RWA")}, {("CONSULT", "KEN", "RWA"), ("CONSULT", "UGA", "RWA")}),
    ],
    # an office named with no country is the text's own office holder's, not the counterpart named relative to them;
    # a head its numeral counts ("оба министра") is the pair, no one person
    "not the counterpart": [
        ("en", "Ecuador's Foreign Minister Gabriela Sommerfeld met her Colombian counterpart, Foreign Minister Luis "
               "Gilberto Murillo, in Quito on Sunday. Both ministers agreed to reopen the border crossing. Later, the "
               "foreign minister held a meeting with the Secretary General of the OAS, Luis Almagro.",
         {("CONSULT", "ECU", "OAS")}, {("CONSULT", "COL", "OAS")}),
        ("es", "La canciller ecuatoriana, Gabriela Sommerfeld, se reunió en Quito con su homólogo colombiano, Luis "
               "Gilberto Murillo. Ambos cancilleres acordaron reabrir el paso fronterizo. Posteriormente, la ministra de "
               "Relaciones Exteriores sostuvo un encuentro con el secretario general de la OEA, Luis Almagro.",
         {("CONSULT", "ECU", "OAS")}, {("CONSULT", "COL", "OAS")}),
        ("ru", "Министр иностранных дел Эквадора Габриэла Соммерфельд в воскресенье встретилась в Кито со своим "
               "колумбийским коллегой, министром иностранных дел Луисом Хильберто Мурильо. Оба министра договорились "
               "вновь открыть пограничный переход. Затем глава МИД провела встречу с генеральным секретарем ОАГ Луисом "
               "Альмагро.",
         {("CONSULT", "ECU", "OAS")}, {("CONSULT", "COL", "OAS")}),
    ],
    # where a joint act named inside the trigger's phrase is held is no side of the trigger
    "venue of the act invited to": [
        ("en", "The African Union invited the leaders of Sudan and the Rapid Support Forces for peace talks in Kenya.",
         {("REQUEST", "AFU", "SDN")}, {("REQUEST", "AFU", "KEN")}),
        ("es", "La Unión Africana invitó a los líderes de Sudán y de las Fuerzas de Apoyo Rápido a conversaciones de paz "
               "en Kenia.",
         {("REQUEST", "AFU", "SDN")}, {("REQUEST", "AFU", "KEN")}),
        ("ru", "Африканский союз пригласил лидеров Судана и Сил быстрого реагирования на мирные переговоры в Кению.",
         {("REQUEST", "AFU", "SDN")}, {("REQUEST", "AFU", "KEN")}),
    ],
    # "copies of" carries the act to the verb above: the envoy who hands them over acts, for their country
    "copies of credentials": [
        ("en", "Kazakh Deputy Foreign Minister Roman Vassilenko received the newly appointed ambassador of Senegal, "
               "Mamadou Diallo, who handed over copies of his credentials to the Kazakh side.",
         {("COOPERATE", "SEN", "KAZ")}, {("COOPERATE", "KAZ", "SEN")}),
        ("es", "El viceministro kazajo de Exteriores, Roman Vassilenko, recibió al nuevo embajador de Senegal, Mamadou "
               "Diallo, quien entregó copias de sus cartas credenciales a la parte kazaja.",
         {("COOPERATE", "SEN", "KAZ")}, {("COOPERATE", "KAZ", "SEN")}),
        ("ru", "Заместитель министра иностранных дел Казахстана Роман Василенко принял назначенного посла Сенегала в "
               "Астане Мамаду Диалло, который вручил копии верительных грамот.",
         {("COOPERATE", "SEN", "KAZ")}, {("COOPERATE", "KAZ", "SEN")}),
    ],
}
PARAMS = [(k, *c) for k, cases in CASES.items() for c in cases]


@pytest.mark.parametrize("construction,language,text,wanted,unwanted", PARAMS,
                         ids=[f"{p[0]}-{p[1]}-{n}" for n, p in enumerate(PARAMS)])
def test_sides_by_construction(construction, language, text, wanted, unwanted):
    found = triples(text)
    assert wanted <= found, found
    assert not unwanted & found, found


@pytest.mark.parametrize("language,text", [
    ("en", "Ecuador's Foreign Minister Gabriela Sommerfeld met her Colombian counterpart, Foreign Minister Luis Gilberto "
           "Murillo, in Quito. Both ministers agreed to reopen the border crossing."),
    ("es", "La canciller ecuatoriana, Gabriela Sommerfeld, se reunió en Quito con su homólogo colombiano, Luis Gilberto "
           "Murillo. Ambos cancilleres acordaron reabrir el paso fronterizo."),
    ("ru", "Министр иностранных дел Эквадора Габриэла Соммерфельд встретилась в Кито со своим колумбийским коллегой, "
           "министром иностранных дел Луисом Хильберто Мурильо. Оба министра договорились вновь открыть пограничный "
           "переход."),
])
def test_a_counted_head_is_the_pair_not_one_of_them(language, text):
    """"оба министра", "two ministers": the numeral's head is in the singular form in Russian, still the pair."""
    assert frozenset({"ECU", "COL"}) in pairs(text, "AGREE")
