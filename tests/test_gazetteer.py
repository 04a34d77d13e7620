"""Gazetteer: names in en/es/ru, any spelling or case form, resolve to one code; common words do not."""
from __future__ import annotations

import pickle

import pytest

from communique.actors.gazetteer import (
    Entry,
    PhraseIndex,
    demonym_forms,
    disk_cached,
    fold,
    gazetteer,
    latinize,
    phrase_tables,
    tokenize,
)


def found(language: str, text: str) -> list[tuple[str, str, str]]:
    toks = tokenize(text)
    return [(" ".join(t.text for t in toks[m.i:m.j]), m.best.kind, m.best.code)
            for m in gazetteer(language).index.find(toks)]


def codes(language: str, text: str, kinds: tuple[str, ...] = ("country",)) -> list[str]:
    return [code for _, kind, code in found(language, text) if kind in kinds]


@pytest.mark.parametrize("language,text,expected", [
    ("en", "Kazakhstan and the U.S. signed it with the UK and Türkiye.", ["KAZ", "USA", "GBR", "TUR"]),
    ("en", "Officials from the United States of America met Turkey's envoy.", ["USA", "TUR"]),
    ("es", "Kazajistán, Kazajstán y EE. UU. firmaron con EEUU y Estados Unidos.", ["KAZ", "KAZ", "USA", "USA", "USA"]),
    ("es", "Rusia, Turquía y la República de Kazajistán.", ["RUS", "TUR", "KAZ"]),
    ("ru", "Казахстана, Казахстаном и РК; России, РФ, КНР и США.", ["KAZ", "KAZ", "KAZ", "RUS", "RUS", "CHN", "USA"]),
    ("ru", "в Соединённых Штатах Америки и Турции", ["USA", "TUR"]),
    # "the Islamic Republic" alone is Iran; with its country's name, that country; "PNG", "ROK" as written
    ("en", "The Islamic Republic and the Islamic Republic of Pakistan met PNG and the ROK.", ["IRN", "PAK", "PNG", "KOR"]),
    ("es", "La República Islámica y la República Islámica de Afganistán.", ["IRN", "AFG"]),
    ("ru", "Исламская Республика и Исламская Республика Мавритания.", ["IRN", "MRT"]),
])
def test_country_names_and_aliases(language, text, expected):
    assert codes(language, text) == expected


@pytest.mark.parametrize("language,text", [
    ("en", "Latin America welcomed the plan."),
    ("es", "América Latina y Asia Central."),
    ("ru", "Латинская Америка и Центральная Азия."),
])
def test_regions_are_not_countries(language, text):
    assert codes(language, text) == []


@pytest.mark.parametrize("language,text", [
    ("en", "We are sure us and them will turn up in the end."),      # "us", "in", "the"
    ("en", "Chad Smith spoke to Georgia Brown."),                   # first names, handled by the stage
    ("es", "Para el gobierno, la paz es prioritaria en mayo."),    # Pará, La Paz, Mayo
    ("ru", "Кроме того, мир и город."),                             # Того, Мир
])
def test_common_words_are_not_countries_or_cities(language, text):
    hits = [h for h in found(language, text) if h[1] in ("country", "capital", "city")]
    if language == "en" and "Chad" in text:                          # ambiguous names are filtered in context
        hits = [h for h in hits if h[0] not in ("Chad", "Georgia")]
    assert hits == []


@pytest.mark.parametrize("language,text,kind,code", [
    ("en", "the Kremlin said", "seat", "RUS"),
    ("es", "la Casa Rosada y el Planalto", "seat", "ARG"),
    ("en", "Akorda announced", "seat", "KAZ"),
    ("es", "en Moscú", "capital", "RUS"),
    ("ru", "в Москве", "capital", "RUS"),
    ("es", "llegó a Astaná", "capital", "KAZ"),
])
def test_seats_and_capitals_resolve_to_their_country(language, text, kind, code):
    hits = found(language, text)
    assert hits and hits[0][1] == kind
    entry = next(m for m in gazetteer(language).index.find(tokenize(text)))
    assert entry.best.country == code


@pytest.mark.parametrize("language,text,code", [
    # a place's own name outranks a smaller capital's other spelling of it (geonames spells Dili "Delhi" too)
    ("en", "the minister arrived in Delhi on Monday", "IND"),
    ("es", "el canciller llegó a Delhi el lunes", "IND"),
    ("en", "a ceremony in Dili", "TLS"),
    ("en", "the talks in Amman", "JOR"),
    ("en", "a rally in Philadelphia", "USA"),
])
def test_a_place_own_name_beats_another_place_spelling(language, text, code):
    entry = next(m for m in gazetteer(language).index.find(tokenize(text)) if m.best.kind in ("capital", "city"))
    assert entry.best.country == code


