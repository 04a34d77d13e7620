"""The learned line cleaner (reading/lines.py): the shipped model is what scripts/train_line_cleaner.py trains, and
it removes page junk without cutting article text, on the held-out development pages and on a page written here."""
from __future__ import annotations

import importlib.util
import json

import pytest
from conftest import shared_path

from communique.reading import lines as line_model
from communique.reading.clean import CleanStage
from communique.records import Article
from communique.settings import Settings

ROOT = shared_path.__globals__["Path"](__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def trainer():
    shared_path("dev-articles-2", "gold.json")
    spec = importlib.util.spec_from_file_location("train_line_cleaner", ROOT / "scripts" / "train_line_cleaner.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_model_loads_with_the_features_the_code_computes():
    model = line_model.model()
    assert model is not None and tuple(model["features"]) == line_model.FEATURES
    assert len(model["hidden_weights"]) == len(line_model.FEATURES) and 0.5 <= model["threshold"] < 1


def test_the_shipped_model_is_what_the_script_trains(trainer):
    trained = trainer.build(report=False)
    shipped = line_model.model()
    assert trained.keys() == shipped.keys()
    for key, value in trained.items():
        if isinstance(value, list) and key != "features":
            flat = json.dumps(value)  # same shape, values equal to rounding (BLAS may differ in the last digits)
            assert len(flat.split(",")) == len(json.dumps(shipped[key]).split(","))
            assert max(abs(a - b) for a, b in zip(_flat(value), _flat(shipped[key]))) < 1e-3, key
        elif isinstance(value, float):
            assert abs(value - shipped[key]) < 1e-3, key
        else:
            assert value == shipped[key], key


def _flat(value):
    return [x for v in value for x in (_flat(v) if isinstance(v, list) else [v])]


def test_held_out_pages_lose_their_junk_and_keep_their_article_lines(trainer):
    pages = trainer.pages()
    held = [p for p in pages if p["held_out"]]
    junk_ok, junk_n, keep_ok, keep_n, misses = trainer.page_figures(line_model.model(), held)
    assert junk_n >= 30 and keep_n >= 150
    assert junk_ok / junk_n >= 0.95 and keep_ok / keep_n >= 0.99, misses
    everything = [p for p in pages if p["folder"] == "dev-articles-2"]
    junk_ok, junk_n, keep_ok, keep_n, misses = trainer.page_figures(line_model.model(), everything)
    assert junk_ok / junk_n >= 0.95 and keep_ok / keep_n >= 0.99, misses


PAGE = """PORTADA › Internacional
Compartir en Facebook Compartir en Twitter
Kazajistán y Brasil firman ocho acuerdos

IMG_2041.jpg
Foto: EFE

Brasilia, 10 sep (EFE).- Los presidentes de Kazajistán y Brasil firmaron este martes ocho documentos de cooperación.
«Es un día histórico para nuestros pueblos», dijo Tokáyev.
Entre los documentos firmados figuran:
- un acuerdo de protección mutua de inversiones;
- un memorando de cooperación agrícola.
Ambas partes acordaron reunirse de nuevo el próximo año en Astaná, según la cancillería brasileña.

Leer más
Putin recibe a Tokáyev en el Kremlin
La UE anuncia nuevas sanciones contra Irán
Argentina y Chile firman un acuerdo energético
Suscríbete a nuestro boletín
Visto 1.245 veces
"""


def test_a_page_written_here_loses_its_chrome_and_keeps_every_article_line():
    article = Article(raw_text=PAGE)
    CleanStage(Settings()).run_one(article)
    for junk in ("PORTADA", "Compartir", "IMG_2041", "Foto: EFE", "Leer más", "Putin recibe", "nuevas sanciones",
                 "Suscríbete", "Visto 1.245"):
        assert junk not in article.text, (junk, article.text)
    for line in PAGE.splitlines()[2:14]:
        if line and not line.startswith(("IMG", "Foto")):
            assert line in article.text, (line, article.text)
