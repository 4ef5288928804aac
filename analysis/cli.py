"""The command line: ``python -m analysis report`` (also installed as ``analysis``)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from . import config
from .errors import CorpusError, CorpusWarning, collect_warnings


def _names(value: str) -> list[str] | None:
    """``top_terms,timeline`` as a sorted list of names, for ``--figures`` (None for ``all``).

    Examples
    --------
    >>> _names("timeline, top_terms"), _names("all")
    (['timeline', 'top_terms'], None)
    """
    names = sorted({n.strip() for n in value.split(",") if n.strip()})
    if not names:
        raise argparse.ArgumentTypeError(f"expected names separated by commas, not {value!r}")
    return None if names == ["all"] else names


def _column_map(value: str) -> dict[str, str]:
    """``title=標題,published=發布時間`` as a mapping of field to column, for ``--columns``.

    Examples
    --------
    >>> _column_map("title=標題, published = 發布時間")
    {'title': '標題', 'published': '發布時間'}
    """
    pairs = [p.split("=", 1) for p in value.split(",") if p.strip()]
    if not pairs or any(len(p) != 2 or not p[0].strip() or not p[1].strip() for p in pairs):
        raise argparse.ArgumentTypeError(f"expected FIELD=COLUMN pairs separated by commas, not {value!r}")
    return {field.strip(): column.strip() for field, column in pairs}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="analysis",
        description="Analyse a corpus of Chinese-language news pages: parse, segment, count, "
                    "compare and date them.",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    r = sub.add_parser(
        "report", help="write tables, figures and findings.md for a corpus",
        description="Read every page or table of a corpus folder and its subfolders (text pages *.txt, Markdown "
                    "pages *.md, saved web pages *.html, *.htm and *.html.gz, tables *.csv, *.tsv, *.jsonl, *.json, "
                    "*.parquet, *.xlsx, SQLite databases *.db, RSS and Atom feeds *.xml) and write "
                    "tables/*.csv (UTF-8 with BOM), "
                    "figures/*.png and *.svg, findings.md and provenance.json (segmenter, dictionaries and "
                    "library versions) under the output folder. The same input gives byte-identical tables.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples, one per kind of input:\n"
               "  analysis report --corpus seeds --out reports                 # text pages (*.txt)\n"
               "  analysis report --corpus saved_pages/ --out out              # saved web pages (*.html, *.html.gz)\n"
               "  analysis report --corpus export.csv --out out     # a table: CSV, TSV, JSONL, Parquet, Excel\n"
               "  analysis report --corpus export.csv --columns title=標題,published=時間,text=內文 --out out\n"
               "  analysis report --corpus crawl.jsonl --out out               # a scraper's JSON Lines",
    )
    r.add_argument("--corpus", type=Path, default=config.SEEDS_DIR,
                   help="a folder of pages or tables, or one file: seeds, saved/page.html, "
                        "export.csv, crawl.jsonl (default: %(default)s)")
    r.add_argument("--out", type=Path, default=config.REPORTS_DIR,
                   help="folder the report is written to (default: %(default)s)")
    r.add_argument("--userdict", type=Path, action="append", default=[],
                   help="extra segmentation dictionary, jieba format; repeat for several "
                        f"(the project dictionary {config.PROJECT_USERDICT.relative_to(config.PROJ_ROOT)} "
                        "is always used when it exists)")
    r.add_argument("--variants", action="store_true",
                   help="count variant characters as one term: 臺灣 and 台灣 as 台灣, 爲 as 為 "
                        "(analysis/data/variants.txt; the text is not changed)")
    r.add_argument("--top", type=int, default=20, help="rows of the top-terms and top-actors figures; changing "
                   "only this redraws the figures from the tables without computing them again "
                   "(default: %(default)s)")
    r.add_argument("--figures", type=_names, metavar="NAME,...",
                   help="draw only these figures (top_terms, top_terms_by_kind, similarity_heatmap, timeline, "
                   "keyness_related, keyness_busiest_month, cooccurrence_network, top_actors, actor_network, "
                   "story_timeline, bursts, related_lists; default: all); like --top, changing only this redraws "
                   "without computing the tables again")
    r.add_argument("--page", help="page_id whose similarity heatmap is drawn (default: the first page)")
    r.add_argument("--encoding", help="decode every file with this codec instead of detecting it")
    r.add_argument("--columns", type=_column_map, metavar="FIELD=COLUMN,...",
                   help="for tables: which column holds which field, e.g. title=標題,published=發布時間,text=內文 "
                        "(fields: title, published, text, summary, outlet, url, reporter, page, position, kind; "
                        "without it, common column names are recognised)")
    r.add_argument("--keep-recurring-lines", action="store_true",
                   help="keep the lines a site prints on many of its pages (its app and copyright lines, "
                        "editor's notes) in the articles' texts instead of taking them out")
    r.add_argument("--furniture", choices=("rules", "shape"), default="shape",
                   help="tell the site's lines left in the articles' texts by their shape too (default: a line that "
                        "does not end a sentence and is shaped like the site's is left out, each in the problems "
                        "table), or by the reader's rules alone (rules), which keeps every line they do not know")
    r.add_argument("--strict", action="store_true",
                   help="stop at the first damaged or unreadable page instead of warning")
    r.add_argument("--workers", type=int, help="processes for segmentation, or Dask workers of the local "
                   "cluster with --engine dask (default: all cores)")
    r.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="run parsing and segmentation here (local) or as Dask tasks (dask; needs the dask "
                        "extra); the outputs are the same (default: %(default)s)")
    r.add_argument("--scheduler", help="with --engine dask: address of an existing Dask scheduler, e.g. "
                   "tcp://host:8786 (default: start a local cluster)")
    r.add_argument("--cache-dir", type=Path,
                   help="cache folder: segmented words, mentions, parsed pages (default: the per-user cache folder)")
    r.add_argument("--no-cache", action="store_true", help="neither read nor write the caches")
    r.add_argument("--force", action="store_true",
                   help="rebuild even when the outputs are up to date with the corpus, options and kit")
    r.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    r.add_argument("-v", "--verbose", action="store_true",
                   help="also print how long each step took (reading, each table, each figure)")
    n = sub.add_parser(
        "notebooks", help="execute every notebook and export HTML copies",
        description="Execute every notebook in notebooks/ from a fresh kernel, write it back with its "
                    "outputs (for the default corpus) and export an HTML copy to OUT/notebooks/. "
                    "Fails on any error output or missing-glyph warning.",
    )
    n.add_argument("--corpus", type=Path, help="run the notebooks on this corpus instead of the one "
                   "their parameter cell names; the executed notebooks are then not written back")
    n.add_argument("--out", type=Path, default=config.REPORTS_DIR,
                   help="report folder; HTML copies go to OUT/notebooks (default: %(default)s)")
    n.add_argument("--notebooks", type=Path, default=config.NOTEBOOKS_DIR,
                   help="folder of notebooks (default: %(default)s)")
    project = config.PROJECT_USERDICT.relative_to(config.PROJ_ROOT)
    d = sub.add_parser(
        "discover", help="find words of a corpus that the segmenter lacks, and add them to the project dictionary",
        description="Find candidate words in the distinct texts of a corpus from their characters alone "
                    "(how often they recur, how well they hold together, how varied their neighbours are; "
                    "see analysis.discovery), print the best, and with --accept add the accepted ones to the "
                    "project dictionary, which every command and function then reads.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
               "  analysis discover --corpus seeds                          # print the top candidates\n"
               "  analysis discover --corpus crawl/ --top 50 --out words.csv  # and write every candidate\n"
               f"  analysis discover --corpus crawl/ --accept                # add the accepted words to {project}",
    )
    d.add_argument("--corpus", type=Path, default=config.SEEDS_DIR,
                   help="a folder of pages or tables, or one file, as for report (default: %(default)s)")
    d.add_argument("--columns", type=_column_map, metavar="FIELD=COLUMN,...",
                   help="for tables: which column holds which field, as for report")
    d.add_argument("--encoding", help="decode every file with this codec instead of detecting it")
    d.add_argument("--keep-recurring-lines", action="store_true",
                   help="keep the lines a site prints on many of its pages (its app and copyright lines, "
                        "editor's notes) in the articles' texts instead of taking them out")
    d.add_argument("--userdict", type=Path, action="append", default=[],
                   help=f"extra segmentation dictionary whose words are known; repeat for several (the project "
                        f"dictionary {project} is always used when it exists)")
    d.add_argument("--top", type=int, default=30, help="candidates printed, accepted ones first (default: %(default)s)")
    d.add_argument("--min-count", type=int, help="occurrences a candidate needs (default: 5)")
    d.add_argument("--max-length", type=int, help="longest candidate, in characters (default: 10)")
    d.add_argument("--out", type=Path, metavar="FILE.csv", help="also write every candidate to this CSV file")
    d.add_argument("--accept", action="store_true",
                   help=f"add the accepted words to the project dictionary ({project}) or to --dictionary")
    d.add_argument("--dictionary", type=Path, metavar="FILE",
                   help="with --accept: add the words to this dictionary instead of the project dictionary "
                        "(give it as --userdict too, so that its words count as known)")
    c = sub.add_parser(
        "cache", help="show what the caches hold, prune or clear them",
        description="List the kit's cache files (parsed pages, words, terms, actors, quotes, tokenizers) with "
                    "their size and entries; with --prune DAYS, remove the entries no run has used in the last "
                    "DAYS days; with --clear, remove the files (the next report computes what is missing again). "
                    "Entries made by code that has changed since are never read again: pruning frees them.",
    )
    c.add_argument("--cache-dir", type=Path, help="cache folder, as for report (default: the per-user cache folder)")
    what = c.add_mutually_exclusive_group()
    what.add_argument("--prune", type=int, metavar="DAYS",
                      help="remove the entries no run has used (stored or read) in the last DAYS days, in UTC, and "
                           "compact the files (0: keep what was used today only); run it when no report is running")
    what.add_argument("--clear", action="store_true", help="remove the kit's cache files")
    return p


def _cache(args: argparse.Namespace) -> int:
    import pandas as pd

    from .caches import cache_info, clear_cache, prune_cache

    info = cache_info(cache_dir=args.cache_dir)
    width = max([len("file"), *info["file"].str.len()])
    print(f"{'file':{width}}  {'MB':>9}  {'entries':>11}  holds")
    for row in info.itertuples(index=False):
        entries = "unreadable" if pd.isna(row.entries) else f"{row.entries:,}"
        print(f"{row.file:{width}}  {row.bytes / 1e6:9,.1f}  {entries:>11}  {row.holds}")
    total = int(info["bytes"].sum())
    if args.clear:
        removed = clear_cache(cache_dir=args.cache_dir)
        print(f"analysis: removed {len(removed)} file(s), {total / 1e6:,.1f} MB")
    elif args.prune is not None:
        if args.prune < 0:
            print(f"analysis: --prune takes 0 days or more, not {args.prune}", file=sys.stderr)
            return 2
        pruned = prune_cache(days=args.prune, cache_dir=args.cache_dir)
        freed = int((pruned["bytes_before"] - pruned["bytes_after"]).sum())
        size = (f"{freed / 1e6:,.1f} MB freed" if freed >= 0 else  # a file of an earlier release: its days added
                f"the files grew by {-freed / 1e6:,.1f} MB (each entry's day of use, kept from now on)")
        print(f"analysis: removed {int(pruned['removed'].sum()):,} entries not used in the last {args.prune} "
              f"day(s) from {len(pruned)} cache file(s), {size}")
        failed = pruned[pruned["error"] != ""]
        for row in failed.itertuples(index=False):
            print(f"analysis: {row.file}: not pruned: {row.error}", file=sys.stderr)
        if len(failed):
            return 1
    else:
        print(f"analysis: {total / 1e6:,.1f} MB in {len(info)} cache(s)")
    return 0


def _recurring(args: argparse.Namespace) -> str:
    """``recurring_lines`` as the options say (:func:`analysis.read_corpus`)."""
    return "keep" if args.keep_recurring_lines else "drop"


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 for bad input, 1 when a notebook fails).

    ``analysis report`` writes the report unless it is up to date (see :mod:`analysis.manifest`);
    ``analysis notebooks`` executes the notebooks; ``analysis discover`` finds words the segmenter lacks;
    ``analysis cache`` lists the caches or clears them.
    ``analysis COMMAND --help`` lists the options.

    Parameters
    ----------
    argv : list of str, optional
        The arguments after the program name (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        The exit status.

    Raises
    ------
    SystemExit
        From :mod:`argparse`: status 0 after ``--help``, 2 for arguments it cannot parse.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()) as out:
    ...     try:
    ...         main(["report", "--help"])
    ...     except SystemExit as exc:
    ...         status = exc.code
    >>> status, out.getvalue().split()[:3]
    (0, ['usage:', 'analysis', 'report'])

    A whole report (not run here: it writes a report folder)::

        main(["report", "--corpus", "seeds", "--out", "/tmp/report"])
        # analysis: 1 page(s), 21 documents -> /tmp/report (49 files)
        # 0
    """
    args = _parser().parse_args(argv)
    root = logging.getLogger("analysis")
    if not any(getattr(h, "_analysis_cli", False) for h in root.handlers):  # once, however often main() runs
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("analysis: %(message)s"))
        handler._analysis_cli = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(logging.ERROR if getattr(args, "quiet", False) else
                  logging.INFO if getattr(args, "verbose", False) else logging.WARNING)
    if args.command == "notebooks":
        return _notebooks(args)
    if args.command == "discover":
        return _discover(args)
    if args.command == "cache":
        return _cache(args)
    from . import manifest

    if not args.corpus.exists():
        print(f"analysis: error: {args.corpus}: no such file or folder", file=sys.stderr)
        return 2
    userdicts = [*config.project_userdicts(), *args.userdict]
    missing = [p for p in userdicts if not p.is_file()]
    if missing:
        print(f"analysis: error: user dictionary not found: {missing[0]}", file=sys.stderr)
        return 2
    from .provenance import provenance_record

    # The provenance (segmenter, dictionaries, library versions) is an input too: another one rebuilds.
    options = {"page": args.page, "encoding": args.encoding, "strict": args.strict,
               "columns": args.columns, "provenance": provenance_record(userdict=args.userdict or None),
               "variants": args.variants, "recurring_lines": _recurring(args), "furniture": args.furniture}
    # The project's boilerplate patterns change what is counted, like its dictionary.
    boilerplate = [p for p in [config.PROJECT_BOILERPLATE] if p.is_file()]
    # Two fingerprints: of what the tables depend on, and of that and the presentation (--top).
    tables_fingerprint = manifest.input_fingerprint(args.corpus, options, [*userdicts, *boilerplate])
    presentation = {"top": args.top} if args.figures is None else {"top": args.top, "figures": args.figures}
    fingerprint = manifest.extend_fingerprint(tables_fingerprint, presentation)
    if not args.force and manifest.up_to_date(args.out, fingerprint):
        if not args.quiet:
            print(f"analysis: {args.out} is up to date with {args.corpus} (use --force to rebuild)")
        return 0
    if not args.force and manifest.tables_up_to_date(args.out, tables_fingerprint):
        return _redraw(args, fingerprint, tables_fingerprint)

    from .executor import close_client
    from .rendering import figure_options
    from .report import build_report
    from .settings import configure

    caught: list = []
    try:
        configure(use_cache=not args.no_cache, cache_dir=args.cache_dir, workers=args.workers,
                  engine=args.engine, scheduler=args.scheduler, variants=args.variants)
        with collect_warnings(CorpusWarning) as caught:
            rep = build_report(args.corpus, args.out, userdict=args.userdict or None, top=args.top,
                               page=args.page, columns=args.columns, encoding=args.encoding,
                               errors="raise" if args.strict else "warn", figures=args.figures,
                               recurring_lines=_recurring(args), furniture=args.furniture)
    except (CorpusError, FileNotFoundError, ValueError, ImportError) as exc:
        _log_warnings(caught)
        print(f"analysis: error: {exc}", file=sys.stderr)
        return 2
    finally:
        close_client()
    _log_warnings(caught)
    manifest.write_manifest(args.out, fingerprint, rep.files, tables=tables_fingerprint,
                            figures=figure_options(args.figures, top=args.top))
    if not args.quiet:
        d = rep.docs
        print(f"analysis: {d['page_id'].nunique():,} page(s), {len(d):,} documents -> {args.out} "
              f"({len(rep.files)} files)")
    return 0


