"""Upright poses seen from the side: standing at a wall, sitting on a chair or the floor."""

from __future__ import annotations

import math

from .body import FOOT, FOREARM, SHIN, THIGH, UPPER_ARM, Body
from .draw import Canvas, at, line_data
from .inset import (
    KR,
    R,
    arch_close_up,
    band,
    close_up,
    pointer,
    put_magnifier,
    rim,
    shin_front_close_up,
    shrunk,
)
from .kit import BACK, BALL, CROSSED, STAND_HIP, chair, place, pose, table

SEAT = 150 - 3 - SHIN  # knee height of a person sitting on a chair, feet on the floor at 150


# Each place on the back gets its own stance at the wall, so that no two look alike: how far the
# knees bend (angles of thigh and shin) and what the arms do (near arm, far arm).
HANG = (100, 80, 85)
STANCES = {
    "buttock_top": ((76, 100), (115, 35, 25), (115, 35, 25)),  # hands on the hips
    "low_back_pit": ((56, 112), None, None),  # a slight squat, hands on the thighs (deeper, a
    # wall sit with the knees at a right angle, was a strain to hold and not what the guide says)
    "low_back_corner": ((68, 106), HANG, HANG),
    "upper_back": ((68, 106), CROSSED, CROSSED),
    "shoulder_blade": ((72, 104), CROSSED, CROSSED),
}


@pose(*BACK)
def wall_back(where: str, tool: str, balls: int) -> Canvas:
    """Standing with the back to a wall, knees a little bent (for 13 a slight squat, hands on the
    thighs), the ball between back and wall; a close-up shows where on the back it presses."""
    c = Canvas(side=None if balls == 2 else "right")
    (thigh, shin), near, far = STANCES[where]
    rad = math.radians
    hip_y = 150 - 5 - THIGH * math.sin(rad(thigh)) - SHIN * math.sin(rad(shin))
    body = Body(
        (60, hip_y),
        trunk=-100 if BACK[where] > 0.6 else -95,
        near_leg=(thigh, shin, 0),
        far_leg=(thigh + 4, shin - 3, 0),
        near_arm=near or HANG,
        far_arm=far or HANG,
    )
    if near is None:  # hands resting on the thighs, just above the knees
        for arm, leg in (("near_arm", "near_leg"), ("far_arm", "far_leg")):
            body.reach(arm, body.limb(leg, 0, 0.8), 20, bend=-1)
    ball = place(body, where, BALL)
    c.floor(150, ball[0] - 12, 150)
    c.wall(ball[0] - BALL, 10, 150)
    body.draw(c, skip=("near_arm",))
    if where == "low_back_corner":  # a belt, just under the ball: a height cue
        belt = [body.back(0.18), body.back(0.24), body.front(0.24), body.front(0.18)]
        c.raw(line_data(belt) + "Z", [], "hr")
    body.draw_limb(c, "near_arm")
    if balls == 2:
        c.circle((ball[0] + 3, ball[1] - 3), BALL, "k kb")
    c.ball(ball)
    centre = (body.hip[0] + 62, 36)
    pointer(c, centre, 180 - 40, (ball[0] + 5, ball[1] - 5), rim(where, tool))
    close_up(c, centre, where, tool, balls=balls)
    return c


