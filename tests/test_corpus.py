"""Loading every format, numbering, normalization, headings and bad input."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pandas as pd

from analysis import corpus as corpus_module
from analysis.corpus import InputError, count_words, is_heading, iter_corpus, load_corpus, normalize_text, word_counts

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_b5e02bd3c49893a3.txt"
SHARED = ROOT.parent / "shared"

# Real paragraphs (China Daily, COVID-origins set) used as small fixtures.
CD_1 = "China on Monday urged the United States to stop politicizing the origins-tracing of the novel coronavirus."
CD_2 = 'Foreign Ministry spokesman Zhao Lijian said the "so-called" lab leak theory had no basis.'
CD_3 = "He added that China has always held an open and transparent attitude."


def test_seed_has_75_paragraphs_numbered_from_one():
    paragraphs = load_corpus(SEED).paragraphs
    assert len(paragraphs) == 75
    assert paragraphs["paragraph"].tolist() == list(range(1, 76))
    assert paragraphs.iloc[0]["text"].startswith("Chinese Foreign Ministry spokesperson responded on Tuesday")


def test_seed_subheadings_are_flagged():
    paragraphs = load_corpus(SEED).paragraphs
    assert paragraphs.loc[paragraphs["is_heading"], "paragraph"].tolist() == [44, 54]


def test_articles_table_counts_paragraphs_and_words():
    corpus = load_corpus(SEED)
    assert corpus.articles["n_paragraphs"].sum() == 75
    assert corpus.articles["n_words"].sum() == sum(count_words(t) for t in corpus.paragraphs["text"])
    assert list(corpus.articles.columns[:7]) == ["article", "outlet", "title", "date", "url", "n_paragraphs", "n_words"]


def test_jsonl_splits_paragraphs_and_numbering_continues_across_articles(tmp_path):
    path = tmp_path / "cd.jsonl"
    rows = [
        {"id": "a", "outlet": "China Daily", "title": "Origins", "date": "2021-03-01", "text": f"{CD_1}\n\n{CD_2}"},
        {"text": CD_3, "url": "https://example.org/x"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    corpus = load_corpus(path)
    assert corpus.articles["article"].tolist() == ["a", "cd-002"]
    assert corpus.articles["outlet"].tolist() == ["China Daily", ""]
    assert corpus.articles["n_paragraphs"].tolist() == [2, 1]
    assert corpus.paragraphs["paragraph"].tolist() == [1, 2, 3]
    assert corpus.paragraphs["article"].tolist() == ["a", "a", "cd-002"]


def test_csv_reads_text_and_metadata(tmp_path):
    path = tmp_path / "cd.csv"
    path.write_text('id,outlet,text\nx1,China Daily,"' + CD_1 + "\n" + CD_3 + '"\n', encoding="utf-8")
    corpus = load_corpus(path)
    assert corpus.articles.loc[0, ["article", "outlet", "n_paragraphs"]].tolist() == ["x1", "China Daily", 2]
    assert corpus.paragraphs["text"].tolist() == [CD_1, CD_3]


def test_folder_reads_files_in_name_order_and_keeps_counting(tmp_path):
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b1", "text": CD_3}) + "\n", encoding="utf-8")
    (tmp_path / "a.csv").write_text(f'id,text\na1,"{CD_1}\n{CD_2.replace(chr(34), chr(34) * 2)}"\n', encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.paragraphs["article"].tolist() == ["a1", "a1", "b1"]
    assert corpus.paragraphs["paragraph"].tolist() == [1, 2, 3]
    assert corpus.paragraphs.loc[1, "text"] == CD_2


def test_duplicate_ids_are_made_unique(tmp_path):
    path = tmp_path / "dup.jsonl"
    path.write_text(json.dumps({"id": "x", "text": CD_1}) + "\n" + json.dumps({"id": "x", "text": CD_3}) + "\n")
    assert load_corpus(path).articles["article"].tolist() == ["x", "x~2"]


def test_normalization_keeps_numbering(tmp_path):
    raw = "\ufeff\u201cWe oppose it,\u201d he said.\r\n\r\nIt\u2019s a\u00a0so\u2011called \u2018plan\u2019.\r\n"
    path = tmp_path / "n.txt"
    path.write_bytes(raw.encode("utf-8"))
    paragraphs = load_corpus(path).paragraphs
    assert paragraphs["text"].tolist() == ['"We oppose it," he said.', "It's a so\u2011called 'plan'."]
    assert paragraphs["paragraph"].tolist() == [1, 2]


def test_normalize_text_folds_quotes_one_for_one():
    text = "\u201cA\u201d \u2018b\u2019 \u00abc\u00bb"
    assert normalize_text(text) == "\"A\" 'b' \"c\""
    assert len(normalize_text(text)) == len(text)


def test_normalize_text_cleans_spaces_in_plain_and_unicode_text():
    assert normalize_text("  Zhao  said\tno ") == "Zhao said no"
    assert normalize_text("Zhao\u00a0Lijian  said\u200b \u201cno\u201d") == 'Zhao Lijian said "no"'
    assert normalize_text("Wang\u2019s reply \u2013 firm") == "Wang's reply \u2013 firm"


def test_normalize_text_unescapes_quotation_marks_a_scraper_escaped():
    # China Daily, 2017-2024 set: "Xi\\'s address" as stored
    assert normalize_text("Jasna Plevnik noted that Xi\\'s address has reduced uncertainties.") == \
        "Jasna Plevnik noted that Xi's address has reduced uncertainties."
    assert normalize_text('He said \\"no\\"') == 'He said "no"'
    assert normalize_text("C:\\data") == "C:\\data"  # any other backslash stays


def test_word_counts_count_like_count_words():
    texts = [CD_2, "", "Don't - re-open the x-ray lab", "Caf\u00e9 au lait \u2013 \u4e2d\u56fd \u2019s", "a\ud800b"]
    assert word_counts(texts).tolist() == [14, 0, 5, 5, 2]
    assert [count_words(text) for text in texts] == [14, 0, 5, 5, 2]


def test_word_counts_across_many_small_batches(monkeypatch):
    monkeypatch.setattr(corpus_module, "_COUNT_BATCH_CHARS", 40)
    texts = [CD_1, "x-ray \u00e9t\u00e9", CD_2, "", CD_3, "\u2014", "it's"] * 3
    assert word_counts(texts).tolist() == [count_words(text) for text in texts]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(st.sampled_from(list("ab9_'- \n\u00e9\u4e2d\u2019\u00b2\u200b"))) | st.text(), max_size=12))
def test_word_counts_equal_count_words_on_any_text(texts):
    assert word_counts(texts).tolist() == [count_words(text) for text in texts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One two three four five six seven eight", True),
        ("'One two three four five six seven eight '", True),
        ("One two three four five six seven eight nine", False),
        ("Firm opposition", True),
        ("'Futile attempt'", True),
        ("Geopolitical divisions", True),
        ("China slams US chip rules.", False),
        ("Guo said the US should stop.", False),
        ("the lowercase start", False),
        ("One two three four five six seven eight nine ten", False),
    ],
)
def test_heading_detection(text, expected):
    assert is_heading(text) is expected


def test_real_jsonl_corpus_from_shared():
    path = SHARED / "corpora" / "state_media" / "globaltimes_sample_2023.jsonl"
    if not path.exists():
        pytest.skip("../shared is not present")
    corpus = load_corpus(path)
    assert len(corpus.articles) == 7
    assert set(corpus.articles["outlet"]) == {"Global Times"}
    assert corpus.paragraphs["paragraph"].is_monotonic_increasing


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.jsonl", b"\n\n  \n", "file is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("latin1.txt", "Caf\u00e9 society".encode("latin-1"), "not valid UTF-8"),
        ("broken.jsonl", b'{"text": "ok"}\n{"text": "no end\n', "line 2: broken JSON"),
        ("latin1.jsonl", b'{"text": "ok"}\n{"text": "Caf\xe9"}\n{"text": "ok"}\n', "line 2: not valid UTF-8"),
        ("notext.jsonl", b'{"title": "x"}\n', "line 1: no 'text' field"),
        ("array.jsonl", b"[1, 2]\n", "line 1: expected a JSON object"),
        ("notext.csv", b"id,body\n1,hello\n", "no 'text' column"),
        ("data.xml", b"<a/>", "unsupported file type .xml"),
    ],
)
def test_bad_input_raises_one_line_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        load_corpus(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        load_corpus(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="folder holds no"):
        load_corpus(tmp_path)


@settings(max_examples=60, deadline=None)
@given(st.text())
def test_arbitrary_text_loads_or_fails_cleanly(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "any.txt"
    path.write_bytes(text.encode("utf-8", errors="replace"))
    try:
        corpus = load_corpus(path)
    except InputError as err:
        assert "\n" not in str(err)
        return
    assert corpus.paragraphs["paragraph"].tolist() == list(range(1, len(corpus.paragraphs) + 1))
    assert corpus.articles["n_paragraphs"].sum() == len(corpus.paragraphs)


@settings(max_examples=60, deadline=None)
@given(st.binary(), st.sampled_from([".txt", ".jsonl", ".csv"]))
def test_arbitrary_bytes_load_or_fail_cleanly(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"any{suffix}"
    path.write_bytes(data)
    try:
        load_corpus(path)
    except InputError as err:
        assert "\n" not in str(err)


def test_chunks_concatenate_to_the_whole_corpus(tmp_path):
    path = tmp_path / "many.jsonl"
    rows = [{"id": "same" if i % 3 == 0 else f"n{i}", "text": f"{CD_1}\n{CD_3}" if i % 2 else CD_2} for i in range(7)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    whole = load_corpus(path)
    chunks = list(iter_corpus(path, chunk_size=3))
    assert [len(c.articles) for c in chunks] == [3, 3, 1]
    pd.testing.assert_frame_equal(pd.concat([c.paragraphs for c in chunks], ignore_index=True), whole.paragraphs)
    pd.testing.assert_frame_equal(pd.concat([c.articles for c in chunks], ignore_index=True), whole.articles)


def test_chunk_size_must_be_positive(tmp_path):
    with pytest.raises(InputError, match="chunk size"):
        next(iter_corpus(SEED, chunk_size=0))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(min_size=1), max_size=40))
def test_segmentation_of_arbitrary_paragraphs_gives_valid_starts(texts):
    from analysis.segment import find_article_starts

    starts = find_article_starts(texts)
    if not texts:
        assert starts == []
        return
    assert starts[0] == 1
    assert starts == sorted(set(starts))
    assert all(1 <= start <= len(texts) for start in starts)
