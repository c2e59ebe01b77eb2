"""Upright poses seen from the side: standing at a wall, sitting on a chair or the floor."""

from __future__ import annotations

from .body import FOOT, SHIN, Body
from .draw import Canvas, at
from .kit import BACK, BALL, CROSSED, STAND_HIP, chair, place, pose, table

SEAT = 150 - 3 - SHIN  # knee height of a person sitting on a chair, feet on the floor at 150


@pose(*BACK)
def wall_back(where: str, tool: str) -> Canvas:
    """Standing with the back to a wall, knees a little bent, the ball between back and wall."""
    c = Canvas()
    high = BACK[where] > 0.6
    arms = CROSSED if high else (100, 80, 85)
    body = Body(
        (60, STAND_HIP + 4),
        trunk=-100 if high else -95,
        near_leg=(68, 106, 0),
        far_leg=(72, 103, 0),
        near_arm=arms,
        far_arm=arms,
    )
    ball = place(body, where, BALL)
    c.floor(150, ball[0] - 12, 125)
    c.wall(ball[0] - BALL, 10, 150)
    body.draw(c)
    c.ball(ball)
    return c


@pose("chest")
def wall_front(where: str, tool: str) -> Canvas:
    """Standing facing a wall, leaning in, the ball between the upper chest and the wall."""
    c = Canvas()
    body = Body(
        (60, STAND_HIP),
        trunk=-82,
        near_leg=(100, 95, 0),
        far_leg=(96, 92, 0),
        near_arm=(95, 90, 90),
        far_arm=(80, 60, 60),
    )
    ball = body.front(0.82, BALL)
    c.floor(150, 30, ball[0] + BALL + 8)
    c.wall(ball[0] + BALL, 10, 150, side=1)
    body.draw(c)
    c.ball(ball)
    return c


def _seated(trunk: float = -88, x: float = 60, **limbs) -> Body:
    """A body sitting on a chair with its thighs level and feet on the floor."""
    limbs = {"near_leg": (0, 90, 0), "far_leg": (2, 88, 0), **limbs}
    return Body((x, SEAT - 2), trunk=trunk, **limbs)


@pose("skull")
def chair_head(where: str, tool: str) -> Canvas:
    """Sitting back in a chair, hands cradling the head, fingertips under the skull."""
    c = Canvas()
    body = _seated(-92)
    spot = body.skull(-1)
    head = body.joints["head"]
    for name, dx in (("near_arm", 15), ("far_arm", 12)):
        elbow = (head[0] + dx, head[1] + 2)
        body.joints[name] = [body.joints[name][0], elbow, at(spot, 0, 4), at(spot, 200, 4)]
    chair(c, (body.hip[0], SEAT + 6))
    body.draw(c, after=())  # the hands are behind the head
    c.marker(spot)
    return c


@pose("shin")
def chair_shin(where: str, tool: str) -> Canvas:
    """Sitting on a chair, leaning forward, both thumbs on the upper shin."""
    c = Canvas()
    body = _seated(-62, near_leg=(-8, 100, 0), far_leg=(-4, 96, 0))
    hip, knee = body.joints["near_leg"][:2]
    spot = body.limb("near_leg", 1, 0.3)
    spot = at(spot, 10, 5)
    body.reach("near_arm", spot, 110, bend=-1)
    body.reach("far_arm", at(spot, 100, 5), 110, bend=-1)
    chair(c, (hip[0], SEAT + 6))
    body.draw(c, after=("near_arm",))
    c.marker(spot)
    return c


@pose("arch")
def chair_ball(where: str, tool: str) -> Canvas:
    """Sitting on a chair, the arch of one foot resting on a ball on the floor."""
    c = Canvas()
    body = _seated(
        near_leg=(-6, 80, 0), far_leg=(2, 88, 0), near_arm=(80, -10, 0), far_arm=(82, -8, 0)
    )
    ball = (body.joints["near_leg"][2][0] + 5, 150 - BALL)
    hip, knee = body.joints["near_leg"][:2]
    ankle = (ball[0] - 4, ball[1] - BALL - 4)
    body.joints["near_leg"] = [hip, knee, ankle, at(ankle, 8, FOOT)]
    chair(c, (hip[0], SEAT + 6))
    c.floor(150, 30, 130)
    body.draw(c)
    c.ball(ball)
    return c


@pose("forearm")
def table_arm(where: str, tool: str) -> Canvas:
    """Sitting at a table, a forearm on it (or on a ball), the other hand pressing by the elbow."""
    c = Canvas()
    top = SEAT - 20
    body = _seated(-90)
    on_ball = tool == "ball_table"
    shoulder = body.joints["near_arm"][0]
    elbow = (shoulder[0] + 12, top - 5 - (2 * BALL if on_ball else 0))
    wrist = at(elbow, 8 if on_ball else 0, 21)
    body.joints["near_arm"] = [shoulder, elbow, wrist, at(wrist, 0, 8)]
    spot = at(elbow, 8 if on_ball else 0, 17 if on_ball else 9)
    body.reach("far_arm", at(spot, -90, 4), 80, bend=1)
    chair(c, (body.hip[0], SEAT + 6))
    table(c, top, shoulder[0] - 2, shoulder[0] + 60)
    body.draw(c)
    if on_ball:
        c.ball((elbow[0] + 7, top - BALL))
    c.limb(body.joints["far_arm"][2:], 6, "b")  # the other hand lies on top of the forearm
    if not on_ball:
        c.marker(spot)
    return c


@pose("thigh")
def floor_sit(where: str, tool: str) -> Canvas:
    """Sitting on the floor with the legs out straight, thumbs on the outer thigh."""
    c = Canvas()
    body = Body((50, 150 - 8), trunk=-76, near_leg=(-2, 2, -80), far_leg=(0, 0, -80))
    spot = body.limb("near_leg", 0, 0.8)
    spot = (spot[0], spot[1] - 1)
    body.reach("near_arm", spot, 100, bend=-1)
    body.reach("far_arm", at(spot, 180, 6), 100, bend=-1)
    c.floor(150, 20, 150)
    body.draw(c, after=("near_arm",))
    c.marker(spot)
    return c


@pose("arch")
def foot_thumbs(where: str, tool: str) -> Canvas:
    """Close-up of a foot resting on the other knee, sole towards us, both thumbs in the arch."""
    c = Canvas()
    spot = (100.0, 100.0)
    for s in (-1, 1):  # the hands hold the foot from behind: palms and fingers out of sight
        wrist = (spot[0] + s * 17, spot[1] + 24)
        c.limb([(spot[0] + s * 34, spot[1] + 60), wrist], 11, "b")
        c.limb([wrist, (spot[0] + s * 15, spot[1] - 10)], 13, "b")
    c.sole(spot, -90, 0.5)
    for s in (-1, 1):  # a thumb from each side, meeting in the arch
        c.limb([(spot[0] + s * 16, spot[1] + 12), (spot[0] + s * 4, spot[1] + 2)], 6, "f")
    c.marker(spot)
    return c
