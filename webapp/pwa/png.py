"""Just enough PNG to make the icons small: read 8-bit RGB(A), write it back with a palette.

Chromium's screenshots hold a few hundred colours (the edges are smoothed); keeping the 256
most used and mapping each rare edge shade to its nearest halves the bytes with no visible
change. The app does not use this at run time, only `flask pwa icons`.
"""

from __future__ import annotations

import struct
import zlib
from collections import Counter

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunks(data: bytes):
    at = len(SIGNATURE)
    while at < len(data):
        (size,) = struct.unpack(">I", data[at : at + 4])
        yield data[at + 4 : at + 8], data[at + 8 : at + 8 + size]
        at += 12 + size


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body)
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def pixels(data: bytes) -> tuple[int, int, list[tuple[int, ...]]]:
    """Return width, height and the RGBA pixels of an 8-bit RGB or RGBA PNG."""
    header, idat = None, b""
    for kind, body in _chunks(data):
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError("only 8-bit, non-interlaced RGB or RGBA PNGs are read")
    step = 4 if colour == 6 else 3
    stride = width * step
    raw = zlib.decompress(idat)
    out: list[tuple[int, ...]] = []
    above = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        row = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            a = row[x - step] if x >= step else 0
            b = above[x]
            c = above[x - step] if x >= step else 0
            row[x] = (row[x] + (0, a, b, (a + b) >> 1, _paeth(a, b, c))[kind]) & 255
        for x in range(0, stride, step):
            out.append(tuple(row[x : x + 3]) + ((row[x + 3],) if step == 4 else (255,)))
        above = row
    return width, height, out


def with_palette(data: bytes) -> bytes:
    """Return the PNG re-encoded with a palette of its 256 most used colours."""
    width, height, image = pixels(data)
    palette = [colour for colour, _ in Counter(image).most_common(256)]
    index = {colour: i for i, colour in enumerate(palette)}

    def nearest(colour: tuple[int, ...]) -> int:
        return min(
            index.values(),
            key=lambda i: sum((p - q) ** 2 for p, q in zip(palette[i], colour, strict=True)),
        )

    lookup = {colour: index.get(colour, -1) for colour in set(image)}
    lookup = {colour: i if i >= 0 else nearest(colour) for colour, i in lookup.items()}
    rows = b"".join(
        b"\0" + bytes(lookup[c] for c in image[y * width : (y + 1) * width]) for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)
    chunks = [_chunk(b"IHDR", header), _chunk(b"PLTE", b"".join(bytes(c[:3]) for c in palette))]
    if any(c[3] != 255 for c in palette):
        chunks.append(_chunk(b"tRNS", bytes(c[3] for c in palette)))
    chunks += [_chunk(b"IDAT", zlib.compress(rows, 9)), _chunk(b"IEND", b"")]
    return SIGNATURE + b"".join(chunks)
