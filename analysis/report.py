"""Run every notebook on a corpus and publish the results as one report folder.

``run_report(corpus)`` is what ``python -m analysis report CORPUS`` calls. It

1. checks the corpus and the ``-p NAME=VALUE`` parameters before writing anything;
2. executes ``notebooks/*.ipynb`` in name order with papermill into a temporary
   folder beside the target, passing ``corpus`` and ``output_dir`` (absolute
   paths) and each extra parameter only to the notebooks that declare it, its
   value converted to the type of the notebook's default;
3. writes a code-free HTML page per notebook, ``index.html`` (links, figures
   and the ``validity`` table) and ``manifest.json`` (corpus hash, parameters,
   package versions and the SHA-256 of every file written);
4. swaps the new folder in for the previous report only when every notebook
   succeeded. A failed run leaves the last good report untouched and keeps its
   partial output in ``<target>.failed/`` for debugging.

With ``dated=True`` every run is kept in ``<target>/<YYYY-MM-DDTHHMMSS>/``
(UTC) and ``<target>/latest`` points to the newest (a symlink, or a ``LATEST``
file holding the folder name where symlinks are not available).
"""

from __future__ import annotations

import ast
import hashlib
import html
import json
import os
import platform
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

# jsonschema (under nbformat, papermill and nbconvert) imports rfc3987_syntax when it is installed
# (jupyter-events brings it through jsonschema[format-nongpl]), and that module builds a Lark grammar
# at import: 2-3 s of CPU, only to check the "iri" string format, which no notebook schema uses.
# jsonschema imports it under ``suppress(ImportError)``, so marking it absent here (before the first
# nbformat import) just leaves that one format unchecked. The kernels never import jsonschema.
sys.modules.setdefault("rfc3987_syntax", None)

import nbformat  # noqa: E402  (after the line above, on purpose)

from analysis.cli import CommandError
from analysis.corpus import InputError, corpus_files, load_corpus
from analysis.figures import FIGURES_FOLDER, TABLES_FOLDER

DEFAULT_NOTEBOOKS_DIR = Path(__file__).resolve().parents[1] / "notebooks"
DEFAULT_REPORTS_DIR = Path("reports")
RUNNER_PARAMETERS = ("corpus", "output_dir")
VALIDITY_TABLE = "validity"
KERNEL_NAME = "python3"
LATEST_LINK = "latest"
LATEST_FILE = "LATEST"
RUN_NAME_FORMAT = "%Y-%m-%dT%H%M%S"
VERSIONED_PACKAGES = (
    "framing", "pandas", "numpy", "matplotlib", "nltk", "pyahocorasick",
    "papermill", "nbconvert", "nbformat", "ipykernel",
)
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}
# Papermill marks the cells it adds; they are not the user's cells.
_INJECTED_TAG = "injected-parameters"
_ERROR_TAG = "papermill-error-cell-tag"
# Silence the kernel's start-up warnings so a run prints one line per notebook.
_KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]
# How papermill runs each notebook (``benchmarks/report_floor.py`` runs its floor the same way):
# the executed notebook is written once at the end (or at the failing cell), not after every cell,
# and the kernel is stopped at once when the last cell is done: every output has reached the runner
# by then, and a graceful stop only lets the kernel spend most of a second tearing its modules down.
PAPERMILL_OPTIONS = {"request_save_on_cell_execute": False, "shutdown_kernel": "immediate"}
_INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
_PARTS_FOLDER = ".parts"


