"""Poses seen from the front or the back: hands on the hips, at a wall side-on, lying on one
side, and close-ups of the hands at the neck, jaw, chest and shoulder blade."""

from __future__ import annotations

from .body import Body
from .draw import Canvas, at
from .kit import BACK, BALL, STAND_HIP, draw_helper_behind, kneeling_helper, pose

FLOOR = 150
HIP_SIDE = 0.02  # the side of the hip, below the rim of the pelvis


def _standing(x: float = 80, lean: float = 0, **kw) -> Body:
    return Body(
        (x, STAND_HIP),
        trunk=-90 + lean,
        front_view=True,
        back_view=True,
        near_leg=(86 + lean, 90, 90),
        far_leg=(94 + lean, 90, 90),
        **kw,
    )


@pose("hip_side", "buttock_top", "low_back_pit", "low_back_corner")
def hands_on_hips(where: str, tool: str) -> Canvas:
    """Seen from behind: standing, hands on the hips, thumbs pressing the spot on both sides."""
    c = Canvas()
    body = _standing()
    if where == "hip_side":
        spots = [body.across(HIP_SIDE, s * 15) for s in (1, -1)]
    else:
        spots = [body.across(BACK[where], s * 7) for s in (1, -1)]
    for name, spot, s in (("near_arm", spots[0], 1), ("far_arm", spots[1], -1)):
        body.reach(name, spot, 90 + s * 90 + s * -20, bend=-s)
    c.floor(FLOOR, 40, 120)
    body.draw(c, after=("near_arm", "far_arm"))
    for spot in spots:
        c.marker(spot)
    return c


@pose("hip_side")
def wall_side(where: str, tool: str) -> Canvas:
    """Seen from behind: standing side-on to a wall, the ball between the hip and the wall."""
    c = Canvas()
    body = _standing(lean=-8, near_arm=(80, 95, 90), far_arm=(100, 30, 20))
    ball = body.across(HIP_SIDE, -(15 + BALL))
    c.floor(FLOOR, ball[0] - BALL, ball[0] + 70)
    c.wall(ball[0] - BALL, 20, FLOOR)
    body.draw(c, after=("near_arm",))
    c.ball(ball)
    return c


def _side_lying(x: float, y: float, trunk: float = 180, **kw) -> Body:
    """Seen from the front: lying on the left side, head to the left, top hip uppermost."""
    return Body((x, y), trunk=trunk, front_view=True, **kw)


@pose("hip_side")
def side_helper(where: str, tool: str) -> Canvas:
    """Lying on one side; a kneeling helper leans a forearm onto the top hip."""
    c = Canvas()
    body = _side_lying(
        100,
        FLOOR - 16,
        near_leg=(-2, 4, -80),
        far_leg=(2, -2, -80),
        near_arm=(196, 186, 186),  # the top arm rests above the head, the head on the other
        far_arm=(180, 180, 180),
    )
    spot = body.across(HIP_SIDE, 15)
    helper = kneeling_helper(spot, FLOOR)
    c.floor(FLOOR, 20, 200)
    draw_helper_behind(c, helper)
    body.draw(c, after=("near_arm",))
    helper.draw_limb(c, "near_arm")
    c.marker(spot)
    return c


@pose("hip_side")
def side_ball(where: str, tool: str) -> Canvas:
    """Lying on one side propped on a forearm, the ball under the hip, top foot planted."""
    c = Canvas()
    body = _side_lying(
        100,
        FLOOR - 2 * BALL - 14,
        trunk=-162,
        far_leg=(4, 0, -80),
        near_leg=(-50, 70, 0),
        near_arm=(100, 95, 90),
        far_arm=(90, 180, 180),
    )
    ball = body.across(HIP_SIDE, -(14 + BALL))
    body.joints["far_arm"][1]
    c.floor(FLOOR, 20, 200)
    body.draw(c, after=("near_arm", "near_leg"))
    c.ball(ball)
    return c


def _bust(**kw) -> Body:
    return Body((80, 110), trunk=-90, front_view=True, **kw)


@pose("neck", "jaw", "chest")
def bust(where: str, tool: str) -> Canvas:
    """Close-up from the front: fingertips at the side of the neck, the jaw, or the chest."""
    c = Canvas()
    body = _bust(head=-82 if where == "neck" else -90)
    head = body.joints["head"]
    if where == "neck":
        spots = [at(body.spine(1.0), -20, 6)]
        body.reach("near_arm", spots[0], -120, bend=-1)
    elif where == "jaw":
        spots = [(head[0] + s * 7, head[1] + 7) for s in (1, -1)]
        for name, spot, s in (("near_arm", spots[0], 1), ("far_arm", spots[1], -1)):
            shoulder = body.joints[name][0]
            elbow = (shoulder[0] + s * 4, shoulder[1] + 20)
            wrist = at(spot, 90 + s * 15, 7)
            body.joints[name] = [shoulder, elbow, wrist, at(wrist, -90 - s * 15, 8)]
    else:
        spots = [body.across(0.8, -8)]
        body.reach("near_arm", spots[0], -170, bend=-1)
    body.draw(c, after=("near_arm", "far_arm"), skip=("near_leg", "far_leg"))
    for spot in spots:
        c.marker(spot, small=True)
    return c


@pose("shoulder_blade")
def bust_back(where: str, tool: str) -> Canvas:
    """Close-up from behind: one hand reaches over the other shoulder onto the shoulder blade."""
    c = Canvas()
    body = _bust(back_view=True)
    spot = body.across(0.78, 9)
    top = at(body.across(0.95, 12), -90, 6)
    # The other arm is raised in front, out of sight: only its hand shows, over the shoulder
    body.draw(c, after=(), skip=("near_leg", "far_leg", "far_arm"))
    c.limb([at(top, 200, 9), top, at(spot, -90, 2)], 7, "f")
    c.limb([at(spot, -90, 2), at(spot, 100, 4)], 5, "f")
    c.marker(spot, small=True)
    return c
