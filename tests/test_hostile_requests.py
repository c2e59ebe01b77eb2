"""Every route, in every language, under hostile query strings, headers, methods and cookies:
never a 5xx, the security headers on every answer, and nothing of a forged host in it."""

from __future__ import annotations

import gzip
import tempfile
from urllib.parse import quote

import brotli
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from webapp import create_app
from webapp import headers as rules
from webapp.content import library

FORGED = "zq-forged-host.example"
RESERVED = ["_external", "_scheme", "_anchor", "_method"]
SECURITY = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")


# Built at collection, to list the routes; not TESTING's exception propagation, so a failure
# comes back as the 500 a reader would see.
APP = create_app(
    {
        "TESTING": True,
        "PROPAGATE_EXCEPTIONS": False,
        "INSTANCE_PATH": tempfile.mkdtemp(prefix="knotwise-hostile-"),
        "RATE_LIMIT_SUBSCRIBE": "100000/1",
    }
)


@pytest.fixture(scope="module")
def hostile_app():
    yield APP
    APP.extensions["push_db"]["engine"].dispose()


RULES = sorted(APP.url_map.iter_rules(), key=lambda r: r.rule)
LANGS = list(APP.config["LANGUAGES"])
ARGUMENT_NAMES = sorted({name for rule in RULES for name in rule.arguments} | {"region", "v"})
with APP.app_context():
    SPOT = next(iter(library().spots.values()))
    ROUTINE = next(iter(library().routines))
SAMPLE = {
    "number": SPOT.number,
    "slug": SPOT.slug,
    "routine_id": ROUTINE,
    "filename": "css/app.css",
    "sid": "a" * 20,
}


def path_of(rule, lang: str) -> str:
    """Return a real address of a rule, in a language when it takes one."""
    values = {name: SAMPLE.get(name, "x") for name in rule.arguments if name != "lang"}
    values.update(rule.defaults or {})
    if "lang" in rule.arguments:
        values["lang"] = lang
    return APP.url_map.bind("localhost").build(rule.endpoint, values, append_unknown=False)


def assert_safe(response, where: str) -> None:
    assert response.status_code < 500, (where, response.status_code)
    for header in SECURITY:
        if header == "Content-Security-Policy" and (
            response.status_code == 304  # no type: the browser keeps the stored response's
            or not rules.runs(response.mimetype, response.request.path in rules.WORKER_SCRIPTS)
        ):
            continue  # a stylesheet, script, icon or manifest: the page's policy governs it
        assert header in response.headers, (where, header)
    data = response.get_data()
    encoding = response.headers.get("Content-Encoding")
    if encoding and data:  # a HEAD answer has the headers but no body
        data = brotli.decompress(data) if encoding == "br" else gzip.decompress(data)
    assert FORGED.encode() not in data, where
    assert FORGED not in response.headers.get("Location", ""), where


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.rule)
def test_every_route_ignores_reserved_and_argument_named_query_keys(hostile_app, rule, lang):
    query = "&".join(f"{key}={FORGED}" for key in RESERVED + ARGUMENT_NAMES)
    url = f"{path_of(rule, lang)}?{query}"
    headers = {"Host": FORGED, "X-Forwarded-Host": FORGED, "X-Forwarded-Proto": "https"}
    response = hostile_app.test_client().get(url, headers=headers)
    assert_safe(response, url)


