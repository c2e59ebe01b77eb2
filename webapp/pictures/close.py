"""Close-ups: fingertips at the side of the neck (with a close-up of the neck from the side), on
the jaw or the chest (from the front), on the shoulder blade (from behind), and both thumbs in
the arch of a foot."""

from __future__ import annotations

import math

from .body import HEAD_R, TRUNK, Body
from .draw import Canvas, Point, at, ipt, line_data
from .inset import FINGER, A, R, band, pointer, put_magnifier, shrunk
from .kit import pose


def _bust(**kw) -> Body:
    return Body((80, 110), trunk=-90, front_view=True, **kw)


@pose("neck", "chest")
def bust(where: str, tool: str, balls: int) -> Canvas:
    """From the front: fingertips halfway up the side of the neck, the head tilted away (see
    _neck); or fingertips of one hand on the upper chest."""
    if where == "neck":
        return _neck()
    c = Canvas(side="right")  # the left hand reaching across to the right side of the chest
    body = _bust(head=-90)
    spot = body.across(0.72, -6)  # below the collarbone, towards the breastbone
    body.reach("near_arm", spot, -160, bend=-1)
    body.draw(c, after=("near_arm", "far_arm"), skip=("near_leg", "far_leg"))
    c.marker(spot, small=True)
    return c


TILT = -18  # the head tilted away from the side pressed, round the base of the neck
NECK_BASE = (70, 116)
DROP = 4  # the head drawn upright (HEAD) is moved down this much onto a short neck


def _tilt(p: Point) -> Point:
    """Return a point of the upright head and neck, tilted with them round the base of the neck."""
    a = math.radians(TILT)
    dx, dy = p[0] - NECK_BASE[0], p[1] + DROP - NECK_BASE[1]
    return (
        NECK_BASE[0] + dx * math.cos(a) - dy * math.sin(a),
        NECK_BASE[1] + dx * math.sin(a) + dy * math.cos(a),
    )


# The head from the front, upright (tilted by _tilt): face, ears, hair
HEAD = [(70, 38), (81, 42), (86, 53), (85, 63), (82, 71), (76, 78), (70, 80), (64, 78)]
HEAD += [(58, 71), (55, 63), (54, 53), (59, 42)]
HAIR = [(55, 50), (57, 40), (70, 35), (83, 40), (85, 50), (80, 44), (60, 44)]


def _neck() -> Canvas:
    """Head and shoulders from the front, the head tilted well over to its right (the viewer's
    left), so the left side of the neck stands long and open; the right hand reaches across the
    chest, the hand comes up over the collarbone and three fingers lie up along the side of the
    neck, their tips about halfway between the angle of the jaw and the collarbone, behind the
    long neck muscle running down from behind the ear (lower, at the base of the neck, they read
    as on top of the shoulder). A close-up shows the neck from the side: ear, jaw, that muscle,
    the collarbone, the fingertips halfway up the neck behind the muscle."""
    c = Canvas(side="left")
    t = _tilt
    # The shoulders and the neck in one outline, the neck's left side long and stretched
    (ax, ay), (bx, by) = ipt(t((61, 74))), ipt(t((79, 74)))
    c.raw(
        f"M20 168V142Q20 126 36 122Q52 118 59 108L{ax} {ay}L{bx} {by}L84 106"
        "Q94 116 104 121Q120 124 120 142V168Z",
        [(20, 168), (120, 106)],
        "t",
    )
    for s in (-1, 1):  # the ears
        c.shape(
            [
                t((70 + s * 15, 58)),
                t((70 + s * 19, 56)),
                t((70 + s * 19, 66)),
                t((70 + s * 16, 70)),
            ],
            "t",
        )
    c.shape([t(p) for p in HEAD], "t")
    c.shape([t(p) for p in HAIR], "hr")
    eyes = [t((65, 59)), t((75, 59))]
    nose = [t((70, 62)), t((68, 69)), t((72, 69))]
    mouth = [t((67, 73)), t((73, 73))]
    d = "".join("M{} {}h1".format(*ipt(e)) for e in eyes)
    d += "M{} {}L{} {}L{} {}".format(*ipt(nose[0]), *ipt(nose[1]), *ipt(nose[2]))
    d += "M{} {}L{} {}".format(*ipt(mouth[0]), *ipt(mouth[1]))
    c.raw(d.replace(" -", "-"), [], "e")
    # The collarbones, and the long neck muscle from behind the left ear down to the breastbone
    c.raw("M66 123Q52 118 34 125M74 123Q88 118 106 125", [], "lm")
    a, b = ipt(t((83, 70))), ipt(t((76, 96)))
    c.raw(f"M{a[0]} {a[1]}Q{b[0]} {b[1]} 73 121", [], "lm")
    spot = (75, 94)
    # The right arm: the upper arm down the right side, the forearm across the chest, the
    # hand up over the left collarbone, three fingers up along the side of the neck to the spot
    elbow, wrist, knuckles = (30, 156), (85, 126), (82, 113)
    c.limb([(28, 128), elbow, wrist], 8, "f")
    c.limb([wrist, knuckles], 10, "f")
    kx, ky = knuckles
    tips = "".join(f"M{kx + d} {ky}L{spot[0] + d} {spot[1] + abs(d) // 2}" for d in (-3, 0, 3))
    c.strokes(tips, FINGER)
    c.marker(spot, small=True)
    centre = (160, 100)
    pointer(c, centre, 180, at(spot, 0, 5), 1.3 * R)
    neck_close(c, centre)
    return c


