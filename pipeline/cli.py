"""The `vnplan` command line: argument parsing and printing only."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from dataclasses import asdict
from pathlib import Path

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_SOME_FAILED = 0, 1, 2, 3
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE: the reader of our output went away


class UsageError(Exception):
    """Bad command-line usage: exit status 2."""


IGNORE_MARKER = ".vnplanignore"


def _documents_in(folder: Path, skipped: list[Path]) -> list[str]:
    """Supported files under `folder`, skipping hidden paths, READMEs and folders that hold a
    `.vnplanignore` marker (built resources, say); other files of unsupported types go to
    `skipped`, so the batch summary can name them."""
    from pipeline.ingest import SUPPORTED

    ignored = [p.parent for p in folder.rglob(IGNORE_MARKER)]
    found = []
    for p in sorted(folder.rglob("*")):
        rel = p.parts[len(folder.parts):]
        if (not p.is_file() or any(part.startswith(".") for part in rel)
                or p.name.upper().startswith("README")
                or any(p.is_relative_to(d) for d in ignored)):
            continue
        if p.suffix.lower() not in SUPPORTED:
            skipped.append(p)
            continue
        found.append(str(p))
    return found


def collect_inputs(paths: list[str], skipped: list[Path] | None = None) -> list[str]:
    """Files named and supported documents found (recursively) in folders named, sorted;
    files of unsupported types met in those folders are appended to `skipped`."""
    found: list[str] = []
    skipped = [] if skipped is None else skipped
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(_documents_in(path, skipped))
        elif path.exists():
            found.append(str(path))
        else:
            raise UsageError(f"no such file or folder: {name}")
    if not found:
        raise UsageError(f"no supported documents in {', '.join(paths)}")
    return sorted(dict.fromkeys(found))


def _cmd_run(args: argparse.Namespace) -> int:
    from pipeline.flows import run_corpus

    skipped: list[Path] = []
    inputs = collect_inputs(args.paths or ["corpora"], skipped)
    started = time.perf_counter()
    bar = None
    if sys.stderr.isatty() and not args.quiet:
        from tqdm import tqdm

        bar = tqdm(total=len(inputs), unit="doc", file=sys.stderr)
    result = run_corpus(inputs, args.out, workers=args.workers, dask_address=args.dask_address,
                        use_cache=not args.no_cache, progress=bar.update if bar else None)
    if bar:
        bar.close()
    elapsed = time.perf_counter() - started
    rows = ", ".join(f"{name} {count}" for name, count in result.rows.items())
    print(f"vnplan: {len(result.documents)} documents ok, {len(result.failures)} failed "
          f"({result.cache_hits} from cache) in {elapsed:.1f} s; rows: {rows}; "
          f"tables in {args.out}/")
    for failure in result.failures:
        print(f"  failed: {failure.source} [{failure.stage}] {failure.error_type}: "
              f"{failure.message}", file=sys.stderr)
    from pipeline.unsupported import summary_lines

    for line in summary_lines(skipped):
        print(line, file=sys.stderr)
    return EXIT_SOME_FAILED if result.failures else EXIT_OK


def _process_one(path: str):
    from pipeline.process import process_path

    if not Path(path).exists():
        raise UsageError(f"no such file: {path}")
    outcome = process_path(path)
    if outcome.failure:
        f = outcome.failure
        print(f"vnplan: {f.source}: [{f.stage}] {f.error_type}: {f.message}", file=sys.stderr)
        return None
    return outcome.document


def _cmd_clean(args: argparse.Namespace) -> int:
    from pipeline.clean import clean_document
    from pipeline.errors import VnplanError
    from pipeline.ingest import ingest

    if not Path(args.file).exists():
        raise UsageError(f"no such file: {args.file}")
    try:
        doc = ingest(args.file)
    except VnplanError as exc:
        print(f"vnplan: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED
    doc = clean_document(doc, suggest_only=args.suggest)  # as the pipeline cleans it
    if args.corrections or args.suggest:
        for c in doc.corrections:
            print(json.dumps(asdict(c), ensure_ascii=False))
    else:
        sys.stdout.write(doc.text or "")
    return EXIT_OK


def _cmd_segment(args: argparse.Namespace) -> int:
    doc = _process_one(args.file)
    if doc is None:
        return EXIT_SOME_FAILED
    for s in doc.sections:
        indent = "  " * (s.depth - 1)
        level = s.level if s.level is not None else "-"
        print(f"{indent}{s.number or '·'} {s.heading}  [{s.label}, level {level}, {s.kind}, "
              f"{s.start}-{s.end}]")
    return EXIT_OK


def _cmd_extract(args: argparse.Namespace) -> int:
    doc = _process_one(args.file)
    if doc is None:
        return EXIT_SOME_FAILED
    payload = {
        "doc_id": doc.doc_id, "schema": 1, "meta": asdict(doc.meta),
        "sections": [asdict(s) for s in doc.sections],
        "targets": [asdict(t) for t in doc.targets],
        "assignments": [asdict(a) for a in doc.assignments],
    }
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return EXIT_OK


def _cmd_score(args: argparse.Namespace) -> int:
    from pipeline.score.cli import run_score

    return run_score(args)


def _cmd_gold_init(args: argparse.Namespace) -> int:
    from pipeline.goldflow.cli import run_init

    skipped: list[Path] = []
    inputs = collect_inputs(args.files, skipped)
    from pipeline.unsupported import summary_lines

    for line in summary_lines(skipped):
        print(line, file=sys.stderr)
    return run_init(args, inputs)


def _cmd_gold_export(args: argparse.Namespace) -> int:
    from pipeline.goldflow.cli import run_export

    return run_export(args)


def _cmd_gold_import(args: argparse.Namespace) -> int:
    from pipeline.goldflow.cli import run_import

    return run_import(args)


def _cmd_gold_check(args: argparse.Namespace) -> int:
    from pipeline.gold import check_gold_dir

    problems = check_gold_dir(Path(args.gold), Path(args.corpus))
    for problem in problems:
        print(problem)
    print(f"vnplan gold check: {len(problems)} problem(s)")
    return EXIT_SOME_FAILED if problems else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(prog="vnplan", description=(
        "Vietnamese provincial plans in; clean text, section trees and tables of targets, "
        "agencies and deadlines out."))
    parser.add_argument("--version", action="version", version=f"vnplan {_version()}")
    parser.add_argument("--debug", action="store_true",
                        help="print the full traceback of an internal error")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="print the full traceback of an internal error")
    sub = _Subcommands(parser.add_subparsers(dest="command", required=True), common)
    run = sub.add_parser("run", help="process files or folders into the contract tables")
    run.add_argument("paths", nargs="*", help="files or folders (recursive); default corpora/")
    run.add_argument("--out", default="out", help="output folder (default out/)")
    run.add_argument("--workers", type=int, help="run on a local Dask cluster of N workers")
    run.add_argument("--dask-address", help="run on an existing Dask cluster (tcp://host:port)")
    run.add_argument("--no-cache", action="store_true", help="recompute every document")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.set_defaults(func=_cmd_run)
    clean = sub.add_parser("clean", help="print the cleaned text of one file (no Prefect)")
    clean.add_argument("file")
    clean.add_argument("--corrections", action="store_true", help="print corrections as JSONL")
    clean.add_argument("--suggest", action="store_true",
                       help="apply nothing; print suggested corrections as JSONL")
    clean.set_defaults(func=_cmd_clean)
    seg = sub.add_parser("segment", help="print the section tree of one file")
    seg.add_argument("file")
    seg.set_defaults(func=_cmd_segment)
    ext = sub.add_parser("extract", help="print sections, targets and assignments as JSON")
    ext.add_argument("file")
    ext.set_defaults(func=_cmd_extract)
    score = sub.add_parser("score", help="score predicted tables against gold annotations")
    score.add_argument("--gold", default="gold", help="folder of gold/<doc_id>.json")
    score.add_argument("--pred", default="out", help="folder of tables written by vnplan run, "
                       "or a second annotator's gold folder (agreement, with Cohen's kappa)")
    score.add_argument("--corpus", action="append", help="folder of reference texts (<doc_id>"
                       ".txt or a gold file's source; repeatable; corpora/raw is always looked in)")
    score.add_argument("--report", help="write index.html (the error browser), report.md and "
                       "report.json here")
    score.set_defaults(func=_cmd_score)
    gold = sub.add_parser("gold", help="gold annotation tools")
    gold_sub = _Subcommands(gold.add_subparsers(dest="gold_command", required=True), common)
    check = gold_sub.add_parser("check", help="validate gold files against the contract")
    check.add_argument("--gold", default="gold")
    check.add_argument("--corpus", default="corpora/raw")
    check.set_defaults(func=_cmd_gold_check)
    from pipeline.goldflow.cli import add_gold_commands

    add_gold_commands(gold_sub, {"init": _cmd_gold_init, "export": _cmd_gold_export,
                                 "import": _cmd_gold_import})
    return parser


class _Subcommands:
    """Adds subcommands that all accept the common options (--debug after the command)."""

    def __init__(self, action: argparse._SubParsersAction, common: argparse.ArgumentParser):
        self.action, self.common = action, common

    def add_parser(self, name: str, **kwargs) -> argparse.ArgumentParser:
        """A subcommand parser with the common options."""
        return self.action.add_parser(name, parents=[self.common], **kwargs)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vnplan")
    except PackageNotFoundError:
        return "unknown (not installed)"


def _quiet_closed_pipe() -> int:
    """The reader of our output went away (`vnplan extract x | head`): stop without a
    traceback, and keep the interpreter's final flush from raising again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_CLOSED_PIPE


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `vnplan` console script."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_USAGE
    if getattr(args, "workers", None) is not None and args.workers < 1:
        print("vnplan: --workers must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    debug = args.debug or os.environ.get("VNPLAN_DEBUG") == "1"
    try:
        status = args.func(args)
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        return _quiet_closed_pipe()
    except UsageError as exc:
        print(f"vnplan: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: status 1, short message
        if debug:
            traceback.print_exc()
        print(f"vnplan: internal error: {type(exc).__name__}: {exc}"
              + ("" if debug else " (run with --debug for the full traceback)"), file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
