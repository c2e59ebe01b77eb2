"""Paper: routine cards with a QR code, the report for a clinician (and its CSV), and guides."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, BrowserContext, Page, expect
from pypdf import PdfReader

from tests.browser.axe import violations
from tests.browser.conftest import PHONE
from tests.browser.test_offline import offline_site  # noqa: F401  (fixture)
from webapp import ROOT
from webapp.content import load
from webapp.i18n import NAMES

LANGS = tuple(NAMES)
LIBRARY = load(ROOT / "data", LANGS)
ROUTINES = tuple(LIBRARY.routines)
TODAY = datetime(2026, 3, 25, 12, 0, tzinfo=UTC)

OWN = {
    "id": "own-abc123",
    "name": "Evening back",
    "steps": [
        {"spot": 13, "tool": "thumb", "side": "left", "seconds": 45},
        {"spot": 10, "tool": "ball_sole", "side": "both", "seconds": 30},
    ],
    "createdAt": "2026-03-01T07:00:00.000Z",
    "updatedAt": "2026-03-01T07:00:00.000Z",
}


def session(n: int, day: str, routine: str | None, name: str, before, after, **extra) -> dict:
    return {
        "id": f"s-{n:04d}",
        "routineId": routine,
        "routineName": name,
        "startedAt": f"2026-{day}T18:30:00.000Z",
        "endedAt": f"2026-{day}T18:38:00.000Z",
        "seconds": 450,
        "completed": extra.pop("completed", True),
        "before": before,
        "after": after,
        **extra,
    }


# The seeded history: one session before the default period (the last four weeks), two
# routines' worth of rated sessions, an own routine's unrated one with a note a spreadsheet
# could take for a formula, one stopped early and one of a shared routine that was never saved.
HISTORY = [
    session(1, "02-01", "low-back", "Low back", 9, 8),
    session(2, "03-02", "low-back", "Low back", 7, 5, note='Sore after digging, "sharp" at first'),
    session(3, "03-05", "low-back", "Low back", 6, 4),
    session(4, "03-09", "neck-headache", "Neck and headache", 5, 3),
    session(5, "03-12", "own-abc123", "Evening back", None, None, note="=1+1, then\nbetter"),
    session(6, "03-16", "low-back", "Low back", 5, 4, completed=False),
    session(7, "03-20", None, "A friend's routine", 3, 2),
]
IN_PERIOD = HISTORY[1:]


def normalise(text: str) -> str:
    """Return text as PDF extraction can be compared: NFKC, no spaces, marks or bidi controls."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c)[0] not in "MC")


def pdf_text(pdf: bytes) -> tuple[int, str]:
    """Return a PDF's page count and its text, normalised."""
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), normalise(" ".join(p.extract_text() for p in reader.pages))


QR = zxingcpp.BarcodeFormat.QRCode


def decode_qr(page: Page, selector: str) -> str:
    """Screenshot a QR code as it is drawn and return what a scanner reads from it."""
    # A panel that has just opened may still be settling: look again for up to about 3 s
    for _ in range(10):
        png = page.locator(selector).screenshot()
        # Only QR codes, as a phone's camera does: a scan for every format once read two symbols
        # from this one code in CI (which two went unrecorded; the message below now says)
        found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)), formats=QR)
        if found:
            break
        page.wait_for_timeout(300)
    assert len(found) == 1, f"exactly one readable QR code, not {[b.text for b in found]}"
    return found[0].text


