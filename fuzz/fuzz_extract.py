"""atheris fuzz target for the whole pipeline: `make fuzz` (runs until stopped, or FUZZ_RUNS iterations).

Invariants checked on every input: `extract` never raises, and every offset in the record points at the text it
claims. Crashes are written by libFuzzer as crash-* files in the working directory.
"""
import sys

import atheris

with atheris.instrument_imports():
    import communique
    from communique.api import process
    from communique.records import RawInput


def check(record: dict) -> None:
    if "error" in record:
        return
    text = record["text"]
    for entity in record["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    for event in record["events"]:
        assert text[event["evidence"]["start"]:event["evidence"]["end"]] == event["evidence"]["text"]
    for quote in record["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]


def test_one_input(data: bytes) -> None:
    as_text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096)
    check(communique.extract(as_text))
    [article] = list(process([RawInput(path="fuzz.bin", data=data)]))
    check(article.to_record())


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
