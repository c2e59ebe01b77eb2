"""Close-ups: a round magnifier beside a whole-body picture, showing the region where the thumb,
fingertips, elbow or ball presses, with the landmarks that tell the places apart.

The whole-body pose says who does what; the close-up says exactly where. Spots 2, 12 and 13 sit
a few centimetres apart on the low back, 11 and 14 on the upper back, so each region is drawn
differently: the lowest ribs for 2, the pelvis and its dimples for 13, the buttocks for 12, the
hip from the side for 6, the columns beside the spine for 11, one shoulder blade for 14, and
the outer shin for 3 (the knee technique, where the pressing knee hides the spot) and both
thighs from above for 8, so that the outer side shows. Each
is drawn for the right side, in a frame centred on the magnifier, radius R (seen from behind,
the right side is on the viewer's right); the left side is its mirror image.
"""

from __future__ import annotations

from .draw import Canvas, Point, at

R = 26
A = f"A{R} {R} 0 0 1"  # the arc of the magnifier's rim, clockwise


def _dot(x: int, y: int) -> str:
    return f"M{x} {y}h1"


# Per place: what lies outside the body in the magnifier (path data), the landmarks, the spot.
REGIONS = {
    # The waist beside the spine: the lowest rib above the spot, the rim of the pelvis below it.
    "low_back_corner": (
        f"M-26 0Q-19 4-21 15{A}-26 0ZM21 15Q19 4 26 0{A}21 15Z",
        "M0-26V26M2-20Q13-18 22-8M-2-20Q-13-18-22-8M3 22Q13 9 25 13M-3 22Q-13 9-25 13",
        (11, 2),
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
    # One shoulder blade: its edges and the ridge across it; the shoulder above.
    "shoulder_blade": (
        "M-25-6Q-6-18 14-18Q24-16 25-6A26 26 0 0 0-25-6Z",
        "M-16-14V26M-6-13L-4 14L2 21L17-4M-6-7L23-12",
        (6, 5),
    ),
    # The lower leg lying on its inner side, seen from above: the outer shin faces up, the edge
    # of the shinbone runs along it, the kneecap to the right.
    "shin": (
        f"M-25-8H25A26 26 0 0 0-25-8ZM-24 10Q0 18 24 10{A}-24 10Z",
        "M-26-4H18M22-2a4 4 0 1 0 0 1",
        (10, 1),
    ),
    # The lower leg from the front, sitting: the kneecap at the top, the edge of the shinbone
    # running down from it; the spot a hand's width below the kneecap, just outside that edge.
    "shin_front": (
        f"M-12-24Q-9 0-11 26{A}-12-24ZM11 26Q12 0 14-23{A}11 26Z",
        "M-1-10Q1 8-1 26M0-18a6 6 0 1 0 0 1",
        (5, 8),
    ),
    # Both thighs from above, sitting with the legs out straight, hips to the left: the kneecaps
    # on the right, a gap between the legs. The spot is on the outer edge of the near thigh (the
    # side away from the other leg), a hand's width above its kneecap.
    "thigh": (
        f"M-14-22{A}20-17L14-18Q0-24-14-22ZM-26 0L10-4Q16-4 26-3{A}26 4L10 4Z"
        f"M20 17{A}-18 19Q-4 22 12 18Z",
        "M11-11a4 4 0 1 0 0 1M11 10a4 4 0 1 0 0 1",
        (-6, 17),
    ),
}
# Where a thumb's hand grips, for each place: the palm on the waist or the front of the hip.
GRIP = {"hip_side": (21, -14), "buttock_top": (25, -14), "thigh": (-14, 21)}


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
    m.raw(lines, [], "lm")
    x, y = spot
    if tool.startswith("ball"):
        for s in (1, -1) if balls == 2 else (1,):
            m.ball((s * x, y), 5)
    elif tool == "knee":  # the other knee, its thigh coming down from above, on the shin
        m.limb([(x + 4, -17), (x, y - 4)], 12, "b")
        m.marker((x - 7, y + 2), small=True)
    elif tool == "elbow":  # a helper's forearm, the thick part just below the elbow on the spot
        m.limb([at(spot, -60, 22), spot], 8, "h")
        m.marker(spot, small=True)
    elif tool == "fingers":  # fingertips hooked over the top of the shoulder, from the outside
        for dx in (-3, 3):
            m.limb([(x + dx + 12, -R + 2), (x + dx, y + 1)], 4, "f")
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
