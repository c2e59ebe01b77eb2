"""axe-core finds nothing on the reader-facing pages, in light and dark colour schemes."""

from __future__ import annotations

import pytest

from tests.browser.axe import violations
from tests.test_pages import GUIDES, PAGES


@pytest.fixture(scope="module", params=["light", "dark"])
def scheme_page(request, browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, color_scheme=request.param
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES + GUIDES + ["/en/?region=chest", "/en/spots/99"])
def test_no_axe_violations(live_server, scheme_page, path):
    scheme_page.goto(live_server.url + path)
    assert violations(scheme_page) == []
