"""Save notebook figures and the tables behind them, the same bytes every run.

Notebooks call :func:`save_figure` and :func:`save_table` with the
``output_dir`` parameter that papermill passes; an empty ``output_dir`` (the
default when a notebook is opened by hand) saves nothing, so exploring a
notebook never litters the repository.

Files land in ``<output_dir>/figures/<name>.png`` and ``.svg`` and
``<output_dir>/tables/<name>.csv``. Two runs on the same input give
byte-identical SVG and CSV files: the SVG element ids are salted with a fixed
value and the date and software stamps are left out of both image formats.

In a notebook :func:`save_figure` also shows the figure, from the PNG bytes it
has just written, and closes it: the inline backend would otherwise draw every
figure a third time at the end of its cell.
"""

from __future__ import annotations

import re
import struct
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # matplotlib (and pandas) load when a figure or table is made, not on import:
    import pandas as pd  # the report runner reads this module's folder names without them
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FIGURES_FOLDER = "figures"
TABLES_FOLDER = "tables"
PNG_DPI = 150
BAR_COLOR = "#4C72B0"
_BAR_INCHES = 0.28
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]*")

# Fixed settings that make saved files reproducible, applied at save time.
_REPRODUCIBLE = {"svg.hashsalt": "framing", "svg.fonttype": "path"}

# A plain, readable style that needs no system fonts (DejaVu Sans ships with matplotlib).
REPORT_STYLE = {
    "figure.figsize": (8.0, 4.5),
    "figure.dpi": 100,
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "axes.axisbelow": True,
    "grid.alpha": 0.4,
    "legend.frameon": False,
    "savefig.bbox": "tight",
    **_REPRODUCIBLE,
}


def use_report_style() -> None:
    """Set the report's matplotlib style for every figure made afterwards."""
    import matplotlib

    matplotlib.rcParams.update(REPORT_STYLE)


def save_figure(fig: Figure, name: str, *, output_dir: str | Path, table: pd.DataFrame | None = None) -> list[Path]:
    """Write ``fig`` as PNG and SVG (and ``table`` as CSV) under ``output_dir``; in a notebook, show it.

    Returns the paths written, none when ``output_dir`` is empty. In a Jupyter
    kernel the figure is shown as the cell's output from the very PNG written
    (rendered in memory when nothing is saved) and then closed, so it is drawn
    once per image file instead of once more by the inline backend; elsewhere
    (scripts, tests) it is left open.
    """
    _check_name(name)
    written: list[Path] = []
    png = None
    if str(output_dir):
        folder = Path(output_dir) / FIGURES_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        png_path, svg_path = folder / f"{name}.png", folder / f"{name}.svg"
        png, svg = _render(fig, ("png", "svg"))
        png_path.write_bytes(png)
        svg_path.write_bytes(svg)
        written = [png_path, svg_path]
        if table is not None:
            written += save_table(table, name, output_dir=output_dir)
    if _in_kernel():
        _show_png(fig, png if png is not None else _render(fig, ("png",))[0])
    return written


def _render(fig: Figure, image_formats: Sequence[str]) -> list[bytes]:
    """The figure as PNG (at :data:`PNG_DPI`) and/or SVG bytes, without date or software stamps.

    With ``savefig.bbox`` "tight" (the report style) the tight box is measured
    once for all formats; ``bbox_inches="tight"`` would lay the figure out
    again for every file.
    """
    import io

    import matplotlib

    images = []
    with matplotlib.rc_context(_REPRODUCIBLE):
        box = None
        if matplotlib.rcParams["savefig.bbox"] == "tight":
            fig.draw_without_rendering()
            box = fig.get_tightbbox().padded(matplotlib.rcParams["savefig.pad_inches"])
        for image_format in image_formats:
            stream = io.BytesIO()
            if image_format == "png":
                fig.savefig(stream, format="png", dpi=PNG_DPI, bbox_inches=box, metadata={"Software": None})
            else:
                fig.savefig(stream, format="svg", bbox_inches=box, metadata={"Date": None, "Creator": None})
            images.append(stream.getvalue())
    return images