@pytest.mark.parametrize("language,text,code", [
    # a feminine place name in the accusative reads as the place, not as a masculine first name ("Астан")
    ("ru", "делегация прибыла в Астану", "KAZ"),
    ("ru", "министр вылетел в Гавану", "CUB"),
    # hyphenated names and names the dictionary does not decline, in every case
    ("ru", "посол в Аддис-Абебе", "ETH"),
    ("ru", "переговоры в Аддис-Абебу", "ETH"),
    ("ru", "визит в Эр-Рияде", "SAU"),
    ("ru", "консультации в Боготе", "COL"),
    # short capitals (under five letters) in each language
    ("ru", "удары по Дохе", "QAT"),
    ("ru", "встреча в Сеуле", "KOR"),
    ("es", "la cumbre de Seúl", "KOR"),
    ("es", "viajó a Roma", "ITA"),
    ("en", "talks in Doha", "QAT"),
])
def test_capitals_in_any_case_form(language, text, code):
    hits = [m for m in gazetteer(language).index.find(tokenize(text)) if m.best.kind in ("capital", "city")]
    assert hits and hits[0].best.country == code, found(language, text)


@pytest.mark.parametrize("language,text,code", [
    ("en", "the UN Security Council", "UNSC"),
    ("es", "el Consejo de Seguridad de la ONU", "UNSC"),
    ("ru", "Совбез ООН", "UNSC"),
    ("es", "la OEA", "OAS"),
    ("ru", "в рамках ЕАЭС и ОДКБ", "EAEU"),
    ("ru", "Евросоюза", "EU"),
    ("en", "the Shanghai Cooperation Organisation", "SCO"),
    ("es", "el Mercosur", "MERCOSUR"),
])
def test_organisations(language, text, code):
    assert codes(language, text, ("org",))[0] == code


def test_org_acronyms_are_case_exact():
    assert codes("en", "who said it", ("org",)) == []
    assert codes("en", "the WHO said it", ("org",)) == ["WHO"]


@pytest.mark.parametrize("language,text", [
    ("en", "The Hague said the talks in the hague would resume; the netherlands and The Netherlands, 2024 and who."),
    ("es", "la embajada de españa en Madrid y la Embajada de España en la habana; el Consejo de Seguridad de la onu"),
    ("ru", "посол россии в Москве и Посол России в санкт-петербурге; поляков и Поляков, американцы и США"),
])
def test_a_word_not_capitalised_is_looked_up_only_for_names_its_case_allows(language, text):
    """`PhraseIndex.find` tries at a word that is neither capitalised nor a number only the keys with a name such a
    word can start (`phrases._lower_case_ok`): the same matches as trying every key, in the gazetteer and in every
    phrase table of the language."""
    toks = tokenize(text)
    tables = phrase_tables(language)
    for index in [gazetteer(language).index, tables.roles, tables.institutions, tables.honorifics]:
        pruned = [(m.i, m.j, m.entries) for m in index.find(toks)]
        lower, index._lower_lengths = index._lower_lengths, index.key_lengths()
        try:
            assert pruned == [(m.i, m.j, m.entries) for m in index.find(toks)]
        finally:
            index._lower_lengths = lower


@pytest.mark.parametrize("language,text,expected", [
    ("es", "los cancilleres del CCG se reunieron en Riad", ["GCC"]),
    ("es", "el Consejo de Cooperación del Golfo", ["GCC"]),
    ("en", "a China Coast Guard (CCG) cutter fired water cannon", []),
    ("en", "GCC foreign ministers met in Riyadh", ["GCC"]),
    ("ru", "судно китайской береговой охраны (CCG) перекрыло путь", []),
    ("ru", "министры стран ССАГПЗ встретились в Эр-Рияде", ["GCC"]),
])
def test_acronyms_of_one_language(language, text, expected):
    """An acronym that names an organisation only in one language's text ("CCG": the Gulf Cooperation Council in
    Spanish, the China Coast Guard in English or Russian) is found only in that language."""
    assert codes(language, text, ("org",)) == expected


