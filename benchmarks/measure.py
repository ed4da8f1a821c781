"""Run `mkdocs build` in this process and print its peak memory (KiB) on the last line, for the benchmark."""

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
print(f"PEAK_KIB {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