def neck_close(c: Canvas, centre: Point) -> None:
    """A close-up of the left side of the neck, the face to the left: the ear and the jaw at the
    top, the long neck muscle running from behind the ear down to the breastbone, the back of
    the neck running down behind to the shoulder, the collarbone (a raised bar) at the bottom;
    the fingers, coming up over the collarbone from the front, their tips on the spot halfway
    up the neck, between the muscle and the back of the neck."""
    m = Canvas()
    m.circle((0, 0), R, "t")
    # In front of the throat, and behind the neck above the shoulder: the background
    m.raw(
        f"M-24-10L-15-7Q-11 4-12 15L-18 19{A}-24-10Z"
        f"M18-18Q13-8 15 3Q18 9 23 12A{R} {R} 0 0 0 18-18Z",
        [],
        "ib",
    )
    m.raw(f"M0-26Q1-19 6-17L14-11Q12-14 18-18A{R} {R} 0 0 0 0-26Z", [], "hr")  # the hair
    m.raw("M4-22C8-27 15-23 13-15C12-11 8-10 6-13", [], "t")  # the ear
    m.raw("M-24-10Q-8-4 1-7Q3-9 4-14", [], "lm")  # the jaw
    m.raw("M13-9Q4 4-6 15M8-12Q-1 0-11 14", [], "lm")  # the long neck muscle
    m.limb([(-11, 15), (8, 14), (22, 12)], 2, "f")  # the collarbone
    spot = (10, 0)
    m.raw(band((9, 20), 100, 7), [], "t")  # the hand, below the collarbone
    tips = "".join(f"M{9 + d} 19L{10 + d} {abs(d) // 2}" for d in (-4, 0, 4))
    m.strokes(tips, FINGER)
    m.marker(spot, small=True)
    put_magnifier(c, m, centre, R, 1.3)


FACE = [(80, 30), (95, 35), (101, 50), (100, 63), (96, 74), (88, 83), (80, 86), (72, 83)]
FACE += [(64, 74), (60, 63), (59, 50), (65, 35)]


@pose("jaw")
def face(where: str, tool: str, balls: int) -> Canvas:
    """A face from the front, mouth a little open; the first two fingertips of each hand, coming
    up from below, press the jaw muscle low on the cheek, just in front of the angle of the jaw."""
    c = Canvas()
    c.shape([(46, 124), (52, 104), (70, 97), (90, 97), (108, 104), (114, 124)], "t")
    c.limb([(80, 84), (80, 100)], 15, "f")  # the neck
    for s in (-1, 1):  # the ears
        c.shape([(80 + s * 19, 56), (80 + s * 23, 54), (80 + s * 23, 64), (80 + s * 20, 68)], "t")
    c.shape(FACE, "t")
    c.shape([(61, 46), (64, 32), (80, 26), (96, 32), (99, 46), (92, 38), (68, 38)], "hr")
    c.raw("M73 55h1M86 55h1M80 58l-2 9h4M77 75q3-2 6 0q-3 4-6 0", [], "e")  # eyes, nose, mouth
    for s in (-1, 1):
        spot = (80 + s * 14, 71)
        wrist = (80 + s * 22, 98)
        c.limb([(80 + s * 34, 126), wrist], 8, "f")  # the forearm, from below
        c.limb([wrist, at(wrist, -90 - s * 12, 8)], 9, "f")  # the hand
        for d in (-2, 2):  # two fingertips on the muscle
            c.limb([at(wrist, -90 - s * 12, 6), (spot[0] + s * d, spot[1] + 1)], 3, "f")
        c.marker(spot, small=True)
    return c


