"""Every notebook is committed clean and thin: no outputs, one parameters cell, no logic of its own."""

import ast
from collections import Counter
from pathlib import Path

import nbformat
import pytest

from analysis.report import notebook_parameters, parameters_cell

NOTEBOOKS_DIR = Path(__file__).resolve().parents[1] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
# Statements that mean the notebook holds logic that belongs in a module.
LOGIC = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.For, ast.AsyncFor, ast.While)
SAVERS = {"save_figure", "save_table"}


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=nbformat.NO_CONVERT)


def _code(cell) -> ast.Module:
    """A code cell parsed as Python, IPython magics and shell lines left out."""
    lines = [line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    return ast.parse("\n".join(lines))


def _code_cells(path: Path) -> list:
    return [cell for cell in _read(path).cells if cell.cell_type == "code"]


def _saved_names(path: Path) -> list[str]:
    """The literal names given to save_figure/save_table in a notebook."""
    names = []
    for cell in _code_cells(path):
        for node in ast.walk(_code(cell)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in SAVERS:
                if len(node.args) >= 2 and isinstance(node.args[1], ast.Constant):
                    names.append(node.args[1].value)
    return names


def test_there_are_notebooks():
    assert [path.name for path in NOTEBOOKS][:1] == ["01_corpus_overview.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_is_valid_v4_for_the_python3_kernel(path):
    notebook = _read(path)
    assert notebook.nbformat == 4
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_is_committed_without_outputs(path):
    for index, cell in enumerate(_code_cells(path)):
        assert cell.outputs == [], f"code cell {index + 1} has outputs"
        assert cell.execution_count is None, f"code cell {index + 1} has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_first_code_cell_is_the_only_parameters_cell(path):
    cells = _code_cells(path)
    tagged = [cell for cell in cells if "parameters" in cell.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert parameters_cell(_read(path)) == cells[0]
    defaults = notebook_parameters(path)
    assert defaults["output_dir"] == ""
    assert (NOTEBOOKS_DIR / defaults["corpus"]).is_file(), "corpus default must be a path relative to notebooks/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_is_thin(path):
    for index, cell in enumerate(_code_cells(path)):
        found = sorted({type(node).__name__ for node in ast.walk(_code(cell)) if isinstance(node, LOGIC)})
        assert not found, f"code cell {index + 1} defines logic ({', '.join(found)}): move it into analysis/"
        assert "nltk.download" not in cell.source


def test_thin_check_catches_loops_and_definitions():
    loop = nbformat.v4.new_code_cell("for row in rows:\n    print(row)\n%matplotlib inline")
    helper = nbformat.v4.new_code_cell("def helper():\n    return 1")
    comprehension = nbformat.v4.new_code_cell("names = [row for row in rows]")
    kinds = [{type(node) for node in ast.walk(_code(cell)) if isinstance(node, LOGIC)} for cell in (loop, helper, comprehension)]
    assert kinds == [{ast.For}, {ast.FunctionDef}, set()]


def test_figure_and_table_names_are_unique_across_notebooks():
    names = [name for path in NOTEBOOKS for name in _saved_names(path)]
    assert "corpus_words_per_article" in names
    assert [name for name, count in Counter(names).items() if count > 1] == []
