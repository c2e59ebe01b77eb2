"""Poses seen from the front or the back: hands on the hips, at a wall side-on, lying on one
side with a helper, lying on one side on a ball under the hip or under the thigh."""

from __future__ import annotations

from .body import FOREARM, SHIN, THIGH, UPPER_ARM, Body
from .draw import Canvas, at
from .inset import R, close_up, pointer, rim
from .kit import BACK, BALL, STAND_HIP, draw_helper, kneeling_helper, mat, pose

FLOOR = 150
HIP_SIDE = 0.02  # the side of the hip, below the rim of the pelvis
OUT = {"low_back_corner": 10, "low_back_pit": 6, "buttock_top": 11, "hip_side": 15}


def _standing(x: float = 80, lean: float = 0, **kw) -> Body:
    """Standing seen from behind, heels on the floor."""
    return Body(
        (x, STAND_HIP - 4),
        trunk=-90 + lean,
        front_view=True,
        back_view=True,
        near_leg=(86 + lean, 90, 90),
        far_leg=(94 + lean, 90, 90),
        **kw,
    )


# Each place gets its own stance, so that no two look alike: the angles of the near and far
# thigh, and the trunk's lean.
STANCES = {
    "low_back_corner": ((80, 100), 0),  # feet apart
    "low_back_pit": ((86, 94), 0),
    "buttock_top": ((84, 100), 0),  # the weight on the near leg, the other knee eased
    "hip_side": ((92, 96), -6),  # leaning a little towards the pressing hand
}


@pose(*STANCES)
def hands_on_hips(where: str, tool: str, balls: int) -> Canvas:
    """Seen from behind: standing, hands on the hips, one thumb pressing the spot; a close-up
    beside the spot shows the thumb on it."""
    c = Canvas(side="right")
    (near, far), lean = STANCES[where]
    body = _standing(lean=lean, far_arm=(97 + lean, 92, 90))
    for leg, angle in (("near_leg", near), ("far_leg", far)):
        hip = body.joints[leg][0]
        body._chain(leg, hip, (angle, 90, 90), (THIGH, 150 - 6 - at(hip, angle, THIGH)[1], 3))
    t = HIP_SIDE if where == "hip_side" else BACK[where]
    spot = body.across(t, OUT[where])
    # The hand grips the waist from the side, fingers round the front, thumb back on the spot;
    # the elbow points out and back, lower for lower places
    for arm, s in (("near_arm", 1), ("far_arm", -1)):
        wrist = body.across(t + 0.08, 17 * s)
        shoulder = body.joints[arm][0]
        elbow = at(shoulder, 90 - s * (54 + 60 * (t - 0.46)), UPPER_ARM)
        body.joints[arm] = [shoulder, elbow, wrist, at(wrist, 90, 6)]
    c.floor(FLOOR, 40, 175)
    body.draw(c, after=("near_arm", "far_arm"))
    c.limb([body.joints["near_arm"][2], spot], 4, "f")
    c.marker(spot, small=True)
    radius = rim(where, tool)  # a larger close-up stands further out
    centre = (body.hip[0] + 64 + radius - R, min(spot[1], 60))  # level with the spot
    pointer(c, centre, 180, at(spot, 0, 5), radius)
    close_up(c, centre, where, tool)
    return c


@pose("hip_side")
def wall_side(where: str, tool: str, balls: int) -> Canvas:
    """Seen from behind: standing side-on to a wall, the ball between the hip and the wall."""
    c = Canvas(side="left")
    body = _standing(lean=-8, near_arm=(80, 95, 90), far_arm=(100, 30, 20))
    ball = body.across(HIP_SIDE, -(15 + BALL))
    c.floor(FLOOR, ball[0] - BALL, ball[0] + 100)
    c.wall(ball[0] - BALL, 20, FLOOR)
    body.draw(c, after=("near_arm",))
    c.ball(ball)
    centre = (body.hip[0] + 58, 40)
    pointer(c, centre, 150, at(ball, -30, BALL + 2), rim(where, tool))
    close_up(c, centre, where, tool, side=-1)
    return c