@pytest.mark.parametrize("language,text,name", [
    ("es", "Kasim-Yomart Tokáyev", "Kassym-Jomart Tokayev"),
    ("en", "Tokayev", "Kassym-Jomart Tokayev"),
    ("ru", "Токаева", "Kassym-Jomart Tokayev"),
    ("es", "Chavkat Mirzioiev", "Shavkat Mirziyoyev"),
    ("ru", "Путиным", "Vladimir Putin"),
])
def test_known_people_across_languages(language, text, name):
    assert codes(language, text, ("person",)) == [name]


@pytest.mark.parametrize("language,text,expected", [
    ("en", "Kazakh and Russian officials", ["KAZ", "RUS"]),
    ("es", "el líder kazajo y las autoridades rusas", ["KAZ", "RUS"]),
    ("ru", "казахстанской стороне и российских", ["KAZ", "RUS"]),
    ("ru", "российско-казахстанский", ["RUS", "KAZ"]),
    ("es", "diálogo ruso-kazajo", ["RUS", "KAZ"]),
])
def test_demonyms_with_inflections(language, text, expected):
    assert codes(language, text, ("demonym", "combining")) == expected


@pytest.mark.parametrize("language,text,expected", [
    ("es", "una patrulla beliceña y las tropas malgaches", ["BLZ", "MDG"]),
    ("es", "el gobierno maltés recibió a los cancilleres luxemburgueses", ["MLT", "LUX"]),
    ("en", "a Belizean patrol met the Maltese coast guard", ["BLZ", "MLT"]),
    ("ru", "белизский патруль и мальтийского правительства", ["BLZ", "MLT"]),
])
def test_demonyms_of_every_state(language, text, expected):
    """Demonyms of the smaller states too: "soldados beliceños" is Belize's side of a border clash."""
    assert codes(language, text, ("demonym",)) == expected


@pytest.mark.parametrize("text, expected", [
    ("высылка трех американцев и двух поляков", ["USA", "POL"]),
    ("санкции против россиян и белорусов", ["RUS", "BLR"]),
    ("гражданство получили двое японцев", ["JPN"]),
    ("посол Поляков и депутат Греков", []),          # capitalised, these are surnames
])
def test_russian_nouns_for_a_country_people(text, expected):
    """Russian names a country's people with a noun of its own ("россиянин", "американец"), as English "Russians"
    and Spanish "rusos" are the demonym itself: every case form of it, in lower case only."""
    assert codes("ru", text, ("demonym",)) == expected


@pytest.mark.parametrize("language,text,expected", [
    ("es", "el canciller viajó a Riad y después a Saná y a Daca", ["Riyadh", "Sanaa", "Dhaka"]),
    ("en", "the envoy flew from Riyadh to Sanaa", ["Riyadh", "Sanaa"]),
])
def test_capitals_in_their_spanish_spelling(language, text, expected):
    """Capitals geonames spells otherwise or leaves out ("Riad", "Saná", "Daca"): a visit there is to that state."""
    assert codes(language, text, ("capital",)) == expected


def test_spanish_demonym_inflections():
    assert {"kazaja", "kazajos", "kazajas"} <= demonym_forms("kazajo", "es")
    assert {"francesa", "franceses"} <= demonym_forms("francés", "es")


@pytest.mark.parametrize("cyrillic,latin", [
    ("Мурат Нуртлеу", "Murat Nurtleu"), ("Сергей Лавров", "Sergey Lavrov"), ("Ержан", "Yerzhan"),
    ("Дмитрий", "Dmitry"), ("Олжас Исабеков", "Olzhas Isabekov"), ("Қасым", "Kasym"),
])
def test_latinize(cyrillic, latin):
    assert latinize(cyrillic) == latin


def test_fold_keeps_cyrillic_short_i():
    assert fold("Kazajistán") == "kazajistan"
    assert fold("Йошкар-Ола") == "йошкар-ола"
    assert fold("Соединённые") == "соединенные"


@pytest.mark.parametrize("language,text,role", [
    ("en", "First Deputy Foreign Minister", "first deputy foreign minister"),
    ("es", "el primer viceministro de Relaciones Exteriores", "first deputy foreign minister"),
    ("ru", "министра иностранных дел", "foreign minister"),
    ("ru", "глава МИД", "foreign minister"),
])
def test_role_titles(language, text, role):
    matches = phrase_tables(language).roles.find(tokenize(text))
    assert matches[0].best.code == role


def test_indexes_are_built_once_and_picklable():
    assert gazetteer("en") is gazetteer("en")
    assert gazetteer("en").load_seconds < 60
    pickle.dumps(gazetteer("es").index.table[("kazajistan",)])


