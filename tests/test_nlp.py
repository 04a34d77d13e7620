"""The neutral parse: spaCy (en, es) and natasha (ru) give tokens and NER spans with exact document offsets."""
from __future__ import annotations

import pytest

from communique.nlp.models import parse_sentences, russian_lemma
from communique.records import Sentence

CASES = [
    ("en", "The deputy foreign minister will travel on Thursday to Cuba.", "travel", "nsubj"),
    ("es", "El presidente kazajo viajará el martes a París.", "viajar", "nsubj"),
    ("ru", "Президент Казахстана Касым-Жомарт Токаев прибыл в Москву.", "прибыть", "nsubj"),
]

def _parsed_russian(text: str) -> Sentence:
    """One Russian sentence, parsed as the pipeline parses it (natasha and our repairs)."""
    sentence = Sentence(0, len(text), text, "ru")
    parse_sentences([sentence], text)
    return sentence


def _russian_tokens_by_text(text: str) -> dict:
    return {t.text: t for t in _parsed_russian(text).tokens}


@pytest.mark.parametrize("language,text,root_lemma,subject_dep", CASES)
def test_parse_gives_offsets_lemmas_and_dependencies(language, text, root_lemma, subject_dep):
    prefix = "Headline line.\n"
    full = prefix + text
    sentence = Sentence(len(prefix), len(full), text, language)
    parse_sentences([sentence], full)
    assert sentence.parsed
    for tok in sentence.tokens:
        assert full[tok.start:tok.end] == tok.text
        assert 0 <= tok.head < len(sentence.tokens)
    roots = [t for t in sentence.tokens if t.head == t.i]
    assert [t.lemma for t in roots] == [root_lemma]
    assert any(t.dep == subject_dep and t.head == roots[0].i for t in sentence.tokens)
    for span in sentence.ner:
        assert full[span.start:span.end] == span.text


def test_russian_ner_gives_normal_forms():
    text = "Президент Казахстана Касым-Жомарт Токаев прибыл в Москву."
    found = {(s.label, s.normal) for s in _parsed_russian(text).ner}
    assert {("PER", "Касым-Жомарт Токаев"), ("LOC", "Москва"), ("LOC", "Казахстан")} <= found


def test_russian_normal_forms_are_natashas_with_each_words_nominative_remembered():
    """`nlp.models._normal`: what natasha's `Span.normalize` gives, for people, places and organisations (whose
    head and agreeing words alone are put in the nominative), in any case and twice over (the second time from
    the remembered nominatives)."""
    from communique.nlp.models import _normal, _NatashaTagged, natasha, single_threaded_math

    texts = ["Глава МИД Казахстана встретился с министром иностранных дел Российской Федерации Сергеем Лавровым.",
             "Посол Франции был вызван в Министерство иностранных дел Армении в связи с заявлениями Эммануэля Макрона.",
             "Делегация Шанхайской организации сотрудничества прибыла в Астану по приглашению Касым-Жомарта Токаева.",
             "В Ташкенте представители Европейского союза обсудили с узбекской стороной поставки газа в Германию."]
    sentences = [Sentence(0, len(text), text, "ru") for text in texts]
    with single_threaded_math():
        docs = _NatashaTagged(sentences, full=True).docs
    spans = [span for doc in docs for span in doc.spans]
    assert {"ORG", "PER", "LOC"} <= {span.type for span in spans}
    for span in spans:
        ours, again = _normal(span), _normal(span)
        span.normalize(natasha().morph_vocab)
        assert ours == again == span.normal, span.text


def test_a_russian_subject_hung_on_a_modifier_is_reattached_to_its_verb():
    """natasha hangs "военный" on the adverb after it; nominative, agreeing with the subjectless verb: its subject."""
    text = "Белорусский военный незаконно перешел границу."
    by_text = _russian_tokens_by_text(text)
    assert by_text["военный"].dep == "nsubj" and by_text["военный"].head == by_text["перешел"].i
    assert by_text["границу"].dep == "obj"


def test_a_russian_instrumental_made_a_subject_is_the_verbs_oblique():
    """natasha makes "укрывательством" a second subject of "занимаются"; no subject is instrumental."""
    text = "Власти Ирана занимаются «укрывательством боевиков»."
    by_text = _russian_tokens_by_text(text)
    assert by_text["Власти"].dep == "nsubj"
    assert by_text["укрывательством"].dep != "nsubj"


