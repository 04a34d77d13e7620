"""Stage `events` (first version)."""
from __future__ import annotations

from .records import Article
from .registry import Stage, stage


@stage("events", "0")
class EventsStage(Stage):
    def process(self, article: Article) -> None:
        return None
