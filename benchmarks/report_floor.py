"""Time of ``make report`` on the seed against its floor: papermill executing the same notebooks emptied.

The floor keeps each notebook's ``parameters`` cell (so papermill injects the
same parameters) and drops every other cell, then executes them in a fresh
process that imports papermill and nothing of the suite, the way the report
does: the same ``python3`` kernel and kernel arguments, the same papermill
options (:data:`analysis.report.PAPERMILL_OPTIONS`: one save per notebook,
kernel stopped at once), the inline figure backend, as many notebooks side by
side as the report runs (:func:`analysis.report.notebook_workers`), and the
same block on the ``rfc3987_syntax`` import that the report's runner sets
(so the 2-3 s that block saves are taken off both, not only the report).
What is left above the floor is the suite's imports, the analysis, the
figures, the HTML export, the index and the manifest. Target (issue 6):
report <= 1.5x the floor.

Both are timed with the CPU seconds of their process tree (the machine is
shared: wall seconds follow the cores other work leaves).

Usage: ``python benchmarks/report_floor.py [--corpus seeds/000_b5e02bd3c49893a3.txt] [--repeat 2]``
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SEED = ROOT / "seeds" / "000_b5e02bd3c49893a3.txt"
TARGET_RATIO = 1.5

FLOOR_SCRIPT = """
import json, os, sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
sys.modules.setdefault("rfc3987_syntax", None)  # as analysis/report.py does before importing nbformat
import papermill
settings = json.loads(sys.argv[1])
corpus, folder = settings["corpus"], Path(settings["folder"])
os.environ["MPLBACKEND"] = settings["backend"]
(folder / "out").mkdir(exist_ok=True)
def run(notebook):
    papermill.execute_notebook(str(notebook), str(folder / "out" / notebook.name),
                               parameters={"corpus": corpus, "output_dir": ""}, kernel_name=settings["kernel"],
                               resources={"metadata": {"path": str(folder)}}, progress_bar=False,
                               log_output=False, extra_arguments=settings["kernel_arguments"],
                               **settings["papermill_options"])
notebooks = sorted(folder.glob("*.ipynb"))
with ThreadPoolExecutor(max_workers=settings["workers"]) as pool:
    for result in [pool.submit(run, notebook) for notebook in notebooks]:
        result.result()
"""


def empty_notebooks(folder: Path) -> int:
    """Copy every notebook keeping only its parameters cell; return how many."""
    import nbformat

    count = 0
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        notebook.cells = [cell for cell in notebook.cells if "parameters" in cell.get("metadata", {}).get("tags", [])]
        nbformat.write(notebook, folder / path.name)
        count += 1
    return count


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (the process and every process it waited for, kernels included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"error: {' '.join(command)} failed: {done.stderr.strip().splitlines()[-1:]}")
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(SEED), help="corpus to report on (default: the seed)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each, alternating; the fastest counts (default 2)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from analysis import report

    corpus = str(Path(args.corpus).resolve())
    floors, reports = [], []
    with tempfile.TemporaryDirectory() as folder:
        empties = Path(folder) / "empty"
        empties.mkdir()
        count = empty_notebooks(empties)
        settings = json.dumps({
            "corpus": corpus, "folder": str(empties), "workers": report.notebook_workers(count),
            "kernel": report.KERNEL_NAME, "kernel_arguments": report._KERNEL_ARGUMENTS,
            "backend": report._INLINE_BACKEND, "papermill_options": report.PAPERMILL_OPTIONS,
        })
        for _ in range(args.repeat):  # alternating, so both see the same load on a shared machine
            floors.append(timed([sys.executable, "-c", FLOOR_SCRIPT, settings]))
            reports.append(timed([sys.executable, "-m", "analysis", "report", corpus,
                                  "--out", str(Path(folder) / "report")]))
    floor, report_time = min(floors), min(reports)
    ratio = report_time[0] / floor[0]
    print(f"notebooks: {count}, side by side: {report.notebook_workers(count)}, load average {os.getloadavg()[0]:.1f}")
    print("floor = papermill (rfc3987_syntax import blocked as in the report) running the notebooks with only "
          "their parameters cell: kernel start-up and shutdown, parameter injection, executed-notebook writes")
    print(f"empty notebooks through papermill (floor): {floor[0]:.1f} s wall, {floor[1]:.1f} s CPU")
    print(f"python -m analysis report (make report):   {report_time[0]:.1f} s wall, {report_time[1]:.1f} s CPU")
    print(f"ratio: {ratio:.2f}x wall, {report_time[1] / floor[1]:.2f}x CPU "
          f"(target <= {TARGET_RATIO}x: {'met' if ratio <= TARGET_RATIO else 'MISSED'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
