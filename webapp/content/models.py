"""Typed, frozen models of the content: spots, regions, sources and each language's prose."""

from __future__ import annotations

from dataclasses import dataclass, field


class ContentError(Exception):
    """A data file is missing or broken; the message names the file and the field."""


@dataclass(frozen=True)
class Area:
    """A shaded ellipse on a diagram where a spot's pain is felt."""

    cx: float
    cy: float
    rx: float
    ry: float
    rotate: float = 0.0


@dataclass(frozen=True)
class Diagram:
    view: str
    viewbox: str
    markers: tuple[tuple[float, float], ...]
    areas: tuple[Area, ...]


@dataclass(frozen=True)
class Quick:
    """A guide's quick card, language-neutral part: its timed session and the warning shown."""

    seconds: int  # per side, as in a routine step
    rounds: int
    flag_set: str  # a red-flag set of the spot, or "stop" for the guide's own stop list
    flag_item: int  # index into that set's items (or the stop list), from 0


@dataclass(frozen=True)
class Pacing:
    """How long a timed session gives between pressing: per tool, and between rounds."""

    rest: int  # seconds of rest between two rounds of the same spot and tool
    ready: dict[str, int]  # seconds to get into position before a step, per tool
    switch: dict[str, int]  # seconds to change to the other side, per tool

    def as_dict(self) -> dict:
        """Return the pacing as the player reads it (JSON in the page)."""
        return {"rest": self.rest, "ready": self.ready, "switch": self.switch}


@dataclass(frozen=True)
class QuickText:
    """A guide's quick card in one language: three short lines."""

    find: str
    press: str
    how_long: str


@dataclass(frozen=True)
class Spot:
    number: int
    slug: str
    tools: tuple[str, ...]
    pain: tuple[tuple[str, int], ...]
    red_flags: tuple[str, ...]
    related: tuple[int, ...]
    sources: tuple[str, ...]
    diagram: Diagram
    max_hold: int = 90  # the longest safe hold on one side, in seconds (spots.toml max_hold)
    quick: Quick | None = None  # set from spots.toml [quick] once the spots are read
    # A tool the guide no longer offers -> the tool a step saved with it plays instead
    retired_tools: tuple[tuple[str, str], ...] = ()

    def weight(self, region: str) -> int:
        """Return how strongly this spot's pain is felt in a region (0 = not at all)."""
        return dict(self.pain).get(region, 0)


@dataclass(frozen=True)
class Region:
    id: str
    shapes: dict[str, tuple[str, ...]]  # view -> SVG path data drawn on that view
    red_flags: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    key: str
    text: str
    url: str | None


@dataclass(frozen=True)
class SpotText:
    name: str
    muscle: str
    helps: str
    summary: str
    where: tuple[str, ...]
    find: tuple[str, ...]
    feel: tuple[str, ...]
    dose: tuple[str, ...]
    stop: tuple[str, ...]
    cautions: tuple[str, ...]
    related: tuple[str, ...]
    tools: dict[str, tuple[str, ...]]
    quick: QuickText | None = None


@dataclass(frozen=True)
class RedFlags:
    title: str
    items: tuple[str, ...]
    action: str
    short: str  # the action in one short sentence, shown after a single item (the quick card)


@dataclass(frozen=True)
class Common:
    science_note: tuple[str, ...]
    see_professional: tuple[str, ...]
    stop_general: tuple[str, ...]
    never_press: tuple[str, ...]
    be_gentle: tuple[str, ...]
    tools: dict[str, str]
    sides: dict[str, str]
    regions: dict[str, str]
    red_flags: dict[str, RedFlags]


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class Section:
    heading: str
    text: tuple[str, ...]
    items: tuple[str, ...]
    link: Link | None


@dataclass(frozen=True)
class Page:
    title: str
    intro: tuple[str, ...]
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Step:
    """One step of a routine: a spot, the tool, the side and how long each side is held."""

    spot: int
    tool: str
    side: str  # left, right, both (each side in turn, each for the full time) or centre
    seconds: int

    @property
    def total_seconds(self) -> int:
        """Return the step's time, counting each side of a two-sided step."""
        return self.seconds * (2 if self.side == "both" else 1)


@dataclass(frozen=True)
class Routine:
    """A built-in routine: language-neutral steps; its prose is in RoutineText."""

    id: str
    steps: tuple[Step, ...]

    @property
    def total_seconds(self) -> int:
        """Return the time spent pressing, both sides counted."""
        return sum(step.total_seconds for step in self.steps)


@dataclass(frozen=True)
class RoutineText:
    name: str
    description: str
    cues: tuple[str, ...]  # one line per step, in step order


@dataclass(frozen=True)
class Language:
    """All the prose of one language."""

    code: str
    common: Common
    spots: dict[int, SpotText]
    pages: dict[str, Page]
    routines: dict[str, RoutineText] = field(default_factory=dict)
    spot_cues: dict[int, str] = field(default_factory=dict)  # for the reader's own routines


@dataclass(frozen=True)
class Library:
    """Every piece of content the app serves."""

    spots: dict[int, Spot]
    regions: dict[str, Region]
    sources: dict[str, Source]
    languages: dict[str, Language]
    routines: dict[str, Routine] = field(default_factory=dict)
    pacing: Pacing | None = None

    def spots_for_region(self, region: str) -> list[Spot]:
        """Return the spots whose pain is felt in a region, best match first."""
        found = [s for s in self.spots.values() if s.weight(region)]
        return sorted(found, key=lambda s: (-s.weight(region), s.number))
