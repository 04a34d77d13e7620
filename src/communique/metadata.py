"""Stage `metadata`: publication date, dateline, outlet, authors and title."""
from __future__ import annotations

import re

from .records import Article
from .registry import Stage, stage

_DATE_LINE = re.compile(r"\bdate (\d{4}-\d{2}-\d{2})\b")


@stage("metadata", "1", requires=("text",), assigns=("published", "outlet", "dateline", "authors", "title"))
class MetadataStage(Stage):
    def process(self, article: Article) -> None:
        if article.published is None:
            found = _DATE_LINE.search(article.text[:300])
            if found:
                article.published = found.group(1)
        if article.published is None:
            article.warn("no publication date found")
