"""Close-ups: a round magnifier beside a whole-body picture, showing the region where the thumb,
fingertips, elbow or ball presses, with the landmarks that tell the places apart.

The whole-body pose says who does what; the close-up says exactly where. Spots 2, 12 and 13 sit
a few centimetres apart on the low back, 11 and 14 on the upper back, so each region is drawn
differently: the whole back, small, with its shoulder blades, lowest ribs and pelvis for 2; the
pelvis and its dimples for 13; the buttocks for 12; the hip from the side for 6; the columns
beside the spine for 11; one shoulder blade for 14; for 3 with the knee, the kneeling lower leg
from the front as it lies on its inner side (kneecap, shinbone's edge, toes), the other knee
resting on its top (the whole figure is too small to show that knee); both legs from the front
for 8 when sitting, and the legs from above, as the figure lies face-down, for 8 with the ball,
so that the outer side shows. Each is drawn for the right side, in a frame centred on the
magnifier, radius R (seen from behind, the right side is on the viewer's right); the left side
is its mirror image.
"""

from __future__ import annotations

import math

from .draw import Canvas, Point, at

R = 26
A = f"A{R} {R} 0 0 1"  # the arc of the magnifier's rim, clockwise


def _dot(x: int, y: int) -> str:
    return f"M{x} {y}h1"


