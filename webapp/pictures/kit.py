"""What every pose shares: the registry, where places on the body are, and the furniture.

A pose takes `where` (which part of the body the ball, hand or elbow is on) and returns the
finished Canvas. data/techniques.toml says which pose and place each spot and tool uses.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from .body import FOOT, FOREARM, SHIN, THIGH, TRUNK, UPPER_ARM, Body
from .draw import Canvas, Point, at

BALL = 6
# How far up the spine (0 = hip, 1 = neck) each place on the back lies.
BACK = {
    "buttock_top": 0.12,
    "low_back_pit": 0.26,
    "low_back_corner": 0.36,
    "upper_back": 0.68,
    "shoulder_blade": 0.8,
}
STAND_HIP = 150 - 3 - SHIN - THIGH  # hip height of a person standing on the floor at y = 150
CROSSED = (62, -165, -160)  # arms folded over the chest, seen from the side
Draw = Callable[[str, str, int], Canvas]  # (where, tool, balls) -> the picture
POSES: dict[str, tuple[Draw, tuple[str, ...]]] = {}


def pose(*places: str) -> Callable:
    """Register a pose under its function name, with the places on the body it can show."""

    def register(fn: Draw) -> Draw:
        POSES[fn.__name__] = (fn, places)
        return fn

    return register


def place(body: Body, where: str, depth: float) -> Point:
    """Return the point on the back, or the skull, `depth` beyond the skin."""
    return body.skull(depth) if where == "skull" else body.back(BACK[where], depth)


def feet_down(body: Body, floor: float) -> None:
    """Bend the shins of a body with raised knees so both feet rest flat on the floor."""
    for name in ("near_leg", "far_leg"):
        hip, knee = body.joints[name][:2]
        drop = min(max((floor - 4 - knee[1]) / SHIN, -1), 1)
        angle = math.degrees(math.asin(drop))
        ankle = at(knee, angle, SHIN)
        body.joints[name] = [hip, knee, ankle, at(ankle, 0, FOOT)]


def kneeling_helper(spot: Point, s: int = 1) -> tuple[Body, float]:
    """A helper kneeling in front of the person, facing right (s = 1) or left (s = -1), leaning
    the forearm just below the elbow on the spot, the arm bent sharply: the point of the elbow
    just beyond the spot, the forearm lying back along the person's body and the hand a fist by
    the helper's own chest. Returns the helper and the floor under their knees (nearer us than
    the person's)."""
    elbow = (spot[0] + 3 * s, spot[1] - 4)
    shoulder = at(elbow, -90 - 12 * s, UPPER_ARM - 2)
    hip = at(shoulder, 90 + 26 * s, TRUNK * 0.88)  # close in, clear of the person's head
    helper = Body(
        hip,
        trunk=-90 + 26 * s,
        head=-90 + 55 * s,
        facing=s,
        helper=True,
        near_leg=(90 - 2 * s, 90 + 90 * s, 90 + 90 * s),
        far_leg=(90 + 2 * s, 90 + 90 * s, 90 + 90 * s),
        far_arm=(90 - 30 * s, 90 - 60 * s, 90 - 60 * s),
    )
    forearm = 90 + 100 * s
    wrist = at(elbow, forearm, FOREARM)
    helper.joints["near_arm"] = [helper.joints["near_arm"][0], elbow, wrist, wrist]
    return helper, hip[1] + THIGH + 4


def draw_helper(c: Canvas, helper: Body) -> None:
    """Draw a kneeling helper, the far limbs hidden, the near arm bent over the chest ending in
    a fist (a round, not a hand or a thumb pointing at the spot)."""
    helper.draw(c, after=(), skip=("far_arm", "far_leg", "near_arm"))
    shoulder, elbow, wrist = helper.joints["near_arm"][:3]
    c.limb([shoulder, elbow, wrist], 8, "h")
    c.circle(wrist, 5, "th")


def mat(c: Canvas, top: float, bottom: float, x0: float, x1: float) -> None:
    """Draw a mat on the floor, seen a little from above, and the floor line in front of it."""
    t, b = round(top), round(bottom)
    c.raw(f"M{round(x0) + 6} {t}H{round(x1) + 6}L{round(x1)} {b}H{round(x0)}Z", [(x0, t)], "p")
    c.floor(bottom + 3, x0 - 10, x1 + 14)


def chair(c: Canvas, seat: Point, back: bool = True, floor: float = 150) -> None:
    """Draw a chair seen from the side: seat, legs and (if wanted) a backrest on the left."""
    x, y = round(seat[0]), round(seat[1])
    d = f"M{x - 16} {y}H{x + 22}M{x - 13} {y}V{floor}M{x + 19} {y}V{floor}"
    if back:
        d += f"M{x - 16} {y}V{y - 40}"
    c.raw(d, [(x - 16, y - (40 if back else 0)), (x + 22, floor)])


def table(c: Canvas, top: float, x0: float, x1: float, floor: float = 150) -> None:
    """Draw a table seen from the side: its top and one leg."""
    x0, x1, top = round(x0), round(x1), round(top)
    c.raw(f"M{x0} {top}H{x1}M{x1 - 8} {top}V{floor}", [(x0, top), (x1, floor)])
