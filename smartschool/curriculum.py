"""Load curriculum modules: one Markdown file with front matter per module under `curriculum/<track>/`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .frontmatter import MarkdownSource, split_front_matter
from .messages import kind_name, module_subject
from .modelcheck import check_document
from .models import Module
from .problems import Problem
from .sourcefiles import read_source
from .vocabulary import TRACKS

CURRICULUM_DIR = "curriculum"


@dataclass(frozen=True)
class Lesson:
    """A validated module: its front matter, its Markdown body and the file it came from."""

    module: Module
    body: str
    path: str

    @property
    def id(self) -> str:
        return self.module.id

    @property
    def url(self) -> str:
        """Address relative to the site root, such as `kurikulum/remaja/grooming/`."""
        return f"kurikulum/{self.module.track}/{self.module.id}/"


@dataclass(frozen=True)
class LoadedLesson:
    """A lesson with the parsed source it came from, so rules can point at lines."""

    lesson: Lesson
    source: MarkdownSource


def module_files(root: Path) -> list[Path]:
    """Every module source, in a stable order: `curriculum/<track>/*.md` for each known track."""
    return sorted(p for track in TRACKS for p in (root / CURRICULUM_DIR / track).glob("*.md"))


def load_lessons(root: Path, paths: list[Path]) -> tuple[list[LoadedLesson], list[Problem]]:
    """Parse and validate each module's front matter against the model; rules across modules run elsewhere.

    A module is read as UTF-8 (one leading byte-order mark dropped) and only if it is inside the project."""
    loaded: list[LoadedLesson] = []
    problems: list[Problem] = []
    for path in paths:
        name = path.relative_to(root).as_posix()
        text, found = read_source(root, path, name)  # a link out of the project is refused here, never read
        problems += found
        if text is None:
            continue
        source, found = split_front_matter(text, name)
        problems += found
        if source is None:
            continue
        data = source.front.data
        ident = data.get("id") if isinstance(data, dict) else None
        subject = (
            module_subject(ident if isinstance(ident, str) and ident else path.stem)
            if isinstance(data, dict)
            else kind_name("module")
        )
        module, found = check_document(source.front, Module, subject)
        problems += found
        if module is not None:
            loaded.append(LoadedLesson(Lesson(module, source.body, name), source))
    return loaded, problems