# A back seen close up, from the waist up, half as large again as the whole figure (K), so that
# each blade shows clearly even when the bust is drawn small (SMALL) beside the large close-up
# of the blade: half-widths up the right side of the back.
K = 1.5
BACK_HALF = [(0.2, 17), (0.3, 17), (0.56, 22), (0.8, 26), (0.93, 27), (1.02, 6)]
# One shoulder blade (the right; the left is its mirror image), as (t, offset) on the back: a
# plain triangle (top corner a stretch of back out from the spine, its top edge out to the tip
# of the shoulder, outer corner at the armpit, lowest corner), and its ridge, a raised bar (an
# outline, then skin) from the inner edge up and out to the tip of the shoulder, well above the
# middle of the flat. The back is broad, so that the middle of the blade lies under the outer
# half of the top of the shoulder, as it does.
BLADE = [(0.9, 9), (0.95, 26), (0.66, 25), (0.38, 15)]
RIDGE = [(0.79, 11), (0.95, 26)]
RAISED = (("o", 5), ("f", 2))


class _Back(Body):
    """A bust seen from behind, from the waist up, K times the whole figure's size, whose
    shoulder blades show whole and large: each one a plain triangle beside the spine, its ridge
    a raised bar from the inner edge up and out to the tip of the shoulder, so that the flat of
    the blade below the ridge reads as a broad triangle."""

    def spine(self, t: float) -> Point:
        return at(self.hip, self.trunk, TRUNK * K * t)

    def at_back(self, t: float, w: float) -> Point:
        """Return the point w (in the whole figure's units) across the back at t."""
        return self.across(t, w * K)

    def trunk_points(self) -> list[Point]:
        right = [self.at_back(t, w) for t, w in BACK_HALF]
        left = [self.at_back(t, -w) for t, w in reversed(BACK_HALF)]
        return [self.across(0.2, 0), *right, *left]

    def draw_details(self, c: Canvas) -> None:
        c.lines([self.spine(0.98), self.spine(0.22)], "l")
        for s in (1, -1):
            blade = [self.at_back(t, s * w) for t, w in BLADE]
            c.raw(line_data(blade) + "Z", blade, "t tb")
            ridge = line_data([self.at_back(t, s * w) for t, w in RIDGE])
            c.strokes(ridge, RAISED)

    def draw_head(self, c: Canvas, kind: str) -> None:
        neck = self.spine(0.94)
        head = at(neck, self.head_angle, 22)
        c.limb([neck, at(head, self.head_angle + 180, 6)], 11, kind)
        c.circle(head, HEAD_R * K, "t")
        c.circle(at(head, self.head_angle, 1), HEAD_R * K - 1, "hr")


@pose("shoulder_blade")
def bust_back(where: str, tool: str, balls: int) -> Canvas:
    """Seen from behind, a bust drawn small, for who and in which position: the left hand
    reaches across the chest and over the right shoulder (its forearm shows over the top of the
    shoulder, clear of the head, which tilts away), three fingers down the shoulder blade, their
    tips on the middle of the flat below the ridge. Beside it, large, the exact place
    (_blade_close_up). The right arm hangs outside the blade; the left arm is out of sight in
    front."""
    f = Canvas(side="right")
    body = _Back((80, 110), trunk=-90, head=-111, front_view=True, back_view=True)
    shoulder = body.at_back(0.9, 28)
    f.limb([shoulder, body.at_back(0.3, 30)], 7 * K, "f")  # the right upper arm, hanging
    left = body.at_back(0.88, -27)
    f.limb([left, at(left, 100, 4)], 7 * K, "f")  # the left arm goes forward: its round shows
    wrist = body.at_back(1.04, 18.5)  # over the outer half of the top of the shoulder
    f.limb([body.at_back(1.28, 13), wrist], 5 * K, "b")  # the left forearm, from in front
    body.draw(f, after=(), skip=("near_leg", "far_leg", "near_arm", "far_arm"))
    knuckles = body.at_back(0.93, 18)  # on the top of the shoulder, above the ridge
    spot = body.at_back(0.64, 18)  # the middle of the flat below the ridge
    f.limb([wrist, knuckles], 7, "f")  # the back of the hand, over the top of the shoulder
    x, y = (round(v) for v in knuckles)
    sx, sy = (round(v) for v in spot)
    tips = "".join(f"M{x + d} {y}L{sx + d * 3 // 2} {sy - abs(d)}" for d in (-2, 0, 2))
    f.strokes(tips, [(k, w / 2) for k, w in FINGER])
    f.marker(spot, small=True)
    c = shrunk(f, SMALL)
    centre = (max(c.xs) + 6 + BR, (min(c.ys) + max(c.ys)) / 2)
    pointer(c, centre, 180, at((sx * SMALL, sy * SMALL), 0, 3), BR)
    _blade_close_up(c, centre)
    return c


