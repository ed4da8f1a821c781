"""Fragments of the workshop planner's pages: the module list of the parent letter (/guru/surat-orang-tua/)."""

from __future__ import annotations

from .project import Project
from .render import render
from .vocabulary import TRACKS


def letter_modules(project: Project, track: str = "remaja") -> str:
    """Every module of `track` (default: the youth track), in order, as a list of title and summary.

    Each item carries `data-module="<id>"`, so the planner's script (docs/assets/planner.js) can keep only the
    modules a facilitator chose. Raises KeyError for an unknown track.
    """
    if track not in TRACKS:
        raise KeyError(track)
    return render("letter_modules.html", lessons=project.lessons_of_track(track))
