"""Stage `dates` (first version)."""
from __future__ import annotations

from .records import Article
from .registry import Stage, stage


@stage("dates", "0")
class DatesStage(Stage):
    def process(self, article: Article) -> None:
        return None