@pytest.fixture(scope="module")
def card_page(browser: Browser) -> Iterator[Page]:
    """One context for every card (no service worker: these tests are about paper)."""
    context = browser.new_context(device_scale_factor=2, service_workers="block")
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("routine_id", ROUTINES)
@pytest.mark.parametrize("lang", LANGS)
def test_a_built_in_routine_card_is_one_page_with_every_step_and_a_qr_to_it(
    live_server, card_page: Page, lang: str, routine_id: str
):
    # Given a built-in routine's page in a language
    page = card_page
    page.emulate_media(media="screen")
    url = f"{live_server.url}/{lang}/routines/{routine_id}"
    page.goto(url)
    expect(page.locator(".print-action button")).to_be_visible()
    expect(page.locator(".print-card .qr-code")).to_be_attached()
    # And each step shows the picture of its tool beside the spot's diagram
    steps = LIBRARY.routines[routine_id].steps
    pictures = page.locator(".print-card .card-step svg.technique")
    expect(pictures).to_have_count(len(steps))
    for i, step in enumerate(steps):
        expect(pictures.nth(i)).to_have_attribute("data-tool", step.tool)
    # When it is printed on Letter and on A4
    page.emulate_media(media="print")
    prose = LIBRARY.languages[lang]
    letter = page.pdf(format="Letter")
    assert len(PdfReader(io.BytesIO(letter)).pages) == 1, "Letter: one page"
    pages, text = pdf_text(page.pdf(format="A4"))
    # Then it is one page with the name, and every step's spot, tool and red flags
    assert pages == 1, "A4: one page"
    assert normalise(prose.routines[routine_id].name) in text
    for step in LIBRARY.routines[routine_id].steps:
        assert normalise(prose.spots[step.spot].name) in text
        assert normalise(prose.common.tools[step.tool]) in text
        for flag in LIBRARY.spots[step.spot].red_flags:
            assert normalise(prose.common.red_flags[flag].title) in text
    # And nothing but the card prints
    assert normalise(prose.routines[routine_id].description) not in text
    # And its QR code opens the routine's page
    assert decode_qr(page, ".print-card .qr-code") == url


def test_a_built_in_routines_qr_link_opens_that_routine(live_server, page: Page):
    page.goto(f"{live_server.url}/es/routines/shoulder")
    page.emulate_media(media="print")
    link = decode_qr(page, ".print-card .qr-code")
    page.emulate_media(media="screen")
    page.goto(link)
    expected = LIBRARY.languages["es"].routines["shoulder"].name
    expect(page.get_by_role("heading", level=1)).to_have_text(expected)


def seed(page: Page, url: str, *, routines=(), sessions=()) -> None:
    """Put routines and sessions in this browser's storage, as earlier visits would have."""
    page.goto(url)
    page.evaluate(
        """([routines, sessions]) => {
          localStorage.setItem("knotwise.routines", JSON.stringify(routines));
          localStorage.setItem("knotwise.sessions", JSON.stringify(sessions));
        }""",
        [list(routines), list(sessions)],
    )


def test_an_own_routine_card_prints_on_one_page_and_its_qr_imports_it_on_a_fresh_device(
    live_server, page: Page, browser: Browser
):
    # Given an own routine on this device, printed
    seed(page, f"{live_server.url}/en/routines/", routines=[OWN])
    page.goto(f"{live_server.url}/en/routines/play#{OWN['id']}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Evening back")
    expect(page.get_by_role("button", name="Print a routine card")).to_be_visible()
    # Its card shows the picture of each step's tool
    pictures = page.locator(".print-card .card-step svg.technique")
    expect(pictures).to_have_count(len(OWN["steps"]))
    for i, step in enumerate(OWN["steps"]):
        expect(pictures.nth(i)).to_have_attribute("data-tool", step["tool"])
    page.emulate_media(media="print")
    pages, text = pdf_text(page.pdf(format="A4"))
    assert pages == 1
    for expected in (
        "Evening back",
        "The low back pit",
        "Thumb",
        "Left",
        "The foot arch",
        "Ball under the foot",
    ):
        assert normalise(expected) in text
    # Only the red flags its spots carry: spot 13's back, none for the foot arch
    assert normalise(LIBRARY.languages["en"].common.red_flags["back"].title) in text
    assert normalise(LIBRARY.languages["en"].common.red_flags["heart"].title) not in text
    # When its QR code is scanned
    link = decode_qr(page, ".print-card .qr-code")
    assert link.startswith(f"{live_server.url}/en/routines/play#share=")
    assert "Evening" not in link  # the routine is encoded in the fragment, never a query
    # Then a fresh device opens it and saves it
    other = browser.new_context(viewport=PHONE)
    friend = other.new_page()
    friend.goto(link)
    expect(friend.get_by_role("heading", level=1)).to_have_text("Evening back")
    friend.get_by_role("button", name="Save to my routines").click()
    expect(friend.locator(".shared-status")).to_have_text("Saved to your routines on this device.")
    saved = json.loads(friend.evaluate("localStorage.getItem('knotwise.routines')"))
    other.close()
    assert [(r["name"], r["steps"]) for r in saved] == [(OWN["name"], OWN["steps"])]


def test_the_share_panel_shows_the_same_qr_code_on_screen(live_server, page: Page):
    seed(page, f"{live_server.url}/en/routines/", routines=[OWN])
    page.reload()
    page.get_by_role("button", name="Share: Evening back").click()
    link = page.get_by_label("Link to this routine").input_value()
    qr = page.get_by_role("img", name="QR code: a link that opens this routine in Knotwise")
    expect(qr).to_be_visible()
    assert decode_qr(page, ".share-qr .qr-code") == link
    assert "#share=" in link


