"""Load and validate the content in data/ once at start-up, naming file and field on error."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app

from .flags import check_region_flags
from .models import (
    Area,
    Common,
    ContentError,
    Diagram,
    Language,
    Library,
    Link,
    Page,
    RedFlags,
    Region,
    Section,
    Source,
    Spot,
    SpotText,
)
from .pacing import load_pacing
from .quick import attach_quick, check_flags, quick_text
from .reader import RED_FLAG_SETS, SIDES, TOOLS, VIEWS, Reader, parse_toml
from .routines import MAX_SECONDS, MIN_SECONDS, load_routine_texts, load_routines

PAGES = ("safety", "about", "privacy")


def _diagram(r: Reader) -> Diagram:
    view = r.one_of("view", VIEWS)
    box = r.numbers("viewbox", 4)
    markers = r.get("markers", list)
    if not markers:
        raise r.fail("markers", "must mark at least one point")
    points = []
    for i, m in enumerate(markers):
        if not isinstance(m, list) or len(m) != 2 or not all(isinstance(v, int | float) for v in m):
            raise r.fail(f"markers[{i}]", "must be [x, y]")
        points.append((float(m[0]), float(m[1])))
    areas = []
    for i, a in enumerate(r.get("areas", list)):
        if not isinstance(a, list) or len(a) not in (4, 5):
            raise r.fail(f"areas[{i}]", "must be [cx, cy, rx, ry] or [cx, cy, rx, ry, rotate]")
        if not all(isinstance(v, int | float) for v in a):
            raise r.fail(f"areas[{i}]", "must hold numbers only")
        areas.append(Area(*(float(v) for v in a)))
    return Diagram(view, " ".join(f"{v:g}" for v in box), tuple(points), tuple(areas))


def _load_regions(path: Path) -> dict[str, Region]:
    regions: dict[str, Region] = {}
    for i, raw in enumerate(Reader(path, parse_toml(path)).get("region", list)):
        r = Reader(path, raw, f"region[{i}].")
        rid = r.text("id")
        shapes = {view: r.texts(view, optional=True) for view in ("front", "back")}
        if not any(shapes.values()):
            raise r.fail("front", "or 'back' must list the region's shapes on the body map")
        regions[rid] = Region(rid, shapes, r.names("red_flags", RED_FLAG_SETS, "set", lo=0))
    return regions


def _load_sources(path: Path) -> dict[str, Source]:
    data = parse_toml(path)
    sources = {}
    for key in data:
        r = Reader(path, data, "").table(key)
        sources[key] = Source(key, r.text("text"), r.text("url", optional=True) or None)
    return sources


def _load_spots(
    path: Path, regions: dict[str, Region], sources: dict[str, Source]
) -> dict[int, Spot]:
    spots: dict[int, Spot] = {}
    for i, raw in enumerate(Reader(path, parse_toml(path)).get("spot", list)):
        r = Reader(path, raw, f"spot[{i}].")
        number = r.get("number", int)
        if number in spots or not 1 <= number <= 99:
            raise r.fail("number", f"{number} is a duplicate or out of range")
        pain = r.get("pain", dict)
        for region, weight in pain.items():
            if region not in regions:
                raise r.fail("pain", f"names unknown region '{region}'")
            if not isinstance(weight, int) or not 1 <= weight <= 3:
                raise r.fail(f"pain.{region}", "must be a weight from 1 to 3")
        related = tuple(r.get("related", list))
        max_hold = r.get("max_hold", int)
        if not MIN_SECONDS <= max_hold <= MAX_SECONDS:
            raise r.fail("max_hold", f"is {max_hold}, expected {MIN_SECONDS} to {MAX_SECONDS}")
        tools = r.names("tools", TOOLS, "tool")
        spots[number] = Spot(
            number=number,
            slug=r.text("slug"),
            tools=tools,
            pain=tuple(pain.items()),
            red_flags=r.names("red_flags", RED_FLAG_SETS, "set", lo=0),
            related=related,
            sources=r.names("sources", sources, "source"),
            diagram=_diagram(r.table("diagram")),
            max_hold=max_hold,
            retired_tools=_retired_tools(r, tools),
        )
    for spot in spots.values():
        for n in spot.related:
            if n not in spots or n == spot.number:
                raise ContentError(
                    f"{path}: field 'spot {spot.number}.related' names unknown spot {n}"
                )
    return dict(sorted(spots.items()))


def _retired_tools(r: Reader, tools: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Read a spot's retired_tools: each a known tool it no longer lists, mapped to one it does."""
    retired = r.get("retired_tools", dict, optional=True) or {}
    for old, new in retired.items():
        if old not in TOOLS or old in tools:
            raise r.fail(f"retired_tools.{old}", "must be a known tool the spot no longer lists")
        if new not in tools:
            raise r.fail(f"retired_tools.{old}", f"is '{new}', expected one of {', '.join(tools)}")
    return tuple(retired.items())


