"""PDFs of the printable pages, made at build time with WeasyPrint from print-specific HTML.

Which pages have a PDF is decided here (`pdf_specs`, by the page's address): the facilitator pack volumes, each
module's participant page (two PDFs: the handout and, if the module has any, the case cards), the before/after
sheets, the family agreement and the parent letter. A PDF is made from the page's content HTML as it left the
content boundary (smartschool.content_boundary: sanitised), wrapped in the project's own print document
(templates/print.html and print.css): no theme navigation, header, search or footer of the site; system fonts
only; A4; a running footer with the site's name, the title, the page's public address and the content licence.

Made only when the environment says `SSO_PDF=1` (`python -m smartschool build`, which `make site` and the
workflow run, sets it unless it is set already); `mkdocs serve` never makes them, so the preview stays fast,
and a page then shows no PDF link at all. The same inputs give the same bytes: WeasyPrint writes no time of its
own, and the creation date written is `SOURCE_DATE_EPOCH`'s when it is set, else none.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markupsafe import Markup

from .buildinfo import source_date_epoch
from .licences import CONTENT_LICENSE_URL
from .render import render

PDF_SWITCH = "SSO_PDF"
TRACK = r"(?P<track>dewasa|remaja)"
CARDS_ID = "kartu-kasus"  # the participant page's case-card heading (templates/participant.md)
# The template's heading line of the cards: a page has cards only when it has this line (author text may name the id).
CARDS_HEADING = re.compile(rf"^## Kartu kasus \{{ #{CARDS_ID}\b", re.MULTILINE)
SIZE_TOKEN = "\u27e6sso-pdf:{name}\u27e7"  # stands for a PDF's size in a page until the PDF is made
TOKEN = re.compile("\u27e6sso-pdf:(?P<name>[a-z0-9.-]+)\u27e7")
LICENCE_LINE = (
    f"Konten berlisensi CC BY 4.0 ({CONTENT_LICENSE_URL}): boleh dipakai dan diadaptasi dengan menyebut sumbernya."
)


@dataclass(frozen=True)
class PdfSpec:
    """One PDF of a page.

    `page_url` is the page's address relative to the site root (`kurikulum/remaja/grooming/bahan-peserta/`); the
    PDF is `name` inside it. `label` is the link text; `title` (escaped HTML text) the printed title. `start` and
    `stop` are ids of headings that cut the page: the PDF holds the content from heading `start` (default: the
    beginning) up to, not including, heading `stop` (default: the end). `participant` PDFs are handed to
    participants: no facilitator text, no answers (tests/test_pdfs.py checks it).
    """

    page_url: str
    name: str
    label: str
    title: str
    participant: bool
    start: str | None = None
    stop: str | None = None

    @property
    def path(self) -> str:
        """The PDF's address relative to the site root."""
        return f"{self.page_url}{self.name}"


def pdfs_enabled() -> bool:
    """Whether this build makes PDFs: `SSO_PDF=1` in the environment."""
    return os.environ.get(PDF_SWITCH, "").strip() == "1"


def _after_colon(title: str) -> str:
    return title.split(": ", 1)[1] if ": " in title else title


# The parent letter with its opt-out slip (docs/guru/surat-orang-tua.md).
LETTER_PAGES = re.compile(r"^guru/surat-orang-tua/$")


