"""Stage `facts` (first version)."""
from __future__ import annotations

from .records import Article
from .registry import Stage, stage


@stage("facts", "0")
class FactsStage(Stage):
    def process(self, article: Article) -> None:
        return None
