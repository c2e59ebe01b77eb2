"""Close-ups: a round magnifier beside a whole-body picture, showing the region where the thumb,
fingertips, elbow or ball presses, with the landmarks that tell the places apart.

The whole-body pose says who does what; the close-up says exactly where. Spots 2, 12 and 13 sit
a few centimetres apart on the low back, 11 and 14 on the upper back, so each region is drawn
differently: the lowest ribs for 2, the pelvis and its dimples for 13, the buttocks for 12, the
hip from the side for 6, the columns beside the spine for 11, one shoulder blade for 14, and
a kneeling shin with the other knee resting on it for 3 (the knee technique, where the whole
figure is too small to show that knee) and the outer thigh above the knee for 8. Each is drawn
for the right side, in a frame centred on the magnifier, radius R (seen from behind, the right
side is on the viewer's right); the left side is its mirror image.
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
    # Kneeling, seen from the side, facing right: the treated shin lies along the floor, its front
    # to us and its outer edge up, its knee and thigh on the right; the other leg's bent knee
    # rests on the shin (KNEE, drawn with the tool); the spot under that knee. Background only.
    "shin": (
        "M-25 7H-17Q-15 7-15 5L-26-1A26 26 0 0 0-25 7Z"
        "M-16-7L-24-11A26 26 0 0 1-7-25Z"
        "M8-25L-7 4Q-7 7-4 7H-2L10-24A26 26 0 0 0 8-25Z"
        "M22-14L11 11Q14 18 7 18H19A26 26 0 0 0 22-14Z"
        "M-19 18H19A26 26 0 0 1-19 18Z",
        "M-19 18H19",
        (-13, 8),
    ),
    # The lower leg from the front, sitting: the kneecap at the top, the edge of the shinbone
    # running down from it; the spot a hand's width below the kneecap (the other hand lies
    # across the shin between them, drawn with the thumb), just outside that edge.
    "shin_front": (
        f"M-13-23Q-14-2-10 24{A}-13-23ZM11 24Q16 0 13-23{A}11 24Z",
        "M-1-11Q1 8 0 25M6-18a6 6 0 1 0 0 1",
        (4, 9),
    ),
    # The thigh from the outside, the knee to the right: the spot is a hand-width above it.
    # Sitting, the front of the thigh faces up: the kneecap shows on the upper edge, and the spot
    # is on the side, along the band that runs down the outer thigh to the knee.
    "thigh": (
        f"M-24-10Q0-15 24-10A26 26 0 0 0-24-10ZM-24 10Q0 15 24 10{A}-24 10Z",
        "M-26 2H24M18-12a5 5 0 1 0 0 1",
        (2, 2),
    ),
    # Lying face-down, the front of the thigh faces the floor: the kneecap on the lower edge.
    "thigh_prone": (
        f"M-24-10Q0-15 24-10A26 26 0 0 0-24-10ZM-24 10Q0 15 24 10{A}-24 10Z",
        "M-26-2H24M18 12a5 5 0 1 0 0 1",
        (2, -2),
    ),
}
# The knee technique: kneecaps on both knees and the edge of the shinbone (landmarks), and the
# other leg, bent, its thigh going up to the right and its shin up to the left.
KNEE = (
    "M-12 0a3 3 0 1 0 0-1M-22 13H-2M5 9a3 3 0 1 0 0-1",
    "M-26-1L-15 5Q-13 9-7 4L8-25A26 26 0 0 0-7-25L-16-7L-24-11A26 26 0 0 0-26-1Z",
)
FINGER = (("o", 6), ("f", 3))  # the classes and widths of a finger: outline, then skin
# Where a thumb's hand grips, for each place: the palm on the waist or the front of the hip.
GRIP = {"hip_side": (21, -14), "buttock_top": (25, -14), "thigh": (-9, -18)}


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
    elif tool == "knee":  # the other leg's bent knee resting on the shin
        m.raw(KNEE[1], [], "p")  # that leg a shade darker, as it is on the whole figure
        m.raw(KNEE[0], [], "lm")
        m.marker(spot, small=True)
    elif tool == "elbow":  # a helper's forearm, the thick part just below the elbow on the spot
        m.limb([at(spot, -60, 22), spot], 8, "h")
        m.marker(spot, small=True)
    elif tool == "fingers":  # fingertips hooked over the top of the shoulder, from the outside
        for dx in (-3, 3):
            m.limb([(x + dx + 12, -R + 2), (x + dx, y + 1)], 4, "f")
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
