"""What a user typed for a query, read the same way by the CLI, the API and the Python API.

An actor is a code in any case ("kaz") or a country or organisation name in any language the gazetteer knows
("Kazakhstan", "Kazajistán", "Казахстан"), an event type a PLOVER type in any case ("consult"), a status one of
`EVENT_STATUSES`. Anything else is a `FilterError` naming the nearest valid values ("ARGG" → ARG), never an empty
answer: a typo must not look like "nothing happened".

`public_query` wraps the knowledge base's query functions: their store argument may also be a path or URL (opened
for the call; a missing SQLite file is an error, not a new empty store), and their actor, type and status arguments
go through the resolvers here.
"""
from __future__ import annotations

import difflib
import functools
import inspect
import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from ..actors.codes import known_codes, nearest_codes, resolve_actor
from ..errors import CommuniqueError
from ..records import EVENT_STATUSES, EVENT_TYPES
from .stories import fold

if TYPE_CHECKING:
    from .store import Store

F = TypeVar("F", bound=Callable[..., Any])

#: parameters holding one actor, and the word an error uses for each
ACTOR_PARAMETERS = {"actor": "actor", "country": "country", "a": "actor", "b": "actor"}


class FilterError(CommuniqueError, ValueError):
    """A query names an actor, event type or status that does not exist; the message names the nearest valid ones."""


def resolve_code(text: str, *, store: Store | None = None, what: str = "actor") -> str:
    """The actor code `text` means: a code in any case (of the code tables, or one the store's events use), or a
    country or organisation name in en/es/ru."""
    wanted = str(text).strip()
    if not wanted:
        raise FilterError(f"the {what} is empty: give a code such as KAZ or a name such as Kazakhstan")
    upper = wanted.upper()
    if upper in _valid_codes() or (store is not None and _store_uses(store, upper)):
        return upper
    code = resolve_actor(wanted)
    if code:
        return code
    near = nearest_names(wanted) if len(wanted) > 3 else []
    near = near or nearest_codes(wanted, known=stored_codes(store) if store is not None else None)
    hint = f"; did you mean {', '.join(near)}?" if near else "; use a code such as KAZ or a name such as Kazakhstan"
    raise FilterError(f"unknown {what} {wanted!r}: not a country or organisation code or name{hint}")


def nearest_names(text: str, n: int = 3) -> list[str]:
    """The country and organisation names closest to a mistyped name ("Kazakstann" -> "KAZ (Kazakhstan)")."""
    folded = _names_by_fold()
    found = difflib.get_close_matches(fold(text), list(folded), n=n, cutoff=0.75)
    return list(dict.fromkeys(f"{folded[name][0]} ({folded[name][1]})" for name in found))


@functools.cache
def _names_by_fold() -> dict[str, tuple[str, str]]:
    return {fold(name): (code, name) for code, name in sorted(known_codes().items())}


@functools.cache
def _valid_codes() -> frozenset[str]:
    return frozenset(known_codes())


def _store_uses(store: Store, code: str) -> bool:
    return bool(store.rows("SELECT 1 AS x FROM merged_events WHERE actor1 = ? OR actor2 = ? LIMIT 1", (code, code)))


def resolve_pair(pair: Any, *, store: Store | None = None) -> tuple[str, str]:
    """Two actors, either order: a pair of codes or names, or one text "KAZ,ARG"."""
    parts = [p for p in pair.split(",")] if isinstance(pair, str) else list(pair)
    if len(parts) != 2:
        raise FilterError(f"between needs two actors, e.g. ('KAZ', 'ARG'); got {pair!r}")
    first, second = (resolve_code(p, store=store) for p in parts)
    return first, second


def resolve_type(text: str) -> str:
    """A PLOVER event type in any case ("consult" → CONSULT)."""
    return _one_of(str(text).strip().upper(), EVENT_TYPES, "event type", "types", text)


def resolve_status(text: str) -> str:
    """An event status in any case ("Planned" → planned)."""
    return _one_of(str(text).strip().lower(), EVENT_STATUSES, "status", "statuses", text)


