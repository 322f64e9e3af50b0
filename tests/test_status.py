import io
import json

from parallax.cli import main
from parallax.ingest import read_article
from parallax.status import CLEAR, Status
from tests.conftest import CORPUS


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_sees_each_step_then_a_clean_line():
    err = Terminal()
    status = Status(err)
    status.say("parsing 2 articles")
    status.clear()
    assert err.getvalue().startswith(CLEAR + "parallax: parsing 2 articles...")
    assert err.getvalue().endswith(CLEAR)


def test_a_pipe_or_a_closed_stream_sees_nothing():
    pipe = io.StringIO()
    Status(pipe).say("parsing")
    assert pipe.getvalue() == ""
    closed = io.StringIO()
    closed.close()
    Status(closed).say("parsing")  # isatty() on a closed stream raises: no status, no crash


def test_compare_on_a_terminal_shows_its_steps_and_keeps_stdout_clean():
    out, err = io.StringIO(), Terminal()
    code = main(
        ["compare", str(CORPUS / "wang-yi-russia-rewrite.md"), str(CORPUS / "wang-yi-russia-original.md")], out, err
    )
    assert code == 0
    assert json.loads(out.getvalue())["matches"]  # the JSON holds no status text
    shown = err.getvalue()
    words = sum(len(read_article(CORPUS / f"wang-yi-russia-{n}.md").text.split()) for n in ("rewrite", "original"))
    steps = [s.removesuffix("...") for s in shown.split(CLEAR) if s]
    assert steps[-3:] == [
        f"parallax: parsed 1 of 2 ({words:,} words)",
        f"parallax: parsed 2 of 2 ({words:,} words)",
        "parallax: comparing",
    ]
    assert f"parallax: parsing 2 articles ({words:,} words)" in steps and shown.endswith(CLEAR)


def test_an_error_on_a_terminal_starts_on_a_clean_line(tmp_path):
    err = Terminal()
    code = main(
        ["compare", str(CORPUS / "wang-yi-russia-rewrite.md"), str(tmp_path / "missing.md")], io.StringIO(), err
    )
    assert code == 2
    assert err.getvalue().endswith(CLEAR + "parallax: error: " + err.getvalue().split("parallax: error: ")[-1])