# ----------------------------------------------------------------------------------------- officials table

def test_officials_table_is_well_formed():
    import re

    from communique.actors.gazetteer import _country_codes
    from communique.datafiles import load_data

    iso3 = set(_country_codes()[0].values())
    orgs = {org["code"] for org in load_data("orgs.toml")["org"]}
    iso_date = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
    people = load_data("officials.toml")["person"]
    assert len(people) > 300
    names = [p["name"] for p in people]
    assert len(names) == len(set(names)), "one record per person"
    for person in people:
        assert person["roles"], person["name"]
        for role in person["roles"]:
            assert role["country"] in iso3 | orgs, (person["name"], role)
            assert iso_date.match(role["valid_from"]), (person["name"], role)
            assert "valid_to" not in role or (iso_date.match(role["valid_to"])
                                              and role["valid_to"] >= role["valid_from"]), (person["name"], role)
            assert role["source"], (person["name"], role)


@pytest.mark.parametrize("country", ["KAZ", "RUS", "UZB", "KGZ", "TJK", "TKM", "AZE", "ARM", "GEO", "BLR", "UKR",
                                     "MDA", "EST", "LVA", "LTU", "ARG", "BRA", "MEX", "CHL", "COL", "PER", "VEN",
                                     "CUB", "URY", "PRY", "BOL", "ECU", "USA", "CHN", "IND", "JPN", "DEU", "FRA",
                                     "GBR", "ITA", "CAN", "AUS", "KOR", "IDN", "SAU", "ZAF", "TUR"])
def test_every_country_in_scope_has_a_head_and_a_foreign_minister_in_2024(country):
    from communique.actors.gazetteer import office_holders, role_on

    roles = {role_on(record, "2024-07-15") for record in office_holders().values()}
    held = {role for role, code in roles if code == country}
    assert held & {"president", "king", "queen", "prime minister", "chancellor"}, held
    assert held & {"foreign minister", "foreign secretary", "secretary of state"} or country == "TKM" and held, held


@pytest.mark.parametrize("name,date,role,country", [
    ("Kassym-Jomart Tokayev", "2005-01-01", "foreign minister", "KAZ"),
    ("Kassym-Jomart Tokayev", "2019-03-19", "speaker of the senate", "KAZ"),
    ("Kassym-Jomart Tokayev", "2019-03-20", "president", "KAZ"),
    ("Kassym-Jomart Tokayev", None, "president", "KAZ"),
    ("Sergey Lavrov", "2014", "foreign minister", "RUS"),
    ("Antony Blinken", "2024-12-31", "secretary of state", "USA"),
    ("Antony Blinken", "2025-02-01", None, "USA"),
    ("Marco Rubio", "2025-02", "secretary of state", "USA"),
    ("Kaja Kallas", "2022-01-01", "prime minister", "EST"),
    ("Kaja Kallas", "2025-01-01", "EU High Representative for Foreign Affairs and Security Policy", "EU"),
])
def test_role_on_a_date(name, date, role, country):
    from communique.actors.gazetteer import office_holders, role_on

    assert role_on(office_holders()[name], date) == (role, country)


@pytest.mark.parametrize("language,text,name", [
    ("es", "Tokáyev y Mirziyóyev", "Kassym-Jomart Tokayev"),
    ("ru", "Токаевым", "Kassym-Jomart Tokayev"),
    ("ru", "встреча с Пашиняном", "Nikol Pashinyan"),
    ("es", "la canciller Diana Mondino", "Diana Mondino"),
    ("en", "Foreign Minister Penny Wong", "Penny Wong"),
])
def test_officials_are_found_in_every_language(language, text, name):
    assert name in [code for _, kind, code in found(language, text) if kind == "person"]


@pytest.mark.parametrize("name,group", [
    ("Mónica Fein", "ARG"), ("Марибель Мартинес Руис", "MEX"), ("Santiago Perez", "CUB"),
    ("Olzhas Isabekov", "KAZ"), ("Дмитрий Петрухин", "RUS"), ("Ararat Mirzoyan", "ARM"),
])
def test_name_origins(name, group):
    from communique.actors.gazetteer import name_origin_countries

    assert group in name_origin_countries(name)


@pytest.mark.parametrize("name", ["John Whitaker", "Welber", "Li Qiang", "Marcos Ivanov"])
def test_names_that_say_nothing_or_two_things_have_no_origin(name):
    from communique.actors.gazetteer import name_origin_countries

    assert name_origin_countries(name) == frozenset()