@pose("hip_side")
def side_helper(where: str, tool: str, balls: int) -> Canvas:
    """Seen from behind: lying on the left side on a mat, knees bent with a pillow between them;
    a helper kneeling behind their back leans a forearm onto the side of the top hip."""
    c = Canvas(side="right")
    top = 120
    body = Body(
        (80, top - 13),
        trunk=180,
        front_view=True,
        back_view=True,
        near_arm=(4, 2, 2),  # the top arm rests along the body, the head on the lower one
        far_arm=(180, 180, 180),
    )
    # The knees bend towards the far side, away from us: the thighs look short
    for leg, lift in (("near_leg", -7), ("far_leg", 2)):
        hip = body.joints[leg][0]
        knee = at(hip, lift, THIGH * 0.6)
        ankle = at(knee, -lift / 2, 33)
        body.joints[leg] = [hip, knee, ankle, at(ankle, 0, 3)]
    spot = body.across(HIP_SIDE, 15)
    helper, floor = kneeling_helper(spot)
    mat(c, top, floor - 4, 10, 176)
    body.draw(c, after=("near_arm",), skip=("near_leg",))
    knees = [body.joints[leg][1] for leg in ("near_leg", "far_leg")]
    mid = ((knees[0][0] + knees[1][0]) / 2, (knees[0][1] + knees[1][1]) / 2)
    c.shape([at(mid, a, 14 if a % 180 else 9) for a in range(0, 360, 60)], "p")  # the pillow
    body.draw_limb(c, "near_leg")
    draw_helper(c, helper)
    c.marker(spot)
    centre = (spot[0] + 58, top - 66)
    pointer(c, centre, 150, at(spot, -60, 6), rim(where, tool))
    close_up(c, centre, where, tool)
    return c


@pose("hip_side")
def side_ball(where: str, tool: str, balls: int) -> Canvas:
    """Seen from behind: lying on the right side, propped on the lower forearm, the ball under
    the side of the lower hip. Shoulders and hips stacked (the spine runs along the trunk, one
    shoulder blade above the other, the cleft of the buttocks level), the top arm resting along
    the top side with its hand on the top thigh, the lower leg straight along the floor, the top
    knee bent forward with its foot planted beyond the lower knee; a close-up shows the hip from
    the side and the ball on the spot."""
    c = Canvas(side="right")
    lift = 20  # the trunk rises from the hip to the propped shoulder

    def lying(y: float) -> Body:  # head to the right: the right side is the lower one
        return Body((100, y), -lift, -lift - 10, front_view=True, back_view=True)

    body = lying(0)
    body = lying(FLOOR - 2 * BALL + 1 - body.across(HIP_SIDE, 15)[1])  # the hip on the ball
    ball = (body.across(HIP_SIDE, 15)[0], FLOOR - BALL)
    # The lower leg along the floor, from the hip raised on the ball down to the heel
    hip = body.joints["near_leg"][0]
    knee = (hip[0] - THIGH, FLOOR - 8)
    ankle = (knee[0] - 33, FLOOR - 6)
    body.joints["near_leg"] = [hip, knee, ankle, at(ankle, 180, 3)]
    # The top knee bent forward, away from us: the thigh looks short, the shin goes down to the
    # floor beyond the lower leg
    hip = body.joints["far_leg"][0]
    top = at(hip, 184, THIGH * 0.8)
    foot = (top[0] - 2, FLOOR - 8)
    body.joints["far_leg"] = [hip, top, foot, at(foot, 90, 3)]
    # The lower arm props the body: the elbow on the floor under the shoulder, the forearm
    # along the floor towards the head
    shoulder = body.joints["near_arm"][0]
    elbow = (shoulder[0] - 2, FLOOR - 4)
    wrist = at(elbow, 0, FOREARM)
    body.joints["near_arm"] = [shoulder, elbow, wrist, at(wrist, 0, 7)]
    c.floor(FLOOR, ankle[0] - 12, wrist[0] + 12)
    body.draw_limb(c, "far_leg")
    body.draw_limb(c, "near_leg")
    c.ball(ball)
    body.draw(c, after=(), skip=("near_leg", "far_leg", "far_arm"))
    c.lines([body.spine(-0.02), body.spine(-0.17)], "lm")  # the cleft: the top buttock above
    # The top arm rests along the top side of the body, the hand on the top thigh
    shoulder = body.joints["far_arm"][0]
    elbow = at(shoulder, 180 - lift + 4, UPPER_ARM)
    wrist = at(elbow, 180 - lift + 10, FOREARM)
    body.joints["far_arm"] = [shoulder, elbow, wrist, at(wrist, 180 - lift + 16, 7)]
    body.draw_limb(c, "far_arm")
    centre = (ball[0] - 64, FLOOR - 68)
    pointer(c, centre, 45, at(ball, -120, BALL + 2), rim(where, tool))
    close_up(c, centre, where, tool)
    return c


