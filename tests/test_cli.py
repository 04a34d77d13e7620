"""The `communique` command over real files: formats, stdin, bad inputs and exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import cli

EN = ("ASTANA, May 14 (Kazinform) – Kazakh Foreign Minister Murat Nurtleu held talks with his Brazilian "
      "counterpart Mauro Vieira in Brasilia on Tuesday. The ministers signed a memorandum on political "
      "consultations and agreed to open a Brazilian embassy office in Astana next year.\n")
ES = ("Moscú, 12 nov (EFE).- El presidente de Rusia, Vladímir Putin, recibió hoy a su homólogo kazajo, "
      "Kasim-Yomart Tokáyev, en el Gran Palacio del Kremlin, donde ambos firmaron una declaración.\n")


def run(args, stdin=None):
    result = CliRunner().invoke(cli, args, input=stdin, catch_exceptions=False)
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result, lines


@pytest.fixture()
def corpus(tmp_path):
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.txt").write_bytes(ES.encode("latin-1"))
    (sub / "c.html").write_text(f"<html><head><title>T</title></head><body><article><h1>Visita</h1>"
                                f"<p>{ES}</p></article></body></html>", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"text": EN, "url": "https://example.org/a", "published": "2024-05-14"}) + "\n"
        + json.dumps({"html": f"<p>{ES}</p>", "title": "Visita"}) + "\n", encoding="utf-8")
    return tmp_path


def test_extract_reads_files_directories_and_jsonl(corpus):
    result, records = run(["extract", str(corpus)])
    assert result.exit_code == 0, result.output
    paths = [Path(r["source"]["path"]).name for r in records]
    assert paths == ["a.txt", "d.jsonl:1", "d.jsonl:2", "b.txt", "c.html"]
    assert [r["language"] for r in records] == ["en", "en", "es", "es", "es"]
    assert records[1]["source"]["url"] == "https://example.org/a"
    assert records[1]["published"] == "2024-05-14"


def test_extract_writes_to_a_file(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    result, _ = run(["extract", str(corpus / "a.txt"), "-o", str(out)])
    assert result.exit_code == 0
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["text"].startswith("ASTANA")


def test_extract_reads_plain_text_and_jsonl_from_stdin():
    result, [record] = run(["extract", "-"], stdin=EN)
    assert result.exit_code == 0 and record["language"] == "en" and record["source"]["path"] == "<stdin>"
    result, records = run(["extract", "-"], stdin=json.dumps({"text": ES}) + "\n" + json.dumps({"text": EN}) + "\n")
    assert [r["language"] for r in records] == ["es", "en"]


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path):
    (tmp_path / "1_empty.txt").write_bytes(b"")
    (tmp_path / "2_binary.txt").write_bytes(bytes(range(256)) * 64)
    (tmp_path / "3_undecodable.txt").write_bytes(EN.encode("utf-8")[:-40] + b"\xff\xfe\xfa " + b"\x81\x8d\x8f\x90" + EN.encode())
    (tmp_path / "4_broken.jsonl").write_text(json.dumps({"text": EN}) + "\n{not json\n" + json.dumps({"x": 1}) + "\n",
                                             encoding="utf-8")
    (tmp_path / "5_good.txt").write_text(EN, encoding="utf-8")
    result, records = run(["extract", str(tmp_path), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    by_path = {Path(r["source"]["path"]).name: r for r in records}
    assert "empty document" in by_path["1_empty.txt"]["warnings"]
    assert "binary" in by_path["2_binary.txt"]["error"]
    assert "events" in by_path["3_undecodable.txt"]                  # processed, not failed
    assert by_path["4_broken.jsonl:1"]["language"] == "en"
    assert "not valid JSON" in by_path["4_broken.jsonl:2"]["error"]
    assert "neither a 'text' nor an 'html'" in by_path["4_broken.jsonl:3"]["error"]
    assert "no such file" in by_path["missing.txt"]["error"]
    assert by_path["5_good.txt"]["language"] == "en"
    assert "error: " in result.stderr and "4_broken.jsonl:2" in result.stderr


def test_a_50_mb_file_is_cut_with_a_warning_not_a_failure(tmp_path):
    big = tmp_path / "big.txt"
    paragraph = (EN.strip() + " ") * 8 + "\n"
    with big.open("w", encoding="utf-8") as fh:
        for _ in range(50 * 1024 * 1024 // len(paragraph) + 1):
            fh.write(paragraph)
    assert big.stat().st_size >= 50 * 1024 * 1024
    result, [record] = run(["extract", str(big)])
    assert result.exit_code == 0
    assert any("larger than" in w for w in record["warnings"])
    assert len(record["text"]) <= 200_000


def test_usage_errors_exit_2():
    proc = subprocess.run([sys.executable, "-m", "communique", "extract"], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Missing argument" in proc.stderr


def test_real_command_exit_codes(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(EN, encoding="utf-8")
    ok = subprocess.run([sys.executable, "-m", "communique", "extract", str(good)], capture_output=True, text=True)
    assert ok.returncode == 0 and json.loads(ok.stdout)["language"] == "en"
    bad = subprocess.run([sys.executable, "-m", "communique", "extract", str(good), str(tmp_path / "nope.txt")],
                         capture_output=True, text=True)
    assert bad.returncode == 1 and len(bad.stdout.splitlines()) == 2


BAD_CONFIGS = {
    "not_a_table.toml": (b"communique = 5\n", "'communique' must be a table of settings"),
    "latin1.toml": ("languages = [\"español\"]\n".encode("latin-1"), "is not UTF-8 text"),
    "deep.toml": (b"x = " + b"[" * 100_000 + b"]" * 100_000 + b"\n", "nests arrays or tables too deeply"),
    "huge_int.toml": (b"batch_size = " + b"9" * 5000 + b"\n", "too large to read"),
    "big_int.toml": (b"batch_size = 99999999999999999999\n", "batch_size"),
    "inf.toml": (b"document_time_budget = inf\n", "document_time_budget"),
    "nan.toml": (b"document_time_budget = nan\n", "document_time_budget"),
    "bad_toml.toml": (b"languages = [\n", "is not valid TOML"),
}


@pytest.mark.parametrize("name", [*BAD_CONFIGS, "fifo.toml"])
def test_a_bad_config_file_is_one_clear_line_and_exit_2(tmp_path, name):
    import os

    path = tmp_path / name
    if name == "fifo.toml":
        os.mkfifo(path)
        expected = "is a FIFO, not a regular file"
    else:
        content, expected = BAD_CONFIGS[name]
        path.write_bytes(content)
    result = CliRunner().invoke(cli, ["--config", str(path), "settings"])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0], result.output
    assert "Traceback" not in result.output


def test_an_infinite_time_budget_from_the_environment_is_refused_at_load(monkeypatch):
    from communique import ConfigError, Settings

    monkeypatch.setenv("COMMUNIQUE_DOCUMENT_TIME_BUDGET", "inf")
    with pytest.raises(ConfigError, match="document_time_budget"):
        Settings.load()
