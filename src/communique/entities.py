"""Stage `entities` (first version)."""
from __future__ import annotations

from .records import Article
from .registry import Stage, stage


@stage("entities", "0")
class EntitiesStage(Stage):
    def process(self, article: Article) -> None:
        return None
