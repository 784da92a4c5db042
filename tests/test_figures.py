"""Saving figures and tables: file layout, exact CSV bytes, reproducible images, no-op without a folder."""

import io
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.figures import REPORT_STYLE, bar_chart, save_figure, save_table, stacked_bar_chart, use_report_style

# Word counts of two real paragraphs (China Daily, Paris Agreement story), counted by hand.
WORDS = pd.DataFrame({"article": ["cd-001", "cd-002"], "n_words": [33, 29]})


@pytest.fixture
def chart():
    fig = bar_chart(WORDS, x="n_words", y="article", title="Words per article")
    yield fig
    plt.close(fig)


def test_save_figure_writes_png_svg_and_csv_and_returns_their_paths(tmp_path, chart):
    written = save_figure(chart, "corpus_words", output_dir=tmp_path, table=WORDS)
    assert written == [
        tmp_path / "figures" / "corpus_words.png",
        tmp_path / "figures" / "corpus_words.svg",
        tmp_path / "tables" / "corpus_words.csv",
    ]
    assert (tmp_path / "figures" / "corpus_words.png").read_bytes().startswith(b"\x89PNG\r\n")
    assert b"<svg" in (tmp_path / "figures" / "corpus_words.svg").read_bytes()
    assert (tmp_path / "tables" / "corpus_words.csv").read_bytes() == b"article,n_words\ncd-001,33\ncd-002,29\n"