# ----------------------------------------------------------------------------------------- look-up speed-ups

def _every_span_matches(index: PhraseIndex, toks: list, start: int = 0,
                        end: int | None = None) -> list[tuple[int, int, list]]:
    """The plain reading of `find`: at each token try every length up to the longest name, longest first."""
    end = len(toks) if end is None else end
    out, i = [], start
    while i < end:
        for j in range(min(end, i + index.max_len), i, -1):
            if not toks[j - 1].text[0].isalnum() and j - 1 > i and toks[j - 1].text != ".":
                continue
            entries = index.lookup(toks, i, j)
            if entries:
                out.append((i, j, entries))
                i = j
                break
        else:
            i += 1
    return out


@pytest.mark.parametrize("language,text", [
    ("en", "On 3 June, President Tokayev of Kazakhstan met the U.S. Secretary of State in Buenos Aires, the UN said."),
    ("es", "El canciller de la República de Kazajistán, Mujtar Tileuberdi, visitó Ciudad de México y Santiago."),
    ("ru", "Президент Республики Казахстан Касым-Жомарт Токаев встретился в Москве с министром иностранных дел РФ."),
])
def test_find_tries_only_the_lengths_names_have(language, text):
    toks = tokenize(text)
    for index in (gazetteer(language).index, phrase_tables(language).roles, phrase_tables(language).institutions):
        for start in (0, 3):
            found = [(m.i, m.j, m.entries) for m in index.find(toks, start)]
            assert found == _every_span_matches(index, toks, start)
    assert len(gazetteer(language).index.find(toks)) >= 2        # the sentence does name things


def test_a_name_added_after_a_search_is_found():
    index = PhraseIndex()
    index.add("Nur-Sultan", Entry("capital", "Astana", "Astana", "KAZ", case="title"))
    toks = tokenize("From Nur-Sultan to Almaty Region.")
    assert [m.best.code for m in index.find(toks)] == ["Astana"]
    index.add("Almaty Region", Entry("region", "Almaty Region", "Almaty Region", case="title"))
    assert [m.best.code for m in index.find(toks)] == ["Astana", "Almaty Region"]


def test_disk_cache_builds_once_then_reads_back(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(tmp_path))
    builds = []

    def build() -> dict[str, str]:
        builds.append(1)
        return {"astana": "KAZ"}

    assert disk_cached("cities", build) == {"astana": "KAZ"}
    assert disk_cached("cities", build) == {"astana": "KAZ"}
    assert len(builds) == 1
    [cached] = tmp_path.glob("cities-*.pickle")
    cached.write_bytes(b"not a pickle")                    # a damaged file is rebuilt and rewritten
    assert disk_cached("cities", build) == {"astana": "KAZ"}
    assert len(builds) == 2
    assert disk_cached("cities", build) == {"astana": "KAZ"} and len(builds) == 2


def test_disk_cache_can_be_switched_off(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", "")
    assert disk_cached("cities", lambda: {"astana": "KAZ"}) == {"astana": "KAZ"}
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("language,text", [
    ("en", "The president of the United States of America met the Prime Minister of the United Kingdom in Paris."),
    ("en", "The Foreign Ministry of Kazakhstan, the UN and the European Union said the United Nations agreed."),
    ("es", "El presidente de la República de Kazajistán visitó Estados Unidos y la Unión Europea en Bruselas."),
    ("ru", "Министр иностранных дел Российской Федерации встретился в Соединённых Штатах Америки с послом Казахстана."),
    ("ru", "Президент Токаев и премьер-министр Индии обсудили в Нью-Дели отношения с ООН и Евросоюзом."),
])
def test_find_is_the_token_by_token_scan_on_every_window(language: str, text: str) -> None:
    # `find` skips the tokens that start no key (a scan of the sentence's readings, shared by every index):
    # the matches are those of trying every token, for the whole sentence and for any window of it
    toks = tokenize(text)
    indexes = [gazetteer(language).index, phrase_tables(language).roles, phrase_tables(language).institutions]
    for index in indexes:
        for start in range(len(toks)):
            for end in {min(start + 1, len(toks)), min(start + 4, len(toks)), len(toks)}:
                assert [(m.i, m.j, m.entries) for m in index.find(toks, start, end)] == \
                    _every_span_matches(index, toks, start, end)
    assert any(index.find(toks) for index in indexes)
