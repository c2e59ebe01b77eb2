"""Close-ups: fingertips at the side of the neck, on the jaw or the chest (from the front), on
the shoulder blade (from behind), and both thumbs in the arch of a foot."""

from __future__ import annotations

from .body import THIGH, Body
from .draw import Canvas, at
from .inset import close_up
from .kit import STAND_HIP, pose

FLOOR = 150


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


class _Back(Body):
    """A bust seen from behind whose shoulder blades show whole: each one's inner edge, lowest
    corner and outer edge, and the ridge running up and out across it to the shoulder."""

    def draw_details(self, c: Canvas) -> None:
        c.lines([self.spine(0.98), self.spine(0.3)], "l")
        c.lines([self.spine(-0.02), self.spine(-0.15)], "l")  # between the buttocks
        for s in (1, -1):
            a = self.across
            c.lines([a(0.86, s * 4), a(0.48, s * 6), a(0.8, s * 14)], "lm")
            c.lines([a(0.78, s * 4), a(0.92, s * 16)], "lm")  # the ridge


@pose("shoulder_blade")
def bust_back(where: str, tool: str, balls: int) -> Canvas:
    """Seen from behind, standing: the left hand reaches over the right shoulder, its forearm
    showing above the shoulder, fingertips on the flat of the shoulder blade below its ridge; the
    right arm hangs relaxed, the left one is out of sight in front. A close-up shows the whole
    blade and the hand on it."""
    c = Canvas(side="right")
    body = _Back(
        (80, STAND_HIP - 4), trunk=-90, front_view=True, back_view=True, near_arm=(94, 90, 90)
    )
    for leg, angle in (("near_leg", 86), ("far_leg", 94)):  # heels on the floor
        hip = body.joints[leg][0]
        body._chain(leg, hip, (angle, 90, 90), (THIGH, FLOOR - 6 - at(hip, angle, THIGH)[1], 3))
    spot = body.across(0.62, 10)  # the middle of the blade, well below its ridge
    wrist = body.across(0.98, 14)  # over the top of the shoulder, well out from the neck
    # The left upper arm goes forward, behind the body: only the round of the shoulder shows
    shoulder = body.joints["far_arm"][0]
    body.joints["far_arm"] = [shoulder, *[at(shoulder, 75, 16)] * 3]
    c.floor(FLOOR, 40, 175)
    body.draw(c, after=())
    c.limb([at(wrist, -75, 12), wrist], 8, "b")  # the forearm, rising in front of the shoulder
    palm = at(wrist, 95, 9)
    c.limb([wrist, palm], 10, "f")  # the hand over the shoulder, four fingers down the back
    for d in (-3, -1, 1, 3):
        c.limb([(palm[0] + d, palm[1]), (spot[0] + d, spot[1] - abs(d) // 2)], 2, "f")
    c.marker(spot, small=True)
    centre = (body.hip[0] + 64, spot[1])
    c.lines([at(centre, 180, 27), at(spot, 0, 5)], "il")
    close_up(c, centre, where, tool)
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