def _in_kernel() -> bool:
    """Whether this code runs in a Jupyter kernel (not plain Python, not terminal IPython)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return getattr(shell, "kernel", None) is not None


def _show_png(fig: Figure, png: bytes) -> None:
    """Show ``png`` (a render of ``fig`` at :data:`PNG_DPI`) at the figure's screen size, then close ``fig``."""
    from IPython.display import Image, display

    width, height = struct.unpack(">II", png[16:24])  # the PNG header's IHDR chunk
    scale = fig.dpi / PNG_DPI
    display(Image(data=png, format="png", width=round(width * scale), height=round(height * scale)))
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close(fig)


def save_table(frame: pd.DataFrame, name: str, *, output_dir: str | Path) -> list[Path]:
    """Write ``frame`` as ``tables/<name>.csv`` (no index, ``\\n`` line ends).

    Returns the paths written, none when ``output_dir`` is empty.
    """
    _check_name(name)
    if not str(output_dir):
        return []
    folder = Path(output_dir) / TABLES_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.csv"
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    return [path]


def bar_chart(table: pd.DataFrame, *, x: str, y: str, title: str, xlabel: str = "", ylabel: str = "") -> Figure:
    """Horizontal bars of column ``x`` per label in column ``y``, first row on top.

    Horizontal so that long labels (article ids, titles) stay readable; the
    figure grows with the number of rows. Returns a pyplot figure so Jupyter
    shows it inline.
    """
    fig, axes = _rows_figure(len(table))
    bars = axes.barh(range(len(table)), table[x].to_numpy(), color=BAR_COLOR)
    axes.bar_label(bars, padding=3, fontsize=8)
    _finish_rows(axes, table[y], title=title, xlabel=xlabel or x, ylabel=ylabel or y)
    return fig


def stacked_bar_chart(
    table: pd.DataFrame, *, y: str, parts: Sequence[str], title: str, xlabel: str = "", ylabel: str = "",
    xlim: tuple[float, float] | None = None,
) -> Figure:
    """Horizontal bars split into the ``parts`` columns (stacked left to right), one bar per row, first on top.

    For shares (who speaks in each article) or counts by kind (direct, mixed,
    indirect quotes); missing values count as 0. The legend sits outside the
    plot so it never hides a bar.
    """
    import matplotlib
    import numpy as np

    fig, axes = _rows_figure(len(table))
    left = np.zeros(len(table))
    colors = matplotlib.colormaps["tab10"].colors
    for number, part in enumerate(parts):
        values = table[part].fillna(0).to_numpy(dtype=float)
        axes.barh(range(len(table)), values, left=left, color=colors[number % len(colors)], label=str(part))
        left = left + values
    if xlim is not None:
        axes.set_xlim(*xlim)
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    _finish_rows(axes, table[y], title=title, xlabel=xlabel, ylabel=ylabel or y)
    return fig


def _rows_figure(n_rows: int) -> tuple[Figure, Axes]:
    """A pyplot figure (so Jupyter shows it inline) tall enough for ``n_rows`` horizontal bars."""
    import matplotlib
    import matplotlib.pyplot as plt

    width = matplotlib.rcParams["figure.figsize"][0]
    return plt.subplots(figsize=(width, max(2.5, 1.2 + _BAR_INCHES * n_rows)))


def _finish_rows(axes: Axes, labels: pd.Series, *, title: str, xlabel: str, ylabel: str) -> None:
    """Label one bar per row, first row on top, with vertical grid lines only."""
    axes.set_yticks(range(len(labels)), [str(label) for label in labels])
    axes.invert_yaxis()
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", visible=True)
    axes.set_title(title)
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)


def _check_name(name: str) -> None:
    """Reject names that would escape the output folder or make awkward file names."""
    if not _NAME.fullmatch(name):
        raise ValueError(f"figure/table name {name!r}: use letters, digits, '_' and '-' only")
