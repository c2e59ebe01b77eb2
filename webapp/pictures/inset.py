"""Close-ups: a round magnifier beside a whole-body picture, showing the region where the thumb,
fingertips, elbow or ball presses, with the landmarks that tell the places apart.

The whole-body pose says who does what; the close-up says exactly where. Spots 2, 12 and 13 sit a
few centimetres apart on the low back, 11 and 14 on the upper back, so each region is drawn
differently: for 2, larger, the corner itself, the lowest ribs as bones out from the spine and the
rim of the pelvis well below; the pelvis and its dimples for 13; the buttocks for 12 (for the elbow
lower and larger: their lower curves and the thighs below, so that they cannot pass for shoulder
blades); the hip from the side for 6 (from behind for the thumb, as its whole figure is); the
columns beside the spine for 11; one shoulder blade for 14; both legs from the front for 8 with the
thumbs, and for 8 with the ball the lower leg of a body lying on its side, seen from the front, its
kneecap to us and the ball under its outer side. For 3 with the thumb, a larger magnifier
(shin_front_close_up) shows the lower leg from the front, from the kneecap down to the ankle, the
other leg beside it; with the ball, large magnifiers show from the side the foot on the ball for 10
(arch_close_up) and the kneeling lower leg for 3 (kneel_close_up). Each is drawn for the right
side, in a frame centred on the magnifier, radius R (seen from behind, the right side is on the
viewer's right); the left side is its mirror image.
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
    # Zoomed in on the corner itself (the whole back, small, read as "the low back" with no
    # level): the spine up the middle, its bumps; the three lowest ribs each side as bones
    # sweeping out and down from it, the lowest a short floating rib; the side of the waist
    # curving in at the right, the rim of the pelvis at the bottom (_corner draws the bones);
    # the spot nestled in the angle under the lowest rib against the spine, a clear stretch of
    # soft back below it down to the rim.
    "low_back_corner": (
        f"M21 15Q14 6 15-5Q16-13 19-18{A}21 15Z",
        "M-6-23Q-16-24-24-10M-6-16Q-15-16-21-7M-6-9Q-11-9-16-3M-8 21Q-14 13-25 8",
        (3, 2),
    ),
    # Against a wall, unzoomed: the low back from the two lowest ribs of each side down past the
    # narrow waist to the rim of the pelvis and the tops of the buttocks with their cleft, no
    # shoulder blades (with them, readers said "mid back, below the shoulder blades"); the ball
    # at the waist just under the lowest rib, beside the spine.
    "low_back_corner_ball_wall": (
        f"M22 14Q13 6 12-3Q11-10 15-21{A}22 14ZM-15-21Q-11-10-12-3Q-13 6-22 14{A}-15-21Z",
        "M0-26V8M0 15V26M2-21Q10-21 15-15M-2-21Q-10-21-15-15M2-14Q8-14 11-9M-2-14Q-8-14-11-9"
        "M2 9Q9 1 18 6M-2 9Q-9 1-18 6M1 25Q2 17 10 17Q15 17 17 19M-1 25Q-2 17-10 17Q-15 17-17 19",
        (7, -3),
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
    # For the elbow: the buttocks from behind, lower down and larger, so that they cannot read
    # as shoulder blades: the low back and the rim of the pelvis at the top, the cleft running
    # down between the two rounds, their lower curves and the tops of the thighs below, parted;
    # the spot on the top of one buttock, just below the rim.
    "buttock_top_elbow": (
        f"M-19-18Q-28 2-17 20{A}-19-18ZM17 20Q28 2 19-18{A}17 20ZM-4 26Q0 12 4 26{A}-4 26Z",
        "M0-26V-13M0-6V16M3-10Q12-22 23-14M-3-10Q-12-22-23-14M1 16Q10 22 20 12M-1 16Q-10 22-20 12",
        (14, -3),
    ),
    # The right hip from the side, front to the right: the rim of the pelvis and, below the
    # spot, the bony knob at the top of the thigh.
    "hip_side": (
        f"M-16-20Q-10-8-21 6Q-22 14-17 20{A}-16-20ZM14 22Q10 0 14-22{A}14 22Z",
        "M-12-11Q0-19 11-10M1 14a3 3 0 1 0 0-1",
        (-3, 0),
    ),
    # For the thumb, seen from behind as its whole figure is: the right hip, the waist coming
    # down at the right and the side of the hip bulging out below it, the rim of the pelvis
    # arching across above, the bony knob at the top of the thigh near the outer edge; the spot
    # on the side of the hip between them (drawn from the side, the hip's front edge was read
    # as the spine, the spot as the low back beside it).
    "hip_side_thumb": (
        f"M7-25Q5-12 13-1Q16 9 12 23A{R} {R} 0 0 0 7-25Z",
        "M-26-2Q-8-18 9-10M6 9a3 3 0 1 0 0-1",
        (3, -1),
    ),
    # The back of the head and the neck from behind: the round of the head with its hair, the
    # ears at the sides, the skull's lower edge as a raised bar (see close_up) arching across
    # under the hair, the neck going down to the shoulders with the spine's line in the middle;
    # the spots in the hollows just under that edge, one each side of the spine (_skull).
    "skull": (
        "M-26 0A26 26 0 1 1 26 0A26 26 0 1 1-26 0Z",
        "M0 8V26",
        (5, 4),
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
    # Both legs from the front, like a body map: the hips at the top, thighs, kneecaps, shins
    # and feet (_legs draws them); the right leg is on the viewer's left. The spot is on the outer
    # edge of the right thigh (the edge away from the other leg), in its lower third, just above
    # the kneecap (higher, at the middle of the short thigh drawn here, it read as mid-thigh).
    "thigh": (
        "M-26 0A26 26 0 1 1 26 0A26 26 0 1 1-26 0Z",
        "M-7 4a3 3 0 1 0 0-1M8 4a3 3 0 1 0 0-1",
        (-12, -1),
    ),
    # Lying on one side, seen from the front: the lower leg straight across the magnifier, the
    # knee at the right with its kneecap to us in the middle of the leg, the shin running out of
    # view, sloping down as on the whole figure; the floor under it and, between them, the ball
    # under the thigh's lower edge, its outer side, a hand's width above the knee (_thigh_side).
    "thigh_side": (
        "M-18 19A26 26 0 1 1 18 19Z",
        "M-18 19H18",
        (-3, 12),
    ),
}
# Drawn larger, for each place that needs it: for 2 the bones round the spot.
ZOOM = {"low_back_corner": 1.25}
# A helper's bent arm, for each place: the angles of the forearm and the upper arm from the
# elbow, so that the arm keeps clear of the landmarks next to the spot.
ELBOW = {"low_back_pit": (-60, 5), "buttock_top_elbow": (15, -35), "hip_side": (-60, 5)}
FINGER = (("o", 6), ("f", 3))  # the classes and widths of a finger: outline, then skin
# Where a thumb's hand grips, for each place: the palm on the waist or the front of the hip.
GRIP = {
    "hip_side_thumb": (14, -16),
    "buttock_top": (25, -14),
    "thigh": (-23, -11),
    "low_back_corner": (19, 5),
}


def _rim(p: Point, u: Point, r: float = R) -> tuple[int, int]:
    """Return where the line from p in direction u (a unit vector) meets the magnifier's rim."""
    b = p[0] * u[0] + p[1] * u[1]
    t = -b + math.sqrt(b * b - p[0] ** 2 - p[1] ** 2 + r * r)
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