@pytest.mark.parametrize("style", [{}, REPORT_STYLE], ids=["matplotlib-defaults", "report-style"])
def test_saved_files_are_byte_identical_across_runs_and_carry_no_date(tmp_path, style):
    for run in ("one", "two"):
        with matplotlib.rc_context(style):
            fig = bar_chart(WORDS, x="n_words", y="article", title="Words per article")
            save_figure(fig, "corpus_words", output_dir=tmp_path / run, table=WORDS)
        plt.close(fig)
    for name in ("figures/corpus_words.png", "figures/corpus_words.svg", "tables/corpus_words.csv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    svg = (tmp_path / "one" / "figures" / "corpus_words.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    assert b"Software" not in (tmp_path / "one" / "figures" / "corpus_words.png").read_bytes()


def test_outside_a_notebook_the_figure_stays_open_and_nothing_is_shown(tmp_path, chart, monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", shown.append)
    save_figure(chart, "corpus_words", output_dir=tmp_path)
    assert plt.fignum_exists(chart.number)
    assert shown == []
    assert not (tmp_path / "tables").exists()


class _Kernel:
    """Stands in for a Jupyter kernel's shell (it has a ``kernel``)."""

    kernel = object()


def test_in_a_notebook_the_saved_png_is_shown_at_screen_size_and_the_figure_closed(tmp_path, chart, monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.get_ipython", lambda: _Kernel())
    monkeypatch.setattr("IPython.display.display", shown.append)
    save_figure(chart, "corpus_words", output_dir=tmp_path)
    saved = (tmp_path / "figures" / "corpus_words.png").read_bytes()
    [image] = shown
    assert image.data == saved
    width, height = int.from_bytes(saved[16:20], "big"), int.from_bytes(saved[20:24], "big")
    # saved at 150 dpi, shown at the figure's 100 dpi (REPORT_STYLE is not applied here: matplotlib's default 100)
    assert (image.width, image.height) == (round(width * 100 / 150), round(height * 100 / 150))
    assert not plt.fignum_exists(chart.number)


def test_in_a_notebook_without_output_dir_the_figure_is_still_shown(tmp_path, chart, monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.get_ipython", lambda: _Kernel())
    monkeypatch.setattr("IPython.display.display", shown.append)
    monkeypatch.chdir(tmp_path)
    assert save_figure(chart, "corpus_words", output_dir="") == []
    [image] = shown
    assert image.data.startswith(b"\x89PNG\r\n")
    assert list(tmp_path.iterdir()) == []


def _png_size(png: bytes) -> tuple[int, int]:
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def test_report_style_crops_both_images_to_one_tight_box_as_large_as_savefigs_own(tmp_path):
    with matplotlib.rc_context(REPORT_STYLE):
        fig = bar_chart(WORDS, x="n_words", y="article", title="Words per article")
        save_figure(fig, "corpus_words", output_dir=tmp_path)
        tight = io.BytesIO()
        fig.savefig(tight, format="png", dpi=150, bbox_inches="tight")
    untrimmed = tuple(round(inches * 150) for inches in fig.get_size_inches())
    plt.close(fig)
    width, height = _png_size((tmp_path / "figures" / "corpus_words.png").read_bytes())
    tight_width, tight_height = _png_size(tight.getvalue())
    # the box is measured once at screen resolution: at most a few pixels wider, never narrower (nothing cut off)
    assert 0 <= width - tight_width <= 15 and 0 <= height - tight_height <= 15
    assert (width, height) != untrimmed
    svg = (tmp_path / "figures" / "corpus_words.svg").read_text(encoding="utf-8")
    view_width = float(re.search(r'viewBox="0 0 ([0-9.]+) ', svg).group(1))
    assert view_width == pytest.approx(width * 72 / 150, abs=1)  # SVG in points, the same box


def test_empty_output_dir_saves_nothing(tmp_path, monkeypatch, chart):
    monkeypatch.chdir(tmp_path)
    assert save_figure(chart, "corpus_words", output_dir="", table=WORDS) == []
    assert save_table(WORDS, "corpus_words", output_dir="") == []
    assert list(tmp_path.iterdir()) == []


def test_save_table_writes_unix_line_ends_without_index(tmp_path):
    frame = pd.DataFrame({"speaker": ["Guo Jiakun", "Donald Trump"], "quotes": [3, 1]}, index=[7, 9])
    assert save_table(frame, "sources", output_dir=str(tmp_path)) == [tmp_path / "tables" / "sources.csv"]
    assert (tmp_path / "tables" / "sources.csv").read_bytes() == b"speaker,quotes\nGuo Jiakun,3\nDonald Trump,1\n"


@pytest.mark.parametrize("name", ["../escape", "a/b", "", "with space", ".hidden"])
def test_names_that_are_not_plain_file_names_are_rejected(tmp_path, name):
    with pytest.raises(ValueError, match="letters, digits"):
        save_table(WORDS, name, output_dir=tmp_path)
    assert not (tmp_path / "tables").exists()


def test_bar_chart_draws_one_bar_per_row_first_row_on_top(chart):
    axes = chart.axes[0]
    widths = [bar.get_width() for bar in axes.patches]
    assert widths == [33, 29]
    assert [label.get_text() for label in axes.get_yticklabels()] == ["cd-001", "cd-002"]
    bottom, top = axes.get_ylim()
    assert bottom > top  # inverted: row 0 is drawn at the top
    assert axes.get_title() == "Words per article"
    assert axes.get_xlabel() == "n_words" and axes.get_ylabel() == "article"


def test_bar_chart_grows_with_the_number_of_rows():
    many = pd.DataFrame({"article": [f"a{i}" for i in range(40)], "n_words": range(40)})
    small = bar_chart(WORDS, x="n_words", y="article", title="two")
    large = bar_chart(many, x="n_words", y="article", title="forty")
    assert large.get_figheight() > small.get_figheight() >= 2.5
    plt.close(small)
    plt.close(large)


def test_use_report_style_sets_the_reproducible_settings():
    with matplotlib.rc_context():
        use_report_style()
        assert matplotlib.rcParams["svg.hashsalt"] == REPORT_STYLE["svg.hashsalt"]
        assert matplotlib.rcParams["font.family"] == ["DejaVu Sans"]
        assert matplotlib.rcParams["axes.spines.top"] is False


def test_stacked_bar_chart_stacks_parts_left_to_right_with_a_legend():
    shares = pd.DataFrame({
        "article": ["cd-001", "cd-002"],
        "china": [0.75, 0.2],
        "us": [0.25, None],
    })
    fig = stacked_bar_chart(shares, y="article", parts=["china", "us"], title="Who speaks", xlim=(0, 1))
    axes = fig.axes[0]
    bars = [(round(bar.get_x(), 6), round(bar.get_width(), 6)) for bar in axes.patches]
    assert bars == [(0, 0.75), (0, 0.2), (0.75, 0.25), (0.2, 0.0)]  # china bars, then us bars on top of them
    assert [text.get_text() for text in axes.get_legend().get_texts()] == ["china", "us"]
    assert [label.get_text() for label in axes.get_yticklabels()] == ["cd-001", "cd-002"]
    assert axes.get_xlim() == (0, 1)
    plt.close(fig)
