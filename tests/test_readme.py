"""The README's command-line section is generated output, checked here (as sqlite-utils does with cog).

Blocks between ``<!-- cli: ARGS -->`` and ``<!-- /cli -->`` hold exactly what ``python -m parallax ARGS``
prints (``--help`` text and real runs on the corpus). Rewrite them after a deliberate change with
``PARALLAX_UPDATE_README=1 python -m pytest tests/test_readme.py`` and review the diff.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex

from parallax.cli import main
from tests.conftest import ROOT

README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- cli: (?P<args>[^>]*?) -->\n```(?:console|text)?\n)(?P<body>.*?)(```\n<!-- /cli -->)", re.S)


def _run(args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)  # the documented commands use paths relative to the repository
    try:
        os.environ["COLUMNS"] = "100"  # argparse wraps help to the terminal width
        with contextlib.redirect_stdout(out):  # argparse prints --help to the real stdout
            code = main(shlex.split(args), out, err)
    finally:
        os.chdir(cwd)
    assert code == 0, err.getvalue()
    return out.getvalue()


def test_readme_cli_blocks_are_real_output():
    text = README.read_text(encoding="utf-8")
    blocks = list(BLOCK.finditer(text))
    assert len(blocks) >= 6, "the README lost its generated command-line blocks"
    documented = {b.group("args").split()[0] for b in blocks if b.group("args").endswith("--help")}
    assert {"analyse", "compare", "matrix", "archive"} <= documented
    fresh = BLOCK.sub(lambda m: m.group(1) + _run(m.group("args")) + m.group(4), text)
    if os.environ.get("PARALLAX_UPDATE_README") == "1":
        README.write_text(fresh, encoding="utf-8")
    assert fresh == text, "README command-line blocks drifted: rerun with PARALLAX_UPDATE_README=1 and review"
