"""Quotes (stage `facts`): spans between quotation marks and their speakers, per language."""
from __future__ import annotations

import pytest

from communique.events.quotes import find_quotes, is_speech, quote_spans
from communique.nlp.models import parse_sentences
from communique.nlp.sentences import split_sentences
from communique.records import Article, Entity, Mention, Paragraph, Sentence


@pytest.mark.parametrize("text,expected", [
    ("He said: “We are ready to cooperate in all areas.”", ["We are ready to cooperate in all areas."]),
    ("«Россия — наш главный партнер», — заявил Токаев.", ["Россия — наш главный партнер"]),
    ("„Wir sind bereit zur Zusammenarbeit“, sagte er.", ["Wir sind bereit zur Zusammenarbeit"]),
    ('Vassilenko said "the resolution does not reflect the real situation".',
     ["the resolution does not reflect the real situation"]),
    ("«Он сказал: „мы готовы к диалогу“ и ушел», — пишет газета.", ["Он сказал: „мы готовы к диалогу“ и ушел"]),
])
def test_quote_spans(text, expected):
    assert [text[s:e] for s, e in quote_spans(text)] == expected


@pytest.mark.parametrize("content,speech", [
    ("BMJ", False),
    ("Мигель Идальго", False),
    ("Healthy, Stable, Dynamic", False),
    ("firme apoyo", False),
    ("Kazakhstan is our key partner in Latin America", True),
    ("работают в тесной координации", True),
    ("https://example.com/some/long path here", False),
])
def test_is_speech(content, speech):
    assert is_speech(content) is speech


def _article(paragraphs: list[str], language: str, people: dict[str, list[str]],
             orgs: dict[str, list[str]] | None = None, parse: bool = False) -> Article:
    text = "\n".join(paragraphs)
    article = Article(text=text, language=language)
    pos = 0
    for para in paragraphs:
        article.paragraphs.append(Paragraph(pos, pos + len(para), language))
        for s, e in split_sentences(para, language):
            article.sentences.append(Sentence(pos + s, pos + e, para[s:e], language))
        pos += len(para) + 1
    if parse:
        parse_sentences(article.sentences, text)
    for kind, table in (("PERSON", people), ("ORG", orgs or {})):
        for name, forms in table.items():
            entity = Entity(id=f"{kind.lower()}:{name}", type=kind, name=name)
            for form in forms:
                start = 0
                while (at := text.find(form, start)) >= 0:
                    index = next((i for i, s in enumerate(article.sentences) if s.start <= at < s.end), None)
                    entity.mentions.append(Mention(at, at + len(form), form, index))
                    start = at + len(form)
            article.entities.append(entity)
    return article


def _speakers(article: Article) -> list[tuple[str, str | None]]:
    return [(q.text[:25], q.speaker) for q in find_quotes(article)]