# Per place: what lies outside the body in the magnifier (path data), the landmarks, the spot.
REGIONS = {
    # The whole back, small: shoulder blades at the top, the lowest ribs sloping out from the
    # spine, the waist, the rim of the pelvis and the buttocks; the spot in the corner under the
    # last rib, beside the spine.
    "low_back_corner": (
        f"M-12-23L-15-14Q-13-4-11 3Q-15 9-15 14L-12 23{A}-12-23Z"
        f"M12 23L15 14Q15 9 11 3Q13-4 15-14L12-23{A}12 23Z",
        "M0-26V16M0 19V26M3-22L11-21L7-12ZM-3-22L-11-21L-7-12Z"
        "M2-8L12-4M-2-8L-12-4M2 15Q7 9 14 11M-2 15Q-7 9-14 11",
        (7, 3),
    ),
    # The low back above the pelvis: its rim, the two dimples, the columns beside the spine.
    "low_back_pit": (
        f"M-19-18Q-14-6-22 14{A}-19-18ZM22 14Q14-6 19-18{A}22 14Z",
        "M0-26V8M0 15V26M5 10Q12-6 24 0M-5 10Q-12-6-24 0M5-26V4M-5-26V4"
        + _dot(7, 14)
        + _dot(-8, 14),
        (4, 2),
    ),
    # The top of the buttocks, under the high rim of the pelvis.
    "buttock_top": (
        f"M-4 26Q0 21 4 26{A}-4 26Z",
        "M0-26V-8M0 0V22M3-8Q12-22 26-12M-3-8Q-12-22-26-12M1 23Q12 27 22 14M-1 23Q-12 27-22 14",
        (12, -6),
    ),
    # The right hip from the side, front to the right: the rim of the pelvis and, below the
    # spot, the bony knob at the top of the thigh.
    "hip_side": (
        f"M-16-20Q-10-8-21 6Q-22 14-17 20{A}-16-20ZM14 22Q10 0 14-22{A}14 22Z",
        "M-12-11Q0-19 11-10M1 14a3 3 0 1 0 0-1",
        (-3, 0),
    ),
    # Between the shoulder blades: the two thick columns of muscle beside the spine.
    "upper_back": (
        "",
        "M0-26V26M5-26Q7 0 5 26M-5-26Q-7 0-5 26M17-20L13 14L20 22M-17-20L-13 14L-20 22",
        (6, -2),
    ),
    # One shoulder blade, large, the spine at the left: its inner edge, lowest corner and outer
    # edge, the bony ridge running up and out across its upper part to the top of the shoulder
    # (drawn as a raised bar, see close_up); the spot in the middle of the flat below the ridge.
    "shoulder_blade": (
        f"M-12-23Q8-20 25-7A{R} {R} 0 0 0-12-23Z",
        "M-19-18V18M9-13L-10-11L-4 23L18-5",
        (6, 4),
    ),
    # The same blade whole for the fingers, a plain triangle a shade darker than the back, under
    # the top of the shoulder (_blade draws it): the spine at the left, the blade's top corner,
    # its outer corner at the armpit and its lowest corner, the ridge a raised bar from its
    # inner edge up and out to the tip of the shoulder; the hand comes over the outer half of
    # the shoulder from the top (drawn with the fingers), its knuckles above the ridge and three
    # narrow fingers straight down across it, the spot in the middle of the flat below, a band
    # of blade between; blade, then back, between the fingertips and the spine.
    "shoulder_blade_hand": (
        f"M-12-23Q6-19 24-10A{R} {R} 0 0 0-12-23Z",
        "M-19-17V17",
        (5, 7),
    ),
    # Kneeling, seen from the side, facing right: the treated lower leg lies along the floor on
    # its inner side, knee on the right, so that its front faces us (_shin_side draws it, with
    # the toes, the calf's bulge along the floor and the other leg's bent knee on its top, the
    # outer side); the landmarks are the floor, the kneecap, the sharp edge of the shinbone
    # running from below it towards the foot, and the toes; the spot a hand's width below the
    # kneecap, just above that edge, under the other knee.
    "shin": (
        "M-26 0A26 26 0 1 1 26 0A26 26 0 1 1-26 0Z",
        "M-23 12H23M13 8Q10 5 4 4Q-2 3-8 2M10-1Q14-5 18-1Q18 4 14 7Q10 4 10-1Z"
        "M-20-1H-17M-20 2H-17M-20 5H-17M-20 8H-17",
        (5, -2),
    ),
    # The lower leg from the front, sitting: the kneecap at the top, the edge of the shinbone
    # running down from it; the spot a hand's width below the kneecap (the other hand lies
    # across the shin between them, drawn with the thumb), just outside that edge.
    "shin_front": (
        f"M-13-23Q-14-2-10 24{A}-13-23ZM11 24Q16 0 13-23{A}11 24Z",
        "M-1-11Q1 8 0 25M6-18a6 6 0 1 0 0 1",
        (4, 9),
    ),
    # Both legs from the front, like a body map: the hips at the top, thighs, kneecaps, shins
    # and feet (_legs draws them); the right leg is on the viewer's left. The spot is on the outer
    # edge of the right thigh (the edge away from the other leg), a hand's width above the knee.
    "thigh": (
        "M-26 0A26 26 0 1 1 26 0A26 26 0 1 1-26 0Z",
        "M-7 4a3 3 0 1 0 0-1M8 4a3 3 0 1 0 0-1",
        (-12, -4),
    ),
    # Lying face-down, seen from above as the whole figure is: the straight thigh with the hip
    # at the right, the crease behind the knee, the shin beyond it, the other thigh bent out to
    # the side (_legs_above draws them); the ball under the thigh a hand's width above the knee,
    # peeping out at its outer edge, the edge away from the other leg.
    "thigh_above": (
        "M-26 0A26 26 0 1 1 26 0A26 26 0 1 1-26 0Z",
        "M-10-5V7",
        (0, 11),
    ),
}
# A helper's bent arm, for each place: the angles of the forearm and the upper arm from the
# elbow, so that the arm keeps clear of the landmarks next to the spot.
ELBOW = {"low_back_pit": (-60, 5), "buttock_top": (100, 45), "hip_side": (-60, 5)}
FINGER = (("o", 6), ("f", 3))  # the classes and widths of a finger: outline, then skin
# Where a thumb's hand grips, for each place: the palm on the waist or the front of the hip.
GRIP = {
    "hip_side": (21, -14),
    "buttock_top": (25, -14),
    "thigh": (-23, -11),
    "low_back_corner": (15, 0),
}


def _rim(p: Point, u: Point) -> tuple[int, int]:
    """Return where the line from p in direction u (a unit vector) meets the magnifier's rim."""
    b = p[0] * u[0] + p[1] * u[1]
    t = -b + math.sqrt(b * b - p[0] ** 2 - p[1] ** 2 + R * R)
    return round(p[0] + t * u[0]), round(p[1] + t * u[1])