def run_report(
    corpus: str | Path,
    *,
    out_dir: str | Path | None = None,
    parameters: Mapping[str, object] | None = None,
    dated: bool = False,
    notebooks_dir: str | Path | None = None,
) -> Path:
    """Execute every notebook on ``corpus`` and return the published report folder."""
    corpus_path = Path(corpus).resolve()
    load_corpus(corpus_path)
    notebooks = find_notebooks(Path(notebooks_dir) if notebooks_dir else DEFAULT_NOTEBOOKS_DIR)
    declared = {notebook: notebook_parameters(notebook) for notebook in notebooks}
    extra = plan_parameters(declared, parameters or {})
    target = Path(out_dir) if out_dir else DEFAULT_REPORTS_DIR / corpus_stem(corpus_path)
    _check_target(target, dated=dated)

    started = datetime.now(timezone.utc).replace(microsecond=0)
    staging_parent = target if dated else target.parent
    staging_parent.mkdir(parents=True, exist_ok=True)
    staging = _make_staging(staging_parent, target.name)
    try:
        with _PageWriter(staging) as pages:
            outputs = _execute_notebooks(notebooks, extra, corpus_path, staging, failed_dir=failed_folder(target),
                                         when_done=pages.submit)
        titles = {notebook.stem: pages.titles[notebook] for notebook in notebooks}
        _write_index(staging, corpus_path, started, titles, outputs)
        _write_manifest(staging, corpus_path, started, parameters or {}, extra)
        return _publish(staging, target, dated=dated, started=started)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def find_notebooks(folder: Path) -> list[Path]:
    """The notebooks of ``folder`` in name order, checkpoints left out."""
    notebooks = sorted(path for path in folder.glob("*.ipynb") if path.is_file())
    if not notebooks:
        raise InputError(f"{folder}: no notebooks (*.ipynb) to run")
    return notebooks


def notebook_parameters(notebook: Path) -> dict[str, object]:
    """Names and default values assigned in the cell tagged ``parameters``.

    A default that is not a Python literal is given as ``None`` (its type is unknown,
    so values for it are passed on as strings). No such cell gives ``{}``.
    """
    cell = parameters_cell(nbformat.read(notebook, as_version=4))
    if cell is None:
        return {}
    try:
        tree = ast.parse(cell.source)
    except SyntaxError as err:
        raise InputError(f"{notebook}: parameters cell: line {err.lineno}: not plain Python") from None
    defaults: dict[str, object] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            targets, value = statement.targets, statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets, value = [statement.target], statement.value
        else:
            continue
        for target in targets:
            if isinstance(target, ast.Name):
                defaults[target.id] = _literal_or_none(value)
    return defaults


def parameters_cell(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode | None:
    """The first code cell tagged ``parameters``, if any."""
    for cell in notebook.cells:
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            return cell
    return None


def plan_parameters(declared: Mapping[Path, dict[str, object]], given: Mapping[str, object]) -> dict[Path, dict[str, object]]:
    """The extra parameters each notebook gets: those it declares, typed like its default.

    A name that no notebook declares, or one the runner sets itself, is an
    :class:`InputError` listing the accepted names.
    """
    accepted = sorted({name for defaults in declared.values() for name in defaults} - set(RUNNER_PARAMETERS))
    for name in given:
        if name in RUNNER_PARAMETERS:
            raise InputError(f"-p {name}: set by the report itself (give the corpus argument or --out instead)")
        if name not in accepted:
            raise InputError(f"-p {name}: no notebook has this parameter; accepted: {', '.join(accepted) or 'none'}")
    return {
        notebook: {name: convert_parameter(name, value, defaults[name]) for name, value in given.items() if name in defaults}
        for notebook, defaults in declared.items()
    }


def convert_parameter(name: str, value: object, default: object) -> object:
    """Turn a command-line string into the type of the notebook's default (bool, int or float)."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if isinstance(default, bool):
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise InputError(f"-p {name}={value}: expected true or false")
    if isinstance(default, int):
        try:
            return int(text)
        except ValueError:
            raise InputError(f"-p {name}={value}: expected a whole number") from None
    if isinstance(default, float):
        try:
            return float(text)
        except ValueError:
            raise InputError(f"-p {name}={value}: expected a number") from None
    return value


def corpus_stem(corpus: Path) -> str:
    """The report's folder name: the file name without suffix, or the folder's name."""
    return corpus.name if corpus.is_dir() else corpus.stem


def failed_folder(target: Path) -> Path:
    """Where the partial output of a failed run is kept."""
    return target.parent / f"{target.name}.failed"


def corpus_sha256(corpus: Path) -> str:
    """SHA-256 of a corpus file, or of a folder's ``sha256sum``-style listing of its corpus files."""
    if corpus.is_file():
        return file_sha256(corpus)
    listing = "".join(f"{file_sha256(file)}  {file.relative_to(corpus).as_posix()}\n" for file in corpus_files(corpus))
    return hashlib.sha256(listing.encode("utf-8")).hexdigest()


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _literal_or_none(node: ast.expr) -> object:
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError):
        return None