def _first25(expected: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    return [(text[:25], speaker) for text, speaker in expected]


# (language, paragraphs, people {name: surface forms}, expected [(first 25 chars, speaker id)])
ATTRIBUTIONS = [
    ("en", ["“In the current globalized world distance doesn’t matter,” Yerzhan Ashikbayev said in an interview."],
     {"Ashikbayev": ["Yerzhan Ashikbayev"]}, [("In the current globalized", "person:Ashikbayev")]),
    ("en", ["The goal is to open “new perspectives of cooperation with the region,” said Ashikbayev, who spoke "
            "to Efe."], {"Ashikbayev": ["Ashikbayev"]}, [("new perspectives of cooper", "person:Ashikbayev")]),
    ("en", ["“The resolution does not reflect the real situation,” Deputy Foreign Minister Roman Vassilenko told "
            "reporters."], {"Vassilenko": ["Roman Vassilenko"]}, [("The resolution does not re", "person:Vassilenko")]),
    ("en", ["Lula, in turn, praised Kazakhstan as “a reliable partner and a bridge between Europe and Asia” and said "
            "Brazilian firms were eager to invest.", "“We are ready to do more,” he added."],
     {"Lula": ["Lula"]}, [("a reliable partner and a b", "person:Lula"), ("We are ready to do more,", "person:Lula")]),
    ("es", ["«Rusia es uno de los principales socios comerciales de Kazajistán», destacó Putin tras la ceremonia.",
            "«Rusia y Kazajistán son socios, amigos y aliados fiables», resumió."],
     {"Putin": ["Putin"]},
     [("Rusia es uno de los princi", "person:Putin"), ("Rusia y Kazajistán son soc", "person:Putin")]),
    ("es", ["«América Latina ya no es una región lejana para nosotros», declaró Zhumabáyev en una entrevista."],
     {"Zhumabayev": ["Zhumabáyev"], "Almagro": ["Almagro"]}, [("América Latina ya no es un", "person:Zhumabayev")]),
    ("ru", ["«Казахстан — наш ближайший союзник и стратегический партнер», — сказал Путин, открывая встречу."],
     {"Putin": ["Путин"]}, [("Казахстан — наш ближайший", "person:Putin")]),
    ("ru", ["Лавров отметил высокий уровень отношений. По его словам, ведомства двух стран «работают в тесной "
            "координации» на площадках ООН."],
     {"Lavrov": ["Лавров"]}, [("работают в тесной координа", "person:Lavrov")]),
    ("ru", ["Посол Анатолий Антонов назвал ограничения попыткой нанести ущерб. «Американские власти никак не могут "
            "смириться с провалом», — приводятся его слова."],
     {"Antonov": ["Анатолий Антонов"]}, [("Американские власти никак ", "person:Antonov")]),
]


@pytest.mark.parametrize("language,paragraphs,people,expected", ATTRIBUTIONS,
                         ids=[f"{a[0]}-{i}" for i, a in enumerate(ATTRIBUTIONS)])
def test_speaker_attribution_without_parse(language, paragraphs, people, expected):
    assert _speakers(_article(paragraphs, language, people)) == _first25(expected)


def test_statement_is_attributed_to_the_organisation():
    article = _article(["The Ministry of Foreign Affairs of Kazakhstan issued a statement on the clashes.",
                        "«We call on Armenia and Azerbaijan to show restraint and return to talks,» the statement "
                        "reads."], "en", {}, {"MFA Kazakhstan": ["Ministry of Foreign Affairs of Kazakhstan"]})
    assert _speakers(article) == [("We call on Armenia and Az", "org:MFA Kazakhstan")]


def test_mentions_inside_the_quote_are_not_speakers():
    article = _article(["“Putin is a reliable partner and a friend of our nation,” Tokayev said."], "en",
                       {"Putin": ["Putin"], "Tokayev": ["Tokayev"]})
    assert _speakers(article) == [("Putin is a reliable partn", "person:Tokayev")]


def test_quote_offsets_point_into_the_text():
    article = _article(["Intro line.", "«Rusia es nuestro aliado estratégico y socio», dijo Tokáyev."], "es",
                       {"Tokayev": ["Tokáyev"]})
    [quote] = find_quotes(article)
    assert article.text[quote.start:quote.end] == quote.text == "Rusia es nuestro aliado estratégico y socio"


@pytest.mark.parametrize("language,paragraphs,people,expected", [
    ("en", ["Tokayev told journalists in Astana: “Brazil is our key partner in Latin America.”"],
     {"Tokayev": ["Tokayev"]}, [("Brazil is our key partner", "person:Tokayev")]),
    ("es", ["Tokáyev, por su parte, enfatizó que la alianza «no es una figura retórica o una muestra de cortesía» "
            "entre los dos países."], {"Tokayev": ["Tokáyev"]}, [("no es una figura retórica", "person:Tokayev")]),
    ("ru", ["Токаев подчеркнул, что отношения «находятся на беспрецедентно высоком уровне» и будут развиваться."],
     {"Tokayev": ["Токаев"]}, [("находятся на беспрецедентн", "person:Tokayev")]),
])
def test_speaker_is_the_subject_of_the_speech_verb(language, paragraphs, people, expected):
    assert _speakers(_article(paragraphs, language, people, parse=True)) == _first25(expected)
