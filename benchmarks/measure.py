"""Run `mkdocs build` in this process; print its peak memory (KiB) and CPU seconds on the last line."""

from __future__ import annotations

import resource
import runpy
import sys

sys.argv = ["mkdocs", "build", *sys.argv[1:]]
try:
    runpy.run_module("mkdocs", run_name="__main__")
except SystemExit as done:
    if done.code not in (0, None):
        raise
usage = resource.getrusage(resource.RUSAGE_SELF)
print(f"PEAK_KIB {usage.ru_maxrss} CPU_S {usage.ru_utime + usage.ru_stime:.3f}")
