"""Parse YAML while keeping the node tree, so any value can be traced back to its line and column."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is much faster; fall back to the pure-Python parser where it is missing.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

from .problems import Problem

Path_ = tuple[str | int, ...]


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe loader that keeps dates as text, so the models report a bad date with its place."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _BaseLoader.construct_yaml_str)


@dataclass
class YamlSource:
    """A parsed YAML document: its data and its node tree for locating values."""

    name: str
    data: Any
    root: yaml.Node | None
    line_offset: int = 0  # lines before the YAML text in its file (front matter starts on line 2)

    def locate(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Return the 1-based (line, column) of the value at `path` (or of its key, with `key=True`).

        Walks as deep as the path exists, so a missing field points at its parent mapping.
        """
        node = self.root
        if node is None:
            return (1 + self.line_offset, 1)
        mark = node.start_mark
        for step in path:
            child_key, child = _child(node, step)
            if child is None:
                break
            mark = child_key.start_mark if (key and step == path[-1] and child_key is not None) else child.start_mark
            node = child
        return (mark.line + 1 + self.line_offset, mark.column + 1)

    def problem(self, path: Path_, subject: str, field: str, message: str, *, key: bool = False) -> Problem:
        line, column = self.locate(path, key=key)
        return Problem(self.name, line, column, subject, field, message)


def _child(node: yaml.Node, step: str | int) -> tuple[yaml.Node | None, yaml.Node | None]:
    if isinstance(node, yaml.MappingNode) and isinstance(step, str):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == step:
                return key_node, value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return None, node.value[step]
    return None, None


_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"


class _Builder:
    """Turns a node tree into Python data in one walk, noting duplicate keys on the way.

    Strings, lists and plain mappings (the bulk of the data) are built directly, which is several times faster
    than PyYAML's generic constructor; every other node (numbers, booleans, null, merge keys, custom tags) is
    left to that constructor, so the meaning of the YAML is unchanged.
    """

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.duplicates: list[tuple[Path_, yaml.Node]] = []
        self._active: set[int] = set()

    def build(self, node: yaml.Node, path: Path_ = ()) -> Any:
        if isinstance(node, yaml.ScalarNode):
            if node.tag in (_STR, _TIMESTAMP):
                return node.value
            return self.loader.construct_object(node, deep=True)
        if id(node) in self._active:
            raise yaml.constructor.ConstructorError(None, None, "found a recursive alias", node.start_mark)
        self._active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
                return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
            if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
                return self._mapping(node, path)
            return self.loader.construct_object(node, deep=True)
        finally:
            self._active.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:  # `<<: *defaults` merges: PyYAML knows the rules
                return self.loader.construct_object(node, deep=True)
            key = self.build(key_node, path)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(None, None, "found unhashable key",
                                                        key_node.start_mark) from None
            if key in result and isinstance(key, str):
                self.duplicates.append(((*path, key), key_node))
            result[key] = self.build(value_node, (*path, key) if isinstance(key, str) else path)
        return result


def parse_yaml(text: str, name: str, line_offset: int = 0) -> tuple[YamlSource | None, list[Problem]]:
    """Parse one YAML document; on a syntax error return the problem with its line and column.

    `line_offset` is the number of lines in the file before `text`, so positions are the file's own.
    """
    loader = _Loader(text)
    builder = _Builder(loader)
    try:
        root = loader.get_single_node()
        data = builder.build(root) if root is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
        what = " ".join(str(part) for part in (err.context, err.problem) if part)
        return None, [Problem(name, line, column, "", "", f"YAML syntax error: {what}; expected valid YAML")]
    except yaml.YAMLError as err:
        return None, [Problem(name, 1 + line_offset, 1, "", "", f"YAML error: {err}; expected valid YAML")]
    finally:
        loader.dispose()
    source = YamlSource(name, data, root, line_offset)
    problems = [
        Problem(name, k.start_mark.line + 1 + line_offset, k.start_mark.column + 1, "", dotted(p),
                "duplicate key, expected each key once per mapping")
        for p, k in builder.duplicates
    ]
    return source, problems


def read_yaml(path: Path, name: str) -> tuple[YamlSource | None, list[Problem]]:
    """Read and parse a YAML file; an unreadable file is a problem, not a traceback."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(name, 1, 1, "", "", "file not found, expected it to exist")]
    except (OSError, UnicodeDecodeError) as err:
        return None, [Problem(name, 1, 1, "", "", f"cannot read file ({err}), expected UTF-8 text")]
    return parse_yaml(text, name)


def dotted(path: Path_) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out