# The clinician report.


@pytest.fixture
def report_context(browser: Browser) -> Iterator[BrowserContext]:
    """A phone in UTC with the clock fixed, so the default period is the same every run."""
    context = browser.new_context(viewport=PHONE, timezone_id="UTC", service_workers="block")
    yield context
    context.close()


def open_report(live_server, context: BrowserContext, lang: str = "en") -> Page:
    page = context.new_page()
    page.clock.install(time=TODAY)
    seed(page, f"{live_server.url}/{lang}/history", routines=[OWN], sessions=HISTORY)
    page.goto(f"{live_server.url}/{lang}/history/report")
    expect(page.locator(".report-summary")).not_to_be_empty()
    return page


def rows(section) -> list[list[str]]:
    return section.locator("tbody tr").evaluate_all(
        "trs => trs.map(tr => [...tr.cells].map(td => td.textContent))"
    )


def test_the_report_shows_the_seeded_sessions_per_spot_with_a_summary(
    live_server, report_context: BrowserContext
):
    page = open_report(live_server, report_context)
    # The default period is the last four weeks, to the fixed today
    expect(page.get_by_label("From", exact=True)).to_have_value("2026-02-26")
    expect(page.get_by_label("To", exact=True)).to_have_value("2026-03-25")
    expect(page.locator(".report-title")).to_have_text("Feb 26 – Mar 25, 2026")
    expect(page.locator(".report-summary")).to_have_text(
        "6 sessions over 3 weeks, from Mar 2, 2026 to Mar 20, 2026. Stopped early: 1. "
        "The skull base, The side of the neck, and Between the shoulder blades: "
        "tenderness from 5 to 3. "
        "The low back corner, The side of the hip, The top of the buttock, and The low back pit: "
        "tenderness from 7 to 4."
    )
    # One section per spot worked, in spot order, then the routine whose steps are unknown
    sections = page.locator(".report-spot")
    names = sections.locator(".report-spot-name").all_text_contents()
    assert names == [
        "The skull base",
        "The low back corner",
        "The side of the neck",
        "The side of the hip",
        "The foot arch",
        "Between the shoulder blades",
        "The top of the buttock",
        "The low back pit",
        "A friend's routine (its steps are no longer on this device)",
    ]
    # The low back pit: the built-in routine's three sessions and the own routine's one
    assert rows(sections.nth(7)) == [
        ["Mar 2, 2026", "Ball against a wall", "Each side in turn", "1:00", "7", "5",
         'Sore after digging, "sharp" at first'],
        ["Mar 5, 2026", "Ball against a wall", "Each side in turn", "1:00", "6", "4", ""],
        ["Mar 12, 2026", "Thumb", "Left side", "0:45", "–", "–", "=1+1, then\nbetter"],
        ["Mar 16, 2026 (Stopped early)", "Ball against a wall", "Each side in turn", "1:00",
         "5", "4", ""],
    ]  # fmt: skip
    assert rows(sections.nth(8)) == [["Mar 20, 2026", "–", "–", "–", "3", "2", ""]]
    # Each rated spot has a trend chart with a dot per rating
    chart = sections.nth(7).get_by_role("img", name=re.compile("^Tenderness of The low back pit"))
    expect(chart.locator("circle.trend-before")).to_have_count(3)
    expect(chart.locator("circle.trend-after")).to_have_count(3)
    # Choosing another period changes the report
    page.get_by_label("From", exact=True).fill("2026-02-01")
    page.get_by_label("To", exact=True).fill("2026-02-28")
    page.get_by_role("button", name="Show report").click()
    expect(page.locator(".report-summary")).to_have_text(
        "1 session over 1 day, from Feb 1, 2026 to Feb 1, 2026. "
        "The low back corner, The side of the hip, The top of the buttock, and The low back pit: "
        "tenderness from 9 to 8."
    )
    assert violations(page) == []


