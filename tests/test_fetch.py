"""Articles by address, against a real local web server on 127.0.0.1 (no test reaches further)."""

from __future__ import annotations

import http.server
import io
import json
import threading
import time

import pytest

from parallax.cli import main
from parallax.fetch import ALLOW_PRIVATE, FetchError, article_from_url

ARTICLE = """<!doctype html><html><head><title>Wang Yi in Moscow | Example Wire</title>
<meta property="og:site_name" content="Example Wire"><meta property="og:title" content="Wang Yi arrives in Moscow">
<meta name="date" content="2023-09-18"><script>window.__pwned = 1; alert("x")</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="ad">Buy now! Limited offer on luxury watches.</div>
<article><h1>Wang Yi arrives in Moscow</h1>
<p>China's top diplomat Wang Yi arrived in Moscow on Monday for four days of security talks with Russian officials,
the foreign ministry in Beijing said in a statement.</p>
<p>The visit follows a meeting between Vladimir Putin and North Korea's Kim Jong Un last week in the far east of
Russia, which raised concerns in Washington about arms deals.</p></article>
<footer>Copyright Example Wire. All rights reserved.</footer></body></html>"""


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output quiet
        pass

    def do_GET(self):
        if self.path.startswith("/article"):
            body = ARTICLE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif self.path == "/hop":
            self.send_response(301)
            self.send_header("Location", "/article/moved.html")
            self.end_headers()
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(60):  # one byte a second, for a minute at most
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(1)
            except OSError:
                pass
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the cap must hold while reading
            try:
                chunk = b"<p>" + b"word " * 13000 + b"</p>"
                for _ in range(60 * 1024 * 1024 // len(chunk)):  # 60 MB
                    self.wfile.write(chunk)
            except OSError:
                pass
        else:
            self.send_response(404)
            self.end_headers()


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def allow_private(monkeypatch):
    monkeypatch.setenv(ALLOW_PRIVATE, "1")


def test_article_page_gives_only_the_article_and_its_metadata(server, allow_private):
    article = article_from_url(f"{server}/article/wang-yi-moscow.html")
    assert article.text.startswith("Wang Yi arrives in Moscow\nChina's top diplomat Wang Yi arrived in Moscow")
    assert "Kim Jong Un" in article.text
    for furniture in ("Home", "luxury watches", "alert", "All rights reserved"):
        assert furniture not in article.text
    assert article.outlet == "Example Wire" and article.published.isoformat() == "2023-09-18"
    assert "Wang Yi" in article.title and article.url.endswith("/article/wang-yi-moscow.html")
    assert article.id == "wang-yi-moscow"


def test_redirects_are_followed_and_checked_again(server, allow_private):
    assert article_from_url(f"{server}/hop").url.endswith("/article/moved.html")


def test_a_redirect_to_file_is_refused(server, allow_private):
    with pytest.raises(FetchError, match="does not follow"):
        article_from_url(f"{server}/to-file")


def test_a_dripping_server_hits_the_overall_deadline(server, allow_private):
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"longer than 3 seconds|did not answer"):
        article_from_url(f"{server}/drip", deadline=3)
    assert time.monotonic() - started < 8  # the deadline, not the server, decides


def test_a_60_mb_page_is_cut_off_at_the_size_cap(server, allow_private):
    with pytest.raises(FetchError, match="limit"):
        article_from_url(f"{server}/huge")


def test_loopback_without_the_variable_is_refused(server, monkeypatch):
    monkeypatch.delenv(ALLOW_PRIVATE, raising=False)
    for address in (f"{server}/article/x.html", "http://localhost/", "http://10.0.0.1/", "http://169.254.169.254/"):
        with pytest.raises(FetchError, match="not a public address"):
            article_from_url(address)
    with pytest.raises(FetchError, match="only http and https"):
        article_from_url("ftp://127.0.0.1/x")


def test_command_line_takes_addresses_and_refuses_in_one_line(server, monkeypatch):
    monkeypatch.setenv(ALLOW_PRIVATE, "1")
    out, err = io.StringIO(), io.StringIO()
    assert main(["analyse", f"{server}/article/wang-yi-moscow.html"], out, err) == 0, err.getvalue()
    data = json.loads(out.getvalue())
    assert data["documents"][0]["outlet"] == "Example Wire"
    monkeypatch.delenv(ALLOW_PRIVATE)
    out, err = io.StringIO(), io.StringIO()
    assert main(["compare", f"{server}/article/a.html", f"{server}/article/b.html"], out, err) == 2
    assert err.getvalue().count("\n") == 1 and "not a public address" in err.getvalue()


def test_library_fetches_an_address_into_the_session(server, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    monkeypatch.setenv(ALLOW_PRIVATE, "1")
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120).run()
    at.switch_page("pages/1_Library.py").run()
    at.text_area(key="url_list").input(f"{server}/article/wang-yi-moscow.html\n{server}/to-file").run()
    next(b for b in at.button if b.label == "Fetch articles").click().run()
    assert not at.exception
    assert any("Added 1 article" in s.value for s in at.success)
    assert any("does not follow" in e.value for e in at.error)
    assert "wang-yi-moscow" in at.session_state["px_session_articles"]
    assert at.session_state["px_session_articles"]["wang-yi-moscow"].outlet == "Example Wire"