def _load_common(path: Path, regions: dict[str, Region]) -> Common:
    r = Reader(path, parse_toml(path))
    for field, keys in (("tools", TOOLS), ("sides", SIDES), ("regions", list(regions))):
        r.keys_exactly(field, keys)
    flags = r.table("red_flags")
    red_flags = {}
    for key in RED_FLAG_SETS:
        f = flags.table(key)
        red_flags[key] = RedFlags(
            f.text("title"), f.texts("items"), f.text("action"), f.text("short")
        )
    names = {
        field: {k: r.table(field).text(k) for k in r.data[field]}
        for field in ("tools", "sides", "regions")
    }
    return Common(
        science_note=r.paragraphs("science_note"),
        see_professional=r.paragraphs("see_professional"),
        stop_general=r.texts("stop_general"),
        never_press=r.texts("never_press"),
        be_gentle=r.texts("be_gentle"),
        red_flags=red_flags,
        **names,
    )


def _load_spot_text(path: Path, spot: Spot) -> SpotText:

    r = Reader(path, parse_toml(path))
    r.keys_exactly("tools", spot.tools)
    tools = r.table("tools")
    return SpotText(
        name=r.text("name"),
        muscle=r.text("muscle"),
        helps=r.text("helps"),
        summary=r.text("summary"),
        where=r.paragraphs("where"),
        find=r.texts("find", 2, 8),
        feel=r.paragraphs("feel"),
        dose=r.paragraphs("dose"),
        stop=r.texts("stop", 1, 8),
        cautions=r.texts("cautions", 1, 8),
        related=r.paragraphs("related"),
        tools={t: tools.paragraphs(t) for t in spot.tools},
        quick=quick_text(r),
    )


def _load_page(path: Path) -> Page:
    r = Reader(path, parse_toml(path))
    sections = []
    for i, raw in enumerate(r.get("section", list)):
        s = Reader(path, raw, f"section[{i}].")
        link = s.table("link", optional=True)
        sections.append(
            Section(
                heading=s.text("heading"),
                text=s.paragraphs("text", optional=True),
                items=s.texts("items", optional=True),
                link=Link(link.text("text"), link.text("url")) if link else None,
            )
        )
    return Page(r.text("title"), r.paragraphs("intro"), tuple(sections))


def _load_language(root: Path, code: str, library: Library) -> Language:
    folder = root / code
    if not folder.is_dir():
        raise ContentError(f"{folder}: content folder for language '{code}' is missing")
    routines, spot_cues = load_routine_texts(
        folder / "routines.toml", library.routines, library.spots
    )
    return Language(
        code=code,
        common=_load_common(folder / "common.toml", library.regions),
        spots={
            n: _load_spot_text(folder / "spots" / f"{n}.toml", s) for n, s in library.spots.items()
        },
        pages={name: _load_page(folder / "pages" / f"{name}.toml") for name in PAGES},
        routines=routines,
        spot_cues=spot_cues,
    )


def load(root: Path, languages: list[str] | tuple[str, ...]) -> Library:
    """Load and validate every data file under root for the given languages."""
    regions = _load_regions(root / "regions.toml")
    sources = _load_sources(root / "sources.toml")
    spots = _load_spots(root / "spots.toml", regions, sources)
    spots = attach_quick(root / "spots.toml", spots)
    check_region_flags(root / "regions.toml", regions, spots)
    routines = load_routines(root / "routines.toml", spots)
    library = Library(spots, regions, sources, {}, routines, load_pacing(root / "tools.toml"))
    for code in languages:
        library.languages[code] = _load_language(root, code, library)
    check_flags(library, root)
    return library


def init_app(app: Flask) -> None:
    """Load the content for the configured languages; a broken file stops start-up."""
    app.extensions["content"] = load(Path(app.config["DATA_DIR"]), app.config["LANGUAGES"])


def library() -> Library:
    """Return the content the running app serves."""
    return current_app.extensions["content"]
