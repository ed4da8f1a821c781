"""Split a Markdown source into its YAML front matter (parsed, with file positions) and its body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .messages import say
from .problems import Problem
from .yamlsource import YamlSource, parse_yaml

FENCE = "---"
_CLOSING_FENCE = re.compile(r"^---\r?$", re.M)


@dataclass(frozen=True)
class MarkdownSource:
    """A Markdown file with front matter: the parsed front matter, the body and the line the body starts on."""

    front: YamlSource
    body: str
    body_line: int


def split_front_matter(text: str, name: str) -> tuple[MarkdownSource | None, list[Problem]]:
    """Parse `---`-fenced front matter at the top of `text`; positions refer to lines of the whole file."""
    first_end = text.find("\n")
    if (text[:first_end] if first_end >= 0 else text).rstrip("\r") != FENCE:
        return None, [Problem(name, 1, 1, "", "", say("front.missing"))]
    closing = _CLOSING_FENCE.search(text, first_end + 1)
    if closing is None:
        return None, [Problem(name, 1, 1, "", "", say("front.unclosed"))]
    front, problems = parse_yaml(text[first_end + 1 : closing.start()], name, line_offset=1)
    if front is None:
        return None, problems
    body_line = text.count("\n", 0, closing.start()) + 2
    return MarkdownSource(front, text[closing.end() + 1 :], body_line), problems
