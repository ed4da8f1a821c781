"""Where each value of a YAML text sits: a light position tree built from PyYAML's parse events.

Only built when a problem needs a place (or the fast parser refused the text), so valid data never pays for it.
The same walk finds what the data alone cannot show: duplicate keys and a second document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

try:  # libyaml's event parser is much faster; fall back to the pure-Python one where it is missing.
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _EventLoader

Path_ = tuple[str | int, ...]


class Place:
    """A node's 0-based line and column, and its children: key -> (key place, value place), or a list."""

    __slots__ = ("children", "column", "line")

    def __init__(self, mark: yaml.Mark, children: dict[str, tuple[Place, Place]] | list[Place] | None) -> None:
        self.line = mark.line
        self.column = mark.column
        self.children = children


@dataclass
class Places:
    """The position tree of one YAML text, with the duplicate keys and extra documents it holds."""

    root: Place | None
    duplicates: list[tuple[Path_, Place]] = field(default_factory=list)  # path of the repeated key, its place
    extra_document: Place | None = None  # where a second document starts, if there is one


@dataclass
class _Frame:
    place: Place
    path: Path_
    key: tuple[str | None, Place] | None = None  # a mapping's key waiting for its value


def index_places(text: str) -> Places:
    """Walk the parse events of `text` once; raises yaml.MarkedYAMLError on a syntax error."""
    places = Places(None)
    stack: list[_Frame] = []
    anchors: dict[str, Place] = {}
    documents = 0
    for event in yaml.parse(text, Loader=_EventLoader):
        kind = type(event)
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            stack.pop()
            continue
        if kind is yaml.DocumentStartEvent:
            documents += 1
            if documents == 2:
                places.extra_document = Place(event.start_mark, None)
            continue
        if kind is yaml.ScalarEvent:
            place = Place(event.start_mark, None)
        elif kind is yaml.MappingStartEvent:
            place = Place(event.start_mark, {})
        elif kind is yaml.SequenceStartEvent:
            place = Place(event.start_mark, [])
        elif kind is yaml.AliasEvent:
            place = anchors.get(event.anchor) or Place(event.start_mark, None)
        else:
            continue
        if kind is not yaml.AliasEvent and event.anchor:
            anchors[event.anchor] = place
        path = _attach(places, stack, place, event.value if kind is yaml.ScalarEvent else None)
        if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            stack.append(_Frame(place, path))
    return places


def _attach(places: Places, stack: list[_Frame], place: Place, scalar: str | None) -> Path_:
    """Hang `place` under the open container (or make it the root); return its path."""
    if not stack:
        if places.root is None:
            places.root = place
        return ()
    frame = stack[-1]
    children = frame.place.children
    if isinstance(children, list):
        children.append(place)
        return (*frame.path, len(children) - 1)
    assert isinstance(children, dict)
    if frame.key is None:  # this node is a key; its value comes next
        frame.key = (scalar, place)
        return frame.path
    key, key_place = frame.key
    frame.key = None
    if key is None:  # a complex key cannot be named in a path
        return frame.path
    if key in children:
        places.duplicates.append(((*frame.path, key), key_place))
    children[key] = (key_place, place)
    return (*frame.path, key)


def find(places: Places, path: Path_, *, key: bool = False) -> Place | None:
    """The place of the value at `path` (or of its key), walking as deep as the path exists."""
    place = places.root
    if place is None:
        return None
    for number, step in enumerate(path):
        children = place.children
        if isinstance(children, dict) and isinstance(step, str) and step in children:
            key_place, value_place = children[step]
            place = key_place if key and number == len(path) - 1 else value_place
        elif isinstance(children, list) and isinstance(step, int) and 0 <= step < len(children):
            place = children[step]
        else:
            break
    return place


def paths_of_scalars(places: Places) -> dict[tuple[int, int], Path_]:
    """Every scalar value's 0-based (line, column) and its path (keys are not values and are left out)."""
    found: dict[tuple[int, int], Path_] = {}
    stack: list[tuple[Place, Path_]] = [(places.root, ())] if places.root is not None else []
    while stack:
        place, path = stack.pop()
        children = place.children
        if children is None:
            found.setdefault((place.line, place.column), path)
        elif isinstance(children, list):
            stack.extend((child, (*path, index)) for index, child in enumerate(children))
        else:
            stack.extend((value, (*path, key)) for key, (_, value) in children.items())
    return found


def first_too_deep(text: str, limit: int) -> yaml.Mark | None:
    """Where the first list or mapping nested more than `limit` deep starts, or None if none is.

    libyaml's parser is iterative (and refuses 1,000 levels itself), so this is safe on any text; it raises
    yaml.MarkedYAMLError on a syntax error met before the answer is known.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_EventLoader):
        kind = type(event)
        if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            depth += 1
            if depth > limit:
                return event.start_mark
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            depth -= 1
    return None


@dataclass(frozen=True)
class HiddenComment:
    """A plain value cut short by a `#` that YAML reads as the start of a comment (`title: Acara #2 di Kupang`)."""

    line: int  # 0-based line and column of the `#`
    column: int
    value_line: int  # 0-based line and column where the value starts
    value_column: int
    value: str  # what YAML keeps
    dropped: str  # the comment, from `#` to the end of the line


def hidden_comments(text: str, lines: set[int]) -> list[HiddenComment]:
    """Plain (unquoted) values followed on one of `lines` (0-based) by ` #` and a non-space character.

    A comment written as `# note`, with a space after `#`, is taken to be meant as one; `#2` or `#StopESA` right
    after a value was almost certainly meant as part of it. Keys, quoted values and block text are not affected.
    """
    found: list[HiddenComment] = []
    text_lines = text.splitlines()
    previous: object = None
    try:
        for token in yaml.scan(text, Loader=_EventLoader):
            if (
                isinstance(token, yaml.ScalarToken)
                and token.plain
                and token.end_mark.line in lines
                and not isinstance(previous, yaml.KeyToken)
            ):
                line = text_lines[token.end_mark.line]
                rest = line[token.end_mark.column :]
                gap = len(rest) - len(rest.lstrip(" \t"))
                if gap and rest[gap : gap + 1] == "#" and rest[gap + 1 : gap + 2].strip():
                    found.append(
                        HiddenComment(
                            token.end_mark.line,
                            token.end_mark.column + gap,
                            token.start_mark.line,
                            token.start_mark.column,
                            token.value,
                            rest[gap:].rstrip(),
                        )
                    )
            previous = token
    except yaml.YAMLError:  # the parsers report the syntax error; what was found before it stands
        pass
    return found