def test_a_russian_second_root_after_a_comma_is_the_first_verbs_conjunct():
    """natasha makes "объявила" a second root; subjectless and agreeing, it shares "Эстония"; "из Москвы", hung on
    the noun of the first clause, is the recall's."""
    text = "Эстония вызвала временного поверенного России в Таллине, объявила об отзыве своего военного атташе из Москвы."
    by_text = _russian_tokens_by_text(text)
    assert by_text["объявила"].dep == "conj" and by_text["объявила"].head == by_text["вызвала"].i
    assert by_text["Москвы"].head == by_text["атташе"].i


def test_a_russian_clause_subject_tagged_as_object_and_its_verb_pair_are_repaired():
    """natasha makes "корабль" (nominative, before a verb with no subject) an object, hangs "атаковал" on the main
    verb and "Вьетнама"'s adjective of the second coast guard on the first."""
    text = ("Глава МИД Вьетнама заявил о протесте в связи с тем, что китайский корабль береговой охраны (CCG) "
            "преследовал и атаковал водометами рыболовецкое судно Вьетнамской береговой охраны.")
    tokens = _parsed_russian(text).tokens
    by_text = {t.text: t for t in tokens}
    assert by_text["корабль"].dep == "nsubj" and by_text["корабль"].head == by_text["преследовал"].i
    assert by_text["атаковал"].head == by_text["преследовал"].i
    assert tokens[by_text["Вьетнамской"].head].i > by_text["Вьетнамской"].i


def test_a_russian_list_of_subjects_hung_on_a_phrase_before_it_is_the_verbs_subject():
    """natasha hangs "Ливан" (inanimate: its nominative and accusative are one form) on the motive phrase before it;
    the list it opens, nominative, before a plural verb with no subject, is that verb's subject."""
    text = "В знак поддержки с Каиром Ливан, Иордания и Ирак тоже отозвали послов из Анкары."
    by_text = _russian_tokens_by_text(text)
    assert by_text["Ливан"].dep == "nsubj" and by_text["Ливан"].head == by_text["отозвали"].i


def test_the_names_a_russian_verbless_relative_lists_are_appositions_of_its_noun():
    text = "Несколько стран, среди которых Франция и Германия, осудили удары."
    by_text = _russian_tokens_by_text(text)
    assert by_text["Франция"].dep == "appos" and by_text["Франция"].head == by_text["стран"].i


def test_persona_non_grata_is_one_word_and_what_hung_on_it_the_verbs_object():
    text = "Латвия объявила персоной нон грата российского дипломата."
    by_text = _russian_tokens_by_text(text)
    assert by_text["нон"].head == by_text["грата"].head == by_text["персоной"].i
    assert by_text["дипломата"].dep == "obj" and by_text["дипломата"].head == by_text["объявила"].i


def test_russian_lemmas():
    assert russian_lemma("Казахстана") == "казахстан"
    assert russian_lemma("России") == "россия"


def test_a_language_without_a_model_still_gets_tokens():
    text = "Kazakhstan ja Suomi allekirjoittivat sopimuksen."
    sentence = Sentence(0, len(text), text, "fi")
    parse_sentences([sentence], text)
    assert not sentence.parsed and [t.text for t in sentence.tokens][:2] == ["Kazakhstan", "ja"]


def _two_sentences(language, first, second):
    text = f"{first} {second}"
    return text, [Sentence(0, len(first), first, language), Sentence(len(first) + 1, len(text), second, language)]