keys = st.sampled_from(RESERVED + ARGUMENT_NAMES) | st.text(min_size=1, max_size=8)
values = st.sampled_from(
    ["1", "0", "true", FORGED, "https", "POST", "ar", "%", "x" * 300]
) | st.text(max_size=12)
headers = st.fixed_dictionaries(
    {},
    optional={
        "Host": st.sampled_from([FORGED, f"{FORGED}:8443", f"user@{FORGED}", "localhost"]),
        "X-Forwarded-Host": st.just(FORGED),
        "X-Forwarded-Proto": st.sampled_from(["https", "javascript", FORGED]),
        "X-Forwarded-For": st.sampled_from([FORGED, "1.2.3.4, 5.6.7.8", "not an address"]),
        "X-Forwarded-Prefix": st.just(f"//{FORGED}"),
        "X-Forwarded-Port": st.sampled_from(["1", "99999", "x"]),
        "Cookie": st.sampled_from(
            [
                "lang=ar",
                "lang=\x7f\x01",
                "lang=" + "z" * 4000,
                "=;;;=",
                "lang",
                '"lang=en',
                "a=b; lang=",
            ]
        ),
        "Accept-Language": st.sampled_from(["ar;q=x", "*", "q=" * 500, "es-419,pt-BR;q=0.9"]),
        "Accept-Encoding": st.sampled_from(["br;q=abc", "gzip, br", "identity;q=0"]),
        "If-None-Match": st.sampled_from(['"' * 100, "*", "W/"]),
    },
)
methods = st.sampled_from(["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "PROPFIND"])


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.rule)
@settings(
    max_examples=10,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    lang=st.sampled_from(LANGS),
    query=st.lists(st.tuples(keys, values), max_size=6),
    sent=headers,
    method=methods,
)
def test_no_request_to_any_route_gets_a_5xx_or_carries_a_forged_host(
    hostile_app, rule, lang, query, sent, method
):
    encoded = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in query)
    url = f"{path_of(rule, lang)}?{encoded}"
    # buffered: the body is read and closed here, even for a 304 or a range of a static file
    response = hostile_app.test_client().open(url, method=method, headers=sent, buffered=True)
    assert_safe(response, f"{method} {url} {sent}")


def test_a_failing_view_answers_the_designed_500_page_with_every_header(tmp_path):
    app = create_app(
        {"TESTING": True, "PROPAGATE_EXCEPTIONS": False, "INSTANCE_PATH": str(tmp_path)}
    )

    @app.route("/<lang:lang>/broken")
    def broken(lang):
        raise RuntimeError("a bug")

    for lang in LANGS:
        response = app.test_client().get(f"/{lang}/broken")
        assert response.status_code == 500
        assert f'<html lang="{lang}"' in response.text
        assert "Knotwise" in response.text and "a bug" not in response.text
        for header in (*SECURITY, "X-Frame-Options"):
            assert header in response.headers
    api = app.test_client().get("/api/push/subscriptions/%00", headers={"Authorization": "x"})
    assert api.status_code < 500


def test_an_error_page_that_fails_to_render_falls_back_to_the_500_page(tmp_path):
    app = create_app(
        {"TESTING": True, "PROPAGATE_EXCEPTIONS": False, "INSTANCE_PATH": str(tmp_path)}
    )

    def broken_switcher():
        raise RuntimeError("the switcher broke")

    app.jinja_env.globals["language_switcher"] = broken_switcher
    response = app.test_client().get("/en/no-such-page")
    assert response.status_code == 500
    assert "Knotwise" in response.text and "switcher broke" not in response.text
    for header in SECURITY:
        assert header in response.headers


def test_a_failing_api_view_answers_json_with_the_headers(tmp_path):
    app = create_app(
        {"TESTING": True, "PROPAGATE_EXCEPTIONS": False, "INSTANCE_PATH": str(tmp_path)}
    )

    @app.route("/api/broken")
    def broken():
        raise RuntimeError("a bug")

    response = app.test_client().get("/api/broken")
    assert response.status_code == 500
    assert response.is_json and "error" in response.json
    for header in SECURITY:
        assert header in response.headers


@pytest.mark.parametrize(
    ("public", "origin"),
    [
        (None, "http://127.0.0.1:5000"),
        ("https://knotwise.example.org", "https://knotwise.example.org"),
    ],
)
def test_calendar_links_come_from_configuration_never_from_the_host(tmp_path, public, origin):
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path), "PUBLIC_ORIGIN": public})
    form = {"lang": "es", "timezone": "UTC", "time": "07:30", "days": "mon", "title": "Cuello"}
    headers = {"Host": FORGED, "X-Forwarded-Host": FORGED}
    response = app.test_client().post("/api/calendar.ics", data=form, headers=headers)
    assert response.status_code == 200
    assert FORGED.encode() not in response.data
    assert f"URL:{origin}/es/routines/".encode() in response.data
