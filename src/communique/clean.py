"""Stage `clean`: remove page junk and split the body into paragraphs."""
from __future__ import annotations

from .records import Article, Paragraph
from .registry import Stage, stage


@stage("clean", "1", requires=("raw_text",), assigns=("text", "paragraphs"))
class CleanStage(Stage):
    def process(self, article: Article) -> None:
        lines = [line.strip() for line in article.raw_text.splitlines()]
        kept = [line for line in lines if line]
        article.text = "\n".join(kept)
        pos = 0
        for line in kept:
            article.paragraphs.append(Paragraph(pos, pos + len(line)))
            pos += len(line) + 1
