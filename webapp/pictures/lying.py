"""Poses on the floor: face-up with knees bent, face-down, on all fours, kneeling on a shin."""

from __future__ import annotations

from .body import SHIN, THIGH, Body
from .draw import Canvas, at
from .inset import KR, close_up, kneel_close_up, pointer, rim
from .kit import BACK, BALL, draw_helper, feet_down, kneeling_helper, mat, place, pose

FLOOR = 120
HIDDEN = ("far_arm", "far_leg")  # lying or kneeling side-on, right behind the near ones


@pose("skull", *BACK)
def hook_lying(where: str, tool: str, balls: int) -> Canvas:
    """Lying face-up, knees bent and feet flat, the ball between the body and the floor."""
    c = Canvas()
    skull = where == "skull"
    t = 0.9 if skull else BACK[where]
    # A ball low on the back lifts the hips and the shoulders stay down; a ball higher up
    # lifts the shoulders (or, under the skull, the head) and the buttocks stay down.
    pivot = 0.85 if t < 0.4 else 0.0

    def make(tilt: float, y: float = FLOOR - 13) -> Body:
        trunk = 180 if skull else 180 + tilt
        return Body(
            (124, y),
            trunk=trunk,
            head=180 + tilt if skull else max(trunk, 190),  # the head rests on the floor
            near_leg=(-48, 60, 0),
            far_leg=(-44, 60, 0),
            near_arm=(20, 4, 0),  # resting on the floor along the body
            far_arm=(20, 4, 0),
        )

    best = None
    for tilt in range(-9, 10):  # the ball presses into the back a little; no steeper than this
        body = make(tilt)
        body = make(tilt, body.hip[1] + FLOOR - body.back(pivot)[1])
        err = abs(FLOOR - 2 * BALL - place(body, where, 0)[1])
        if best is None or err < best[0]:
            best = (err, body)
    body = best[1]
    feet_down(body, FLOOR)
    c.floor(FLOOR, 50, 180)
    body.draw(c)
    ball = (place(body, where, BALL)[0], FLOOR - BALL)
    if balls == 2:
        c.ball((ball[0] + 4, ball[1] - 3))  # the second ball in the sock, beyond the first
    c.ball(ball)
    if skull:  # the back of the head and neck from behind, two balls under the skull's edge
        centre, angle, target = (ball[0] + 34, FLOOR - 62), 120, (ball[0] + 2, ball[1] - BALL - 14)
    else:
        c.side = None if balls == 2 else "right"
        centre, angle, target = (ball[0] - 20, FLOOR - 62), 70, (ball[0], ball[1] - BALL - 6)
    pointer(c, centre, angle, target, rim(where, tool))
    close_up(c, centre, where, tool, balls=balls)
    return c


def _prone(x: float, y: float, pillow: bool, arms=(5, 0, 0)) -> Body:
    """A body lying face-down, head to the left, optionally on a pillow under the hips."""
    lift = 6 if pillow else 0
    body = Body(
        (x, y - 11 - lift),
        trunk=180 - (4 if pillow else 0),
        head=186,
        facing=-1,
        near_leg=(2 if pillow else 0, 0, 80),
        far_leg=(2 if pillow else 0, 0, 80),
        near_arm=arms,
        far_arm=arms,
    )
    for arm in ("near_arm", "far_arm"):  # arms rest on the floor along the body
        body.reach(arm, (x - 2, y - 3), 0, bend=-1)
    return body


@pose("buttock_top", "low_back_pit", "low_back_corner")
def prone_helper(where: str, tool: str, balls: int) -> Canvas:
    """Lying face-down on a mat, a pillow under the hips; a helper kneeling beside them, in
    front of the mat, leans a forearm onto the spot; a close-up shows the spot from above."""
    c = Canvas(side="left")
    body = _prone(96, FLOOR, True)
    # The top of the buttock on the raised round of the hips, over the pillow (further down
    # than the buttock_top of the standing poses, which read as the waist here)
    spot = body.back(0.02 if where == "buttock_top" else BACK[where])
    # Low on the buttock the helper kneels by the thighs; higher up, by the chest
    s = -1 if where == "buttock_top" else 1
    helper, floor = kneeling_helper(spot, s)
    mat(c, FLOOR, floor - 4, 10, 176)
    pillow(c, body)
    body.draw(c, after=(), skip=HIDDEN)
    draw_helper(c, helper)
    c.marker(spot)
    centre = (spot[0] + 52 * s, FLOOR - 66)
    pointer(c, centre, 90 + 60 * s, at(spot, -90 - 30 * s, 7), rim(where, tool))
    close_up(c, centre, where, tool, side=-1)
    return c


def pillow(c: Canvas, body: Body) -> None:
    """Draw a pillow under the hips of a body lying face-down: a flat oval."""
    x, y = (round(v) for v in at(body.hip, 90, 6))
    c.raw(f"M{x - 9} {y}a9 5 0 0 0 18 0a9 5 0 0 0-18 0", [(x - 9, y - 5), (x + 9, y + 5)], "p")


@pose("shin")
def all_fours(where: str, tool: str, balls: int) -> Canvas:
    """On hands and knees with a ball under the front of one shin, a hand's width below the
    knee; a close-up shows that lower leg large from the side, the ball under its upper part."""
    c = Canvas(side="right")
    hip_y = FLOOR - THIGH - 6
    body = Body(
        (70, hip_y),
        trunk=-3,
        head=10,
        facing=1,
        near_arm=(92, 88, 0),
        far_arm=(88, 92, 0),
        near_leg=(90, 180, 180),
        far_leg=(90, 180, 180),
    )
    c.floor(FLOOR, 0, 150)
    hip = body.joints["near_leg"][0]
    knee = (hip[0] + 2, FLOOR - 2 * BALL - 4)
    ankle = at(knee, 172, SHIN)
    body.joints["near_leg"] = [hip, knee, ankle, at(ankle, 172, 11)]
    body.draw(c)
    ball = (knee[0] - 14, FLOOR - BALL)
    c.ball(ball)
    # A magnifier behind the feet, the kneeling lower leg drawn large: the ball under the upper
    # shin, a hand's width below the knee
    centre = (knee[0] - 80, FLOOR - 56)
    pointer(c, centre, 40, at(ball, -130, BALL + 3), KR)
    kneel_close_up(c, centre)
    return c
