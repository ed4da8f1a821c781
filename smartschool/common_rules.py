"""Rules shared by every list of items with ids."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from .messages import item_subject, kind_name, say
from .problems import Problem
from .yamlsource import YamlSource


class HasId(Protocol):
    """An item with an id (every model with an `id` field; read-only, as the models are frozen)."""

    @property
    def id(self) -> str: ...


def duplicate_ids(source: YamlSource, key: str, kind: str, items: Sequence[tuple[int, HasId]]) -> Iterator[Problem]:
    """Every item after the first with the same id is a problem at its `id`."""
    counts = Counter(item.id for _, item in items)
    seen: set[str] = set()
    for index, item in items:
        if counts[item.id] > 1 and item.id in seen:
            yield source.problem(
                (key, index, "id"), item_subject(kind, index, item.id), "id", say("ids.duplicate", kind=kind_name(kind))
            )
        seen.add(item.id)


def unique_ids(key: str, kind: str) -> Callable[[YamlSource, Sequence[tuple[int, HasId]]], Iterator[Problem]]:
    """The duplicate-id rule for the list under `key`, as a rule of its own."""
    return lambda source, items: duplicate_ids(source, key, kind, items)