def band(start: Point, angle: float, half: int, r: float = R) -> str:
    """Return the outline of a limb `half` wide each side, from a round end at `start` out of
    the magnifier at `angle`, cut off by its rim (a limb ending inside would read as a stub)."""
    u = at((0, 0), angle, 1)
    n = (-u[1] * half, u[0] * half)
    a, b = (start[0] + n[0], start[1] + n[1]), (start[0] - n[0], start[1] - n[1])
    (ax, ay), (bx, by) = _rim(a, u, r), _rim(b, u, r)
    return (
        f"M{round(b[0])} {round(b[1])}A{half} {half} 0 0 1 {round(a[0])} {round(a[1])}"
        f"L{ax} {ay}L{bx} {by}Z"
    ).replace(" -", "-")


# For 2, the bones of the treated side, each a band outlined like a limb: the three lowest ribs
# (10th to 12th) out and down from the spine, the 12th short, its end free, and the rim of the
# pelvis at the bottom, their outer ends under the waist; then the spine over their heads, a
# column from rim to rim, with the bumps of its vertebrae.
CORNER = (
    "M-4-23Q10-24 20-13M-4-16Q9-16 17-5M-4-9Q4-9 11-2M2 24Q5 15 13 13Q17 12 19 14",
    "M-4-25V25",
    "M-4-22v2M-4-15v2M-4-8v2M-4-1v2M-4 6v2M-4 13v2M-4 20v2",
)