# A typical month: the low back routine three times a week, rated, with a note now and then,
# and four quick sessions of the low back pit ("Treat this spot now": 2 rounds, thumb, left).
MONTH = [
    session(n, f"{day}", "low-back", "Low back", 7 - n // 3, 4 - n // 4,
            **({"note": "Stiff after a long drive"} if n % 5 == 0 else {}))
    for n, day in enumerate(
        ["02-27", "03-01", "03-03", "03-06", "03-08", "03-10", "03-13", "03-15", "03-17",
         "03-20", "03-22", "03-24"], start=1)
] + [
    session(20 + n, day, "quick:13:thumb:left:60:2", "The low back pit", 5, 3)
    for n, day in enumerate(["03-04", "03-11", "03-18", "03-23"])
]  # fmt: skip


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_months_report_prints_on_one_page_with_a_name_line_and_the_print_date(
    live_server, report_context: BrowserContext, paper: str
):
    # Given a month of sessions, quick ones among them
    page = report_context.new_page()
    page.clock.install(time=TODAY)
    seed(page, f"{live_server.url}/en/history", sessions=MONTH)
    page.goto(f"{live_server.url}/en/history/report")
    expect(page.locator(".report-summary")).to_contain_text("16 sessions over 4 weeks")
    # The quick sessions are the low back pit's too: four spots, nothing filed apart
    expect(page.locator(".report-spot")).to_have_count(4)
    pit = page.locator(".report-spot", has=page.get_by_text("The low back pit", exact=True))
    expect(pit.locator("tbody tr")).to_have_count(16)
    # When it is printed
    page.emulate_media(media="print")
    pages, text = pdf_text(page.pdf(format=paper))
    # Then it is one page, with a line for the reader's name and the day it was printed
    assert pages == 1
    assert normalise("Name:") in text
    assert normalise("Printed on Mar 25, 2026") in text
    assert normalise("Thumb") in text and normalise("1:00 × 2") in text
    assert "0.75" not in text and "nolongeronthisdevice" not in text


def test_the_report_reads_right_to_left_in_arabic_with_arabic_words_and_numbers(
    live_server, report_context: BrowserContext
):
    page = open_report(live_server, report_context, "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expected_start = page.evaluate(
        """() => [new Intl.NumberFormat("ar").format(6) + " جلسات خلال "
                  + new Intl.NumberFormat("ar", {style: "unit", unit: "week", unitDisplay: "long"})
                      .format(3),
                  new Intl.DateTimeFormat("ar", {dateStyle: "medium"})
                      .format(new Date("2026-03-02T18:30:00Z"))]"""
    )
    summary = page.locator(".report-summary").text_content()
    assert summary.startswith(expected_start[0])
    assert expected_start[1] in summary
    assert "tenderness" not in summary
    assert violations(page) == []


def documented_columns() -> list[str]:
    """Return the CSV columns as docs/printing.md lists them."""
    doc = (ROOT / "docs" / "printing.md").read_text()
    table = doc.split("### CSV columns", 1)[1]
    return re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE)


def expected_records() -> list[dict]:
    """Return the sessions in the default period as the CSV should carry them."""
    steps = {rid: [asdict(s) for s in r.steps] for rid, r in LIBRARY.routines.items()}
    steps[OWN["id"]] = OWN["steps"]
    return [{**s, "note": s.get("note", ""), "steps": steps.get(s["routineId"])} for s in IN_PERIOD]


def test_the_report_csv_has_the_documented_columns_and_reads_back_to_the_same_records(
    live_server, report_context: BrowserContext, tmp_path: Path
):
    page = open_report(live_server, report_context)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    assert download.value.suggested_filename == "knotwise-report-2026-02-26-to-2026-03-25.csv"
    raw = Path(download.value.path()).read_bytes()
    # A spreadsheet (here Python's csv) reads it: documented columns, one row per step
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(table[0]) == documented_columns()
    assert len(table) == 4 + 4 + 3 + 2 + 4 + 1
    own = [r for r in table if r["session_id"] == "s-0005"]
    assert [(r["spot"], r["spot_name"], r["tool"], r["seconds_per_side"]) for r in own] == [
        ("13", "The low back pit", "thumb", "45"),
        ("10", "The foot arch", "ball_sole", "30"),
    ]
    assert own[0]["note"] == "'=1+1, then\nbetter"  # no formula for a spreadsheet to run
    # And the app's own reader gives back exactly the records it was made from
    back = page.evaluate(
        "async (text) => (await import('/static/js/print/csv.js')).fromCsv(text)",
        raw.decode("utf-8"),
    )
    assert back == expected_records()