def _make_staging(parent: Path, name: str) -> Path:
    """A fresh hidden folder in ``parent`` with the usual permissions (mkdtemp's are owner-only)."""
    staging = Path(tempfile.mkdtemp(prefix=f".{name}-", suffix=".partial", dir=parent)).resolve()
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    return staging


def _has_latest_pointer(folder: Path) -> bool:
    return (folder / LATEST_LINK).is_symlink() or (folder / LATEST_FILE).is_file()


def _check_target(target: Path, *, dated: bool) -> None:
    """Refuse to replace a folder that is not a plain report (it would be deleted)."""
    if target.exists() and not target.is_dir():
        raise InputError(f"{target}: exists and is not a folder")
    if dated or not target.exists() or not any(target.iterdir()):
        return
    if _has_latest_pointer(target):
        raise InputError(f"{target}: holds dated runs; add --dated or choose another --out")
    if not (target / "manifest.json").is_file():
        raise InputError(f"{target}: not a report folder (no manifest.json); refusing to replace it")


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextmanager
def _inline_figures() -> Iterator[None]:
    """Let kernels show figures inline (so they reach the HTML) even if MPLBACKEND is set."""
    before = os.environ.get("MPLBACKEND")
    os.environ["MPLBACKEND"] = _INLINE_BACKEND
    try:
        yield
    finally:
        if before is None:
            del os.environ["MPLBACKEND"]
        else:
            os.environ["MPLBACKEND"] = before


