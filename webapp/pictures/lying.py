"""Poses on the floor: face-up with knees bent, face-down, on all fours, on one side."""

from __future__ import annotations

from .body import SHIN, THIGH, Body
from .draw import Canvas, at
from .kit import BACK, BALL, draw_helper_behind, feet_down, kneeling_helper, place, pose

FLOOR = 120


@pose("skull", *BACK)
def hook_lying(where: str, tool: str) -> Canvas:
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
    c.ball((place(body, where, BALL)[0], FLOOR - BALL))
    return c


def _prone(x: float, pillow: bool, arms=(5, 0, 0)) -> Body:
    """A body lying face-down, head to the left, optionally on a pillow under the hips."""
    lift = 6 if pillow else 0
    body = Body(
        (x, FLOOR - 11 - lift),
        trunk=180 - (4 if pillow else 0),
        head=186,
        facing=-1,
        near_leg=(2 if pillow else 0, 0, 80),
        far_leg=(2 if pillow else 0, 0, 80),
        near_arm=arms,
        far_arm=arms,
    )
    for arm in ("near_arm", "far_arm"):  # arms rest on the floor along the body
        body.reach(arm, (x - 2, FLOOR - 3), 0, bend=-1)
    return body


@pose("buttock_top", "low_back_pit", "low_back_corner")
def prone_helper(where: str, tool: str) -> Canvas:
    """Lying face-down on a pillow; a kneeling helper leans a forearm onto the spot."""
    c = Canvas()
    body = _prone(110, True)
    spot = body.back(BACK[where])
    helper = kneeling_helper(spot, FLOOR)
    c.floor(FLOOR, 30, 200)
    draw_helper_behind(c, helper)
    c.shape(
        [at(body.hip, a, r) for a, r in ((100, 10), (60, 12), (20, 8), (160, 8), (120, 12))], "p"
    )
    body.draw(c, after=())
    helper.draw_limb(c, "near_arm")
    c.marker(spot)
    return c


@pose("thigh")
def prone_forearms(where: str, tool: str) -> Canvas:
    """Lying face-down propped on the forearms, a ball under the front of the thigh."""
    c = Canvas()
    body = Body(
        (110, FLOOR - 16),
        trunk=-168,
        head=-160,
        facing=-1,
        near_leg=(4, 2, 80),
        far_leg=(2, 0, 80),
        near_arm=(90, 180, 180),
        far_arm=(92, 180, 180),
    )
    knee = body.joints["near_leg"][1]
    ball = (knee[0] - 10, FLOOR - BALL)
    c.floor(FLOOR, 20, 200)
    body.draw(c)
    c.ball(ball)
    return c


@pose("shin")
def all_fours(where: str, tool: str) -> Canvas:
    """On hands and knees; a ball under the shin, or the other knee resting on it."""
    c = Canvas()
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
    if tool == "ball_floor":
        hip = body.joints["near_leg"][0]
        knee = (hip[0] + 2, FLOOR - 2 * BALL - 4)
        ankle = at(knee, 172, SHIN)
        body.joints["near_leg"] = [hip, knee, ankle, at(ankle, 172, 11)]
        ball = (knee[0] - 11, FLOOR - BALL)
        c.floor(FLOOR, 0, 150)
        body.draw(c)
        c.ball(ball)
    else:
        far_knee = body.joints["far_leg"][1]
        spot = at(far_knee, 180, 10)
        spot = (spot[0], spot[1] - 5)
        knee = (spot[0], spot[1] - 7)
        ankle = at(knee, 185, SHIN)
        body.joints["near_leg"] = [body.joints["near_leg"][0], knee, ankle, at(ankle, 180, 11)]
        c.floor(FLOOR, 0, 150)
        body.draw(c)
        c.marker(spot)
    return c