def pdf_specs(url: str, title: str, markdown: str = "") -> list[PdfSpec]:
    """The PDFs of the page at `url` (site-relative, `a/b/`) titled `title` (escaped HTML text), in link order;
    [] for a page without one. `markdown` is the page's source, for what it holds (case cards)."""
    if found := re.fullmatch(rf"kurikulum/{TRACK}/(?P<pack>paket-fasilitator(?:-(?P<n>\d+))?)/", url):
        volume = f"-jilid-{found['n']}" if found["n"] else ""
        name = f"paket-fasilitator-{found['track']}{volume}.pdf"
        return [PdfSpec(url, name, "Paket fasilitator", title, participant=False)]
    if found := re.fullmatch(rf"kurikulum/{TRACK}/(?P<id>[a-z0-9-]+)/bahan-peserta/", url):
        module = _after_colon(title)
        specs = [
            PdfSpec(
                url,
                f"{found['id']}-lembar-peserta.pdf",
                "Lembar peserta",
                f"Lembar peserta: {module}",
                True,
                stop=CARDS_ID,
            )
        ]
        if CARDS_HEADING.search(markdown):  # the template's own heading line, not author text that names it
            specs.append(
                PdfSpec(
                    url,
                    f"{found['id']}-kartu-kasus.pdf",
                    "Kartu kasus",
                    f"Kartu kasus: {module}",
                    True,
                    start=CARDS_ID,
                )
            )
        return specs
    if found := re.fullmatch(rf"kurikulum/{TRACK}/(?P<id>[a-z0-9-]+)/lembar-sebelum-sesudah/", url):
        return [PdfSpec(url, f"{found['id']}-lembar-sebelum-sesudah.pdf", "Lembar sebelum-sesudah", title, True)]
    if url == "orang-tua/kesepakatan-keluarga/":
        return [PdfSpec(url, "kesepakatan-keluarga.pdf", "Templat kesepakatan", title, True)]
    if LETTER_PAGES.fullmatch(url):
        return [PdfSpec(url, f"{url.strip('/').split('/')[-1]}.pdf", "Surat orang tua", title, True)]
    return []


def size_label(size: int) -> str:
    """A file size as the site writes it: `240 KB` (1 KB = 1024 bytes, at least 1), `1,2 MB` from 1000 KB."""
    kib = size / 1024
    if round(kib) < 1000:
        return f"{max(1, round(kib))} KB"
    return f"{kib / 1024:.1f} MB".replace(".", ",")


def links_markdown(specs: Iterable[PdfSpec]) -> str:
    """The raw HTML paragraph that links a page's PDFs; each size is a token until `with_sizes` fills it in."""
    links = [
        f'<a href="{html.escape(spec.name)}">{html.escape(spec.label)} (PDF, {SIZE_TOKEN.format(name=spec.name)})</a>'
        for spec in specs
    ]
    return (
        '<p class="sso-pdf" data-search-exclude data-pagefind-ignore>Untuk dicetak atau dibagikan: '
        + " · ".join(links)
        + "</p>"
    )


H1_LINE = re.compile(r"^# .*$", re.MULTILINE)


def with_links(markdown: str, specs: list[PdfSpec]) -> str:
    """`markdown` with the PDF links after its first-level heading if it opens with one, else at the top."""
    if not specs:
        return markdown
    block = links_markdown(specs)
    stripped = markdown.lstrip("\n")
    first = H1_LINE.match(stripped)
    if first:
        return f"{stripped[: first.end()]}\n\n{block}\n\n{stripped[first.end() :].lstrip(chr(10))}"
    return f"{block}\n\n{stripped}"


def with_sizes(page_html: str, sizes: dict[str, int]) -> str:
    """`page_html` with every size token replaced by the size of the PDF it names (`sizes`: name → bytes)."""
    return TOKEN.sub(lambda m: size_label(sizes[m["name"]]) if m["name"] in sizes else "PDF", page_html)


def _heading_at(content: str, ident: str) -> int:
    found = re.search(rf'<h[1-6]\b[^>]*\bid="{re.escape(ident)}"', content)
    return found.start() if found else -1


def part_of(content: str, start: str | None, stop: str | None) -> str:
    """The content from the heading with id `start` up to the heading with id `stop` (see PdfSpec); "" when there
    is no heading `start` (never the whole page in its place)."""
    begin = _heading_at(content, start) if start else 0
    if begin < 0:
        return ""
    end = _heading_at(content, stop) if stop else -1
    return content[max(begin, 0) : end if end >= 0 else len(content)]