@pytest.mark.parametrize("language,background,event", [
    ("en", "Prices of wheat rose sharply in the spring.", "President Tokayev visited Moscow on Tuesday."),
    ("ru", "Цены на пшеницу весной резко выросли.", "Президент Казахстана Касым-Жомарт Токаев прибыл в Москву."),
])
def test_the_cascade_parses_only_chosen_sentences_and_tags_every_one(language, background, event):
    text, full = _two_sentences(language, background, event)
    parse_sentences(full, text)
    _, cascade = _two_sentences(language, background, event)
    asked = []

    def only_the_second(sentences, words):
        asked.append([s.text for s in sentences])
        assert "visit" in words[1] or "прибыть" in words[1]       # lemmas, lower-cased
        return [False, True]

    parse_sentences(cascade, text, needs_syntax=only_the_second)
    assert asked == [[background, event]]
    skipped, parsed = cascade
    assert parsed == full[1]                      # exactly the one-pass parse: tags, NER, dependencies
    assert not skipped.parsed and all(t.dep == "dep" and t.head == t.i for t in skipped.tokens)
    assert [(t.text, t.lemma, t.pos) for t in skipped.tokens] == [(t.text, t.lemma, t.pos) for t in full[0].tokens]
    assert skipped.ner == full[0].ner


