"""Where the archive and the config live: platformdirs, overridable by env or flag."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "newsreader"
ENV_HOME = "NEWSREADER_HOME"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The archive directory: --data-dir, else $NEWSREADER_HOME, else the user data dir.

    Nothing is created here; the archive creates what it needs when opened.
    """
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The config directory (settings such as theme and last query)."""
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve() / "config"
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Files made from other files and rebuilt when missing (the demo, the gazetteer)."""
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve() / "cache"
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def demo_dir() -> Path:
    """Where the demo archive is built: a cache, since it can always be rebuilt."""
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve() / "demo"
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "demo"
