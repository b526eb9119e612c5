"""The app's use of Python's garbage collector: what start-up made is set
aside, and young objects are looked at less often.

A full collection walks every object the collector tracks. Once the app is
up (Textual, Rich, Whoosh, the first screen) that is ~94,000 objects and
~150 ms of CPU at 10,000 articles, paid inside whichever key happened to
trigger it: "cou" and "min" were the slowest keys typed (bench_keys), by
that much. Start-up objects live as long as the app, so they are frozen out
of every later collection; and a collection of the young every 10,000 new
objects instead of 700 lets most of what a key's painting makes die before
it is looked at, instead of being promoted to the old generations that
full collections walk.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 10_000  # Python's default is 700


def set_aside_startup() -> None:
    """Collect once, freeze what survives, and collect the young less often."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
