"""Settings the app remembers (theme, last query, key overrides), as TOML."""

from __future__ import annotations

import logging
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path

from reader import paths

log = logging.getLogger(__name__)
CONFIG_NAME = "config.toml"


@dataclass
class Config:
    theme: str = "textual-dark"
    last_query: str = ""
    show_entities: bool = True
    show_quotes: bool = True
    keymap: dict[str, str] = field(default_factory=dict)  # binding id → keys

    @classmethod
    def load(cls, directory: Path | None = None) -> Config:
        """Read the config; a missing or damaged file gives the defaults (logged)."""
        path = (directory or paths.config_dir()) / CONFIG_NAME
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            log.warning("ignoring unreadable config %s: %s", path, exc)
            return cls()
        config = cls()
        for name, default in asdict(config).items():
            value = data.get(name, default)
            if isinstance(value, type(default)):
                setattr(config, name, value)
        return config

    def save(self, directory: Path | None = None) -> None:
        directory = directory or paths.config_dir()
        directory.mkdir(parents=True, exist_ok=True)
        lines = []
        keymap = {}
        for name, value in asdict(self).items():
            if isinstance(value, dict):
                keymap = value
            else:
                lines.append(f"{name} = {_toml_value(value)}")
        if keymap:
            lines.append("\n[keymap]")
            lines.extend(f"{_toml_value(k)} = {_toml_value(v)}" for k, v in keymap.items())
        target = directory / CONFIG_NAME
        tmp = target.with_suffix(".tmp")
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        tmp.replace(target)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if c >= " " else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'
