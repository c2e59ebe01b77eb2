"""Reading a rendered sound track: decode the WAV, find where each cue starts and what it is."""

from __future__ import annotations

import io
import math
import wave
from dataclasses import dataclass

# The first note of each cue (webapp/static/js/player/track.js), which tells the cues apart.
CUE_NOTES = {"done": 392, "next": 523, "switch": 659, "halfway": 880, "tick": 1175, "go": 1568}
WINDOW = 0.005  # seconds of sound per envelope step
QUIET = 0.12  # seconds of silence that separate two cues
LEVEL = 6 / 128  # above 8-bit quantisation noise, far below any cue's peak


@dataclass(frozen=True)
class Track:
    rate: int
    samples: list[float]  # -1 to 1

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate


@dataclass(frozen=True)
class Cue:
    at: float  # seconds from the start of the track
    kind: str


def decode(data: bytes) -> Track:
    """Decode a mono 8- or 16-bit PCM WAV with the standard library's wave module."""
    with wave.open(io.BytesIO(data)) as wav:
        assert wav.getnchannels() == 1
        width, rate, frames = wav.getsampwidth(), wav.getframerate(), wav.readframes(-1)
    if width == 1:
        return Track(rate, [(b - 128) / 128 for b in frames])
    values = memoryview(frames).cast("h")
    return Track(rate, [v / 32768 for v in values])


def _strength(samples: list[float], rate: int, frequency: float) -> float:
    """Return how strongly a frequency sounds in some samples (the Goertzel algorithm)."""
    coefficient = 2 * math.cos(2 * math.pi * frequency / rate)
    before = earlier = 0.0
    for sample in samples:
        before, earlier = sample + coefficient * before - earlier, before
    return before * before + earlier * earlier - coefficient * before * earlier


def cues(track: Track) -> list[Cue]:
    """Return every cue: where its sound begins after a silence, and which note it starts on."""
    step = int(track.rate * WINDOW)
    found: list[Cue] = []
    quiet_for = QUIET
    for start in range(0, len(track.samples) - step, step):
        loud = max(abs(s) for s in track.samples[start : start + step]) > LEVEL
        if loud and quiet_for >= QUIET:
            onset = next(i for i in range(start, start + step) if abs(track.samples[i]) > LEVEL / 2)
            head = track.samples[onset : onset + int(track.rate * 0.04)]
            kind = max(CUE_NOTES, key=lambda k: _strength(head, track.rate, CUE_NOTES[k]))
            found.append(Cue(onset / track.rate, kind))
        quiet_for = 0.0 if loud else quiet_for + WINDOW
    return found
