"""The report runner: publish-on-success, failures, parameters, manifest, determinism, dated runs.

Notebook execution is slow (a kernel start each), so the runs happen once in
module-scoped fixtures and the tests look at what they left behind.
"""

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from analysis import report
from analysis.cli import main
from analysis.corpus import InputError
from analysis.report import (
    convert_parameter,
    corpus_sha256,
    notebook_parameters,
    plan_parameters,
    run_report,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_b5e02bd3c49893a3.txt"

# Two short articles from real China Daily sentences (curly quotes on purpose: the loader folds them).
TINY_CORPUS = (
    '{"id": "cd-1", "outlet": "China Daily", "text": "Chinese Foreign Ministry spokesperson Guo Jiakun said that China '
    'expresses concern over the US announcement.\\n\\u201cI have no additional information to share,\\u201d Guo said."}\n'
    '{"id": "cd-2", "outlet": "China Daily", "text": "The role of the WHO should be strengthened, not weakened."}\n'
)
PARAMETERS = {"top_n": "3", "ratio": "0.25", "show": "no"}


def _notebook(path: Path, parameters: str, *cells: str) -> None:
    """Write a small notebook: a title, a tagged parameters cell, then code cells."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    tagged = nbformat.v4.new_code_cell(parameters)
    tagged.metadata["tags"] = ["parameters"]
    notebook.cells = [tagged] + [nbformat.v4.new_code_cell(source) for source in cells]
    notebook.cells.insert(0, nbformat.v4.new_markdown_cell(f"# {path.stem.split('_', 1)[1].title()}"))
    nbformat.write(notebook, path)


def _write_notebooks(folder: Path) -> dict[str, Path]:
    """Folders of test notebooks: a good pair, the writing one alone, a failing one, a single quick one."""
    good, writes, failing, quick = folder / "good", folder / "writes", folder / "failing", folder / "quick"
    for sub in (good, writes, failing, quick):
        sub.mkdir()
    _notebook(
        good / "10_writes.ipynb",
        'corpus = "../seeds/x.txt"\noutput_dir = ""\ntop_n = 5\nratio = 0.5\nshow = True\nlabel = "x"',
        "import nltk\nimport pandas as pd\nfrom nltk.tokenize import word_tokenize\n"
        "from analysis.corpus import load_corpus\n"
        "from analysis.figures import bar_chart, save_figure, save_table, use_report_style\n"
        "use_report_style()\nloaded = load_corpus(corpus)",
        'values = {"top_n": top_n, "ratio": ratio, "show": show, "label": label}\n'
        'save_table(pd.DataFrame({"name": list(values), "type": [type(v).__name__ for v in values.values()],'
        ' "value": list(values.values())}), "tiny_parameters", output_dir=output_dir)',
        'figure = bar_chart(loaded.articles, x="n_words", y="article", title="Words per article")\n'
        'save_figure(figure, "tiny_words", output_dir=output_dir, table=loaded.articles[["article", "n_words"]])',
        'save_table(pd.DataFrame({"check": ["attribution f1"], "value": [0.5]}), "validity", output_dir=output_dir)',
        'print(f"nltk_data={nltk.data.path[0]}")\n'
        'print(f"tokens={len(word_tokenize(loaded.paragraphs.text.iloc[1], preserve_line=True))}")',
    )
    shutil.copy(good / "10_writes.ipynb", writes)
    _notebook(good / "20_reads.ipynb", 'corpus = ""\noutput_dir = ""', 'print("second notebook ran")')
    _notebook(
        failing / "30_fails.ipynb",
        'corpus = ""\noutput_dir = ""',
        'print("before the failure")',
        'raise KeyError("speaker")',
        'print("never printed")',
    )
    _notebook(quick / "20_reads.ipynb", 'corpus = ""\noutput_dir = ""', 'print("quick")')
    return {"good": good, "writes": writes, "failing": failing, "quick": quick}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    (folder / "empty_nltk_data").mkdir()
    (folder / "tiny.jsonl").write_text(TINY_CORPUS, encoding="utf-8")
    return folder, _write_notebooks(folder)


@pytest.fixture(scope="module")
def runs(workspace):
    """Two good runs into the default target (the second with the writing notebook alone, to save a kernel),
    then a failing run into the same target."""
    folder, notebooks = workspace
    corpus = folder / "tiny.jsonl"
    result = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        patch.setenv("NLTK_DATA", str(folder / "empty_nltk_data"))
        result["returned"] = run_report("tiny.jsonl", parameters=PARAMETERS, notebooks_dir=notebooks["good"])
        report_dir = folder / "reports" / "tiny"
        result["first"] = _snapshot(report_dir)
        run_report(corpus, parameters=PARAMETERS, notebooks_dir=notebooks["writes"])
        result["second"] = _snapshot(report_dir)
        patch.setattr(report, "DEFAULT_NOTEBOOKS_DIR", notebooks["failing"])
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            result["status"] = main(["report", str(corpus)])
        result["stderr"] = stderr.getvalue()
        result["after_failure"] = _snapshot(report_dir)
    result["dir"] = report_dir
    return result


def test_default_target_is_reports_stem_under_the_working_directory(runs):
    assert runs["returned"] == Path("reports") / "tiny"
    assert sorted(runs["first"]) == [
        "10_writes.html",
        "20_reads.html",
        "figures/tiny_words.png",
        "figures/tiny_words.svg",
        "index.html",
        "manifest.json",
        "notebooks/10_writes.ipynb",
        "notebooks/20_reads.ipynb",
        "tables/tiny_parameters.csv",
        "tables/tiny_words.csv",
        "tables/validity.csv",
    ]


def test_report_folder_gets_the_usual_permissions_not_the_temporary_folder_ones(runs):
    umask = os.umask(0)
    os.umask(umask)
    assert runs["dir"].stat().st_mode & 0o777 == 0o777 & ~umask


def test_parameters_are_typed_like_the_notebook_defaults(runs):
    assert runs["first"]["tables/tiny_parameters.csv"] == (
        b"name,type,value\ntop_n,int,3\nratio,float,0.25\nshow,bool,False\nlabel,str,x\n"
    )


def test_a_parameter_reaches_only_the_notebooks_that_declare_it(runs):
    def injected(name):
        cells = nbformat.reads(runs["first"][f"notebooks/{name}"].decode(), as_version=4).cells
        return next(cell.source for cell in cells if "injected-parameters" in cell.metadata.get("tags", []))

    assert "top_n = 3" in injected("10_writes.ipynb")
    assert "show = False" in injected("10_writes.ipynb")
    assert "top_n" not in injected("20_reads.ipynb")
    assert f'corpus = "{runs["dir"].parents[1] / "tiny.jsonl"}"' in injected("20_reads.ipynb")


def test_csv_and_svg_are_byte_identical_across_two_runs(runs):
    compared = [name for name in runs["first"] if name.endswith((".csv", ".svg"))]
    assert len(compared) == 4
    for name in compared:
        assert runs["first"][name] == runs["second"][name], name


def test_manifest_records_corpus_parameters_versions_and_every_file(runs):
    text = runs["first"]["manifest.json"].decode()
    manifest = json.loads(text)
    assert text == json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    corpus = runs["dir"].parents[1] / "tiny.jsonl"
    assert manifest["corpus"] == {"path": str(corpus), "sha256": hashlib.sha256(corpus.read_bytes()).hexdigest()}
    assert manifest["parameters"] == PARAMETERS
    assert manifest["notebooks"] == {
        "10_writes.ipynb": {"top_n": 3, "ratio": 0.25, "show": False},
        "20_reads.ipynb": {},
    }
    assert {"python", "framing", "pandas", "matplotlib", "nltk", "papermill"} <= set(manifest["versions"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", manifest["run_date"])
    expected = {name: hashlib.sha256(data).hexdigest() for name, data in runs["first"].items() if name != "manifest.json"}
    assert manifest["files"] == expected
    assert list(manifest["files"]) == sorted(expected)


def test_index_links_pages_lists_figures_and_shows_validity(runs):
    index = runs["first"]["index.html"].decode()
    assert "<h1>framing report: tiny</h1>" in index
    assert '<a href="10_writes.html">Writes</a>' in index
    assert '<a href="20_reads.html">Reads</a>' in index
    assert '<img src="figures/tiny_words.svg"' in index
    assert '<a href="tables/tiny_words.csv">' in index
    assert '<p>Writes: <a href="tables/tiny_parameters.csv">tiny_parameters.csv</a>, ' in index
    validity = index.split("<h2>Validity</h2>", 1)[1]
    assert "<table" in validity and "<td>attribution f1</td>" in validity and "<td>0.5</td>" in validity


def test_html_pages_show_outputs_without_code(runs):
    page = runs["first"]["20_reads.html"].decode()
    assert "second notebook ran" in page
    assert "print(" not in page
    writes = runs["first"]["10_writes.html"].decode()
    assert "data:image/png;base64" in writes  # the inline figure
    assert "save_figure" not in writes


def test_kernels_run_offline_with_an_empty_nltk_data_folder(runs):
    cells = nbformat.reads(runs["first"]["notebooks/10_writes.ipynb"].decode(), as_version=4).cells
    printed = "".join(output.get("text", "") for cell in cells if cell.cell_type == "code" for output in cell.outputs)
    assert f"nltk_data={runs['dir'].parents[1] / 'empty_nltk_data'}\n" in printed
    assert "tokens=13\n" in printed  # `` I have no additional information to share , '' Guo said .


def test_failed_notebook_exits_1_with_one_line_naming_notebook_and_cell(runs):
    assert runs["status"] == 1
    lines = runs["stderr"].strip().splitlines()
    assert lines[0] == "report: running 30_fails.ipynb (1/1)"
    assert len(lines) == 2
    failed = Path("reports") / "tiny.failed" / "notebooks" / "30_fails.ipynb"  # as the user named the target
    assert lines[1] == (
        "error: 30_fails.ipynb failed at cell 4 `raise KeyError(\"speaker\")` (KeyError: 'speaker'); "
        f"partial notebook kept in {failed}"
    )


def test_failed_run_leaves_the_last_good_report_untouched_and_keeps_the_partial_notebook(runs):
    assert runs["after_failure"] == runs["second"]
    failed = runs["dir"].parent / "tiny.failed"
    partial = nbformat.read(failed / "notebooks" / "30_fails.ipynb", as_version=4)
    printed = [output.get("text", "") for cell in partial.cells if cell.cell_type == "code" for output in cell.outputs]
    assert "before the failure\n" in printed
    assert "never printed\n" not in printed
    assert sorted(entry.name for entry in runs["dir"].parent.iterdir()) == ["tiny", "tiny.failed"]


def test_unknown_parameter_is_rejected_with_the_accepted_names_before_anything_is_written(workspace, tmp_path):
    folder, notebooks = workspace
    with pytest.raises(InputError, match=r"-p top: no notebook has this parameter; accepted: label, ratio, show, top_n"):
        run_report(folder / "tiny.jsonl", out_dir=tmp_path / "out", parameters={"top": "1"}, notebooks_dir=notebooks["good"])
    assert not (tmp_path / "out").exists()


def test_cli_exits_2_for_bad_parameters_and_bad_corpus(workspace, tmp_path, monkeypatch, capsys):
    folder, notebooks = workspace
    monkeypatch.setattr(report, "DEFAULT_NOTEBOOKS_DIR", notebooks["good"])
    out = str(tmp_path / "out")
    assert main(["report", str(folder / "tiny.jsonl"), "--out", out, "-p", "top_n=many"]) == 2
    assert capsys.readouterr().err == "error: -p top_n=many: expected a whole number\n"
    assert main(["report", str(folder / "tiny.jsonl"), "--out", out, "-p", "output_dir=/tmp"]) == 2
    assert "set by the report itself" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "missing.txt"), "--out", out]) == 2
    assert capsys.readouterr().err.startswith("error: ")
    assert not (tmp_path / "out").exists()


def test_refuses_to_replace_a_folder_that_is_not_a_report(workspace, tmp_path):
    folder, notebooks = workspace
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError, match="not a report folder"):
        run_report(folder / "tiny.jsonl", out_dir=tmp_path, notebooks_dir=notebooks["quick"])
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize(
    ("value", "default", "expected"),
    [("3", 5, 3), ("0.25", 0.5, 0.25), ("2", 0.5, 2.0), ("No", True, False), ("yes", False, True),
     ("1", True, True), ("x.csv", "", "x.csv"), ("7", None, "7"), (4, 5, 4)],
)
def test_convert_parameter_follows_the_type_of_the_default(value, default, expected):
    converted = convert_parameter("name", value, default)
    assert converted == expected and type(converted) is type(expected)


@pytest.mark.parametrize(("value", "default", "message"), [("3.5", 5, "whole number"), ("many", 0.5, "a number"), ("maybe", True, "true or false")])
def test_convert_parameter_rejects_values_of_the_wrong_type(value, default, message):
    with pytest.raises(InputError, match=message):
        convert_parameter("name", value, default)


def test_notebook_parameters_reads_literal_and_annotated_defaults(tmp_path):
    path = tmp_path / "01_x.ipynb"
    _notebook(path, 'corpus = "../a.txt"\noutput_dir = ""\ntop_n: int = 10\nroot = Path("..")\n# a comment', "x = 1")
    assert notebook_parameters(path) == {"corpus": "../a.txt", "output_dir": "", "top_n": 10, "root": None}
    _notebook(path, "corpus = ", "x = 1")
    with pytest.raises(InputError, match="parameters cell: line 1: not plain Python"):
        notebook_parameters(path)


def test_plan_parameters_passes_each_name_only_where_declared():
    declared = {Path("a.ipynb"): {"corpus": "", "top_n": 5}, Path("b.ipynb"): {"corpus": "", "side": "origin"}}
    assert plan_parameters(declared, {"top_n": "2"}) == {Path("a.ipynb"): {"top_n": 2}, Path("b.ipynb"): {}}


def test_runner_leaves_out_the_rfc3987_grammar_and_still_validates_notebooks():
    # In a fresh process: importing the runner first must keep jsonschema from building the Lark grammar.
    code = (
        "import sys\n"
        "import analysis.report, nbformat\n"
        "nbformat.validate(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('x = 1')]))\n"
        "print(sys.modules['rfc3987_syntax'] is None, 'lark' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "False"]


def test_corpus_sha256_of_a_folder_hashes_the_sorted_listing_of_its_files(tmp_path):
    (tmp_path / "b.txt").write_text("Guo said.\n", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text('{"text": "The WHO."}\n', encoding="utf-8")
    (tmp_path / "readme.md").write_text("not corpus", encoding="utf-8")

    def sha(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    first, second = sha(b'{"text": "The WHO."}\n'), sha(b"Guo said.\n")
    listing = f"{first}  a.jsonl\n{second}  b.txt\n"
    assert corpus_sha256(tmp_path) == sha(listing.encode())


@pytest.fixture(scope="module")
def dated(workspace):
    """Two dated runs of one quick notebook, then a plain run asked into the same folder."""
    folder, notebooks = workspace
    out = folder / "dated"
    first = run_report(folder / "tiny.jsonl", out_dir=out, dated=True, notebooks_dir=notebooks["quick"])
    second = run_report(folder / "tiny.jsonl", out_dir=out, dated=True, notebooks_dir=notebooks["quick"])
    return out, first, second


def test_dated_runs_are_kept_side_by_side_with_latest_pointing_to_the_newest(dated):
    out, first, second = dated
    stamp = r"\d{4}-\d\d-\d\dT\d{6}"
    assert re.fullmatch(stamp, first.name)
    assert re.fullmatch(stamp + r"(-2)?", second.name) and second != first
    assert first.parent == second.parent == out
    assert (first / "index.html").is_file() and (second / "index.html").is_file()
    assert (out / "latest").is_symlink() and os.readlink(out / "latest") == second.name
    assert sorted(entry.name for entry in out.iterdir()) == sorted([first.name, second.name, "latest"])


def test_a_plain_run_will_not_replace_a_folder_of_dated_runs(dated, workspace):
    out, first, _ = dated
    folder, notebooks = workspace
    with pytest.raises(InputError, match="holds dated runs; add --dated"):
        run_report(folder / "tiny.jsonl", out_dir=out, notebooks_dir=notebooks["quick"])
    assert (first / "index.html").is_file()


def test_latest_falls_back_to_a_file_where_symlinks_fail(tmp_path, monkeypatch):
    def no_symlinks(*args, **kwargs):
        raise OSError("symlinks not supported")

    monkeypatch.setattr(os, "symlink", no_symlinks)
    report._point_latest(tmp_path, "2026-01-02T030405")
    assert (tmp_path / "LATEST").read_text(encoding="utf-8") == "2026-01-02T030405\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["LATEST"]


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    """The real corpus-overview notebook run on the seed (the other notebooks left out for speed)."""
    folder = tmp_path_factory.mktemp("seed")
    notebooks = folder / "notebooks"
    notebooks.mkdir()
    shutil.copy(ROOT / "notebooks" / "01_corpus_overview.ipynb", notebooks)
    return run_report(SEED, out_dir=folder / "out", notebooks_dir=notebooks)


def test_corpus_overview_notebook_runs_on_the_seed(seed_report):
    from analysis.corpus import load_corpus

    articles = load_corpus(SEED).articles
    saved = (seed_report / "tables" / "corpus_words_per_article.csv").read_text(encoding="utf-8")
    assert saved == "article,n_words\n" + "".join(f"{a},{n}\n" for a, n in zip(articles.article, articles.n_words))
    assert int(articles.n_words.sum()) == 3458 and int(articles.n_paragraphs.sum()) == 75
    for name in ("figures/corpus_words_per_article.svg", "figures/corpus_words_per_article.png", "tables/corpus_articles.csv"):
        assert (seed_report / name).is_file(), name
    page = (seed_report / "01_corpus_overview.html").read_text(encoding="utf-8")
    assert "3458 words" in page and "load_corpus" not in page