def test_making_the_report_sends_nothing_over_the_network(
    live_server, report_context: BrowserContext
):
    # Given the report page, loaded
    page = open_report(live_server, report_context)
    expect(page.locator(".report-spot")).to_have_count(9)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    # When the reader picks another period, makes the report again and saves the CSV
    page.get_by_label("From", exact=True).fill("2026-03-10")
    page.get_by_role("button", name="Show report").click()
    expect(page.locator(".report-summary")).to_contain_text("3 sessions over 9 days")
    with page.expect_download():
        page.get_by_role("button", name="Download CSV").click()
    page.emulate_media(media="print")
    page.pdf(format="A4")
    # Then nothing went over the network (the CSV is a blob: made on the device)
    assert [url for url in requests if not url.startswith("blob:")] == []


def test_the_report_and_its_scripts_are_in_the_offline_copy(client):
    script = client.get("/sw.js").text
    precache = json.loads(re.search(r"^self\.PRECACHE = (\{.*\});$", script, re.M).group(1))
    pages = {e["url"] for e in precache["languages"]["en"]}
    shared = {e["url"] for e in precache["shared"]}
    assert "/en/history/report" in pages
    for name in ("report", "report-data", "csv", "chart", "card", "qr"):
        assert f"/static/js/print/{name}.js" in shared
    assert "/static/js/vendor/qrcode-generator.js" in shared


def test_a_note_written_with_a_rating_is_kept_and_reported(live_server, page: Page):
    page.clock.install(time=TODAY)  # the report runs from the date filled in to "today"
    seed(page, f"{live_server.url}/en/history", sessions=[HISTORY[3]])
    page.reload()
    page.locator(".session-rate summary").click()
    page.get_by_label("Note (optional)").fill("Better after the walk")
    page.get_by_role("button", name="Save rating").click()
    expect(page.locator(".session-note")).to_have_text("Better after the walk")
    page.locator(".session-rate summary").click()
    assert violations(page) == []
    page.get_by_role("link", name="Report for a clinician").click()
    page.get_by_label("From", exact=True).fill("2026-03-01")
    page.get_by_role("button", name="Show report").click()
    expect(page.locator(".report-table td", has_text="Better after the walk").first).to_be_visible()


# Guides.


@pytest.mark.parametrize("lang", ["en", "de", "ar"])  # shortest, longest, right to left
def test_a_guide_prints_as_a_clean_document_without_navigation(
    live_server, card_page: Page, lang: str
):
    page = card_page
    page.emulate_media(media="screen")
    spot = LIBRARY.spots[9]
    page.goto(f"{live_server.url}/{lang}/spots/9-{spot.slug}")
    texts = lambda selector: page.locator(selector).all_text_contents()  # noqa: E731
    # Each navigation block whole (header, breadcrumb, in-page contents, pager, footer,
    # language switcher): its labels one after another appear nowhere else.
    navigation = [
        *texts("nav"),
        *texts(".skip-link"),
        *texts(".site-footer .fine-print"),
        *[name for code, name in NAMES.items() if code != lang],
    ]
    common = LIBRARY.languages[lang].common
    kept = [
        *texts("#where, #treat, #stop, #sources"),
        *[common.red_flags[key].title for key in spot.red_flags],
    ]
    page.emulate_media(media="print")
    pages, text = pdf_text(page.pdf(format="A4"))
    assert pages <= 4  # two columns on A4: three or four pages for this guide
    for words in navigation:
        assert normalise(words) not in text
    for words in kept:
        assert normalise(words) in text
    assert normalise(LIBRARY.languages[lang].spots[9].find[0]) in text


def test_the_report_and_the_routine_card_work_offline(offline_site):  # noqa: F811
    # Given one online visit to the home page, and then no server at all
    url, context = offline_site
    page = context.new_page()
    # When the reader opens the report, with history on the device
    page.goto(f"{url}/en/history/report")
    expect(page.get_by_role("heading", level=1)).to_have_text("Report for a clinician")
    page.evaluate(
        "(s) => localStorage.setItem('knotwise.sessions', JSON.stringify(s))", [HISTORY[-1]]
    )
    page.get_by_label("From", exact=True).fill("2026-01-01")
    page.get_by_label("To", exact=True).fill("2026-12-31")
    page.get_by_role("button", name="Show report").click()
    # Then it is made from the saved copy
    expect(page.locator(".report-summary")).to_contain_text("1 session over 1 day")
    # And a routine's card still gets its QR code
    page.goto(f"{url}/en/routines/low-back")
    expect(page.locator(".print-card .qr-code")).to_be_attached()
    page.close()