SMALL = 0.55  # the bust, small, beside the large close-up of the blade
BR = 57  # the radius of that close-up
RIDGE_BAR = (("o", 8), ("f", 5))  # the ridge of the blade in it: outline, then skin


def _blade_close_up(c: Canvas, centre: Point) -> None:
    """Draw a large magnifier at `centre`, centred on the middle of the right shoulder blade,
    seen from behind. The blade whole, a plain triangle a shade darker than the back: its inner
    edge at the left (a wide gap of back between it and the spine, which shows only at the left
    rim), its lowest corner well inside the rim at the bottom, its outer edge running up to the
    armpit, the arm hanging at the right rim; the top of the shoulder across the top, the round
    tip of the shoulder at the upper right. The ridge, a thick raised bar, runs from the inner
    edge up and out to the tip of the shoulder. The left hand comes over the top of the shoulder
    from in front, its forearm above the shoulder, the back of the hand on it above the ridge,
    and three fingers reach straight down over the ridge, their tips in the middle of the flat
    below it, halfway between the inner and outer edges, blade all round them."""
    m = Canvas()
    m.circle((0, 0), 52, "t")
    # Above the top of the shoulder and round its tip: the background
    m.raw("M-33-40Q0-37 22-36Q40-35 46-24A52 52 0 0 0-33-40Z", [], "ib")
    bumps = "".join(f"M-46 {y}a3 4 0 0 1 0 8" for y in range(-20, 16, 11))
    m.raw(("M-46-24V24" + bumps).replace(" -", "-"), [], "lm")  # the spine, at the rim
    m.raw("M34-17Q40 8 38 34", [], "lm")  # the armpit: the arm hanging at the right rim
    m.raw("M-20-28L15-31L30-19L-6 34L-22-14Z", [], "t tb")  # the blade
    ridge = line_data([(-22, -14), (38, -30)])  # its ridge, out to the tip of the shoulder
    m.strokes(ridge, RIDGE_BAR)
    # The left forearm coming from in front over the top of the shoulder, the back of the hand
    # on it, three fingers straight down over the ridge to the middle of the flat
    m.raw(band((-2, -39), -120, 7, 52), [], "t tb")
    m.raw("M-9-39Q-1-43 7-39L10-25Q0-22-10-25Z", [], "t")
    spot = (0, 6)
    tips = "".join(f"M{d * 6}-26L{d * 4} {6 - abs(d) * 3}" for d in (-1, 0, 1))
    m.strokes(tips, FINGER)
    m.marker(spot)
    put_magnifier(c, m, centre, 52, BR / 52)


FOOT = [(47, 50), (49, 80), (42, 96), (48, 108), (58, 110), (70, 104), (80, 101), (90, 104)]
FOOT += [(100, 110), (112, 111), (121, 107), (117, 100), (104, 97), (88, 90), (72, 78), (69, 50)]


@pose("arch")
def foot_thumbs(where: str, tool: str, balls: int) -> Canvas:
    """Close-up of the inner side of a foot held in both hands, both thumbs pressing up into the
    middle of the arch."""
    c = Canvas(side="right")
    c.shape(FOOT, "t")
    c.raw("M41 44h34v12h-34z", [(41, 44)], "p")  # the trouser leg
    c.raw("M112 101v7M106 99v8M60 86h0", [], "l")  # toes, the ankle bone
    spot = (80, 103)
    for s in (-1, 1):
        palm = (80 + s * 12, 124)
        c.limb([(80 + s * 30, 150), palm], 9, "f")  # the forearm, from below
        c.limb([palm, at(palm, -90 - s * 20, 6)], 13, "f")  # the palm
        c.limb([at(palm, -90 - s * 20, 5), (spot[0] + s * 3, spot[1] + 1)], 5, "f")  # the thumb
    for x in (84, 90, 96):  # the fingertips curl over the top of the foot from the far side
        c.limb([(x, 92 + (x - 84) / 3), (x + 2, 97 + (x - 84) / 3)], 4, "f")
    c.marker(spot, small=True)
    return c