def _files_under(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def _execute_notebooks(
    notebooks: list[Path], extra: Mapping[Path, dict], corpus: Path, staging: Path, *, failed_dir: Path,
    when_done: Callable[[Path], object] | None = None,
) -> dict[str, list[str]]:
    """Run the notebooks side by side into ``staging``; return the figure and table files each wrote.

    Each notebook writes into a folder of its own, merged into ``staging`` once
    all have succeeded, so concurrent notebooks never see each other's files and
    the report knows which notebook made which file. ``when_done(notebook)``
    runs in the notebook's thread as soon as it has succeeded; it may hand its
    work to another thread and return that :class:`Future` (the HTML page is
    written there while the thread moves on to the next notebook), which is
    waited for, and its error counted as the notebook's, before anything is
    merged or a failure reported. A failure is reported for the first failing
    notebook in name order.
    """
    executed_dir = staging / "notebooks"
    executed_dir.mkdir()
    parts = staging / _PARTS_FOLDER
    with _inline_figures(), ThreadPoolExecutor(max_workers=notebook_workers(len(notebooks))) as pool:
        futures = []
        for position, notebook in enumerate(notebooks, start=1):
            output_dir = parts / notebook.stem
            output_dir.mkdir(parents=True)
            parameters = {"corpus": str(corpus), "output_dir": str(output_dir), **extra[notebook]}
            progress = f"report: running {notebook.name} ({position}/{len(notebooks)})"
            futures.append(pool.submit(_execute_one, notebook, executed_dir / notebook.name, parameters, progress,
                                       when_done))
        errors = [_error_of(future) for future in futures]
    for notebook, error in zip(notebooks, errors):
        if error is not None:
            _raise_failure(notebook, error, staging, failed_dir)
    return _merge_parts(parts, staging, notebooks)


def _error_of(future: Future) -> BaseException | None:
    """The error of a notebook's run, or of the work its ``when_done`` handed to another thread."""
    error = future.exception()
    if error is None and isinstance(future.result(), Future):
        error = future.result().exception()
    return error


def notebook_workers(n_notebooks: int) -> int:
    """How many notebooks run side by side: one per core (``benchmarks/report_floor.py`` runs its floor so too)."""
    return max(1, min(n_notebooks, os.cpu_count() or 1))


def _execute_one(notebook: Path, executed: Path, parameters: dict, progress: str,
                 when_done: Callable[[Path], object] | None) -> object:
    import papermill

    _say(progress)
    papermill.execute_notebook(
        str(notebook),
        str(executed),
        parameters=parameters,
        kernel_name=KERNEL_NAME,
        # The kernel's working folder, set without papermill's process-wide chdir,
        # which would race between notebooks running side by side.
        resources={"metadata": {"path": str(notebook.parent.resolve())}},
        progress_bar=sys.stderr.isatty(),
        log_output=False,
        extra_arguments=_KERNEL_ARGUMENTS,
        **PAPERMILL_OPTIONS,
    )
    return when_done(notebook) if when_done is not None else None


def _raise_failure(notebook: Path, error: BaseException, staging: Path, failed_dir: Path) -> None:
    import papermill

    if isinstance(error, papermill.PapermillExecutionError):
        kept = _keep_failed(staging, failed_dir) / "notebooks" / notebook.name
        raise CommandError(
            f"{notebook.name} failed at {_describe_cell(kept, error.cell_index)} "
            f"({error.ename}: {_first_line(error.evalue)}); partial notebook kept in {kept}"
        )
    # kernel missing or dead, unreadable notebook: still one line for the user
    kept = _keep_failed(staging, failed_dir)
    raise CommandError(
        f"{notebook.name} could not run ({type(error).__name__}: {_first_line(str(error))}); "
        f"partial output kept in {kept}"
    )


def _merge_parts(parts: Path, staging: Path, notebooks: list[Path]) -> dict[str, list[str]]:
    """Move each notebook's files into the report; two notebooks writing one name is an error."""
    outputs: dict[str, list[str]] = {}
    for notebook in notebooks:
        folder = parts / notebook.stem
        written = sorted(_files_under(folder))
        for name in written:
            destination = staging / name
            if destination.exists():
                raise CommandError(f"{notebook.name} writes {name}, which another notebook already wrote; rename one")
            destination.parent.mkdir(parents=True, exist_ok=True)
            (folder / name).rename(destination)
        outputs[notebook.stem] = written
    shutil.rmtree(parts)
    return outputs


def _keep_failed(staging: Path, failed_dir: Path) -> Path:
    """Move a failed run's folder to ``failed_dir`` (replacing an older one)."""
    if failed_dir.exists():
        shutil.rmtree(failed_dir)
    staging.rename(failed_dir)
    return failed_dir


def _first_line(text: str, limit: int = 200) -> str:
    """The first non-blank line of ``text``, shortened to ``limit`` characters, for one-line messages."""
    lines = (text or "").strip().splitlines()
    line = lines[0] if lines else ""
    return line if len(line) <= limit else line[: limit - 3] + "..."


def _describe_cell(executed: Path, cell_index: int) -> str:
    """``cell N `first line` `` numbered as in the source notebook (papermill's own cells left out)."""
    try:
        cells = [cell for cell in nbformat.read(executed, as_version=4).cells
                 if _ERROR_TAG not in cell.get("metadata", {}).get("tags", [])]
        failing = cells[cell_index]
    except (OSError, ValueError, IndexError):
        return f"cell index {cell_index}"
    number = sum(1 for cell in cells[: cell_index + 1]
                 if _INJECTED_TAG not in cell.get("metadata", {}).get("tags", []))
    return f"cell {number} `{_first_line(failing.source, limit=60)}`"


def _notebook_title(notebook: nbformat.NotebookNode, fallback: str) -> str:
    """The first markdown heading of a notebook, else ``fallback``."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return fallback


class _PageWriter:
    """Export executed notebooks as code-free ``<name>.html`` pages in a thread of their own.

    :meth:`submit` queues a notebook as soon as it has run, so its page
    (nbconvert's import and templates too, for the first) is written while
    the notebook threads start the next kernels. One thread, one exporter
    (its templates loaded once), one page at a time. Leaving the ``with``
    block waits for the queued pages.
    """

    def __init__(self, staging: Path) -> None:
        self.staging = staging
        self.titles: dict[Path, str] = {}
        self._exporter = None
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pages")

    def __enter__(self) -> _PageWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._thread.shutdown(wait=True)

    def submit(self, notebook: Path) -> Future:
        """Queue the page of an executed notebook; the future holds the page's error, if any."""
        return self._thread.submit(self.write, notebook)

    def write(self, notebook: Path) -> None:
        executed = nbformat.read(self.staging / "notebooks" / notebook.name, as_version=4)
        title = _notebook_title(executed, notebook.stem)
        body, _ = self._html_exporter().from_notebook_node(executed, resources={"metadata": {"name": title}})
        self.titles[notebook] = title
        (self.staging / f"{notebook.stem}.html").write_text(body, encoding="utf-8")

    def _html_exporter(self):
        if self._exporter is None:
            from nbconvert import HTMLExporter

            self._exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True,
                                          exclude_output_prompt=True)
        return self._exporter


_INDEX_STYLE = """
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { margin-bottom: 0.2rem; }
dl.run { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
dl.run dt { font-weight: bold; }
dl.run dd { margin: 0; font-family: monospace; word-break: break-all; }
figure { margin: 1rem 0; }
figure img { max-width: 100%; border: 1px solid #ddd; }
table.dataframe { border-collapse: collapse; font-size: 0.9rem; }
table.dataframe th, table.dataframe td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; }
"""


def _write_index(
    staging: Path, corpus: Path, started: datetime, titles: Mapping[str, str], outputs: Mapping[str, list[str]]
) -> None:
    """Write ``index.html``: run facts, notebook pages, figures and tables by notebook, the validity table."""
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        f"<title>framing report: {esc(corpus_stem(corpus))}</title>",
        f"<style>{_INDEX_STYLE}</style></head>",
        "<body>",
        f"<h1>framing report: {esc(corpus_stem(corpus))}</h1>",
        '<dl class="run">',
        f"<dt>Corpus</dt><dd>{esc(str(corpus))}</dd>",
        f"<dt>SHA-256</dt><dd>{corpus_sha256(corpus)}</dd>",
        f"<dt>Run date</dt><dd>{started.strftime('%Y-%m-%d %H:%M:%S')} UTC</dd>",
        '<dt>Details</dt><dd><a href="manifest.json">manifest.json</a></dd>',
        "</dl>",
        "<h2>Notebooks</h2>",
        "<ol>",
    ]
    for stem, title in titles.items():
        parts.append(
            f'<li><a href="{esc(stem)}.html">{esc(title)}</a> '
            f'(<a href="notebooks/{esc(stem)}.ipynb">executed notebook</a>)</li>'
        )
    parts.append("</ol>")
    parts.append("<h2>Figures</h2>")
    any_figure = False
    for stem, written in outputs.items():
        figures = [name for name in written if name.startswith(f"{FIGURES_FOLDER}/") and name.endswith(".svg")]
        if not figures:
            continue
        any_figure = True
        parts.append(f"<h3>{esc(titles[stem])}</h3>")
        for svg in figures:
            name = Path(svg).stem
            links = [f'<a href="{esc(svg)}">SVG</a>']
            if f"{FIGURES_FOLDER}/{name}.png" in written:
                links.append(f'<a href="{FIGURES_FOLDER}/{esc(name)}.png">PNG</a>')
            if f"{TABLES_FOLDER}/{name}.csv" in written:
                links.append(f'<a href="{TABLES_FOLDER}/{esc(name)}.csv">table (CSV)</a>')
            parts.append(
                f'<figure id="{esc(name)}"><img src="{esc(svg)}" alt="{esc(name)}" loading="lazy">'
                f"<figcaption><code>{esc(name)}</code>: {' · '.join(links)}</figcaption></figure>"
            )
    if not any_figure:
        parts.append("<p>No figures were saved by this run.</p>")
    parts.append("<h2>Tables</h2>")
    tables = {stem: [name for name in written if name.startswith(f"{TABLES_FOLDER}/")] for stem, written in outputs.items()}
    for stem, names in tables.items():
        if names:
            links = ", ".join(f'<a href="{esc(name)}">{esc(Path(name).name)}</a>' for name in names)
            parts.append(f"<p>{esc(titles[stem])}: {links}</p>")
    if not any(tables.values()):
        parts.append("<p>No tables were saved by this run.</p>")
    parts.append("<h2>Validity</h2>")
    parts.append(_validity_html(staging / TABLES_FOLDER / f"{VALIDITY_TABLE}.csv"))
    parts += ["</body>", "</html>", ""]
    (staging / "index.html").write_text("\n".join(parts), encoding="utf-8")


