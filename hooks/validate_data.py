"""MkDocs hook: validate all data before anything is built or cleaned.

It runs in `on_config`, before MkDocs empties `site/`, so a failed validation leaves the last good site untouched.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from smartschool.problems import DataError
from smartschool.project import load_project_cached

log = logging.getLogger("mkdocs.hooks.validate_data")


@event_priority(100)  # before every plugin, macros included
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        load_project_cached(root)
    except DataError as err:
        for problem in err.problems:
            log.error(str(problem))
        count = len(err.problems)
        raise Abort(f"Aborted: {count} data problem{'s' if count != 1 else ''}; site/ was left as it was.") from None
    return config
