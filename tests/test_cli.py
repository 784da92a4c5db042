"""The command line: output formats, exit codes and one-line errors."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main, write_table

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_b5e02bd3c49893a3.txt"


def test_segment_prints_article_starts(capsys):
    assert main(["segment", str(SEED)]) == 0
    starts = json.loads(capsys.readouterr().out)["article_starts"]
    assert starts[0] == 1
    assert starts == sorted(set(starts))
    assert all(1 <= s <= 75 for s in starts)


def test_segment_on_jsonl_gives_one_start_per_article(tmp_path, capsys):
    path = tmp_path / "two.jsonl"
    path.write_text('{"text": "One.\\nTwo."}\n{"text": "Three."}\n', encoding="utf-8")
    assert main(["segment", str(path)]) == 0
    assert json.loads(capsys.readouterr().out) == {"article_starts": [1, 3]}


def test_write_table_jsonl_and_csv_are_stable():
    frame = pd.DataFrame({"article": ["a", "b"], "paragraph": [1, 2], "share": [0.5, float("nan")]})
    out = io.StringIO()
    write_table(frame, "jsonl", out)
    assert out.getvalue() == (
        '{"article": "a", "paragraph": 1, "share": 0.5}\n{"article": "b", "paragraph": 2, "share": null}\n'
    )
    out = io.StringIO()
    write_table(frame, "csv", out)
    assert out.getvalue() == "article,paragraph,share\na,1,0.5\nb,2,\n"


BAD_FILES = {
    "empty.txt": b"",
    "binary.txt": b"\x00\x01\x02\xff",
    "latin1.txt": "Se\u00f1or said".encode("latin-1"),
    "broken.jsonl": b'{"text": \n',
    "notext.jsonl": b'{"title": "no text"}\n',
    "notext.csv": b"title\nno text\n",
}


@pytest.mark.parametrize("command", ["segment", "attributions", "terms", "balance", "report"])
@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, command, name):
    path = tmp_path / name
    path.write_bytes(BAD_FILES[name])
    assert main([command, str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: ")
    assert captured.err.count("\n") == 1
    assert str(path) in captured.err


@pytest.mark.parametrize("command", ["segment", "attributions", "terms", "balance"])
def test_missing_path_and_empty_folder_exit_2(tmp_path, capsys, command):
    assert main([command, str(tmp_path / "nope.txt")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert main([command, str(tmp_path)]) == 2
    assert "folder holds no" in capsys.readouterr().err


def test_no_traceback_from_a_real_process(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("d\u00e9j\u00e0 vu".encode("latin-1"))
    done = subprocess.run([sys.executable, "-m", "analysis", "terms", str(path)], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0


def test_bad_report_parameter_syntax_exits_2(capsys):
    assert main(["report", str(SEED), "-p", "novalue"]) == 2
    assert "expected NAME=VALUE" in capsys.readouterr().err


def test_terms_with_a_replacing_lexicon_finds_only_its_terms(tmp_path, capsys):
    lexicon = tmp_path / "mine.csv"
    lexicon.write_text("term,variants,inflect,category,direction,note,source\n"
                       "shared health,,no,diplomatic_formula,pro_government,test entry,seed\n", encoding="utf-8")
    assert main(["terms", str(SEED), "--lexicon", str(lexicon), "--replace-lexicon", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 2  # header and the one hit in paragraph 4 ("community of shared health")
    assert ",4,shared health," in rows[1]
    assert main(["terms", str(SEED), "--lexicon", str(lexicon), "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) > 20  # the shipped lexicon as well


def test_starting_the_command_line_leaves_command_specific_modules_unloaded():
    """The report and the worker pool's parent start sooner without NLTK, nbformat or matplotlib."""
    probe = ("import sys, analysis.cli, analysis.report\n"
             "print(sorted(m for m in ('nltk', 'matplotlib', 'analysis.attribution', 'analysis.balance',\n"
             "                         'analysis.evaluate', 'nbconvert') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