@pose("chest")
def wall_front(where: str, tool: str, balls: int) -> Canvas:
    """Standing facing a wall, leaning in, the ball between the upper chest and the wall."""
    c = Canvas(side="right")
    body = Body(
        (60, STAND_HIP),
        trunk=-74,  # leaning in: the weight goes into the ball
        near_leg=(106, 97, 0),
        far_leg=(102, 94, 0),
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
def chair_head(where: str, tool: str, balls: int) -> Canvas:
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
def chair_shin(where: str, tool: str, balls: int) -> Canvas:
    """Sitting on a chair, leaning forward over one knee, both thumbs on the upper shin just
    outside the bone, the fingers round the calf."""
    c = Canvas(side="right")
    body = _seated(-62, head=-35, near_leg=(-4, 100, 0), far_leg=(2, 92, 0))
    knee, ankle = body.joints["near_leg"][1:3]
    body.joints["near_leg"][3] = at(ankle, 0, FOOT)
    spot = at(body.limb("near_leg", 1, 0.46), 10, 5)  # a third of the way down the shin
    # The far hand wraps round the calf behind the shin; the near thumb is on the spot
    body.reach("far_arm", at(spot, 190, 11), 80, bend=1)
    body.reach("near_arm", spot, 20, bend=-1)
    chair(c, (body.hip[0], SEAT + 6))
    body.draw(c, after=("near_leg", "near_arm"))
    c.marker(spot)
    centre = (spot[0] + 64, spot[1] + 4)  # the dashed line level with the thumb
    pointer(c, centre, 180, at(spot, 0, 6), KR)
    shin_front_close_up(c, centre)
    return c


@pose("arch")
def chair_ball(where: str, tool: str, balls: int) -> Canvas:
    """Sitting on a chair, the arch of one foot resting on a ball on the floor; a close-up shows
    the foot large on the ball, the ball under the middle of the arch."""
    c = Canvas(side="right")
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
    # A magnifier beside the foot, the foot drawn large on the ball: the ball under the arch
    centre = (ball[0] + 64, ball[1] - 40)
    pointer(c, centre, 150, at(ball, -40, BALL + 3), KR)
    arch_close_up(c, centre)
    return c


@pose("forearm")
def table_arm(where: str, tool: str, balls: int) -> Canvas:
    """Sitting at a table, a forearm on it, palm down, the other thumb pressing by the elbow; or
    the forearm palm up with its back on a ball, the other hand pressing it down. A close-up
    shows the forearm and hand from above, palm down; or, drawn large beside the figure drawn
    small, from the side, palm up, the ball right under the elbow end of the forearm."""
    c = Canvas(side="right")
    on_ball = tool == "ball_table"
    top = SEAT - (16 if on_ball else 12)  # a little higher on the ball: the elbow forward on it
    body = _seated(-90)
    shoulder = body.joints["near_arm"][0]
    drop = top - 5 - (2 * BALL - 1 if on_ball else 0) - shoulder[1]
    elbow = (shoulder[0] + math.sqrt(UPPER_ARM**2 - drop**2), shoulder[1] + drop)
    # On the ball, the elbow end rests on it and the forearm slopes down to the hand, held out
    # just above the table, palm up, the palm level; or the forearm lies flat, palm down
    wrist = at(elbow, 14 if on_ball else 0, FOREARM)
    hand = at(wrist, 0 if on_ball else 5, 8)
    body.joints["near_arm"] = [shoulder, elbow, wrist, hand]
    spot = at(elbow, 14, 2) if on_ball else at(elbow, 0, 9)  # the ball right under the elbow
    chair(c, (body.hip[0], SEAT + 6))
    table(c, top, shoulder[0] + 4, shoulder[0] + 66)
    # The other arm reaches across in front of the body, behind the treated forearm; its hand
    # lies on top of that forearm, the thumb on the spot
    body.reach("far_arm", at(spot, -90, 5), 0, bend=1 if on_ball else -1)
    body.draw(c)
    c.limb(body.joints["far_arm"][2:], 7, "b")
    if on_ball:
        # An open hand, palm up, cupped: the fingertips curling up
        c.limb([hand, at(hand, -65, 4)], 4, "f")
        c.ball((spot[0], top - BALL))
        return _small_with_arm_beside(c, (spot[0], top - BALL))
    c.marker(spot)
    centre = (shoulder[0] + 94, top - 42)
    pointer(c, centre, 160, at(spot, -40, 7), ARM_ZOOM * R)
    forearm_close(c, centre)
    return c


SMALL = 0.6  # the whole figure, small, beside the arm drawn large
BIG = 1.1  # the arm drawn large, in a magnifier of radius 52 (twice the others' frame)


def _small_with_arm_beside(f: Canvas, ball: tuple[float, float]) -> Canvas:
    """The whole figure small, for the position (the ball under the elbow end of the forearm);
    beside it, large, the right arm on the ball from the side and a little from above: the upper
    arm rising out of view from the crook of the elbow, the bony point of the elbow standing out
    behind the ball, the forearm's elbow end on the ball and the forearm sloping down, short, to
    the wrist by the table, the arm's back a shade darker than its inner side; the hand on its
    back, seen edge-on from the thumb side and cupped (the knuckles on the table, the fingers
    curling up to the ceiling with their nails outwards, the palm's pale hollow facing up, the
    thumb in front of it pointing up); the other hand, its forearm coming down from above and
    in front, pressing the elbow end down over the ball, its back up, its fingers over the near
    side with their nails showing."""
    c = shrunk(f, SMALL)
    centre = (max(c.xs) + 8 + 52 * BIG, 60)
    end = at((ball[0] * SMALL, ball[1] * SMALL), -20, 5)
    pointer(c, centre, 165, end, 52 * BIG)
    m = Canvas()
    m.circle((0, 0), 52, "ib")
    # The table top, seen a little from above: its far edge behind the arm, its front edge, the
    # sides cut off by the rim
    m.raw("M-47 22H47A52 52 0 0 1 41 32H-41A52 52 0 0 1-47 22Z", [], "p")
    m.ball((-26, 15), 9)  # right beside the point of the elbow, in the crook
    # The other forearm, from above and in front, its hand pressing the elbow end down over the
    # ball
    m.raw("M-29-19L-11-51A52 52 0 0 1 4-52L-15-19Z", [], "t tb")
    # The arm in one outline, its back a shade darker: the upper arm rising out of view from the
    # crook of the elbow; the forearm's elbow end on the ball, sloping down to the wrist by the
    # table; the bony point of the elbow standing out behind the ball
    m.raw(
        "M-35-39L-29-7Q-12-3 6 5L6 19Q-10 13-26 8L-38 5Q-47 5-46-3L-48-20A52 52 0 0 1-35-39Z",
        [],
        "t tb",
    )
    m.raw("M-29-7Q-12-3 6 5L5 10Q-12 2-28-2Z", [], "t")  # its pale inner side, facing up
    # The hand on its back, seen edge-on from the thumb side: the back of the hand and the
    # knuckles on the table, the fingers curling up to the ceiling, their nails outwards (the far
    # ones a little behind), the palm's pale hollow facing up, the thumb in front of it pointing
    # up and away from the table
    for dx in (-10, -5):
        m.raw(f"M{35 + dx}-2Q{36 + dx}-15 {43 + dx}-16Q{49 + dx}-10 {45 + dx} 4Z", [], "t tb")
        m.raw(f"M{44 + dx}-16q5 3 4 8l-4-1Z", [], "ib")
    m.raw("M4 20Q16 24 28 22Q42 22 46 6Q48-8 40-15Q34-12 36-3Q33 11 20 12Q10 12 4 5", [], "t tb")
    m.raw("M42-14q5 4 4 10l-4-2Z", [], "ib")  # the nail of the nearest finger
    m.raw("M5 6Q20 4 36-2Q32 14 20 14Q10 14 5 6Z", [], "t")  # the palm's hollow, pale
    m.raw("M20 22Q22 19 25 22M28 22Q30 19 33 21", [], "lm")  # the knuckles on the table
    m.limb([(10, 12), (15, 2), (18, -10)], 7, "f")  # the thumb, pointing up
    m.raw("M19-13q3 2 1 6l-3-1Z", [], "ib")  # its nail
    # The crease of the elbow, the bony point's knob
    m.raw("M-30-6Q-33-2-38-1M-43-2Q-42 2-39 2", [], "lm")
    # The other hand, its back up, on the elbow end: its fingers over the near side, their nails
    m.raw("M-34-19Q-23-24-11-19L-12-6Q-22-9-33-7Z", [], "t tb")
    for x in (-31, -26, -21, -16):
        m.limb([(x, -8), (x - 1, 1)], 3, "b")
        m.raw(f"M{x - 2}-1h3v3h-3Z", [], "ib")
    put_magnifier(c, m, centre, 52, BIG)
    return c


# The right forearm seen from above, elbow to the left, lying on the table: its outline from
# the round end of the elbow to the wrist.
ARM = "M-14-7Q-3-9 8-5L8 5Q-3 9-14 7Q-20 6-20 0Q-20-6-14-7Z"
ARM_ZOOM = 1.25  # drawn bigger than the other close-ups: a hand is small


def forearm_close(c: Canvas, centre: tuple[float, float]) -> None:
    """A close-up of the forearm from above: palm down, the knuckles up; the round end of the
    elbow inside the magnifier, the upper arm leaving it towards the shoulder (with the elbow cut
    off by the rim, the spot read as mid-forearm); the other hand comes from beyond the forearm,
    its thumb on top just past the elbow, its fingertips showing under the near edge."""
    m = Canvas()
    m.circle((0, 0), R, "ib")  # the table top seen from above
    m.raw(band((-15, 0), -150, 6), [], "t")  # the upper arm, rising to the shoulder
    m.raw(ARM, [], "t")
    m.limb([(11, 0), (15, 0)], 12, "f")  # the back of the hand
    for dy in (-4, -1.3, 1.3, 4):  # four fingers, together
        m.limb([(18, dy), (23, dy)], 3, "f")
    m.limb([(11, -5), (15, -8)], 4, "f")  # the thumb, on the far side
    m.raw("M17-5Q18 0 17 5", [], "lm")  # the knuckles
    m.raw("M-16 5a3 3 0 1 0 0 1", [], "lm")  # the bony knob on the outer side of the elbow
    m.limb([(-8, 9), (-8, 7)], 3, "b")  # the fingertips, wrapped under the forearm
    m.limb([(-4, 9), (-4, 7)], 3, "b")
    m.limb([(-10, -21), (-8, -14)], 10, "b")  # the other hand, from beyond
    m.limb([(-8, -13), (-9, -1)], 4, "b")  # its thumb, on the spot
    m.marker((-9, -1), small=True)
    put_magnifier(c, m, centre, R, ARM_ZOOM)


@pose("thigh")
def floor_sit(where: str, tool: str, balls: int) -> Canvas:
    """Sitting on the floor with the legs out straight, thumbs pressing the outer thigh of the
    near leg above the knee."""
    c = Canvas(side="right")
    body = Body((50, 150 - 8), trunk=-76, near_leg=(-2, 2, -80), far_leg=(-5, -1, -80))
    spot = body.limb("near_leg", 0, 0.9)
    spot = (spot[0], spot[1] - 1)
    body.reach("near_arm", spot, 100, bend=-1)
    body.reach("far_arm", at(spot, 180, 6), 100, bend=-1)
    c.floor(150, 20, 150)
    body.draw(c, after=("near_arm",))
    c.marker(spot)
    centre = (spot[0] + 44, 96)
    pointer(c, centre, 150, at(spot, -40, 6), rim("thigh", tool))
    close_up(c, centre, "thigh", tool)
    return c
