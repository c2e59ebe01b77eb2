"""The one body outline every diagram and the body map are drawn on.

The figure stands in a 200 × 440 box, centred on x = 100. Its left half is given as points and
mirrored, then smoothed into cubic curves, so both halves always match. The sole of a foot is
drawn the same way in its own 100 × 200 box.
"""

from __future__ import annotations

import re
from functools import cache

# The left half of the silhouette (as seen), from the top of the neck round the outside of the
# arm, back up its inside, down the flank and leg, to the crotch.
_HALF = [
    (91, 52),
    (91, 63),
    (80, 70),
    (66, 75),
    (58, 83),
    (54, 100),
    (52, 125),
    (49, 160),
    (46, 195),
    (43, 224),
    (39, 240),
    (41, 255),
    (49, 258),
    (55, 243),
    (57, 224),
    (61, 195),
    (64, 160),
    (67, 130),
    (71, 106),
    (72, 130),
    (75, 165),
    (73, 193),
    (68, 220),
    (68, 260),
    (72, 300),
    (76, 322),
    (74, 345),
    (78, 385),
    (82, 410),
    (76, 423),
    (80, 431),
    (96, 431),
    (96, 412),
    (95, 380),
    (94, 345),
    (95, 322),
    (97, 290),
    (99, 248),
]
# Corners where the curve must turn sharply instead of rounding off.
_CORNERS = {(91, 52), (99, 248), (41, 255), (80, 431), (96, 431)}

_SOLE = [
    (50, 8),
    (66, 14),
    (74, 34),
    (72, 62),
    (66, 92),
    (68, 122),
    (70, 150),
    (66, 178),
    (52, 192),
    (38, 186),
    (32, 162),
    (34, 132),
    (30, 100),
    (26, 64),
    (28, 32),
    (36, 14),
]


def _smooth(
    points: list[tuple[float, float]], closed: bool, corners: set = frozenset(), digits: int = 1
) -> str:
    """Return SVG path data for a Catmull-Rom curve through the points."""
    n = len(points)
    out = [f"M{points[0][0]:g} {points[0][1]:g}"]
    f = f".{digits}f"
    segments = n if closed else n - 1
    for i in range(segments):
        p0 = points[(i - 1) % n] if closed or i > 0 else points[i]
        p1, p2 = points[i], points[(i + 1) % n]
        p3 = points[(i + 2) % n] if closed or i + 2 < n else p2
        if p1 in corners:
            p0 = p1
        if p2 in corners:
            p3 = p2
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        xs = (c1[0], c1[1], c2[0], c2[1])
        out.append("C" + " ".join(format(v, f) for v in xs) + f" {p2[0]:g} {p2[1]:g}")
    if closed:
        out.append("Z")
    return "".join(out)


HEAD = "M100 10a19 24 0 1 0 0.01 0Z"


@cache
def outline() -> str:
    """Return path data for the silhouette below the head (draw HEAD over it)."""
    mirrored = [(200 - x, y) for x, y in reversed(_HALF)]
    corners = _CORNERS | {(200 - x, y) for x, y in _CORNERS}
    return _smooth(_HALF + mirrored, closed=True, corners=corners)


# Inner lines that tell the front from the back (collarbones, knees; spine, shoulder blades).
DETAILS = {
    "front": (
        "M90 29h6M104 29h6M100 33v7M95 47q5 2.5 10 0"
        "M80 72Q90 76 98 74M120 72Q110 76 102 74"
        "M76 98Q88 112 98 104M124 98Q112 112 102 104"
        "M100 176v3M86 318q6 6 0 12M114 318q-6 6 0 12"
        "M100 236l-12 10M100 236l12 10"
    ),
    "back": (
        "M100 68V212M76 84L94 88L91 126ZM124 84L106 88L109 126ZM77 93L93 97M123 93L107 97"
        "M74 204Q100 196 126 204M100 214q-6 22-18 30M100 214q6 22 18 30"
    ),
    "sole": "M36 70Q50 76 64 70M38 150Q50 156 62 150",
}


@cache
def sole(digits: int = 1) -> str:
    """Return path data for the sole of a left foot (coordinates to `digits` decimals)."""
    return _smooth(_SOLE, closed=True, digits=digits)


def curve(points: list[tuple[int, int]], closed: bool = True) -> str:
    """Return compact path data (whole numbers) for a smooth curve through integer points."""
    return _smooth(points, closed, digits=0).replace(" -", "-")


# The body map's invisible hit areas: each region's rectangle grown to at least this many
# units each way, which the page draws at 2 px a unit or more, so every target is 44 px or more.
HIT_LEAST = 22


def _box(path: str) -> tuple[float, float, float, float]:
    """Return the bounding box (x0, y0, x1, y1) of path data made of M, L, H and V commands."""
    xs: list[float] = []
    ys: list[float] = []
    x = y = 0.0
    for command, args in re.findall(r"([MLHVZ])([^MLHVZ]*)", path.upper()):
        values = [float(v) for v in re.findall(r"-?[\d.]+", args)]
        if command in "ML":
            pairs = list(zip(values[0::2], values[1::2], strict=False))
            for x, y in pairs:
                xs.append(x)
                ys.append(y)
        elif command == "H":
            for x in values:
                xs.append(x)
                ys.append(y)
        elif command == "V":
            for y in values:
                xs.append(x)
                ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def hit_areas(regions: dict, view: str, least: float = HIT_LEAST) -> list[tuple[str, tuple]]:
    """Return (region id, (x, y, width, height)) for each shape of a view, grown to `least`
    units each way about its centre; largest first, so a small region drawn last keeps its
    whole area where it overlaps a larger neighbour."""
    areas = []
    for rid, region in regions.items():
        for path in region.shapes.get(view, ()):
            x0, y0, x1, y1 = _box(path)
            width, height = max(x1 - x0, least), max(y1 - y0, least)
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            areas.append((rid, (cx - width / 2, cy - height / 2, width, height)))
    return sorted(areas, key=lambda area: -area[1][2] * area[1][3])
