"""The content: the facts and prose in data/, loaded and checked once at start-up.

models.py holds the frozen dataclasses; reader.py reads fields from one TOML file; loader.py
builds the whole library from them, with quick.py (each guide's quick card) and routines.py
(the routines); figure.py is the one body outline the diagrams and the body map are drawn on.
"""

from .loader import PAGES, init_app, library, load
from .models import ContentError, Library
from .reader import SIDES, TOOLS, Reader, parse_toml
from .routines import MAX_SECONDS, MAX_STEPS, MIN_SECONDS

__all__ = [
    "MAX_SECONDS",
    "MAX_STEPS",
    "MIN_SECONDS",
    "PAGES",
    "SIDES",
    "TOOLS",
    "ContentError",
    "Library",
    "Reader",
    "init_app",
    "library",
    "load",
    "parse_toml",
]
