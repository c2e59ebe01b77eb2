"""Read fields from parsed TOML data files, naming the file and field in every error."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .models import ContentError

# The fixed names data files may use, checked by the content and routine loaders alike.
TOOLS = ("thumb", "fingers", "elbow", "ball_wall", "ball_floor", "ball_table", "ball_sole", "knee")
SIDES = ("left", "right", "both", "centre")
RED_FLAG_SETS = ("heart", "back", "head", "clot", "abdomen")
VIEWS = ("front", "back", "sole")


class Reader:
    """Reads fields from one parsed file, naming the file and field in every error."""

    def __init__(self, path: Path, data: dict[str, Any], where: str = "") -> None:
        self.path, self.data, self.where = path, data, where

    def fail(self, field: str, problem: str) -> ContentError:
        return ContentError(f"{self.path}: field '{self.where}{field}' {problem}")

    def get(self, field: str, kind: type | tuple[type, ...], optional: bool = False) -> Any:
        if field not in self.data:
            if optional:
                return None
            raise self.fail(field, "is missing")
        value = self.data[field]
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            raise self.fail(field, f"has the wrong type ({type(value).__name__})")
        return value

    def text(self, field: str, optional: bool = False) -> str:
        value = self.get(field, str, optional)
        if value is None:
            return ""
        if not value.strip():
            raise self.fail(field, "is empty")
        if "<" in value and ">" in value:
            raise self.fail(field, "contains markup; text fields are plain text")
        return value.strip()

    def names(self, field: str, allowed, what: str, lo: int = 1) -> tuple[str, ...]:
        """Read a list of names, each of which must be one of `allowed` (a kind of `what`)."""
        items = self.texts(field, lo=lo)
        for item in items:
            if item not in allowed:
                raise self.fail(field, f"names unknown {what} '{item}'")
        return items

    def paragraphs(self, field: str, optional: bool = False) -> tuple[str, ...]:
        value = self.text(field, optional)
        return tuple(" ".join(p.split()) for p in value.split("\n\n") if p.strip())

    def texts(
        self, field: str, lo: int = 1, hi: int = 99, optional: bool = False
    ) -> tuple[str, ...]:
        value = self.get(field, list, optional)
        if value is None:
            return ()
        if not lo <= len(value) <= hi:
            raise self.fail(field, f"must have {lo} to {hi} items, has {len(value)}")
        items = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{field}[{i}]", "must be non-empty text")
            items.append(" ".join(item.split()))
        return tuple(items)

    def table(self, field: str, optional: bool = False) -> Reader | None:
        value = self.get(field, dict, optional)
        return None if value is None else Reader(self.path, value, f"{self.where}{field}.")

    def keys_exactly(self, field: str, expected: tuple[str, ...] | list[str]) -> None:
        value = self.get(field, dict)
        missing = [k for k in expected if k not in value]
        extra = [k for k in value if k not in expected]
        if missing:
            raise self.fail(field, f"lacks {', '.join(missing)}")
        if extra:
            raise self.fail(field, f"has unknown {', '.join(extra)}")

    def one_of(self, field: str, allowed: tuple[str, ...] | list[str]) -> str:
        value = self.get(field, str)
        if value not in allowed:
            raise self.fail(field, f"is '{value}', expected one of {', '.join(allowed)}")
        return value

    def numbers(self, field: str, size: int) -> tuple[float, ...]:
        value = self.get(field, list)
        if len(value) != size or not all(isinstance(v, int | float) for v in value):
            raise self.fail(field, f"must be a list of {size} numbers")
        return tuple(float(v) for v in value)


def parse_toml(path: Path) -> dict[str, Any]:
    """Read one TOML data file; a missing or malformed one is a ContentError naming it."""
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise ContentError(f"{path}: file is missing") from None
    except tomllib.TOMLDecodeError as e:
        raise ContentError(f"{path}: not valid TOML ({e})") from None
