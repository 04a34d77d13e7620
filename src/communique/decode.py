"""Stage `read`: turn a raw input (bytes, text or HTML) into decoded text, recording the encoding."""
from __future__ import annotations

from .records import Article
from .registry import Stage, stage


def decode_bytes(data: bytes) -> tuple[str, str]:
    for encoding in ("utf-8-sig", "cp1251", "latin-1"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace"), "utf-8"


@stage("read", "1", assigns=("raw_text", "encoding", "html"))
class ReadStage(Stage):
    def process(self, article: Article) -> None:
        raw, article.raw = article.raw, None
        if raw is None:
            return
        for message in raw.warnings:
            article.warn(message)
        if raw.error:
            raise ValueError(raw.error)
        article.published = raw.published or article.published
        if raw.text is not None:
            article.raw_text = raw.text
        elif raw.html is not None:
            article.html = raw.html
        elif raw.data is not None:
            article.raw_text, article.encoding = decode_bytes(raw.data)