def test_models_run_on_one_blas_thread_and_the_callers_setting_comes_back():
    from threadpoolctl import threadpool_info

    from communique.nlp.models import single_threaded_math

    before = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    with single_threaded_math():
        assert {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"} <= {1}
    assert [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"] == before


@pytest.mark.parametrize("language,texts", [
    ("en", ["As the talks went on, I told you it had been signed.", "The ministers have met as planned; but it was not",
            "Kazakhstan and  Russia signed  an agreement.\nIt will be ratified.", "Did you do it? He did, as did she."]),
    ("es", ["Así lo dijo. Pero el acuerdo no fue firmado por Rusia.", "El ministro viajó a Moscú.  Allí firmó el acuerdo.",
            "Y entonces. Con el presidente de Chile llegó a Lima"]),
])
def test_a_late_parse_redoes_the_ruler_and_lemmas_as_a_whole_second_pass(monkeypatch, language, texts):
    """`nlp.ruler`: the matches kept from the first pass, the patterns that read the parse matched again and only
    the changed tokens lemmatised again give exactly what the ruler and the lemmatizer run again whole give."""
    from communique.nlp import models

    def analyse():
        sentences = [Sentence(0, len(t), t, language) for t in texts]
        with models.single_threaded_math():
            tagged = models._SpacyTagged(sentences, models.DEFAULT_SPACY_MODELS[language], full=False)
            tagged.parse(list(range(len(sentences))))
        return tagged, [[(t.text, t.lemma_, t.pos_, t.tag_, str(t.morph), t.dep_, t.head.i, t.is_sent_start,
                          t.ent_type_) for t in doc] for doc in tagged.docs]

    shortcut, fast = analyse()
    assert shortcut.rerun is not None
    monkeypatch.setattr(models, "ruler_rerun", lambda *args: None)
    whole, slow = analyse()
    assert whole.rerun is None
    assert fast == slow


@pytest.mark.parametrize("language,texts", [
    ("en", ["The minister got the letter and said the talks were going well.",
            "Kazakhstan's president has visited Beijing twice, as he told reporters on Monday.",
            "There were no objections; they'd agreed to meet again in  May.",
            # lists of values, excluded values, the parse, and patterns of two tokens the Matcher still runs
            "I said it ain't nothin' new, and you knew it because we gon na talk, y'all; let's see whether it is.",
            "Did they do it? They did not, although that was what he had asked for."]),
    ("es", ["El canciller dijo que las conversaciones fueron productivas.",
            "Chile y Perú firmaron ayer un acuerdo  de cooperación en Lima."]),
])
def test_the_ruler_table_matches_and_tags_as_spacys_attribute_ruler(language, texts):
    """`nlp.ruler.RulerTable`: the one-token exact-value patterns looked up in tables, the others through the
    Matcher, give the ruler's own matches, and docs tagged and parsed through it are spaCy's own, tagged only or
    parsed."""
    from communique.nlp import models
    from communique.nlp.ruler import RulerTable

    nlp = models.spacy_model(models.DEFAULT_SPACY_MODELS[language])
    ruler = nlp.get_pipe("attribute_ruler")
    table = RulerTable(ruler)
    assert table.tables and table.columns
    if language == "en":
        assert table.has_rest and table.starters is not None       # the Matcher runs only where a match may start

    def rows(doc):
        return [(t.text, t.lemma_, t.pos_, t.tag_, str(t.morph), t.dep_, t.head.i, t.ent_type_) for t in doc]

    with models.single_threaded_math():
        for disabled in (["parser", "attribute_ruler", "lemmatizer"], ["attribute_ruler", "lemmatizer"]):
            for doc in nlp.pipe(texts, disable=disabled):
                assert table.match(doc) == ruler.match(doc)
                some = {attr_id for attr_id, p in enumerate(ruler.patterns) if attr_id % 3 == 0}
                assert RulerTable(ruler, only=some).match(doc) == [m for m in ruler.match(doc) if m[0] in some]
        spacy_docs = [rows(d) for d in nlp.pipe(texts)]
        sentences = [Sentence(0, len(t), t, language) for t in texts]
        tagged = models._SpacyTagged(sentences, models.DEFAULT_SPACY_MODELS[language], full=True)
    assert [rows(d) for d in tagged.docs] == spacy_docs


@pytest.mark.parametrize("language,texts", [
    ("en", ["The ministers were meeting; talks had gone well and the leaders agreed to sign the treaties.",
            "She didn't say whether the better offers came from Brazil's largest banks.", "Go!", ""]),
    ("es", ["Los cancilleres firmaron los acuerdos. Dijeron que seguirían trabajando juntos.",
            "Y entonces llegaron las delegaciones de Chile a Lima.", "Bien."]),
])
def test_the_remembered_lemmas_are_the_lemmatizers(language, texts):
    """`nlp.lemmas.Lemmas` lemmatises as spaCy's component, tagged only or parsed (the Spanish lemma reads the
    sentence start), lemmas the ruler gave kept, a second time from what it remembers."""
    from communique.nlp import models
    from communique.nlp.lemmas import Lemmas, fast_lemmatizer

    nlp = models.spacy_model(models.DEFAULT_SPACY_MODELS[language])
    component = nlp.get_pipe("lemmatizer")
    assert fast_lemmatizer(component) is not None
    lemmas = Lemmas(component)
    for disabled in (["parser", "lemmatizer"], ["lemmatizer"]):
        for _ in range(2):
            mine = [lemmas(doc) for doc in nlp.pipe(texts, disable=disabled)]
            theirs = [component(doc) for doc in nlp.pipe(texts, disable=disabled)]
            assert [[t.lemma_ for t in d] for d in mine] == [[t.lemma_ for t in d] for d in theirs]
    assert lemmas.known


NER_TEXTS = {
    "en": ["The Foreign Minister of Kazakhstan, Murat Nurtleu, met the UN Secretary-General in New York on Monday.",
           "Brazil and Argentina signed three agreements worth $2 billion at the Mercosur summit.",
           "Russia expelled two German diplomats;  Berlin called it unjustified.\nThe European Union said nothing.",
           "It rained.", "On 12 March 2024 the Organization for Security and Co-operation in Europe met in Vienna.",
           "Chancellor Olaf Scholz told Reuters that NATO would stay united.", "x"],
    "es": ["El canciller de Venezuela, Yván Gil, se reunió con su homólogo ruso Serguéi Lavrov en Moscú.",
           "La Unión Europea y el Mercosur firmaron el acuerdo comercial en Montevideo.",
           "Chile  expulsó al embajador de Nicaragua.\nManagua respondió el martes.", "Llovió.",
           "El presidente Lula da Silva viajará a Pekín para reunirse con Xi Jinping.", "y"],
}


def _in_batches(docs, run, read):
    """What `run` gives copies of `docs` in batches of one, of four and of all, read token by token."""
    out = []
    for size in (1, 4, len(docs)):
        copies = [doc.copy() for doc in docs]
        found = [doc for i in range(0, len(copies), size) for doc in run(copies[i:i + size])]
        out.append([[read(t) for t in doc] for doc in found])
    return out


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("after_parser", [False, True])
def test_the_array_ner_loop_finds_spacys_entities(language, after_parser):
    """`nlp.greedy_ner`: spaCy's greedy NER transitions over arrays give the entities (spans, labels, IOB tags) of
    spaCy's own loop, batch by batch, whether the parser has set sentence starts first or not; a batch with preset
    entities goes to spaCy's loop."""
    from spacy.tokens import Span

    from communique.nlp import models
    from communique.nlp.greedy_ner import greedy_ner

    nlp = models.spacy_model(models.DEFAULT_SPACY_MODELS[language])
    ner = nlp.get_pipe("ner")
    fast = greedy_ner(ner)
    assert fast is not None
    skip = ("ner",) if after_parser else ("ner", "parser")
    docs = [nlp.make_doc(t) for t in NER_TEXTS[language] * 3]
    with models.single_threaded_math():
        for name, component in nlp.pipeline:
            if name not in skip:
                docs = [component(doc) for doc in docs]

        def entities(run):
            return _in_batches(docs, run, lambda t: (t.ent_iob_, t.ent_type_))

        spacys = entities(lambda group: list(ner.pipe(group, batch_size=len(group))))
        assert entities(fast.pipe) == spacys
        assert any(tag != ("O", "") for doc in spacys[0] for tag in doc)
        preset = docs[0].copy()
        preset.set_ents([Span(preset, 0, 1, label="ORG")], default="unmodified")
        assert fast.pipe([preset])[0].ents[0].label_ == "ORG"


def test_slovnet_models_run_shortest_first_and_give_each_result_back_in_place():
    """`nlp.models.by_length`: a slovnet model sees its items shortest first (a batch pads to its longest) and the
    results come back in the items' order, the same markups as the model's own order gives."""
    from communique.nlp.models import by_length, natasha, single_threaded_math

    class Model:
        def map(self, items):
            self.seen = list(items)
            return (item.upper() for item in items)

    model = Model()
    assert by_length(model, ["ccc", "a", "bb", "d"]) == ["CCC", "A", "BB", "D"]
    assert model.seen == ["a", "d", "bb", "ccc"]
    texts = ["Министр иностранных дел Казахстана Мурат Нуртлеу провёл переговоры с коллегой из Бразилии в Астане.",
             "Стороны договорились.", "МИД Армении вызвал посла Франции.", "Москва и Анкара подписали меморандум о "
             "сотрудничестве в области энергетики во время визита президента Турции."]
    with single_threaded_math():
        ner = natasha().ner
        assert [repr(m) for m in by_length(ner, texts)] == [repr(m) for m in ner.map(texts)]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_recogniser_and_the_parser_run_on_batches_of_like_lengths_and_give_each_doc_back_in_place(language):
    """`nlp.models._by_length`: the transition models step through a batch until its longest doc is done, so they
    see the docs shortest first; each doc comes back in its place, with the entities and the parse it gets in the
    docs' own order."""
    from communique.nlp import greedy_parser, models

    seen: list[list[int]] = []

    def pipe(group):
        seen.append([len(doc) for doc in group])
        return [f"{len(doc)}" for doc in group]

    docs = [list(range(n)) for n in (5, 1, 3, 1, 9)]
    assert models._by_length(docs, pipe) == ["5", "1", "3", "1", "9"]
    assert seen == [[1, 1, 3, 5, 9]]
    nlp = models.spacy_model(models.DEFAULT_SPACY_MODELS[language])
    ner, parser = nlp.get_pipe("ner"), nlp.get_pipe("parser")
    texts = NER_TEXTS[language] * 2
    with models.single_threaded_math():
        tagged = [nlp.make_doc(t) for t in texts]
        for name, component in nlp.pipeline:
            if name not in ("ner", "parser"):
                tagged = [component(doc) for doc in tagged]

        def read(docs):
            return [[(t.ent_iob_, t.ent_type_, t.head.i, t.dep_, t.is_sent_start) for t in doc] for doc in docs]

        one = [greedy_parser.parse_holding_gil(parser, [doc])[0] for doc in
               [d for doc in [doc.copy() for doc in tagged] for d in ner.pipe([doc], batch_size=1)]]
        both = models._run_component(parser, models._run_component(ner, [doc.copy() for doc in tagged]))
        assert read(both) == read(one)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_parser_stepped_with_the_gil_held_parses_as_spacy(language):
    """`nlp.greedy_parser`: the parser's greedy loop stepped from Python gives spaCy's own heads, labels and
    sentence starts, batch by batch (of one, four and all)."""
    from communique.nlp import greedy_parser, models

    nlp = models.spacy_model(models.DEFAULT_SPACY_MODELS[language])
    parser = nlp.get_pipe("parser")
    assert greedy_parser.fits(parser)
    docs = [nlp.make_doc(t) for t in NER_TEXTS[language] * 2]
    with models.single_threaded_math():
        for name, component in nlp.pipeline:
            if name == "parser":
                break
            docs = [component(doc) for doc in docs]

        def parses(run):
            return _in_batches(docs, run, lambda t: (t.head.i, t.dep_, t.is_sent_start))

        assert parses(lambda group: greedy_parser.parse_holding_gil(parser, group)) == parses(
            lambda group: list(parser.pipe(group, batch_size=len(group))))
        assert greedy_parser.parse_holding_gil(parser, [nlp.make_doc("")])[0].text == ""


@pytest.mark.parametrize("language", ["en", "es"])
def test_spacys_models_multiply_with_numpy_and_tag_parse_and_name_as_with_blis(language):
    """`nlp.models.SPACY_USE_BLIS`: every layer of the loaded models runs numpy's matrix products (BLIS falls back to
    an unvectorised kernel on CPUs its wheel does not know), and the tags, lemmas, parse and entities are those of
    the same model on BLIS's products."""
    import spacy
    from thinc.api import NumpyOps

    from communique.nlp import models

    package = models.DEFAULT_SPACY_MODELS[language]
    ours = models.spacy_model(package)
    layers = [layer for _, component in ours.pipeline if getattr(component, "model", None) is not None
              for layer in component.model.walk()]
    assert layers and all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in layers)
    texts = NER_TEXTS[language] + [
        "Ministers of both countries will meet again in March to review the trade talks." if language == "en" else
        "Los ministros de ambos países volverán a reunirse en marzo para revisar las negociaciones."]

    def read(nlp):
        with models.single_threaded_math():
            return [[(t.tag_, t.pos_, t.lemma_, t.head.i, t.dep_, t.ent_iob_, t.ent_type_) for t in doc]
                    for doc in nlp.pipe(texts)]

    blis = spacy.load(package)
    assert any(layer.ops.use_blis for _, c in blis.pipeline if getattr(c, "model", None) is not None
               for layer in c.model.walk())
    assert read(ours) == read(blis)


def test_slovnets_convolution_and_embedding_built_in_runs_give_its_own_outputs_to_the_bit():
    """`nlp.slovnet_fast`: the convolution the pipeline runs natasha's encoders with gives slovnet's own arrays (any
    batch, channel count, length and padding; the input a view as the layers hand it on), so do the word vectors
    read from navec's codes (any shape of word ids), and only inside `fast_convolutions`: the models' markups are
    the same either way."""
    import numpy
    from slovnet.exec.model import Conv1d, Weight

    from communique.nlp.models import natasha, single_threaded_math
    from communique.nlp.slovnet_fast import convolve, embed, fast_convolutions

    rng = numpy.random.default_rng(7)
    for batch, channels, length, filters, padding in [(1, 5, 1, 3, 1), (3, 7, 9, 4, 1), (2, 6, 11, 5, 2)]:
        weight = rng.standard_normal((filters, channels, 3)).astype(numpy.float32)
        conv = Conv1d(Weight(list(weight.shape), "float32", weight),
                      Weight([filters], "float32", rng.standard_normal(filters).astype(numpy.float32)), padding)
        data = rng.standard_normal((batch, length, channels)).astype(numpy.float32).swapaxes(2, 1)
        expected, found = conv(data), convolve(conv, data)
        assert found.shape == expected.shape and numpy.array_equal(found, expected)
    words = natasha().morph.infer.model.emb.word          # navec's quantised vectors, as the models read them
    ids = rng.integers(0, words.indexes.array.shape[0], size=(4, 9))
    for shape in [(4, 9), (36,), (0, 3)]:
        chosen = ids.reshape(-1)[:int(numpy.prod(shape))].reshape(shape)
        expected, found = words(chosen), embed(words, chosen)
        assert found.shape == expected.shape and numpy.array_equal(found, expected)
    texts = ["Министр иностранных дел Казахстана провёл переговоры с коллегой из Бразилии в Астане.",
             "МИД Армении вызвал посла Франции.", "Стороны договорились о сотрудничестве."]
    with single_threaded_math():
        ner = natasha().ner
        own = [repr(m) for m in ner.map(texts)]
        with fast_convolutions():
            assert [repr(m) for m in ner.map(texts)] == own