def _bent_arm(tip: Point, fore: float, upper: float, half: float = 5) -> str:
    """Return the outline of an arm bent sharply round the point of the elbow at `tip`, the
    forearm and the upper arm (at angles `fore` and `upper`) running out of the magnifier: one
    filled shape cut off by the rim, not limbs ending in round stubs, which read as a thumb."""
    arms = [at((0, 0), a, 1) for a in (upper, fore)]
    ends = []
    for k in (1, -1):  # the outer edges, round the point of the elbow; then the inner ones
        edges = []
        for u, v in (arms, arms[::-1]):
            n = (-u[1], u[0])
            sign = -k if n[0] * v[0] + n[1] * v[1] > 0 else k  # outer: away from the other arm
            edges.append(((tip[0] + sign * half * n[0], tip[1] + sign * half * n[1]), u))
        ends.append(edges)
    (p, u), (q, v) = ends[0]
    (r, w), (s, z) = ends[1]
    det = w[0] * -z[1] + z[0] * w[1]  # the inner edges cross at r + t w = s + t' z
    t = ((s[0] - r[0]) * -z[1] + z[0] * (s[1] - r[1])) / det
    pts = [_rim(p, u), p, q, _rim(q, v), _rim(s, z), at(r, math.degrees(math.atan2(*w[::-1])), t)]
    pts.append(_rim(r, w))
    a, b, c, d, e, f, g = ((round(x), round(y)) for x, y in pts)
    # Across the ends, straight lines: the rim, drawn over them, hides the sliver they cut off
    turn = int(arms[0][0] * arms[1][1] - arms[0][1] * arms[1][0] < 0)  # round the elbow's point
    data = f"M{a[0]} {a[1]}L{b[0]} {b[1]}A{round(half)} {round(half)} 0 0 {turn} {c[0]} {c[1]}"
    return (data + "".join(f"L{x} {y}" for x, y in (d, e, f, g)) + "Z").replace(" -", "-")


def _legs(m: Canvas) -> None:
    """Both legs from the front, and the hips they come from."""
    for x in (-7, 8):
        m.limb([(x, 5), (x, 17)], 7, "f")  # the shin
        m.limb([(x - 1, 21), (x + 1, 21)], 6, "f")  # the foot, toes towards us
        m.limb([(x, -14), (x, 3)], 11, "f")  # the thigh
    m.raw("M-17-13Q0-9 17-13L14-21A26 26 0 0 0-14-21Z", [], "t")  # the hips


def band(start: Point, angle: float, half: int) -> str:
    """Return the outline of a limb `half` wide each side, from a round end at `start` out of
    the magnifier at `angle`, cut off by its rim (a limb ending inside would read as a stub)."""
    u = at((0, 0), angle, 1)
    n = (-u[1] * half, u[0] * half)
    a, b = (start[0] + n[0], start[1] + n[1]), (start[0] - n[0], start[1] - n[1])
    (ax, ay), (bx, by) = _rim(a, u), _rim(b, u)
    return (
        f"M{round(b[0])} {round(b[1])}A{half} {half} 0 0 1 {round(a[0])} {round(a[1])}"
        f"L{ax} {ay}L{bx} {by}Z"
    ).replace(" -", "-")


def _legs_above(m: Canvas, ball: Point) -> None:
    """Lying face-down, seen from above: the ball first, as it lies under the straight thigh;
    then the other thigh, bent out to the side, the shin and the straight thigh over it."""
    m.ball(ball, 6)
    m.raw(band((18, 0), -115, 6), [], "t")  # the other thigh
    m.raw(band((-10, 1), 180, 5), [], "t")  # the shin, to the foot out of view
    m.raw(band((-10, 1), 0, 7), [], "t")  # the straight thigh, from the knee to the hip


def _shin_side(m: Canvas, spot: Point) -> None:
    """The treated lower leg lying along the floor, its front to us, as the whole figure kneels:
    first the other leg's bent knee resting on it above the spot (behind the leg, so that its
    point sinks into the outline), the treated thigh going up behind the knee, then the lower leg
    from the toes (the top of the foot lying on its inner edge, so its toes face us) along the
    top, its outer side, to the round knee and back along the floor under the calf's bulge."""
    m.raw(_bent_arm((spot[0], spot[1] - 8), -152, -50, 6), [], "p")
    m.raw("M13-4L16-21A26 26 0 0 1 25-8L21 2Z", [], "t")
    toes = "a2 2 0 0 0-1 3a2 2 0 0 0 0 3a2 2 0 0 0 0 3a2 2 0 0 0 0 3a2 2 0 0 0 1 3"
    knee = "C-2 12 8 12 14 10C20 8 22 4 21 0C20-4 17-5 12-5Z"
    m.raw(f"M12-5C4-5-2-3-7-1L-19-4{toes}L-7 9{knee}", [], "t")


