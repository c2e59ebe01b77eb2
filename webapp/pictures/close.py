"""Close-ups: fingertips at the side of the neck, on the jaw or the chest (from the front), on
the shoulder blade (from behind), and both thumbs in the arch of a foot."""

from __future__ import annotations

from .body import UPPER_ARM, Body
from .draw import Canvas, Point, at
from .inset import FINGER, close_up
from .kit import pose


def _bust(**kw) -> Body:
    return Body((80, 110), trunk=-90, front_view=True, **kw)


@pose("neck", "chest")
def bust(where: str, tool: str, balls: int) -> Canvas:
    """From the front: fingertips of one hand on the side of the neck, or on the upper chest."""
    c = Canvas()
    body = _bust(head=-82 if where == "neck" else -90)
    if where == "neck":  # the left hand on the left side of the neck (the viewer's right)
        c.side = "left"
        spot = at(body.spine(1.0), -20, 6)
        body.reach("near_arm", spot, -120, bend=-1)
    else:  # the left hand reaching across to the right side of the chest
        c.side = "right"
        spot = body.across(0.72, -6)  # below the collarbone, towards the breastbone
        body.reach("near_arm", spot, -160, bend=-1)
    body.draw(c, after=("near_arm", "far_arm"), skip=("near_leg", "far_leg"))
    c.marker(spot, small=True)
    return c


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


# A back seen close up: broader across the shoulder blades than the whole figure's
# (body.FRONT_HALF), so that each blade shows large.
BACK_HALF = [(-0.12, 10), (0.04, 15), (0.3, 14), (0.56, 15), (0.8, 18), (0.92, 19), (1.02, 6)]


class _Back(Body):
    """A bust seen from behind whose shoulder blades show whole and large: each one's inner edge
    running down beside the spine, its blunt lowest corner and its outer edge rising to the
    armpit, and the ridge running up and out across it to the top of the shoulder, so that the
    flat of the blade below the ridge reads as a broad triangle."""

    def trunk_points(self) -> list[Point]:
        right = [self.across(t, w) for t, w in BACK_HALF]
        left = [self.across(t, -w) for t, w in reversed(BACK_HALF)]
        return [self.across(-0.16, 0), *right, *left]

    def draw_details(self, c: Canvas) -> None:
        c.lines([self.spine(0.98), self.spine(0.1)], "l")
        for s in (1, -1):
            edge = [(0.92, 5), (0.46, 5), (0.37, 8), (0.39, 11), (0.84, 19)]
            c.lines([self.across(t, s * w) for t, w in edge], "lm")
            c.lines([self.across(0.82, s * 5), self.across(0.94, s * 19)], "lm")  # the ridge


@pose("shoulder_blade")
def bust_back(where: str, tool: str, balls: int) -> Canvas:
    """Seen from behind, a bust: the left hand reaches across the chest and over the right
    shoulder (its forearm shows between the head, tilted a little away, and the shoulder,
    passing in front of the neck), three fingertips down on the middle of the shoulder blade,
    below its ridge, the ridge showing on both sides of the fingers. The right arm hangs
    relaxed outside the blade, its forearm forward in the lap; the left arm is out of sight in
    front. A close-up shows the blade and the hand."""
    c = Canvas(side="right")
    body = _Back((80, 110), trunk=-90, head=-100, front_view=True, back_view=True)
    right, left = body.across(0.88, 20), body.across(0.88, -18)
    elbow = at(right, 88, UPPER_ARM)
    body.joints["near_arm"] = [right, elbow, *[at(elbow, 135, 6)] * 2]
    body.joints["far_arm"] = [left, *[at(left, 10, 10)] * 3]  # forward: only its round shows
    spot = body.across(0.68, 10)  # across the middle of the blade, below its ridge
    wrist = body.across(1.06, 9)  # over the top of the shoulder
    c.limb([body.across(1.3, -2), wrist], 7, "b")  # the left forearm, in front of the neck
    body.draw(c, after=(), skip=("near_leg", "far_leg"))
    x, y = (round(v) for v in body.across(0.9, 9))  # the knuckles, just above the ridge
    c.limb([wrist, (x, y)], 7, "f")  # the back of the hand
    sx, sy = (round(v) for v in spot)
    tips = "".join(f"M{x + d} {y}L{sx + d} {sy - abs(d) // 2}" for d in (-2, 0, 2))
    c.items += [f'<path class="{k}" stroke-width="{w / 2:g}" d="{tips}"/>' for k, w in FINGER]
    c.marker(spot, small=True)
    centre = (body.hip[0] + 62, spot[1] - 10)
    c.lines([at(centre, 180, 27), at(spot, 0, 5)], "il")
    close_up(c, centre, "shoulder_blade_hand", tool)
    return c


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
