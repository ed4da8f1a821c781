"""MkDocs hook: validate all data before anything is built or cleaned.

It runs in `on_config`, before MkDocs empties `site/`, so a failed validation leaves the last good site untouched.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from smartschool.buildinfo import build_date
from smartschool.messages import noun, say
from smartschool.problems import DataError
from smartschool.project import load_project_cached, project_root

log = logging.getLogger("mkdocs.hooks.validate_data")
# Data warnings (a help line due for re-verification) are shown but, unlike MkDocs warnings, do not fail --strict.
notices = logging.getLogger("smartschool.data")
if not notices.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    notices.addHandler(_handler)
    notices.propagate = False


@event_priority(100)  # before every plugin, macros included
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = project_root(config.config_file_path)
    try:
        project = load_project_cached(root, build_date())
    except DataError as err:
        for problem in err.problems:
            log.error(str(problem))
        count = len(err.problems)
        raise Abort(say("summary.aborted", count=count, noun=noun(count))) from None
    for warning in project.warnings:
        notices.warning(str(warning))
    return config
