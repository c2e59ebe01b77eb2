"""Load and validate the quick card of each guide: spots.toml [quick] and <lang>/spots/<n>.toml
[quick]. Kept apart from content.py so the card's rules live in one place."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .models import ContentError, Library, Quick, QuickText, Spot
from .reader import Reader, parse_toml
from .routines import MAX_SECONDS, MIN_SECONDS

LINES = ("find", "press", "how_long")
MAX_WORDS = 25  # each line aims at about 20 words; more no longer fits one phone screen
MAX_ROUNDS = 5


def attach_quick(path: Path, spots: dict[int, Spot]) -> dict[int, Spot]:
    """Return the spots with their [quick] entry from spots.toml; every spot must have one."""
    table = Reader(path, parse_toml(path)).table("quick")
    extra = sorted(set(table.data) - {str(n) for n in spots})
    if extra:
        raise table.fail(extra[0], "names no spot in spots.toml")
    result = {}
    for number, spot in spots.items():
        r = table.table(str(number))
        seconds, rounds = r.get("seconds", int), r.get("rounds", int)
        if not MIN_SECONDS <= seconds <= MAX_SECONDS:
            raise r.fail("seconds", f"is {seconds}, expected {MIN_SECONDS} to {MAX_SECONDS}")
        if seconds > spot.max_hold:
            raise r.fail("seconds", f"is {seconds}, above the spot's max_hold ({spot.max_hold})")
        if not 1 <= rounds <= MAX_ROUNDS:
            raise r.fail("rounds", f"is {rounds}, expected 1 to {MAX_ROUNDS}")
        flag_set, _, item = r.text("flag").partition(".")
        if flag_set != "stop" and flag_set not in spot.red_flags or not item.isdigit():
            raise r.fail(
                "flag",
                f"must be 'stop.<n>' or '<set>.<n>' for one of the spot's red-flag sets "
                f"({', '.join(spot.red_flags) or 'none'})",
            )
        quick = Quick(seconds, rounds, flag_set, int(item) - 1)
        result[number] = dataclasses.replace(spot, quick=quick)
    return result


def quick_text(r: Reader) -> QuickText:
    """Read a guide's [quick] table: three short lines, each at most MAX_WORDS words."""
    table = r.table("quick")
    extra = sorted(set(table.data) - set(LINES))
    if extra:
        raise table.fail(extra[0], f"is unknown; expected {', '.join(LINES)}")
    lines = {}
    for name in LINES:
        text = " ".join(table.text(name).split())
        if len(text.split()) > MAX_WORDS:
            words = len(text.split())
            raise table.fail(name, f"has {words} words; keep it to about 20 (at most {MAX_WORDS})")
        lines[name] = text
    return QuickText(**lines)


def check_flags(library: Library, root: Path) -> None:
    """Check that each spot's flag names an item that exists in every language."""
    for code, language in library.languages.items():
        for number, spot in library.spots.items():
            quick = spot.quick
            if quick is None:
                continue
            if quick.flag_set == "stop":
                items = language.spots[number].stop
                where = root / code / "spots" / f"{number}.toml"
            else:
                items = language.common.red_flags[quick.flag_set].items
                where = root / code / "common.toml"
            if not 0 <= quick.flag_item < len(items):
                raise ContentError(
                    f"{root / 'spots.toml'}: field 'quick.{number}.flag' names item "
                    f"{quick.flag_item + 1}, but {where} has {len(items)}"
                )