def _corner(m: Canvas) -> None:
    """The lowest ribs, the rim of the pelvis and the spine, as bones (CORNER)."""
    ribs, spine, bumps = CORNER
    m.strokes(ribs, (("o", 5), ("b", 2)))
    m.raw(spine, [], "lm")
    m.strokes(bumps, (("o", 6), ("b", 3)))


def _skull(m: Canvas) -> None:
    """The back of the head and the neck from behind, down to the tops of the shoulders."""
    m.raw("M-9 0C-9 8-11 12-22 14A26 26 0 0 0 22 14C11 12 9 8 9 0Z", [], "t")  # neck, shoulders
    m.raw("M-14-6a3 5 0 1 0-3 0a3 5 0 1 0 3 0ZM14-6a3 5 0 1 1 3 0a3 5 0 1 1-3 0Z", [], "t")
    m.circle((0, -8), 15, "t")  # the head
    m.raw("M-14-2A15 15 0 1 1 14-2Q7-3 0-4Q-7-3-14-2Z", [], "hr")  # the hair on its round back


def _thigh_side(m: Canvas, ball: Point) -> None:
    """The lower leg lying on its side, seen from the front: the ball on the floor first, then
    the thigh over it from the hip to the knee, and past the kneecap the shin, narrower, out of
    view (with the leg one even width, its kneecap read as the bony knob of the hip)."""
    m.raw("M-18 19A26 26 0 0 0 18 19Z", [], "p")  # the mat
    m.ball(ball, 7)
    m.raw(
        "M-21-15L-6-11Q4-9 9-7Q14-6 16-3L26-1A26 26 0 0 1 25 7L17 7Q13 9 8 9Q0 8-10 7L-26 4"
        "A26 26 0 0 1-21-15Z",
        [],
        "t",
    )
    m.raw("M6 0a4 5 0 1 0 8 0a4 5 0 1 0-8 0", [], "t")  # the kneecap, facing us


def put_magnifier(
    c: Canvas, m: Canvas, centre: Point, inner: float, scale: float = 1, flip: bool = False
) -> None:
    """Close the rim of the magnifier `m` (drawn round (0, 0), radius `inner`) and put it on `c`
    at `centre`, drawn `scale` times larger (mirrored when `flip`), its box added to c's."""
    m.circle((0, 0), inner, "ir")
    cx, cy = round(centre[0]), round(centre[1])
    grow = f" scale({scale:.3g})" if scale != 1 else ""
    grow += " scale(-1 1)" if flip else ""
    c.items.append(f'<g transform="translate({cx} {cy}){grow}">{"".join(m.items)}</g>')
    r = round(inner * scale, 6) + 1  # (rounded: 52 * (57 / 52) is not quite 57)
    c.xs += [cx - r, cx + r]
    c.ys += [cy - r, cy + r]


def region(where: str, tool: str) -> str:
    """Return the close-up drawn for a place and tool: the place's own, or one just for the tool."""
    return f"{where}_{tool}" if f"{where}_{tool}" in REGIONS else where


def rim(where: str, tool: str) -> float:
    """Return the radius of the close-up of a place and tool, as drawn: a zoomed one is larger."""
    return R * ZOOM.get(region(where, tool), 1)


def pointer(c: Canvas, centre: Point, angle: float, target: Point, radius: float) -> None:
    """Draw the dotted line from the rim of the magnifier of `radius` at `centre` (leaving it at
    `angle`) to `target` on the whole figure."""
    c.lines([at(centre, angle, radius + 1), target], "il")


def shrunk(f: Canvas, scale: float) -> Canvas:
    """Return a new picture holding the whole figure `f` drawn `scale` times its size (small,
    for the position, beside a large magnifier that carries the exact place)."""
    c = Canvas(side=f.side)
    c.items.append(f'<g transform="scale({scale})">{"".join(f.items)}</g>')
    c.xs, c.ys = [x * scale for x in f.xs], [y * scale for y in f.ys]
    return c


