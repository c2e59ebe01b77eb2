"""A jointed body for the technique pictures, seen from the side or from the front/back.

A body is placed by its hip (side view) or the middle of its pelvis (front view), the angle of
its trunk, and the angles of each limb segment, all in degrees on the page (0 points right, 90
points down). Segment lengths are fixed, so every pose has the same proportions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .draw import Canvas, Point, at

TRUNK, NECK, HEAD_R = 44, 13, 9
UPPER_ARM, FOREARM, HAND = 24, 21, 8
THIGH, SHIN, FOOT = 38, 35, 11
# Trunk outline as (fraction of the spine from hip to neck, offset across it), side view:
# the back from the buttock up to the neck, then the front from the collar down to the groin.
SIDE_BACK = [(-0.14, -6), (0, -13), (0.2, -11), (0.4, -10), (0.7, -12), (0.94, -8)]
SIDE_FRONT = [(1.03, 4), (0.88, 11), (0.68, 12), (0.45, 10), (0.2, 11), (-0.1, 7)]
# Front (or back) view: half-widths up the right side, mirrored for the left.
FRONT_HALF = [(-0.12, 9), (0.04, 14), (0.3, 11), (0.56, 12), (0.8, 15), (0.93, 16), (1.02, 6)]

Limb = tuple[float, float, float]  # angles of the upper, lower and end segment (hand or foot)


@dataclass
class Body:
    """A person in one pose. `front_view` bodies face (or turn their back to) the viewer."""

    hip: Point
    trunk: float = -90
    head: float | None = None  # angle of the head from the neck; defaults to the trunk's
    near_arm: Limb = (90, 90, 90)
    far_arm: Limb = (90, 90, 90)
    near_leg: Limb = (90, 90, 0)
    far_leg: Limb = (90, 90, 0)
    facing: int = 1  # side view: 1 when the chest is on the clockwise side of the spine
    front_view: bool = False
    back_view: bool = False  # a front_view body seen from behind
    helper: bool = False
    joints: dict[str, Point] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.joints["neck"] = self.spine(1.0)
        head = self.trunk if self.head is None else self.head
        self.joints["head"] = at(self.joints["neck"], head, NECK)
        self.head_angle = head
        sides = (("near", 1), ("far", -1)) if self.front_view else (("near", 0), ("far", 0))
        for name, sign in sides:
            shoulder = self.across(0.88, 14 * sign if self.front_view else 1)
            hip = self.across(0, 8 * sign if self.front_view else 2)
            self._chain(
                name + "_arm", shoulder, getattr(self, name + "_arm"), (UPPER_ARM, FOREARM, HAND)
            )
            self._chain(name + "_leg", hip, getattr(self, name + "_leg"), (THIGH, SHIN, FOOT))

    def _chain(self, name: str, start: Point, angles: Limb, lengths: tuple) -> None:
        points = [start]
        for angle, length in zip(angles, lengths, strict=True):
            points.append(at(points[-1], angle, length))
        self.joints[name] = points  # type: ignore[assignment]

    def spine(self, t: float) -> Point:
        """Return the point a fraction t of the way up the spine (0 = hip, 1 = neck)."""
        return at(self.hip, self.trunk, TRUNK * t)

    def across(self, t: float, offset: float) -> Point:
        """Return the point `offset` across the trunk at t: towards the chest, or the right side."""
        return at(self.spine(t), self.trunk + 90 * self.facing, offset)

    def back(self, t: float, depth: float = 0) -> Point:
        """Return the point on the surface of the back at t, or `depth` beyond it."""
        return self.across(t, _interp(SIDE_BACK, t) - depth)

    def front(self, t: float, depth: float = 0) -> Point:
        """Return the point on the surface of the chest or belly at t, or `depth` beyond it."""
        return self.across(t, _interp(SIDE_FRONT[::-1], t) + depth)

    def skull(self, depth: float = 0) -> Point:
        """Return the base of the skull at the back of the head, or `depth` beyond it."""
        return at(self.joints["head"], self.head_angle - 125 * self.facing, HEAD_R + depth)

    def reach(self, name: str, tip: Point, end: float, bend: int = 1) -> None:
        """Bend a limb so its hand (or foot) ends at `tip`, pointing at angle `end`."""
        start = self.joints[name][0]  # type: ignore[index]
        a, b, e = (UPPER_ARM, FOREARM, HAND) if name.endswith("arm") else (THIGH, SHIN, FOOT)
        wrist = at(tip, end + 180, e)
        d = min(math.dist(start, wrist), a + b - 0.1)
        cos = (a * a + d * d - b * b) / (2 * a * d)
        angle = _angle(start, wrist) + bend * math.degrees(math.acos(max(-1, min(1, cos))))
        elbow = at(start, angle, a)
        self.joints[name] = [start, elbow, wrist, tip]  # type: ignore[assignment]

    def limb(self, name: str, i: int, frac: float = 1.0) -> Point:
        """Return a point a fraction along segment i of a limb (0 upper, 1 lower, 2 hand/foot)."""
        p = self.joints[name]
        a, b = p[i], p[i + 1]  # type: ignore[index]
        return (a[0] + (b[0] - a[0]) * frac, a[1] + (b[1] - a[1]) * frac)

    def trunk_points(self) -> list[Point]:
        if self.front_view:
            right = [self.across(t, w) for t, w in FRONT_HALF]
            left = [self.across(t, -w) for t, w in reversed(FRONT_HALF)]
            return [self.across(-0.16, 0), *right, *left]
        return [self.across(t, o) for t, o in SIDE_BACK + SIDE_FRONT]

    def draw_arm(self, c: Canvas, name: str, kind: str) -> None:
        shoulder, elbow, wrist, tip = self.joints[name]  # type: ignore[misc]
        c.limb([shoulder, elbow, wrist], 8, kind)
        c.limb([wrist, tip], 6, kind)

    def draw_leg(self, c: Canvas, name: str, kind: str) -> None:
        hip, knee, ankle, toe = self.joints[name]  # type: ignore[misc]
        if self.back_view:  # from behind, a foot shows as its heel
            c.limb([ankle, at(ankle, _angle(knee, ankle), 3)], 7, kind)
        else:
            heel = at(ankle, _angle(ankle, toe) + 180, 3)
            c.limb([heel, toe], 6, kind)
        c.limb([knee, ankle], 10, kind)
        c.limb([hip, knee], 14, kind)

    def draw_details(self, c: Canvas) -> None:
        """Draw the spine and shoulder blades on a back, or the collarbones on a front."""
        if self.back_view:
            blades = [
                [self.across(0.86, s * 5), self.across(0.6, s * 8), self.across(0.86, s * 12)]
                for s in (1, -1)
            ]
            c.lines([self.spine(0.98), self.spine(0.04)], "l")
            c.lines([self.spine(-0.02), self.spine(-0.15)], "l")  # between the buttocks
            for blade in blades:
                c.lines(blade, "l")
        else:
            for s in (1, -1):
                c.lines([self.across(0.98, s * 3), self.across(0.95, s * 12)], "l")

    def draw_head(self, c: Canvas, kind: str) -> None:
        head, shape = self.joints["head"], "th" if self.helper else "t"
        c.limb([self.spine(0.94), at(head, self.head_angle + 180, 4)], 7, kind)
        if not self.front_view:  # a nose shows which way the face points
            face = self.head_angle + 90 * self.facing
            nose = [at(head, face + a, HEAD_R + r) for a, r in ((-28, -1), (6, 4), (26, -1))]
            c.shape(nose, shape)
        c.circle(head, HEAD_R, shape)
        if self.back_view:  # the back of the head: hair, and no face
            c.circle(at(head, self.head_angle, 1), HEAD_R - 1, "hr")
        elif self.front_view and self.trunk == -90:  # a face: eyes and mouth
            x, y = (round(v) for v in head)
            c.raw(f"M{x - 3} {y - 1}h0M{x + 3} {y - 1}h0M{x - 1} {y + 4}h2", [], "e")

    def kind(self, name: str) -> str:
        """Return the colour class of a limb: limbs on the far side are a shade darker."""
        far = name.startswith("far") and not self.front_view
        return ("h" if self.helper else "f" if not far else "") + ("b" if far else "")

    def draw(
        self, c: Canvas, after: tuple[str, ...] = ("near_arm",), skip: tuple[str, ...] = ()
    ) -> None:
        """Draw the limbs behind the trunk, the trunk and head, then the limbs in front of it."""
        limbs = [n for n in ("far_arm", "far_leg", "near_leg", "near_arm") if n not in skip]
        for name in limbs:
            if name not in after:
                self.draw_limb(c, name)
        c.shape(self.trunk_points(), "th" if self.helper else "t")
        if self.front_view:
            self.draw_details(c)
        self.draw_head(c, self.kind("near"))
        for name in after:
            if name in limbs:
                self.draw_limb(c, name)

    def draw_limb(self, c: Canvas, name: str) -> None:
        """Draw one limb on its own (also for limbs that must lie over another body)."""
        (self.draw_arm if name.endswith("arm") else self.draw_leg)(c, name, self.kind(name))


def _interp(profile: list[tuple[float, float]], t: float) -> float:
    pts = sorted(profile)
    for (t0, v0), (t1, v1) in zip(pts, pts[1:], strict=False):
        if t0 <= t <= t1:
            return v0 + (v1 - v0) * (t - t0) / (t1 - t0)
    return pts[0][1] if t < pts[0][0] else pts[-1][1]


def _angle(a: Point, b: Point) -> float:
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