@pose("thigh")
def side_thigh(where: str, tool: str, balls: int) -> Canvas:
    """Seen from the front: lying low on the left side, facing us, the trunk nearly level,
    propped on the lower forearm (the elbow under the shoulder, the forearm flat on the floor),
    the head held up, the top knee brought forward by the lower hip with the top hand on it,
    its foot on the floor in front, between the hip and the ball; the lower leg straight
    from hip to foot, its kneecap to us and its toes too, the ball under its outer side a
    hand's width above the knee. A close-up shows that leg from the front, the
    kneecap in the middle of it, the ball under the thigh's lower edge."""
    c = Canvas(side="left")
    floor = 120
    # The trunk lies low and nearly level, its lower side to the floor; the head held up
    body = Body((110, floor - 29), trunk=-6, head=-40, front_view=True, far_arm=(90, 0, 0))
    # The lower leg lies straight from the hip over the ball to the foot, the knee not bent (a
    # knee bent over the ball reads as the back of the thigh on it), sloping down to the foot
    # on the mat; the ball under its outer side, a hand's width above the knee
    hip = body.joints["near_leg"][0]
    down, gap, above = 168, BALL + 7, 0.72 * THIGH
    knee, ankle = at(hip, down, THIGH), at(hip, down, THIGH + SHIN)
    body.joints["near_leg"] = [hip, knee, ankle, at(ankle, 90, 4)]  # toes to us
    ball = at(at(hip, down, above), down - 90, gap)
    # The top leg: the knee brought forward towards us, in front of the lower thigh by the hip
    # (the thigh looks short), the shin down to the foot flat on the floor in front of the
    # lower leg, between the hip and the ball
    top = body.joints["far_leg"][0]
    tknee = at(top, 140, THIGH - 19)
    tankle = (tknee[0] + 11, floor + 4)
    body.joints["far_leg"] = [top, tknee, tankle, at(tankle, 90, 4)]  # toes to us
    # The lower arm props the body: the elbow on the floor right under the shoulder, the
    # forearm flat along the floor ahead of the head, the hand a loose fist
    shoulder = body.joints["near_arm"][0]
    elbow = (shoulder[0], floor - 4)
    wrist = at(elbow, 0, FOREARM + 4)
    body.joints["near_arm"] = [shoulder, elbow, wrist, at(wrist, 0, 5)]
    # The top hand rests on the top knee
    body.reach("far_arm", at(tknee, -60, 4), 130, bend=1)
    mat(c, floor - 10, floor + 8, 14, 186)
    c.ball(ball)
    body.draw(c, after=("far_leg", "far_arm"))
    x, y = (round(v) for v in knee)
    c.raw(f"M{x - 3} {y}a3 3 0 1 0 6 0a3 3 0 1 0-6 0", [], "lm")  # the kneecap, facing us
    _face(c, body)
    centre = (knee[0] - 24, floor - 74)
    pointer(c, centre, 90, at(ball, -120, BALL + 3), rim("thigh_side", tool))
    close_up(c, centre, "thigh_side", tool, side=-1)
    return c


def _face(c: Canvas, body: Body) -> None:
    """Draw the face of a body lying on its side, turned to us, so that it reads as lying on
    its side and not face-down: eyes and a mouth, across the tilted head."""
    up, head = body.head_angle, body.joints["head"]
    eyes = [at(at(head, up, 1), up + 90, s) for s in (-3, 3)]
    mouth = [at(at(head, up + 180, 4), up + 90, s) for s in (-1, 1)]
    d = "".join("M{} {}h0".format(*(round(v) for v in e)) for e in eyes)
    c.raw(d + "M{} {}L{} {}".format(*(round(v) for v in (*mouth[0], *mouth[1]))), [], "e")