def close_up(
    c: Canvas, centre: Point, where: str, tool: str, side: int = 1, balls: int = 1
) -> None:
    """Draw the magnifier at `centre`: the region, its landmarks, the spot and what presses it."""
    where = region(where, tool)
    skin, lines, spot = REGIONS[where]
    # Drawn round (0, 0) and moved into place, so that the close-ups of one region are the same
    # text on every page and compress to almost nothing after the first.
    m = Canvas()
    m.circle((0, 0), R, "t")
    if where == "low_back_corner":
        _corner(m)  # the bones first: the background at the waist covers the ribs' ends
    if skin:  # what lies outside the body: the background
        m.raw(skin, [], "ib")
    if where == "thigh":
        _legs(m)
    elif where == "skull":
        _skull(m)
    elif where == "thigh_side":
        _thigh_side(m, spot)
    m.raw(lines, [], "lm")
    if where == "shoulder_blade":  # the ridge of the blade, a raised bar
        m.limb([(-9, -5), (21, -12)], 2, "f")
    elif where == "skull":  # the skull's lower edge, a raised bar arching across
        m.limb([(-12, 0), (-6, -2), (0, -3), (6, -2), (12, 0)], 2, "f")
    x, y = spot
    if where == "thigh_side":
        pass  # the ball lies under the thigh: _thigh_side drew it
    elif tool.startswith("ball"):
        for s in (1, -1) if balls == 2 else (1,):
            m.ball((s * x, y), 4 if where == "skull" else 5)
    elif tool == "elbow":  # a helper's arm bent sharply: the point of the elbow by the spot,
        # the forearm just below it on the spot, upper arm and forearm running out of view
        fore, upper = ELBOW[where]
        m.raw(_bent_arm(at(spot, fore + 180, 5), fore, upper), [], "th")
        m.marker(spot, small=True)
    else:  # a thumb reaching in from the side, the hand wrapped round the waist or hip
        wrist = GRIP.get(where, (R - 1, y - 5))
        m.limb([wrist, at(wrist, 90, 6)], 8, "f")
        m.limb([wrist, spot], 4, "f")
        m.marker(spot, small=True)
    put_magnifier(c, m, centre, R, ZOOM.get(where, 1), flip=side < 0)


KR = 46  # the radius of a large close-up, beside a figure drawn small


def _large_on_floor(ball: Point, r: float) -> Canvas:
    """Start a large magnifier with a ball on the floor: the background, the floor across its
    lower part, the ball (centre `ball`, radius `r`)."""
    m = Canvas()
    m.circle((0, 0), KR, "ib")
    m.raw("M-38 26H38A46 46 0 0 1-38 26Z", [], "p")  # the floor
    m.ball(ball, r)
    return m


def shin_front_close_up(c: Canvas, centre: Point) -> None:
    """Draw a large magnifier at `centre`: the right leg of a seated person from the front, the
    whole lower leg from the kneecap at the top down to the narrow ankle at the bottom, with the
    other leg beside it (on the viewer's right), so that its inner side is the one towards that
    leg and its outer side the one away from it, where the calf bulges out. The sharp edge of
    the shinbone runs down the middle. A hand grips the calf from the outer side, its fingers
    curled round the outer edge and their tips showing past the inner side, behind the calf; its
    thumb lies across the front, nail showing, the tip on the muscle just outside the edge, a
    hand's width below the large kneecap: bare shin between them more than one and a half times
    the kneecap's height (a gap of one kneecap read as "just below the knee" to one reader in
    three; a hand laid across that gap as a measure made the thumb read as just under the
    kneecap; a thumb from a bar-shaped hand read as a stick)."""
    m = Canvas()
    m.circle((0, 0), KR, "ib")
    spot = (-13, 2)
    # The other leg, behind, on the viewer's right, from the thigh to the ankle: its kneecap
    # level with the treated one's, and its shinbone
    m.raw(
        "M6-46C5-36 7-30 6-24C5-14 3-6 5 6C6 18 9 30 10 36L11 45A46 46 0 0 0 23 40"
        "C24 30 29 14 30 0C31-12 27-20 28-26C29-32 29-35 28-37A46 46 0 0 0 6-46Z",
        [],
        "t tb",
    )
    m.raw("M17-36a5 6 0 1 0 0 12a5 6 0 1 0 0-12M18-20C19-4 19 14 18 34", [], "lm")
    # The treated leg: down the outer side past the knee, the calf bulging out below it, in to
    # the ankle and its bone, to the rim; then up the inner side
    leg = (
        "M-22-40C-21-36-21-34-20-29C-19-24-24-18-24-8C-24 6-20 22-18 32Q-20 38-17 43"
        "A46 46 0 0 0-5 46C-5 40-4 37-5 34C-4 26-1 18 0 8C1-4 3-10 1-22C0-28 2-36 2-46"
        "A46 46 0 0 0-22-40Z"
    )
    # The four fingertips of the gripping hand, behind the calf, past its inner side
    m.raw("M-4-1h8a2 2 0 0 1 0 5h-8M-4 5h9a2 2 0 0 1 0 5h-9M-4 11h8a2 2 0 0 1 0 5h-8", [], "t")
    m.raw("M-4 17h6a2 2 0 0 1 0 4h-6", [], "t")
    m.raw(leg, [], "t")
    m.raw("M-9-22C-8-4-8 14-9 34", [], "lm")  # the sharp edge of the shinbone
    m.raw("M-10-40a7 8 0 1 0 0 16a7 8 0 1 0 0-16", [], "t")  # the kneecap, large
    # The hand grips the calf from the outer side: the forearm from the rim, the side of the
    # hand at the calf's outer edge, the thumb lying across the front of the shin, its nail
    # showing, its tip on the spot
    m.raw(
        "M-41 20C-40 14-38 6-36 1C-34-3-30-4-26-3L-14-3C-8-3-8 7-14 7L-23 7"
        "C-22 12-24 16-27 19C-25 22-26 26-29 28L-27 37A46 46 0 0 1-41 20Z",
        [],
        "t",
    )
    # The thumbnail; the fingers turning round the calf's outer edge
    m.raw("M-16-1h-5a2 2 0 0 0 0 6h5M-27 19c-3 1-5 0-6-2M-29 28c-3 0-5-2-5-4", [], "lm")
    m.marker(spot, small=True)
    put_magnifier(c, m, centre, KR)


