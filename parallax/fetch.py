"""Stage 0, articles by address: fetch a public web page, guarded, and read it as an article.

The app runs in public, so the fetch is guarded (and trafilatura's own downloader, with its
insecure-SSL fallback, is never used: Parallax fetches, trafilatura only reads the HTML):

1. only ``http`` and ``https``;
2. the host's every address must be public: loopback, private ranges, link-local, multicast and
   reserved addresses (and ``localhost``) are refused unless ``PARALLAX_ALLOW_PRIVATE_URLS=1`` is
   set (tests, intranet deployments);
3. redirects are followed by hand, at most five, each hop checked again like the first; a redirect
   to another scheme (``file://``, ``ftp://``) is refused;
4. one deadline for the whole fetch (30 seconds by default), however slowly the server sends;
5. a size cap (5 MB, as for uploads), checked on the announced length and while reading.

Every refusal raises :class:`FetchError` with one sentence that says what to do next.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from .ingest import IngestError, article_from_html, slug
from .model import Article
from .options import DEFAULT_OPTIONS

ALLOW_PRIVATE = "PARALLAX_ALLOW_PRIVATE_URLS"
MAX_BYTES = 5 * 1024 * 1024
DEADLINE_SECONDS = 30.0
MAX_REDIRECTS = 5
USER_AGENT = "Parallax/0.2 (newsroom comparison tool)"


class FetchError(IngestError):
    """The address was refused or could not be read; the message says what to do next."""


@dataclass(frozen=True)
class Page:
    url: str  # the final address, after redirects
    html: str


def is_url(text: str) -> bool:
    return bool(re.match(r"(?i)^https?://", text.strip()))


def _check_address(url: str) -> urllib.parse.SplitResult:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url}: only http and https addresses can be fetched. Copy the article's web address.")
    host = parts.hostname
    if not host:
        raise FetchError(f"{url}: the address has no host name. Check the link.")
    if os.environ.get(ALLOW_PRIVATE) == "1":
        return parts
    try:
        infos = socket.getaddrinfo(
            host, parts.port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM
        )
    except socket.gaierror as exc:
        raise FetchError(f"{url}: the host {host} could not be found. Check the address.") from exc
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global or address.is_multicast:
            raise FetchError(
                f"{url}: {host} is not a public address ({address}), so Parallax will not fetch it. "
                f"Paste the article text instead, or set {ALLOW_PRIVATE}=1 on an intranet deployment."
            )
    return parts


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects come back as responses, so every hop is checked before it is followed."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def fetch_page(url: str, deadline: float = DEADLINE_SECONDS, max_bytes: int = MAX_BYTES) -> Page:
    """The HTML at ``url``, fetched under the guards above."""
    opener = urllib.request.build_opener(_NoRedirect)
    end = time.monotonic() + deadline
    current = url.strip()
    for _ in range(MAX_REDIRECTS + 1):
        _check_address(current)
        remaining = end - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"{url}: the server did not answer within {deadline:.0f} seconds. Try again later.")
        request = urllib.request.Request(current, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*"})
        try:
            response = opener.open(request, timeout=min(remaining, 10.0))
        except urllib.error.HTTPError as exc:
            if exc.code in (301, 302, 303, 307, 308) and exc.headers.get("Location"):
                target = urllib.parse.urljoin(current, exc.headers["Location"])
                if urllib.parse.urlsplit(target).scheme.lower() not in ("http", "https"):
                    raise FetchError(
                        f"{url}: the page redirects to a {urllib.parse.urlsplit(target).scheme or 'non-web'} address, "
                        "which Parallax does not follow. Paste the article text instead."
                    ) from exc
                current = target
                continue
            raise FetchError(f"{url}: the server answered {exc.code} {exc.reason}. Check the address.") from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError | socket.timeout):
                raise FetchError(f"{url}: the server did not answer in time. Try again later.") from exc
            raise FetchError(f"{url}: the page could not be fetched ({reason}). Check the address.") from exc
        with response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"{url}: the page is {int(length):,} bytes, over the {max_bytes:,}-byte limit.")
            body = _read_until(response, end, max_bytes, url, deadline)
            charset = response.headers.get_content_charset() or "utf-8"
        return Page(current, body.decode(charset, errors="replace"))
    raise FetchError(
        f"{url}: more than {MAX_REDIRECTS} redirects. Open the page in a browser and copy its final address."
    )


def _read_until(response, end: float, max_bytes: int, url: str, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > end:
            raise FetchError(f"{url}: the page took longer than {deadline:.0f} seconds to arrive. Try again later.")
        try:
            chunk = response.read1(65536) if hasattr(response, "read1") else response.read(65536)
        except TimeoutError as exc:
            raise FetchError(f"{url}: the server stopped sending. Try again later.") from exc
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: the page is over the {max_bytes:,}-byte limit. Paste the article text instead.")
        chunks.append(chunk)


def article_from_url(
    url: str,
    source: str = "url",
    max_chars: int = DEFAULT_OPTIONS.max_chars,
    deadline: float = DEADLINE_SECONDS,
    max_bytes: int = MAX_BYTES,
) -> Article:
    """Fetch ``url`` and read its main text and metadata (title, outlet, date) with trafilatura."""
    page = fetch_page(url, deadline, max_bytes)
    path = urllib.parse.urlsplit(page.url).path.rstrip("/")
    article_id = slug(
        path.rsplit("/", 1)[-1].rsplit(".", 1)[0] or urllib.parse.urlsplit(page.url).hostname or "page", "page"
    )
    article = article_from_html(page.html, article_id, source, max_chars)
    return Article(**{**article.__dict__, "url": page.url})