def _validity_html(path: Path) -> str:
    """The validity table as HTML, or a sentence saying there is none."""
    if not path.is_file():
        return "<p>No validity table (<code>tables/validity.csv</code>) was written by this run.</p>"
    import pandas as pd

    table = pd.read_csv(path)
    return table.to_html(index=False, border=0, escape=True, na_rep="", float_format=_short_number) + (
        f'\n<p><a href="{TABLES_FOLDER}/{VALIDITY_TABLE}.csv">validity.csv</a></p>'
    )


def _short_number(value: float) -> str:
    """Four significant digits, no trailing zeros: 0.6986, 73, 1."""
    return f"{value:.4g}"


def package_versions() -> dict[str, str | None]:
    """Versions of Python and the packages that shape the results (None when not installed)."""
    versions: dict[str, str | None] = {"python": platform.python_version()}
    for name in VERSIONED_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def _write_manifest(
    staging: Path, corpus: Path, started: datetime, given: Mapping[str, object], extra: Mapping[Path, dict]
) -> None:
    """Write ``manifest.json``: what went in (corpus, parameters, versions) and every file that came out."""
    files = {name: file_sha256(staging / name) for name in sorted(_files_under(staging))}
    manifest = {
        "corpus": {"path": str(corpus), "sha256": corpus_sha256(corpus)},
        "run_date": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "parameters": dict(given),
        "notebooks": {notebook.name: passed for notebook, passed in extra.items()},
        "versions": package_versions(),
        "files": files,
    }
    text = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False, default=str)
    (staging / "manifest.json").write_text(text + "\n", encoding="utf-8")