def arch_close_up(c: Canvas, centre: Point) -> None:
    """Draw a large magnifier at `centre`: the foot resting on the ball, from its inner side, toes
    to the right as on the whole figure. The shin comes down to the ankle; the heel at the left
    and the ball of the foot and the toes at the right rest on the floor, and between them the
    sole rises in a high hollow, the arch, with the ball right under the middle of it, clear gaps
    of floor between the ball and the heel and between the ball and the forefoot (under the
    front half of the sole, readers could not tell the arch from the ball of the foot)."""
    m = _large_on_floor((-1, 17), 9)
    # The shin down to the ankle, the back of the heel round to the heel pad, the sole rising
    # over the ball into the arch and down to the ball of the foot, the toes; the top of the foot
    # back up to the front of the ankle and the shin
    m.raw(
        "M-36-29C-32-18-29-10-28-3C-30 4-31 13-30 19C-29 25-24 27-19 25"
        "C-14 21-10 9-2 7C6 7 12 17 17 23C21 27 29 27 34 26C38 25 38 20 34 18"
        "C26 14 15 9 7 3C2 0-2-3-4-10C-6-20-9-32-13-44A46 46 0 0 0-36-29Z",
        [],
        "t",
    )
    m.raw("M-16 1h1M24 20v5M29 20v5", [], "lm")  # the ankle bone, the toes
    put_magnifier(c, m, centre, KR)


def kneel_close_up(c: Canvas, centre: Point) -> None:
    """Draw a large magnifier at `centre`: the kneeling lower leg from the side, knee at the right
    as on the whole figure. The thigh comes down to the knee, its kneecap below it lifted off the
    floor; the shin runs down from it to the ankle and the foot, lying on its top on the floor.
    The ball is under the shin's upper part, a hand's width below the kneecap: a gap of floor
    between the ball and the kneecap, and twice as long a stretch of shin beyond it to the ankle
    (the ball at the knee read as between thigh and shin, further down as mid-shin)."""
    m = _large_on_floor((13, 21), 7)
    m.raw(
        "M40-23C40-14 41-6 40 0C39 8 35 12 28 13L-26 26C-30 27-33 27-37 27"
        "A46 46 0 0 1-42 18L-34 17C-28 17-26 14-26 9C-25 5-21 4-16 2C-8-2-2-5 4-5C12-6 18-6 20-10"
        "C20-20 20-30 20-41A46 46 0 0 1 40-23Z",
        [],
        "t",
    )
    m.raw("M27 6a6 6 0 1 0 12 0a6 6 0 1 0-12 0", [], "t")  # the kneecap, facing the floor
    m.raw("M-24 16h1", [], "lm")  # the ankle bone
    put_magnifier(c, m, centre, KR)