def _one_of(wanted: str, valid: tuple[str, ...], what: str, plural: str, given: Any) -> str:
    if wanted in valid:
        return wanted
    near = difflib.get_close_matches(wanted, valid, n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(near)}? " if near else ""
    raise FilterError(f"unknown {what} {str(given).strip()!r}: {hint}({plural}: {', '.join(valid)})")


def _many(values: str | Iterable[str] | None) -> list[str]:
    """A repeatable filter given as one text ("CONSULT" or "CONSULT,AGREE") or a list of them."""
    if values is None:
        return []
    items = [values] if isinstance(values, str) else list(values)
    return [part for item in items for part in str(item).split(",") if part.strip()]


def resolve_filters(store: Store | None = None, **filters: Any) -> dict[str, Any]:
    """`filters` with `between`, `actor`, `types` and `statuses` resolved; other keys as given."""
    out = dict(filters)
    if out.get("between") is not None:
        out["between"] = resolve_pair(out["between"], store=store)
    if out.get("actor") is not None:
        out["actor"] = resolve_code(out["actor"], store=store)
    if "types" in out:
        out["types"] = [resolve_type(t) for t in _many(out["types"])]
    if "statuses" in out:
        out["statuses"] = [resolve_status(s) for s in _many(out["statuses"])]
    return out


def stored_codes(store: Store) -> set[str]:
    """The actor codes the store's events use (codes no table lists, e.g. from an older store)."""
    rows = store.rows("SELECT DISTINCT actor1 AS code FROM merged_events WHERE actor1 IS NOT NULL UNION"
                      " SELECT DISTINCT actor2 FROM merged_events WHERE actor2 IS NOT NULL")
    return {r["code"] for r in rows}


def open_existing(target: str | os.PathLike[str]) -> Store:
    """The store at `target` (path, ``sqlite:///`` or ``postgresql://`` URL), which must already exist."""
    from ..errors import StoreError
    from .store import Store, is_postgres_url, sqlite_path

    name = os.fspath(target)
    if not is_postgres_url(name) and not os.path.exists(sqlite_path(name)):
        raise StoreError(f"no store at {name}; run `communique ingest PATH --db {name}` first")
    return Store.open(name)


def public_query(func: F | None = None, *, skip: tuple[str, ...] = ()) -> Any:
    """Decorate a query function: a path or URL is accepted where a store is, and its filter arguments (`between`,
    `actor`, `country`, `a`, `b`, `types`, `statuses`, also inside ``**filters``) are resolved (names in `skip`
    are left alone)."""
    if func is None:
        return functools.partial(public_query, skip=skip)
    signature = inspect.signature(func)

    def resolved(store: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> inspect.BoundArguments:
        bound = signature.bind(store, *args, **kwargs)
        for name, param in signature.parameters.items():
            if name not in bound.arguments or name in skip:
                continue
            if param.kind is inspect.Parameter.VAR_KEYWORD:
                bound.arguments[name] = resolve_filters(store, **bound.arguments[name])
            elif name in ACTOR_PARAMETERS and bound.arguments[name] is not None:
                bound.arguments[name] = resolve_code(bound.arguments[name], store=store, what=ACTOR_PARAMETERS[name])
            elif name in ("between", "types", "statuses"):
                bound.arguments[name] = resolve_filters(store, **{name: bound.arguments[name]})[name]
        return bound

    if inspect.isgeneratorfunction(func):
        @functools.wraps(func)
        def generator(store: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(store, (str, os.PathLike)):
                with open_existing(store) as opened:
                    yield from generator(opened, *args, **kwargs)
                return
            bound = resolved(store, args, kwargs)
            yield from func(*bound.args, **bound.kwargs)

        return generator

    @functools.wraps(func)
    def wrapper(store: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(store, (str, os.PathLike)):
            with open_existing(store) as opened:
                return wrapper(opened, *args, **kwargs)
        bound = resolved(store, args, kwargs)
        return func(*bound.args, **bound.kwargs)

    return wrapper
