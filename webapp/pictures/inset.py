"""Close-ups: a round magnifier beside a whole-body picture, showing the region of the back or
hip, seen from behind, with the thumb, fingertips, elbow or ball on the spot.

The whole-body pose says who does what; the close-up says exactly where. Spots 2, 12 and 13 sit
a few centimetres apart on the low back, 11 and 14 on the upper back: the landmarks drawn here
(the spine, the lowest ribs, the rim of the pelvis, the shoulder blades) tell them apart.
Coordinates are in a frame centred on the magnifier, radius R, x to the viewer's right; a
person seen from behind has their right side on the viewer's right.
"""

from __future__ import annotations

import math

from .draw import Canvas, Point, at, line_data

R = 26
# Where each place lies in the close-up of its region, on the person's right side (x > 0).
SPOTS = {
    "low_back_corner": (6, -12),
    "low_back_pit": (5, 5),
    "buttock_top": (12, 11),
    "hip_side": (18, 13),
    "upper_back": (6, -2),
    "shoulder_blade": (13, -3),
}
UPPER = ("upper_back", "shoulder_blade")
# Half-width of the body at heights y in the close-up: waist to hips, or across the shoulders.
LOW_WIDTH = [(-26, 18), (-8, 15), (8, 20), (26, 22)]
HIGH_WIDTH = [(-26, 20), (-18, 23), (26, 22)]
LOW_LINES = (
    "M0-26V12M0 17V26"  # the spine, then the cleft between the buttocks
    "M3-19Q10-16 15-7M-3-19Q-10-16-15-7"  # the lowest ribs
    "M4 12Q9-3 20 3M-4 12Q-9-3-20 3"  # the rim of the pelvis
    "M1 26Q9 19 20 22M-1 26Q-9 19-20 22"  # the buttocks
)
HIGH_LINES = (
    "M0-26V26"  # the spine
    "M8-17L8 11L13 16L20-17M-8-17L-8 11L-13 16L-20-17"  # the shoulder blades
    "M8-9L21-18M-8-9L-21-18"  # the ridge across each blade
)


def _width(profile: list[tuple[int, int]], y: float) -> float:
    for (y0, w0), (y1, w1) in zip(profile, profile[1:], strict=False):
        if y0 <= y <= y1:
            return w0 + (w1 - w0) * (y - y0) / (y1 - y0)
    return profile[-1][1]


def close_up(
    c: Canvas, centre: Point, where: str, tool: str, side: int = 1, balls: int = 1
) -> None:
    """Draw the magnifier at `centre`: the back, its landmarks, the spot and what presses it."""
    cx, cy = round(centre[0]), round(centre[1])
    # Drawn round (0, 0) and moved into place, so that the close-ups of one region are the
    # same text on every guide and compress to almost nothing after the first.
    m = Canvas()
    profile = HIGH_WIDTH if where in UPPER else LOW_WIDTH
    m.circle((0, 0), R, "ib")
    right = []
    for y in range(-R, R + 1, 6):
        edge = math.sqrt(max(R * R - y * y, 0))
        right.append((min(_width(profile, y), edge), y))
    outline = right + [(-x, y) for x, y in reversed(right)]
    m.raw(line_data(outline) + "Z", [], "t")
    m.raw(HIGH_LINES if where in UPPER else LOW_LINES, [], "l")
    x, y = SPOTS[where]
    spot = (side * x, y)
    if tool.startswith("ball"):
        for s in (1, -1) if balls == 2 else (side,):
            m.ball((s * x, y), 5)
    elif tool == "elbow":  # a helper's forearm, the thick part just below the elbow on the spot
        m.limb([at(spot, -60 if side > 0 else -120, 22), spot], 8, "h")
        m.marker(spot, small=True)
    elif tool == "fingers" and where in UPPER:  # fingertips hooked over the top of the shoulder
        for dx in (-3, 3):
            m.limb([(side * x + dx, -R + 2), (side * x + dx, y + 1)], 4, "f")
        m.marker(spot, small=True)
    else:  # a thumb reaching in from the side, the hand wrapped round the waist
        wrist = (side * (R - 1), y - 5)
        m.limb([wrist, at(wrist, 90, 6)], 8, "f")
        m.limb([wrist, spot], 4, "f")
        m.marker(spot, small=True)
    m.circle((0, 0), R, "ir")
    c.items.append(f'<g transform="translate({cx} {cy})">{"".join(m.items)}</g>')
    c.xs += [cx - R - 1, cx + R + 1]
    c.ys += [cy - R - 1, cy + R + 1]
