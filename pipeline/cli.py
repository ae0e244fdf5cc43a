"""The `vnplan` command line: argument parsing and printing only."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time
import traceback
from dataclasses import asdict
from pathlib import Path

from pipeline.errors import RunError, UsageError
from pipeline.inputs import IGNORE_MARKER, collect_inputs  # noqa: F401 - part of the CLI's API

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_SOME_FAILED, EXIT_BUSY = 0, 1, 2, 3, 4
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE: the reader of our output went away


def _progress_bar(total: int, quiet: bool):
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr)


def _name_unsupported(paths: list[str]) -> None:
    """Name the files of the folders given that vnplan skipped because it does not read their
    type (.doc, .xlsx …), with what to do about them."""
    from pipeline.inputs import unsupported_in
    from pipeline.unsupported import summary_lines

    for line in summary_lines(unsupported_in(paths)):
        print(line, file=sys.stderr)


def _mode(args: argparse.Namespace) -> str:
    if args.append and args.replace:
        raise UsageError("--append and --replace cannot be used together")
    return "append" if args.append else "replace" if args.replace else "refresh"


def print_report(report, elapsed: float) -> None:
    """The run summary: documents, changes to the set, rows per table, warnings, failures."""
    print(f"vnplan: {len(report.documents)} documents ok, {len(report.failures)} failed "
          f"({report.cache_hits} unchanged or from cache) in {elapsed:.1f} s; tables in "
          f"{report.out}/ (run {report.run_id})")
    print("  changes: " + ", ".join(f"{count} {what}" for what, count in report.changes.items()))
    rows = []
    for name, count in report.rows.items():
        added, removed = report.row_changes.get(name, (None, None))
        rows.append(f"{name} {count}" if added is None else f"{name} {count} (+{added} −{removed})")
    print("  rows: " + ", ".join(rows))
    if report.problems:
        print(f"  {report.problems} part(s) of documents skipped (a table or block a stage "
              f"could not read): rows of failures.csv with a doc_id", file=sys.stderr)
    for warning in report.warnings:
        print(f"  warning: {warning}", file=sys.stderr)
    for failure in report.failures:
        print(f"  failed: {failure.source} [{failure.stage}] {failure.error_type}: "
              f"{failure.message}", file=sys.stderr)


def _cmd_run(args: argparse.Namespace) -> int:
    from pipeline.refresh import preflight

    mode = _mode(args)
    if args.no_prefect and (args.workers or args.dask_address):
        raise UsageError("--no-prefect runs in this process: no --workers or --dask-address")
    inputs = preflight(args.paths or ["corpora"], args.out, mode)  # fails fast, before Prefect
    started = time.perf_counter()
    bar = _progress_bar(len(inputs), args.quiet)
    options = {"mode": mode, "use_cache": not args.no_cache,
               "progress": bar.update if bar else None}
    try:
        if args.no_prefect:
            from pipeline.refresh import run_refresh

            report = run_refresh(args.paths or ["corpora"], args.out, **options)
        else:
            from pipeline.tempserver import start_temporary_server

            start_temporary_server()
            from pipeline.flows import run_corpus

            report = run_corpus(args.paths or ["corpora"], args.out, workers=args.workers,
                                dask_address=args.dask_address, **options)
    finally:
        if bar:
            bar.close()
    print_report(report, time.perf_counter() - started)
    _name_unsupported(args.paths or ["corpora"])
    return EXIT_SOME_FAILED if report.failures or not report.documents else EXIT_OK


def _cmd_serve(args: argparse.Namespace) -> int:
    from pipeline.refresh import preflight

    mode = _mode(args)
    preflight(args.paths, args.out, mode)
    from pipeline.flows import serve_corpus

    when = (f"every {args.interval:g} s" if args.interval
            else f"cron {args.cron!r} {args.timezone}")
    print(f"vnplan: serving deployment 'process_corpus/{args.name}' ({when}) on "
          f"{os.environ.get('PREFECT_API_URL', 'no server')}; Ctrl-C stops it", file=sys.stderr)
    serve_corpus(args.paths, args.out, name=args.name, cron=args.cron, interval=args.interval,
                 timezone=args.timezone, mode=mode, workers=args.workers,
                 dask_address=args.dask_address, use_cache=not args.no_cache)
    return EXIT_OK


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

    inputs = collect_inputs(args.files)
    _name_unsupported(args.files)
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


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", default="out", help="output folder (default out/)")
    parser.add_argument("--append", action="store_true",
                        help="add these inputs to the set in --out, keeping its other documents")
    parser.add_argument("--replace", action="store_true",
                        help="make the set exactly these inputs, removing its other documents "
                        "(without --append or --replace, a run that would drop documents is "
                        "refused with exit status 2)")
    parser.add_argument("--workers", type=int, help="run on a local Dask cluster of N workers")
    parser.add_argument("--dask-address",
                        help="run on an existing Dask cluster (tcp://host:port)")
    parser.add_argument("--no-cache", action="store_true", help="recompute every document")


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
    run = sub.add_parser("run", help="bring the tables in --out up to date with files or "
                         "folders (documents added, changed, removed)")
    run.add_argument("paths", nargs="*", help="files or folders (recursive); default corpora/")
    _add_run_options(run)
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.add_argument("--no-prefect", action="store_true",
                     help="run as plain functions in this process: no Prefect start-up (seconds"
                     " a run), no flow history")
    run.set_defaults(func=_cmd_run)
    serve = sub.add_parser("serve", help="refresh the tables on a schedule, as a Prefect "
                           "deployment (needs PREFECT_API_URL: a running `prefect server start`)")
    serve.add_argument("paths", nargs="+", help="files or folders to keep the tables current with")
    _add_run_options(serve)
    serve.add_argument("--cron", default="0 2 * * *",
                       help="when to run, a cron expression (default '0 2 * * *': 02:00 daily)")
    serve.add_argument("--timezone", default="UTC",
                       help="time zone of --cron (default UTC; e.g. Asia/Ho_Chi_Minh)")
    serve.add_argument("--interval", type=float, help="run every N seconds instead of --cron")
    serve.add_argument("--name", default="vnplan-refresh", help="deployment name")
    serve.set_defaults(func=_cmd_serve)
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
    # `serve`'s runner handles signals itself (it waits for the run in flight)
    in_main = threading.current_thread() is threading.main_thread() and args.command != "serve"
    previous = signal.signal(signal.SIGTERM, _terminate) if in_main else None
    debug = args.debug or os.environ.get("VNPLAN_DEBUG") == "1"
    try:
        status = args.func(args)
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        return _quiet_closed_pipe()
    except RunError as exc:  # usage, a refused run, a busy output folder
        print(f"vnplan: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except SystemExit as exc:
        return int(exc.code or 0)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: status 1, short message
        if debug:
            traceback.print_exc()
        print(f"vnplan: internal error: {type(exc).__name__}: {exc}"
              + ("" if debug else " (run with --debug for the full traceback)"), file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if in_main:
            signal.signal(signal.SIGTERM, previous)


def _terminate(signum, _frame) -> None:
    """SIGTERM unwinds like Ctrl-C: the build folder is removed and the temporary Prefect
    server stopped on the way out (kill -9 is covered by the next run and the kernel)."""
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    sys.exit(main())
