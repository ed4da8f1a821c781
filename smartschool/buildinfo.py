"""Facts about the build itself."""

from __future__ import annotations

import os
from datetime import date


def build_date() -> date:
    """The date the site is built for; `SSO_BUILD_DATE=YYYY-MM-DD` fixes it (tests, reproducible builds)."""
    fixed = os.environ.get("SSO_BUILD_DATE")
    return date.fromisoformat(fixed) if fixed else date.today()
