"""Settings the app remembers (theme, each archive's last query, key overrides), as TOML."""

from __future__ import annotations

import logging
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path

from reader import paths

log = logging.getLogger(__name__)
CONFIG_NAME = "config.toml"
# Archives whose last query is kept; the oldest is forgotten first.
REMEMBERED_ARCHIVES = 20


@dataclass
class Config:
    theme: str = "textual-dark"
    show_entities: bool = True
    show_quotes: bool = True
    keymap: dict[str, str] = field(default_factory=dict)  # binding id → keys
    # An archive's directory → the query last left in its search box. Per
    # archive: one query for all opened the demo on a word it never uses.
    last_queries: dict[str, str] = field(default_factory=dict)

    def query_for(self, data_dir: Path) -> str:
        return self.last_queries.get(_archive_key(data_dir), "")

    def remember_query(self, data_dir: Path, text: str) -> None:
        key = _archive_key(data_dir)
        self.last_queries.pop(key, None)  # the newest goes last
        if text:
            self.last_queries[key] = text
        while len(self.last_queries) > REMEMBERED_ARCHIVES:
            self.last_queries.pop(next(iter(self.last_queries)))

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
            if isinstance(value, dict):
                value = {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}
            if isinstance(value, type(default)):
                setattr(config, name, value)
        return config

    def save(self, directory: Path | None = None) -> None:
        directory = directory or paths.config_dir()
        directory.mkdir(parents=True, exist_ok=True)
        lines = []
        tables = {}
        for name, value in asdict(self).items():
            if isinstance(value, dict):
                tables[name] = value
            else:
                lines.append(f"{name} = {_toml_value(value)}")
        for name, table in tables.items():  # TOML tables come after the plain keys
            if table:
                lines.append(f"\n[{name}]")
                lines.extend(f"{_toml_value(k)} = {_toml_value(v)}" for k, v in table.items())
        target = directory / CONFIG_NAME
        tmp = target.with_suffix(".tmp")
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        tmp.replace(target)


def _archive_key(data_dir: Path) -> str:
    return str(Path(data_dir).expanduser().resolve())


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if c >= " " else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'
