"""Split a Markdown source into its YAML front matter (parsed, with file positions) and its body."""

from __future__ import annotations

from dataclasses import dataclass

from .problems import Problem
from .yamlsource import YamlSource, parse_yaml

FENCE = "---"


@dataclass(frozen=True)
class MarkdownSource:
    """A Markdown file with front matter: the parsed front matter, the body and the line the body starts on."""

    front: YamlSource
    body: str
    body_line: int


def split_front_matter(text: str, name: str) -> tuple[MarkdownSource | None, list[Problem]]:
    """Parse `---`-fenced front matter at the top of `text`; positions refer to lines of the whole file."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != FENCE:
        return None, [Problem(name, 1, 1, "", "", "no front matter, expected the file to start with a '---' line")]
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r\n") == FENCE), None)
    if closing is None:
        return None, [Problem(name, 1, 1, "", "", "front matter is not closed, expected a second '---' line")]
    front, problems = parse_yaml("".join(lines[1:closing]), name, line_offset=1)
    if front is None:
        return None, problems
    return MarkdownSource(front, "".join(lines[closing + 1:]), closing + 2), problems