def _redraw(args: argparse.Namespace, fingerprint: str, tables_fingerprint: str) -> int:
    """Only a presentation option changed: draw the figures and findings again from the stored tables."""
    from . import manifest
    from .rendering import figure_options, render_report

    try:
        wanted = figure_options(args.figures, top=args.top)
        # a figure drawn with the same options from the same tables is the same bytes: kept as it is
        drawn = manifest.recorded_figures(args.out)
        unchanged = [name for name, used in wanted.items() if drawn.get(name) == used]
        rep = render_report(args.out, top=args.top, figures=args.figures, unchanged=unchanged)
    except ValueError as exc:  # a figure the report does not have
        print(f"analysis: error: {exc}", file=sys.stderr)
        return 2
    kept = manifest.recorded_outputs(args.out, under=("tables/", "provenance.json"))
    manifest.write_manifest(args.out, fingerprint, [*kept, *rep.files], tables=tables_fingerprint, figures=wanted)
    if not args.quiet:
        redrawn = sum(f"figure {name}" in rep.timings for name in wanted)
        print(f"analysis: {args.out}: tables up to date; figures and findings redrawn ({redrawn} of "
              f"{len(wanted)} figures drawn again, the others unchanged; {len(rep.files)} files)")
    return 0


def _log_warnings(caught: list) -> None:
    """Show the warnings a report raised as log lines (``analysis: FILE:LINE: reason``)."""
    for w in caught:
        logging.getLogger("analysis").warning("%s", w.message)


