"""A thin helper to run axe-core (bundled by axe-playwright-python, no network) on a page."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

_axe = Axe()


def violations(page: Page) -> list[str]:
    """Return one line per axe violation on the page as it is now (empty when clean)."""
    results = _axe.run(page)
    return [
        f"{v['id']}: {v['help']} at {', '.join(str(n['target']) for n in v['nodes'][:3])}"
        for v in results.response["violations"]
    ]
