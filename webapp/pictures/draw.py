"""Drawing primitives for the technique pictures: limbs, bodies, props, and the SVG they make.

Every shape is collected on a Canvas in drawing order, then written out with whole-number
coordinates. Colours come from CSS classes (see the "technique pictures" section of app.css),
so the pictures follow light and dark mode without carrying any colour themselves.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..content.figure import curve, sole

Point = tuple[float, float]


def at(p: Point, angle: float, length: float) -> Point:
    """Return the point `length` away from p in direction `angle` (degrees; 90 is down)."""
    a = math.radians(angle)
    return (p[0] + length * math.cos(a), p[1] + length * math.sin(a))


def ipt(p: Point) -> tuple[int, int]:
    """Round a point to whole numbers: the pictures need no more precision."""
    return (round(p[0]), round(p[1]))


def line_data(points: list[Point]) -> str:
    """Return compact path data for a polyline through the points."""
    out = []
    for i, p in enumerate(points):
        x, y = ipt(p)
        out.append(f"{'M' if i == 0 else 'L'}{x} {y}")
    return "".join(out).replace(" -", "-")


@dataclass
class Canvas:
    """The shapes of one picture in drawing order, and the box they cover."""

    items: list[str] = field(default_factory=list)
    side: str | None = None  # the body side pressed, as drawn; None when both sides are
    xs: list[float] = field(default_factory=list)
    ys: list[float] = field(default_factory=list)

    def _cover(self, points: list[Point], pad: float) -> None:
        for x, y in points:
            self.xs += [x - pad, x + pad]
            self.ys += [y - pad, y + pad]

    def limb(self, points: list[Point], width: float, kind: str = "f") -> None:
        """Draw a rounded limb: an outline stroke under a skin-coloured stroke."""
        d = line_data(points)
        self.strokes(d, (("o", round(width + 3)), (kind, round(width))))
        self._cover(points, width / 2 + 2)

    def strokes(self, d: str, pens: Iterable[tuple[str, float]]) -> None:
        """Stroke the path `d` once per pen (class, width), in order: an outline, then a fill."""
        self.items += [f'<path class="{k}" stroke-width="{w:g}" d="{d}"/>' for k, w in pens]

    def shape(self, points: list[Point], kind: str = "t") -> None:
        """Draw a smooth closed shape (a torso, a pillow) through the points."""
        pts = [ipt(p) for p in points]
        self.items.append(f'<path class="{kind}" d="{curve(pts)}"/>')
        self._cover(points, 1)

    def circle(self, c: Point, r: float, kind: str = "t") -> None:
        """Draw a circle: a head, or a ball (kind "k")."""
        x, y = ipt(c)
        self.items.append(f'<circle class="{kind}" cx="{x}" cy="{y}" r="{round(r)}"/>')
        self._cover([c], r + 1)

    def lines(self, points: list[Point], kind: str = "g") -> None:
        """Draw plain lines: the wall, the floor, furniture (kind "g"), seams and arrows."""
        self.items.append(f'<path class="{kind}" d="{line_data(points)}"/>')
        self._cover(points, 1)

    def raw(self, d: str, points: list[Point], kind: str = "g") -> None:
        """Draw ready-made path data covering the given points."""
        self.items.append(f'<path class="{kind}" d="{d}"/>')
        self._cover(points, 1)

    def ball(self, c: Point, r: float = 6) -> None:
        """Draw a massage ball with a seam, so it reads as a ball and not a dot."""
        self.circle(c, r, "k")
        x, y = ipt(c)
        s = round(r * 0.7)
        self.raw(f"M{x - s} {y - s}q{s} {s} 0 {2 * s}M{x + s} {y - s}q{-s} {s} 0 {2 * s}", [], "ks")

    def sole(self, c: Point, angle: float, scale: float) -> None:
        """Draw the sole of a foot (the shape from figure.py) centred on c, toes at `angle`."""
        x, y = ipt(c)
        move = (
            f"translate({x} {y}) rotate({round(angle + 90)}) scale({scale:g}) translate(-50 -104)"
        )
        self.items.append(f'<path class="t n" transform="{move}" d="{sole(0)}"/>')
        self._cover([c], 200 * scale / 2)

    def second_ball(self) -> None:
        """Show two balls side by side (in a sock): a second one peeps out behind the first."""
        ball = next(item for item in self.items if item.startswith('<circle class="k"'))
        x, y, r = (int(v) for v in re.findall(r'"(-?\d+)"', ball))
        # Behind the body too: drawn straight after the wall and floor
        i = next(i for i, item in enumerate(self.items) if 'class="g"' not in item)
        self.items.insert(i, f'<circle class="k kb" cx="{x + 4}" cy="{y - 3}" r="{r}"/>')

    def marker(self, p: Point, small: bool = False) -> None:
        """Mark the spot where the hand, thumb or elbow presses, as on the spot diagrams."""
        x, y = ipt(p)
        r = 2.5 if small else 4
        self.items.append(f'<circle class="spot-ring" cx="{x}" cy="{y}" r="{r:g}"/>')
        self.items.append(f'<circle class="spot-dot" cx="{x}" cy="{y}" r="{r / 2:g}"/>')
        self._cover([p], 5)

    def floor(self, y: float, x0: float, x1: float) -> None:
        """Draw the floor: a line with short hatching under it (dashes of a thick line, app.css)."""
        x0, x1, y = round(x0), round(x1), round(y)
        self.raw(f"M{x0} {y}H{x1}", [(x0, y), (x1, y + 6)])
        self.raw(f"M{x0 + 3} {y + 4}H{x1}", [], "g fh")

    def wall(self, x: float, y0: float, y1: float, side: int = -1) -> None:
        """Draw a wall: a vertical line with hatching on the side away from the person."""
        x, y0, y1 = round(x), round(y0), round(y1)
        self.raw(f"M{x} {y0}V{y1}", [(x, y0), (x + 6 * side, y1)])
        self.raw(f"M{x + 4 * side} {y0 + 3}V{y1}", [], "g fh")

    def box(self, pad: float = 4) -> tuple[int, int, int, int]:
        """Return the box (x, y, width, height) around everything drawn, with a margin."""
        x0, y0 = math.floor(min(self.xs) - pad), math.floor(min(self.ys) - pad)
        x1, y1 = math.ceil(max(self.xs) + pad), math.ceil(max(self.ys) + pad)
        return x0, y0, x1 - x0, y1 - y0
