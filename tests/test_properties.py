"""Property tests over the whole `extract`: whatever the text, a valid record with exact offsets, never a crash."""
from __future__ import annotations

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_schema import check_offsets

import communique

WORDS = ["Kazakhstan", "Kazajistán", "Казахстана", "Tokayev", "Токаев", "Putin", "visited", "visitó", "посетил",
         "signed", "firmaron", "подписали", "agreement", "acuerdo", "соглашение", "Moscow", "Moscú", "Москву",
         "on Thursday", "el martes", "в четверг", "June 3", "el 11 de noviembre", "04 июля 2014", "$1.2 billion",
         "«", "»", "“", "”", '"', "(EFE)", "—", "-", ".", ",", "\n", "\n\n", "Join Telegram", "Реклама +7(700)",
         "<p>", "</p>", "<script>alert(1)</script>", "\x00", "\u200b", "🙂", "OEA", "ОДКБ", "EU"]

texts = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.text(max_size=400),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_extract_never_raises_and_offsets_are_exact(text, schema):
    record = communique.extract(text)
    if "error" in record:
        assert record["error"] and record["source"] is not None
        return
    jsonschema.validate(record, schema)
    check_offsets(record)


@settings(max_examples=25, deadline=None)
@given(data=st.binary(max_size=600))
def test_any_bytes_give_a_record_or_a_clear_error(data, tmp_path_factory):
    path = tmp_path_factory.mktemp("bytes") / "input.txt"
    path.write_bytes(data)
    [article] = communique.process_paths([path])
    record = article.to_record()
    assert (record.get("error")) or check_offsets(record) is None
