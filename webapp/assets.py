"""How bytes leave the app: content-hashed static URLs, caching, ETags and compression."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import brotli
from flask import Flask, Response, current_app, request, url_for

from . import headers
from .headers import COMPRESSIBLE, IMMUTABLE, REVALIDATE, STATIC_REVALIDATE
from .lru import ByteLRU


def digest(data: bytes) -> str:
    """Return the short content hash used for static URLs and offline-copy entries alike."""
    return hashlib.sha256(data).hexdigest()[:12]


def file_hashes(folder: Path) -> dict[str, str]:
    """Return a short content hash for every file under a folder, keyed by relative path."""
    return {
        p.relative_to(folder).as_posix(): digest(p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def asset_hash(filename: str) -> str:
    """Return the content hash of a static file, failing loudly for an unknown one."""
    hashes = current_app.extensions["asset_hashes"]
    if filename not in hashes:
        raise LookupError(f"no static file {filename!r}")
    return hashes[filename]


def asset(filename: str) -> str:
    """Return the cache-busting URL of a static file."""
    return url_for("static", filename=filename, v=asset_hash(filename))


def compress(data: bytes, encoding: str) -> bytes:
    """Compress bytes as the app sends them (the static build writes the same bytes)."""
    if encoding == "br":
        return brotli.compress(data, quality=11 if len(data) < 200_000 else 5)
    return gzip.compress(data, compresslevel=9, mtime=0)


def _compress(data: bytes, encoding: str, digest: str) -> bytes:
    """Compress bytes once; pages and files repeat, so the result is kept (COMPRESSION_CACHE_BYTES).

    The key is the content's hash, so the store holds only the compressed bytes."""
    kept: ByteLRU = current_app.extensions["compressed"]
    packed = kept.get((digest, encoding))
    if packed is None:
        packed = compress(data, encoding)
        kept.put((digest, encoding), packed)
    return packed


def _encoding() -> str | None:
    accepted = request.accept_encodings
    for encoding in headers.ENCODINGS:
        if accepted[encoding]:
            return encoding
    return None


def _is_versioned_static() -> bool:
    if request.endpoint != "static":
        return False
    filename = (request.view_args or {}).get("filename", "")
    known = current_app.extensions["asset_hashes"].get(filename)
    return known is not None and request.args.get("v") == known


def finish(response: Response) -> Response:
    """Set caching headers, answer conditional requests and compress text responses."""
    if request.endpoint == "static":
        # The URL names the file and the ETag validates it: these would only add bytes.
        for redundant in ("Content-Disposition", "Last-Modified"):
            response.headers.pop(redundant, None)
        filename = (request.view_args or {}).get("filename", "")
        known = headers.type_of(filename)
        if known and response.status_code == 200:
            response.mimetype = known  # the types the static build's servers use too
        if response.status_code in (200, 304):  # never a not-found, and never for a year
            response.headers["Cache-Control"] = (
                IMMUTABLE if _is_versioned_static() else STATIC_REVALIDATE
            )
        else:
            response.headers.pop("Cache-Control", None)
    elif (
        response.status_code == 200
        and request.method in ("GET", "HEAD")
        and "Cache-Control" not in response.headers
        and not request.path.startswith("/api/")
    ):
        response.headers["Cache-Control"] = REVALIDATE  # pages: checked before each use
    if response.status_code != 200 or response.mimetype not in COMPRESSIBLE:
        return response
    if (
        "Content-Encoding" in response.headers
        or response.is_streamed
        and not response.direct_passthrough
    ):
        return response
    source = response.response
    response.direct_passthrough = False
    data = response.get_data()
    if hasattr(source, "close"):  # a static file's handle: its bytes are read now
        source.close()
    encoding = _encoding() if headers.compressible(response.mimetype, len(data)) else None
    response.vary.add("Accept-Encoding")
    tag = hashlib.sha256(data).hexdigest()[:20]
    response.set_etag(f"{tag}-{encoding}" if encoding else tag)
    response.make_conditional(request)
    if response.status_code == 200 and encoding:
        response.set_data(_compress(data, encoding, tag))
        response.headers["Content-Encoding"] = encoding
    return response


def init_app(app: Flask) -> None:
    """Hash the static files once and serve every response through finish()."""
    app.extensions["asset_hashes"] = file_hashes(Path(app.static_folder))
    app.config.setdefault("COMPRESSION_CACHE_BYTES", 8 * 1024 * 1024)
    app.extensions["compressed"] = ByteLRU(int(app.config["COMPRESSION_CACHE_BYTES"]))
    app.jinja_env.globals["asset"] = asset
    app.after_request(finish)
