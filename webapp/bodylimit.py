"""Request bodies are limited however they are sent, chunked included.

Werkzeug refuses a Content-Length over the limit up front, but a chunked body (no length) is
read through a stream that stops quietly at the limit, so an oversized body arrived cut short
instead of refused. Here such a stream reads at most one byte past the limit and then refuses
the request with 413, before the rest is read.
"""

from __future__ import annotations

import io

from flask import Flask, Request
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.utils import cached_property
from werkzeug.wsgi import get_input_stream


class CappedStream(io.RawIOBase):
    """A terminated input stream that raises 413 once more than `limit` bytes arrive."""

    def __init__(self, stream, limit: int) -> None:
        self._stream = stream
        self._limit = limit
        self._read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        # Ask for at most one byte past the limit: enough to know the body is too large.
        want = min(len(buffer), self._limit + 1 - self._read)
        if want <= 0:
            raise RequestEntityTooLarge()
        data = self._stream.read(want)
        if not data:
            return 0
        self._read += len(data)
        if self._read > self._limit:
            raise RequestEntityTooLarge()
        buffer[: len(data)] = data
        return len(data)


class BoundedRequest(Request):
    """Flask's request, with a body stream that refuses chunked bodies over the limit."""

    @cached_property
    def stream(self):
        if self.shallow:
            raise RuntimeError("shallow request: reading the body is disabled")
        limit = self.max_content_length
        terminated = "wsgi.input_terminated" in self.environ
        if self.content_length is None and limit is not None and terminated:
            return io.BufferedReader(CappedStream(self.environ["wsgi.input"], limit))
        return get_input_stream(self.environ, max_content_length=limit)


def init_app(app: Flask) -> None:
    """Use the bounded request class for every request."""
    app.request_class = BoundedRequest
