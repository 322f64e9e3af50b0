"""Stage 1, ingest: bytes and files in, an :class:`Article` with clean text out.

Reads Markdown with YAML front matter (the corpus format), plain text, HTML
(through trafilatura) and pasted text. Every failure raises
:class:`IngestError` with a message that says what to do next; nothing here
prints or exits.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import Article
from .options import DEFAULT_OPTIONS

FRONT_MATTER_FIELDS = ("title", "outlet", "url", "published", "language", "notes")
TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES

_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a Word/OpenDocument file)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}
# Bidi embeddings/overrides/isolates can reorder what an editor sees (a spoofing
# risk); zero-width spaces and stray BOMs split words invisibly. Both go.
_INVISIBLE = dict.fromkeys([0x200B, 0xFEFF, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069])
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ID_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,119}$")


class IngestError(ValueError):
    """Input that cannot become an article; the message is shown to the user as is."""


@dataclass(frozen=True)
class LoadedCorpus:
    articles: tuple[Article, ...]
    warnings: tuple[str, ...]


def normalise_text(text: str) -> str:
    """The shown text: NFC, ``\\n`` line ends, no control or invisible characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text).translate(_INVISIBLE)
    text = unicodedata.normalize("NFC", text)
    # Trailing spaces on lines carry nothing and shift nothing the user wrote.
    text = re.sub(r"[ \t]+\n", "\n", text)
    return text.strip("\n ")


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode file bytes to text, or raise IngestError naming the problem."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise IngestError(f"{name}: this looks like {what}, not text. Save it as .txt, .md or .html first.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(f"{name}: the UTF-16 text is damaged ({exc.reason}). Re-save it as UTF-8.") from exc
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    head = data[:8192]
    if head and head.count(b"\x00") > len(head) // 10:
        raise IngestError(f"{name}: this looks like a binary file, not text. Save it as .txt, .md or .html first.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Legacy single-byte files (Windows-1252 / Latin-1) are common in newsrooms.
    # Accept them only when the result reads like text: few non-ASCII letters.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text:
        non_ascii = sum(1 for ch in text if ord(ch) > 127)
        if non_ascii <= max(4, len(text) // 20) and not re.search(r"[\x80-\x9f]", text):
            return text
    raise IngestError(
        f"{name}: the bytes are not valid UTF-8 and do not read as Windows-1252/Latin-1 text either. "
        "Re-save the file as UTF-8 and try again."
    )


def parse_published(value: object, name: str = "input") -> dt.date | None:
    """A ``published`` value (YYYY-MM-DD string or YAML date) as a date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise IngestError(f"{name}: published date {text!r} is not in YYYY-MM-DD form (for example 2023-09-18).")
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise IngestError(
            f"{name}: published date {text!r} does not exist ({exc}). Correct it to a real date."
        ) from exc


def validate_id(article_id: str) -> str:
    """An article id is a file stem: letters, digits, ``_ . -``; no separators, no ``..``."""
    if not _ID_OK.match(article_id) or ".." in article_id:
        raise IngestError(
            f"{article_id!r} cannot be an article id: use letters, digits, '-', '_' or '.' "
            "(no slashes, no '..', at most 120 characters)."
        )
    return article_id


def slug(text: str, fallback: str = "article") -> str:
    """A safe id made from a title or file name."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()[:80]
    return cleaned or fallback


def split_front_matter(text: str, name: str = "input") -> tuple[dict[str, object], str]:
    """Split ``---`` YAML front matter from the body; no front matter gives ``{}``."""
    if not text.startswith("---"):
        return {}, text
    match = re.match(r"^---[ \t]*\n(.*?)\n---[ \t]*(?:\n|$)", text, re.S)
    if match is None:
        raise IngestError(f"{name}: the front matter starts with '---' but has no closing '---' line. Add one.")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where is not None else ""
        raise IngestError(f"{name}: the front matter is not valid YAML{line}. Fix it or remove it.") from exc
    except ValueError as exc:  # YAML turns 2023-02-30 into a date and fails
        raise IngestError(
            f"{name}: a date in the front matter does not exist ({exc}). Correct it to a real date."
        ) from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise IngestError(f"{name}: the front matter must be 'key: value' lines (title, outlet, published, ...).")
    unknown = sorted(str(k) for k in meta if k not in FRONT_MATTER_FIELDS)
    if unknown:
        raise IngestError(
            f"{name}: unknown front matter field(s) {', '.join(unknown)}; allowed: {', '.join(FRONT_MATTER_FIELDS)}."
        )
    return meta, text[match.end() :]


def _optional_str(meta: dict[str, object], key: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise IngestError(f"front matter field {key!r} must be plain text.")
    text = normalise_text(str(value))
    return text or None


def article_from_text(
    text: str,
    article_id: str,
    *,
    title: str = "",
    outlet: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
    language: str | None = None,
    notes: str | None = None,
    source: str = "paste",
    max_chars: int = DEFAULT_OPTIONS.max_chars,
) -> Article:
    """An article from text that is already decoded (pasted, or a file body)."""
    shown = normalise_text(text)
    if not shown.strip():
        raise IngestError(f"{article_id}: the article is empty. Paste or upload some text.")
    if len(shown) > max_chars:
        raise IngestError(
            f"{article_id}: the text has {len(shown):,} characters, over the limit of {max_chars:,} characters. "
            "Split it into smaller articles."
        )
    first_line = shown.strip().split("\n", 1)[0]
    return Article(
        id=article_id,
        text=shown,
        title=normalise_text(title) if title else first_line[:120],
        outlet=outlet,
        url=url,
        published=published,
        language=language,
        notes=notes,
        source=source,
    )


def article_from_markdown(
    text: str, article_id: str, source: str = "corpus", max_chars: int = DEFAULT_OPTIONS.max_chars
) -> Article:
    meta, body = split_front_matter(normalise_text(text) + "\n", article_id)
    return article_from_text(
        body,
        article_id,
        title=_optional_str(meta, "title") or "",
        outlet=_optional_str(meta, "outlet"),
        url=_optional_str(meta, "url"),
        published=parse_published(meta.get("published"), article_id),
        language=_optional_str(meta, "language"),
        notes=_optional_str(meta, "notes"),
        source=source,
        max_chars=max_chars,
    )


def article_from_html(
    html: str, article_id: str, source: str = "upload", max_chars: int = DEFAULT_OPTIONS.max_chars
) -> Article:
    """Main text and metadata of a web page, through trafilatura (no scripts, no markup)."""
    import trafilatura  # deferred: it is slow to import and only HTML needs it

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    body = getattr(document, "text", None) if document is not None else None
    # Menus and link lists come out as a few glued words; an article has sentences.
    if not body or len(body.split()) < 8:
        raise IngestError(
            f"{article_id}: no article text was found in this HTML page (only navigation or scripts?). "
            "Copy the article text and paste it instead."
        )
    published = None
    raw_date = getattr(document, "date", None)
    if raw_date:
        try:
            published = dt.date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            published = None
    return article_from_text(
        body,
        article_id,
        title=getattr(document, "title", None) or "",
        outlet=getattr(document, "sitename", None) or None,
        url=getattr(document, "url", None) or None,
        published=published,
        source=source,
        max_chars=max_chars,
    )


def article_from_bytes(
    data: bytes, filename: str, source: str = "upload", max_chars: int = DEFAULT_OPTIONS.max_chars
) -> Article:
    """An article from an uploaded or read file, by its suffix."""
    suffix = Path(filename).suffix.lower()
    article_id = slug(Path(filename).stem, "upload")
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(f"{filename}: unsupported file type {suffix or '(none)'}; use .txt, .md or .html.")
    if not data.strip():
        raise IngestError(f"{filename}: the file is empty. Choose a file with article text.")
    text = decode_bytes(data, filename)
    if suffix in HTML_SUFFIXES:
        return article_from_html(text, article_id, source, max_chars)
    if suffix in MARKDOWN_SUFFIXES:
        return article_from_markdown(text, article_id, source, max_chars)
    return article_from_text(text, article_id, source=source, max_chars=max_chars)


def read_article(path: Path, source: str = "file", max_chars: int = DEFAULT_OPTIONS.max_chars) -> Article:
    """Read one article file (.md with front matter, .txt or .html)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise IngestError(f"{path}: no such file. Check the path.") from exc
    except IsADirectoryError as exc:
        raise IngestError(f"{path}: is a folder, not an article file.") from exc
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror}).") from exc
    article = article_from_bytes(data, path.name, source, max_chars)
    return Article(**{**article.__dict__, "id": path.stem})  # the id is the file stem, whatever the type


def load_corpus(folder: Path) -> LoadedCorpus:
    """Every article in ``folder``; a bad file is skipped with a warning naming it."""
    articles: dict[str, Article] = {}
    warnings: list[str] = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.name.startswith(".") or path.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        try:
            validate_id(path.stem)
            article = read_article(path, source="corpus")
        except IngestError as exc:
            warnings.append(f"Skipped {path.name}: {exc}")
            continue
        if article.id in articles:
            warnings.append(f"Skipped {path.name}: the id {article.id!r} is already used by another corpus file.")
            continue
        articles[article.id] = article
    return LoadedCorpus(tuple(articles.values()), tuple(warnings))


def article_to_markdown(article: Article) -> str:
    """The corpus file for an article (front matter + body), for saving or download."""
    meta = {
        "title": article.title,
        "outlet": article.outlet or "unknown",
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "notes": article.notes,
    }
    header = yaml.safe_dump({k: v for k, v in meta.items() if v}, allow_unicode=True, sort_keys=False)
    return f"---\n{header}---\n\n{article.text}\n"


def save_article(article: Article, folder: Path) -> Path:
    """Write ``article`` as ``folder/<id>.md``: validated id, temp file then rename, never overwrite."""
    import os
    import tempfile

    validate_id(article.id)
    target = folder / f"{article.id}.md"
    if target.exists():
        raise IngestError(
            f"{target.name} already exists in the corpus; choose another id (the file is not overwritten)."
        )
    folder.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".saving-", suffix=".md", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(article_to_markdown(article))
        try:
            os.link(temp, target)  # atomic and refuses to replace an existing file
        except FileExistsError as exc:
            raise IngestError(f"{target.name} was just created by someone else; choose another id.") from exc
        except OSError:
            if target.exists():
                raise IngestError(f"{target.name} already exists in the corpus; choose another id.") from None
            os.replace(temp, target)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return target