def _publish(staging: Path, target: Path, *, dated: bool, started: datetime) -> Path:
    """Move the finished run to its place; the previous report goes only once the new one is in."""
    failed = failed_folder(target)
    if dated:
        run_name = started.strftime(RUN_NAME_FORMAT)
        final, suffix = target / run_name, 2
        while final.exists():
            final, suffix = target / f"{run_name}-{suffix}", suffix + 1
        staging.rename(final)
        _point_latest(target, final.name)
    else:
        final = target
        previous = staging.with_name(staging.name.removesuffix(".partial") + ".previous")
        if target.exists():
            target.rename(previous)
        staging.rename(target)
        shutil.rmtree(previous, ignore_errors=True)
    if failed.exists():
        shutil.rmtree(failed, ignore_errors=True)
    return final


def _point_latest(folder: Path, run_name: str) -> None:
    """Make ``folder/latest`` point to ``run_name`` (symlink swapped atomically, else a LATEST file)."""
    link, scratch = folder / LATEST_LINK, folder / f".{LATEST_LINK}.new"
    try:
        scratch.unlink(missing_ok=True)
        os.symlink(run_name, scratch, target_is_directory=True)
        os.replace(scratch, link)
    except OSError:
        scratch.unlink(missing_ok=True)
        note = folder / f".{LATEST_FILE}.new"
        note.write_text(run_name + "\n", encoding="utf-8")
        os.replace(note, folder / LATEST_FILE)
        return
    (folder / LATEST_FILE).unlink(missing_ok=True)