def _notebooks(args: argparse.Namespace) -> int:
    from .notebooks import run_all

    logging.getLogger("analysis.notebooks").setLevel(logging.INFO)
    if args.corpus is not None and not args.corpus.exists():
        print(f"analysis: error: {args.corpus}: no such file or folder", file=sys.stderr)
        return 2
    try:
        files = run_all(corpus=args.corpus, out=args.out, folder=args.notebooks)
    except RuntimeError as exc:
        print(f"analysis: error: {exc}", file=sys.stderr)
        return 1
    print(f"analysis: executed notebooks -> {len(files)} files")
    return 0


def _discover(args: argparse.Namespace) -> int:
    """``analysis discover``: print the best candidates; write them all with --out; add the accepted with --accept."""
    from .corpus import load_corpus
    from .discovery import accept_words, discover_words
    from .outputs import write_csv
    from .segmentation import read_userdict

    if not args.corpus.exists():
        print(f"analysis: error: {args.corpus}: no such file or folder", file=sys.stderr)
        return 2
    limits = {k: v for k, v in (("min_count", args.min_count), ("max_length", args.max_length)) if v is not None}
    caught: list = []
    try:
        with collect_warnings(CorpusWarning) as caught:
            docs = load_corpus(args.corpus, columns=args.columns, encoding=args.encoding,
                               recurring_lines=_recurring(args))
        table = discover_words(docs, userdict=args.userdict or None, top=sys.maxsize, **limits)
    except (CorpusError, FileNotFoundError, ValueError, ImportError) as exc:
        _log_warnings(caught)
        print(f"analysis: error: {exc}", file=sys.stderr)
        return 2
    _log_warnings(caught)
    accepted = table.loc[table["accepted"], "word"].tolist()
    t = table.attrs["thresholds"]
    print(f"analysis: {table.attrs['texts']:,} distinct texts, {len(table):,} candidates, {len(accepted):,} accepted "
          f"(count >= {t['min_count']}, cohesion >= {t['min_cohesion']} bits, boundary entropy >= "
          f"{t['min_entropy']} bits)")
    shown = table.head(args.top)[["word", "count", "documents", "cohesion", "left_entropy", "right_entropy",
                                  "accepted", "reason"]]
    if len(shown):
        print(shown.to_string(index=False, float_format=lambda x: f"{x:.2f}"))
    if args.out is not None:
        write_csv(table, args.out)
        print(f"analysis: {len(table):,} candidates -> {args.out}")
    if args.accept:
        path = args.dictionary or config.PROJECT_USERDICT
        present = {w for w, _, _ in read_userdict(path)} if path.is_file() else set()
        accept_words(accepted, path=path)
        added = [w for w in accepted if w not in present]
        print(f"analysis: added {len(added):,} word(s) to {path} ({len(accepted) - len(added):,} already there)")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