def close_up(
    c: Canvas, centre: Point, where: str, tool: str, side: int = 1, balls: int = 1
) -> None:
    """Draw the magnifier at `centre`: the region, its landmarks, the spot and what presses it."""
    cx, cy = round(centre[0]), round(centre[1])
    skin, lines, spot = REGIONS[where]
    # Drawn round (0, 0) and moved into place, so that the close-ups of one region are the same
    # text on every page and compress to almost nothing after the first.
    m = Canvas()
    m.circle((0, 0), R, "t")
    if skin:  # what lies outside the body: the background
        m.raw(skin, [], "ib")
    if where == "thigh":
        _legs(m)
    elif where == "thigh_above":
        _legs_above(m, spot)
    elif where == "shin":
        _shin_side(m, spot)
    elif where == "shoulder_blade_hand":
        m.raw("M-11-18L22-11L22 2L-2 25Z", [], "t tb")
    m.raw(lines, [], "lm")
    if where == "shoulder_blade":  # the ridge of the blade, a raised bar
        m.limb([(-9, -5), (21, -12)], 2, "f")
    elif where == "shoulder_blade_hand":
        m.limb([(-10, -9), (22, -12)], 3, "f")
    x, y = spot
    if where == "thigh_above":
        pass  # the ball lies under the thigh: _legs_above drew it
    elif tool.startswith("ball"):
        for s in (1, -1) if balls == 2 else (1,):
            m.ball((s * x, y), 5)
    elif tool == "knee":  # _shin_side drew the other leg's knee resting on the spot
        m.marker(spot, small=True)
    elif tool == "elbow":  # a helper's arm bent sharply: the point of the elbow by the spot,
        # the forearm just below it on the spot, upper arm and forearm running out of view
        fore, upper = ELBOW[where]
        m.raw(_bent_arm(at(spot, fore + 180, 5), fore, upper), [], "th")
        m.marker(spot, small=True)
    elif tool == "fingers":  # a hand over the top of the shoulder, three fingers down the blade
        k = y - 21  # the knuckles, just above the ridge
        hand = [(x - 6, k), (x + 6, k), _rim((x + 7, k), (0.1, -1)), _rim((x - 5, k), (0.1, -1))]
        m.raw("M" + "L".join(f"{a} {b}" for a, b in hand) + "Z", [], "t")
        tips = "".join(f"M{x - 3 + 3 * i} {k}L{x - 4 + 4 * i} {y - abs(i - 1)}" for i in range(3))
        thin = [(c, w * 3 // 4) for c, w in FINGER]  # narrow fingers: the ridge shows beside them
        m.items += [f'<path class="{c}" stroke-width="{w}" d="{tips}"/>' for c, w in thin]
        m.marker(spot, small=True)
    elif where == "shin_front":  # a thumb a hand's width below the kneecap
        # The other hand lies across the shin just under the kneecap, as a measure
        m.limb([(-18, -9), (-18, 1)], 10, "f")
        fingers = "M-17-10H8M-17-6H10M-17-2H9M-17 2H6"  # side by side: outlines, then skin
        m.items += [f'<path class="{k}" stroke-width="{w}" d="{fingers}"/>' for k, w in FINGER]
        # Below it, the thumb of a fist round the outer side of the calf presses the spot
        m.limb([(14, 10), spot], 6, "f")
        m.limb([(15, 11), (15, 14)], 8, "f")
        m.marker(spot, small=True)
    else:  # a thumb reaching in from the side, the hand wrapped round the waist or hip
        wrist = GRIP.get(where, (R - 1, y - 5))
        m.limb([wrist, at(wrist, 90, 6)], 8, "f")
        m.limb([wrist, spot], 4, "f")
        m.marker(spot, small=True)
    m.circle((0, 0), R, "ir")
    flip = " scale(-1 1)" if side < 0 else ""
    c.items.append(f'<g transform="translate({cx} {cy}){flip}">{"".join(m.items)}</g>')
    c.xs += [cx - R - 1, cx + R + 1]
    c.ys += [cy - R - 1, cy + R + 1]
