"""Stage `language`: the document's language and each paragraph's."""
from __future__ import annotations

import functools

from .records import Article
from .registry import Stage, stage


@functools.lru_cache(maxsize=8)
def detector(languages: tuple[str, ...]):
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in languages]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


@stage("language", "1", requires=("text",), assigns=("language",))
class LanguageStage(Stage):
    def process(self, article: Article) -> None:
        found = detector(tuple(self.settings.languages)).detect_language_of(article.text)
        article.language = found.iso_code_639_1.name.lower() if found else self.settings.fallback_language
        for paragraph in article.paragraphs:
            paragraph.language = article.language
