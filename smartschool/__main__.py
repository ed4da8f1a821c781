"""Command line: `python -m smartschool check` validates all data without building the site."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())