FIRST_H1 = re.compile(r"<h1\b[^>]*>(?P<text>.*?)</h1>", re.DOTALL)


@cache
def _stylesheet() -> str:
    return (Path(__file__).parent / "templates" / "print.css").read_text(encoding="utf-8")


def print_html(spec: PdfSpec, content: str, *, site_name: str, page_address: str) -> str:
    """The print document of `spec`: `content` (the page's sanitised content HTML, cut to the spec's part) in the
    project's print template. The content's own first-level heading is the title if it has one."""
    part = part_of(content, spec.start, spec.stop)
    heading = FIRST_H1.search(part)
    title = Markup(spec.title)
    if heading and spec.start is None:
        part = part[: heading.start()] + part[heading.end() :]
        text = re.sub(r'<a\b[^>]*class="headerlink"[^>]*>.*?</a>', "", heading["text"], flags=re.DOTALL)
        title = Markup(re.sub(r"<[^>]+>", "", text)).strip()
    epoch = source_date_epoch()
    return render(
        "print.html",
        title=title,
        content=Markup(part),
        site_name=site_name,
        address=page_address,
        licence=LICENCE_LINE,
        css=Markup(_stylesheet()),
        created=epoch.strftime("%Y-%m-%dT%H:%M:%SZ") if epoch else None,
        kind=("sso-participant" if spec.participant else "sso-facilitator")
        + (" sso-has-form" if 'class="sso-form"' in part else ""),
    )


def _local_fetcher(site_dir: str, site_url: str) -> object:
    """A WeasyPrint URL fetcher that reads the site's own files from `site_dir` and fetches nothing else (no
    request leaves the machine: a reference to another host is left out of the PDF, with WeasyPrint's warning)."""
    from weasyprint.urls import URLFetcher

    root = Path(site_dir).resolve()
    prefix = urlsplit(site_url).path

    class LocalFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: object = None) -> object:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if url.startswith(site_url):
                path = (root / unquote(urlsplit(url).path)[len(prefix) :]).resolve()
                if path.is_dir():
                    path = path / "index.html"
                if path.is_file() and path.is_relative_to(root):
                    return super().fetch(path.as_uri(), headers)
            raise ValueError(f"not fetched for a PDF: {url}")

    return LocalFetcher(allowed_protocols={"file", "data"})


def write_pdf(document: str, target: str, base_url: str, site_dir: str, site_url: str) -> int:
    """Write the PDF of the print `document` to `target` (parent folders made); its size in bytes.

    `base_url` is the page's public address (relative links in the PDF resolve to the published site). Raises
    OSError if the file cannot be written, and whatever WeasyPrint raises (ImportError without its system
    libraries: pango)."""
    from weasyprint import HTML

    data = HTML(string=document, base_url=base_url, url_fetcher=_local_fetcher(site_dir, site_url)).write_pdf()
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    Path(target).write_bytes(data)
    return len(data)


class PdfError(Exception):
    """A PDF could not be made: `pdf` is its path in the site, `error` what went wrong (type and text)."""

    def __init__(self, pdf: str, error: str) -> None:
        super().__init__(pdf, error)
        self.pdf, self.error = pdf, error


def _write(job: tuple[str, str, str, str, str]) -> int:
    try:
        return write_pdf(*job)
    except Exception as err:  # reported with the PDF's path, never as a traceback
        relative = Path(job[1]).resolve().relative_to(Path(job[3]).resolve()).as_posix()
        raise PdfError(relative, f"{type(err).__name__}: {err}") from None


def write_all(jobs: list[tuple[str, str, str, str, str]], workers: int | None = None) -> list[int]:
    """`write_pdf` for each job (document, target, base_url, site_dir, site_url), on up to `workers` processes
    (default: the machine's cores, at most 4); the sizes in job order. Raises PdfError for the first that fails."""
    workers = workers or min(4, os.cpu_count() or 1)
    if workers <= 1 or len(jobs) <= 1:
        return [_write(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_write, jobs))
