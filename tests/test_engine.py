"""The engine: same rows in the same order whatever the chunk size, worker count, engine or cache."""

import gc
import json
import os
import sys
from io import StringIO
from pathlib import Path

import pandas as pd
import pytest

from analysis import engine
from analysis.cli import main, write_table
from analysis.corpus import Corpus, InputError, load_corpus
from analysis.engine import EngineError, EngineOptions, Step, clear_cache, collect, iter_results

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_b5e02bd3c49893a3.txt"
NEWS = ROOT / ".." / "shared" / "corpora" / "state_media" / "chinadaily_covid_origins_2020_2021.jsonl"

ARTICLES = [
    {"id": "x1", "outlet": "China Daily", "title": "Trade", "text": "Tariffs rose.\nThe ministry said talks would go on."},
    {"id": "x2", "outlet": "Guardian", "text": "A short one."},
    {"id": "x1", "outlet": "Guardian", "text": "Same id again.\nSecond paragraph.\nThird."},
    {"text": "No id here.\nIt gets the file stem and its number."},
    {"id": "x3", "text": "Firm opposition\n\"We will not accept it,\" Zhao said."},
]


def paragraph_facts(chunk: Corpus) -> pd.DataFrame:
    """A cheap per-article step: one row per paragraph, with its length and first word."""
    paragraphs = chunk.paragraphs
    return pd.DataFrame({
        "article": paragraphs["article"],
        "paragraph": paragraphs["paragraph"],
        "first_word": paragraphs["text"].str.split().str[0],
        "n_chars": paragraphs["text"].str.len().astype("int64"),
        "is_heading": paragraphs["is_heading"],
    }).reset_index(drop=True)


ANALYSED: list[str] = []


def counted_facts(chunk: Corpus, *, registry=None) -> pd.DataFrame:
    """:func:`paragraph_facts`, noting which articles it was asked to analyse (serial runs only)."""
    ANALYSED.extend(chunk.articles["article"])
    return paragraph_facts(chunk)


def die(chunk: Corpus) -> pd.DataFrame:
    """A step whose worker process dies."""
    os._exit(3)


STEP = Step(paragraph_facts)


def jsonl_bytes(frame: pd.DataFrame) -> str:
    out = StringIO()
    write_table(frame, "jsonl", out)
    return out.getvalue()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A folder of .txt, .jsonl and .csv files whose ids repeat across files."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "a_seed.txt").write_bytes(SEED.read_bytes())
    lines = [json.dumps(record) for record in ARTICLES]
    (root / "b_news.jsonl").write_text("\n".join(lines[:3]) + "\n\n" + "\n".join(lines[3:]) + "\n", encoding="utf-8")
    pd.DataFrame(ARTICLES).to_csv(root / "c_table.csv", index=False)
    (root / "d_more.jsonl").write_text("\n".join(lines * 4) + "\n", encoding="utf-8")
    return root


def test_every_chunk_size_and_worker_count_gives_the_one_piece_result(folder):
    whole = load_corpus(folder)
    expected = jsonl_bytes(paragraph_facts(whole))
    assert whole.articles["article"].tolist()[-3:] == ["x1~12", "d_more-019", "x3~6"]
    for chunk_size, workers in ((1, 1), (3, 1), (1000, 1), (1, 2), (2, 2), (1000, 2)):
        got = collect(folder, STEP, EngineOptions(workers=workers, chunk_size=chunk_size))
        assert jsonl_bytes(got.table) == expected, (chunk_size, workers)
        pd.testing.assert_frame_equal(got.articles, whole.articles)


def test_pieces_come_in_input_order_with_global_numbers(folder):
    pieces = list(iter_results(folder, STEP, EngineOptions(workers=2, chunk_size=2)))
    firsts = [int(piece.table["paragraph"].iloc[0]) for piece in pieces]
    assert firsts == sorted(firsts) and firsts[0] == 1
    assert len(pieces) == 1 + 3 + 3 + 10  # seed file, then blocks of 2 articles
    assert sum(len(piece.table) for piece in pieces) == len(load_corpus(folder).paragraphs)


TRICKY = [
    {"id": 'a,"b"', "text": 'He said, "yes".\nSecond line.'},
    {"id": "line\nbreak", "text": "\u00dcber alles."},
    {"id": 'a,"b"', "text": "Braces {0} and {} in text."},
]


def labelled_facts(chunk: Corpus) -> pd.DataFrame:
    """:func:`paragraph_facts` plus a label holding a line break, a comma and quotes (CSV must quote it)."""
    facts = paragraph_facts(chunk)
    return facts.assign(label=facts["first_word"] + ',\n"' + facts["n_chars"].astype(str))


PREPARED: list[str] = []


def note_prepared(*, label: str) -> None:
    """A step's prepare: leaves a mark in the process that runs it."""
    PREPARED.append(label)


def prepared_facts(chunk: Corpus, *, label: str) -> pd.DataFrame:
    """:func:`paragraph_facts` plus the marks the process running it holds."""
    return paragraph_facts(chunk).assign(prepared="|".join(PREPARED))


def test_a_forking_pool_prepares_the_step_once_before_the_workers_start(folder):
    PREPARED.clear()
    step = Step(prepared_facts, (("label", "ready"),), prepare=note_prepared)
    pooled = collect(folder, step, EngineOptions(workers=2, chunk_size=2)).table
    assert PREPARED == ["ready"]  # once, here, with the step's options
    assert set(pooled["prepared"]) == {"ready"}  # every worker inherited it
    PREPARED.clear()
    serial = collect(folder, step, EngineOptions(workers=1, chunk_size=2)).table
    assert PREPARED == [] and set(serial["prepared"]) == {""}  # one process: the step prepares itself


def frozen_facts(chunk: Corpus) -> pd.DataFrame:
    """:func:`paragraph_facts` plus how many objects the process running it holds frozen."""
    return paragraph_facts(chunk).assign(frozen=gc.get_freeze_count())


def test_forked_workers_inherit_frozen_objects_and_this_process_unfreezes_them(folder):
    forking = engine._pool_context().get_start_method() == "fork"
    pooled = collect(folder, Step(frozen_facts), EngineOptions(workers=2, chunk_size=2)).table
    assert len(pooled) == len(load_corpus(folder).paragraphs)
    if forking:  # the workers' collector skips what they inherited
        assert (pooled["frozen"] > 10_000).all()
    assert gc.get_freeze_count() == 0  # here everything is collectable again


def test_the_attribution_warm_up_finds_sources_in_its_own_paragraphs():
    from analysis.attribution import extract_attributions

    rows = extract_attributions(engine._warm_up_chunk().paragraphs)
    # a speaker credited in (nearly) every paragraph: the sample runs the extraction, not only its set-up
    assert len(engine._WARM_UP_PARAGRAPHS) == 7 and rows["paragraph"].nunique() >= 6


def test_rows_encoded_by_the_workers_are_the_bytes_of_the_gathered_tables(tmp_path):
    path = tmp_path / "tricky.jsonl"
    path.write_text("\n".join(json.dumps(record, ensure_ascii=False) for record in TRICKY * 3) + "\n", encoding="utf-8")
    step = Step(labelled_facts)
    whole = collect(path, step, EngineOptions(workers=1, chunk_size=100)).table
    assert whole["article"].tolist()[:6] == ['a,"b"', 'a,"b"', "line\nbreak", 'a,"b"~2', 'a,"b"~3', 'a,"b"~3']
    for fmt, second_row in (
            ("csv", '"a,""b""",2,Second,12,False,"Second,\n""12"\n'),
            ("jsonl", '{"article": "a,\\"b\\"", "paragraph": 2, "first_word": "Second", "n_chars": 12, '
                      '"is_heading": false, "label": "Second,\\n\\"12"}\n')):
        out = StringIO()
        write_table(whole, fmt, out)
        expected = out.getvalue()
        assert second_row in expected
        for workers, chunk_size in ((1, 1), (1, 100), (2, 1), (2, 2)):
            options = EngineOptions(workers=workers, chunk_size=chunk_size)
            assert "".join(engine.iter_encoded(path, step, options, fmt=fmt)) == expected, (fmt, workers, chunk_size)


def test_encoded_rows_need_article_and_paragraph_first(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps(ARTICLES[0]) + "\n", encoding="utf-8")
    late = Step(lambda chunk: paragraph_facts(chunk)[["first_word", "article", "paragraph"]])
    with pytest.raises(EngineError, match="must begin with its article and paragraph columns"):
        list(engine.iter_encoded(path, late, EngineOptions(workers=1)))
    assert len(collect(path, late, EngineOptions(workers=1)).table) == 2  # tables may have any order


def test_attributions_on_real_text_match_the_one_piece_function(tmp_path):
    from analysis.attribution import extract_attributions

    if not NEWS.exists():
        pytest.skip("../shared is absent")
    path = tmp_path / "news.jsonl"
    path.write_text("".join(NEWS.open(encoding="utf-8").readlines()[:12]), encoding="utf-8")
    whole = load_corpus(path)
    expected = jsonl_bytes(extract_attributions(whole.paragraphs, articles=whole.articles))
    assert expected.count("\n") > 20
    for workers, chunk_size in ((1, 5), (2, 3)):
        got = collect(path, engine.attributions_step(), EngineOptions(workers=workers, chunk_size=chunk_size))
        assert jsonl_bytes(got.table) == expected


def test_balance_corpus_row_comes_from_all_blocks(tmp_path, capsys):
    from analysis.attribution import extract_attributions
    from analysis.balance import balance_table

    if not NEWS.exists():
        pytest.skip("../shared is absent")
    path = tmp_path / "news.jsonl"
    path.write_text("".join(NEWS.open(encoding="utf-8").readlines()[:8]), encoding="utf-8")
    whole = load_corpus(path)
    expected = jsonl_bytes(balance_table(extract_attributions(whole.paragraphs, articles=whole.articles),
                                         whole.articles))
    assert main(["balance", str(path), "--workers", "2", "--chunk-size", "3"]) == 0
    out = capsys.readouterr().out
    assert out == expected
    assert out.count("\n") == 8 + 1 and '"level": "corpus"' in out.splitlines()[-1]


def test_parquet_reads_like_the_same_rows_in_jsonl(tmp_path):
    pytest.importorskip("pyarrow")
    frame = pd.DataFrame(ARTICLES)
    frame.to_parquet(tmp_path / "news.parquet", index=False)
    (tmp_path / "other").mkdir()
    frame.to_json(tmp_path / "other" / "news.jsonl", orient="records", lines=True)
    got = collect(tmp_path / "news.parquet", STEP, EngineOptions(workers=1, chunk_size=2))
    expected = paragraph_facts(load_corpus(tmp_path / "other" / "news.jsonl"))
    assert jsonl_bytes(got.table) == jsonl_bytes(expected)
    assert got.articles["article"].tolist() == ["x1", "x2", "x1~2", "news-004", "x3"]


def test_broken_parquet_is_bad_input(tmp_path):
    pytest.importorskip("pyarrow")
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 not really parquet")
    with pytest.raises(InputError, match="broken.parquet: broken Parquet file"):
        collect(path, STEP, EngineOptions(workers=1))


def test_cli_output_is_identical_across_workers_and_chunk_sizes(folder, capsys, monkeypatch):
    monkeypatch.setattr(engine, "_attributions_of", _facts_as_attributions)
    outputs = set()
    for options in (["--workers", "1"], ["--workers", "2", "--chunk-size", "2"], ["--chunk-size", "1"]):
        assert main(["attributions", str(folder), "--format", "csv", *options]) == 0
        outputs.add(capsys.readouterr().out)
    assert len(outputs) == 1
    out = outputs.pop()
    assert out.startswith("article,paragraph,first_word,n_chars,is_heading\n")
    assert out.count("\n") == len(load_corpus(folder).paragraphs) + 1


def _facts_as_attributions(chunk, *, registry=None):
    return paragraph_facts(chunk)


# ---------------------------------------------------------------- failures


def test_dead_worker_is_a_one_line_failure_without_output(folder, capsys, monkeypatch):
    monkeypatch.setattr(engine, "_attributions_of", _die_as_attributions)
    assert main(["attributions", str(folder), "--workers", "2", "--chunk-size", "2"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: a worker process died while analysing ")
    assert captured.err.count("\n") == 1


def _die_as_attributions(chunk, *, registry=None):
    return die(chunk)


def test_corrupt_block_in_a_pool_is_bad_input_naming_the_line(folder, tmp_path, capsys):
    bad = tmp_path / "bad"
    bad.mkdir()
    good = (folder / "d_more.jsonl").read_text(encoding="utf-8").splitlines()
    (bad / "news.jsonl").write_text("\n".join(good[:7] + ['{"text": "cut off'] + good[7:]) + "\n", encoding="utf-8")
    assert main(["terms", str(bad), "--workers", "2", "--chunk-size", "2"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"error: {bad / 'news.jsonl'}: line 8: broken JSON (Invalid control character at)\n"
    with pytest.raises(InputError) as one_piece:
        load_corpus(bad)
    assert captured.err == f"error: {one_piece.value}\n"


def test_jsonl_line_breaks_bom_and_blank_lines_read_as_load_corpus_reads_them(tmp_path):
    records = [json.dumps(record, ensure_ascii=False) for record in ARTICLES]
    raw = ("\ufeff" + records[0] + "\r\n" + records[1] + "\r" + "\u3000 \n" + records[2] + "\n\n" + records[3]
           + "\r\n\r\n" + records[4] + "\n")
    path = tmp_path / "breaks.jsonl"
    path.write_bytes(raw.encode("utf-8"))
    whole = load_corpus(path)
    assert whole.articles["article"].tolist() == ["x1", "x2", "x1~2", "breaks-004", "x3"]  # a space line is no record
    for workers, chunk_size in ((1, 1), (1, 2), (2, 1), (2, 3)):
        got = collect(path, STEP, EngineOptions(workers=workers, chunk_size=chunk_size))
        assert jsonl_bytes(got.table) == jsonl_bytes(paragraph_facts(whole)), (workers, chunk_size)
        pd.testing.assert_frame_equal(got.articles, whole.articles)


def test_a_bad_byte_is_named_at_its_line_by_the_worker_that_decodes_it(tmp_path, capsys):
    lines = [json.dumps(record).encode("utf-8") for record in ARTICLES * 2]
    lines[7] = lines[7].replace(b"Same", b"S\xe9me")  # Latin-1, on line 8 (the 4th block of 2 records)
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    assert main(["terms", str(path), "--workers", "2", "--chunk-size", "2"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"error: {path}: line 8: not valid UTF-8 (Latin-1 or another encoding?); "
                            "convert it to UTF-8\n")


def test_scheduler_option_needs_dask_and_bad_numbers_are_bad_input(folder, capsys):
    assert main(["terms", str(folder), "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert "--scheduler needs --engine dask" in capsys.readouterr().err
    assert main(["terms", str(folder), "--workers", "0"]) == 2
    assert "workers must be at least 1" in capsys.readouterr().err


def test_unreachable_scheduler_is_a_one_line_failure(folder, capsys, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr(engine, "SCHEDULER_TIMEOUT", "1s")
    assert main(["attributions", str(folder), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9 (")
    assert captured.err.count("\n") == 1


# ---------------------------------------------------------------- cache


def test_cache_analyses_only_new_articles_and_gives_the_same_bytes(tmp_path):
    corpus = tmp_path / "news.jsonl"
    lines = [json.dumps(record) for record in ARTICLES]
    corpus.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    options = EngineOptions(workers=1, chunk_size=2, cache=tmp_path / "cache")
    step = Step(counted_facts)
    ANALYSED.clear()
    cold = collect(corpus, step, options)
    assert ANALYSED == ["x1", "x2", "x1"]  # a block sees its own ids; they are made unique when gathered
    ANALYSED.clear()
    warm = collect(corpus, step, options)
    assert ANALYSED == []
    assert jsonl_bytes(warm.table) == jsonl_bytes(cold.table) == jsonl_bytes(paragraph_facts(load_corpus(corpus)))

    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")  # the corpus grew by two articles
    ANALYSED.clear()
    grown = collect(corpus, step, options)
    assert ANALYSED == ["news-004", "x3"]
    assert jsonl_bytes(grown.table) == jsonl_bytes(paragraph_facts(load_corpus(corpus)))

    assert clear_cache(tmp_path / "cache") == 5
    ANALYSED.clear()
    collect(corpus, step, options)
    assert len(ANALYSED) == 5


def test_a_changed_user_file_invalidates_the_cache(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps(ARTICLES[0]) + "\n", encoding="utf-8")
    registry = tmp_path / "registry.csv"
    registry.write_text("name,category,origin\nZhao Lijian,official,chinese\n", encoding="utf-8")
    options = EngineOptions(workers=1, cache=tmp_path / "cache")
    step = Step(counted_facts, (("registry", str(registry)),), (str(registry),))
    ANALYSED.clear()
    collect(corpus, step, options)
    collect(corpus, step, options)
    assert ANALYSED == ["x1"]
    registry.write_text("name,category,origin\nZhao Lijian,official,foreign\n", encoding="utf-8")
    collect(corpus, step, options)
    assert ANALYSED == ["x1", "x1"]
    assert engine.fingerprint(step) != engine.fingerprint(Step(counted_facts))


def test_cache_with_a_pool_and_the_cli_clear_command(folder, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(engine, "_attributions_of", _facts_as_attributions)
    fixed = engine.fingerprint(engine.attributions_step())
    monkeypatch.setattr(engine, "fingerprint", lambda step: fixed)  # code edited during the test: same keys
    cache = tmp_path / "cache"
    args = ["attributions", str(folder), "--workers", "2", "--chunk-size", "3", "--cache", str(cache)]
    assert main(args) == 0
    cold = capsys.readouterr().out
    assert main(args) == 0
    assert capsys.readouterr().out == cold
    assert main(["cache", "clear", str(cache)]) == 0
    distinct = len(load_corpus(folder / "a_seed.txt").articles) + len(ARTICLES)  # same content, same entry
    assert capsys.readouterr().out == f"cleared {cache}: {distinct} cached article results removed\n"
    assert not (cache / engine.CACHE_FILE).exists()


# ---------------------------------------------------------------- dask


@pytest.fixture(scope="module")
def scheduler():
    distributed = pytest.importorskip("distributed")
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


def test_dask_gives_the_bytes_of_the_local_engine(folder, scheduler, tmp_path):
    pytest.importorskip("pyarrow")
    pd.DataFrame(ARTICLES * 3).to_parquet(folder / "e_table.parquet", index=False, row_group_size=2)
    crlf = "\ufeff" + "\r\n".join(json.dumps(record, ensure_ascii=False) for record in ARTICLES) + "\r\n\r\n"
    (folder / "f_crlf.jsonl").write_bytes(crlf.replace("Tariffs", "Tariffs\u2019").encode("utf-8"))
    assert jsonl_bytes(collect(folder / "f_crlf.jsonl", STEP, EngineOptions(workers=1)).table) == jsonl_bytes(
        paragraph_facts(load_corpus(folder / "f_crlf.jsonl")))
    try:
        local = collect(folder, STEP, EngineOptions(workers=2, chunk_size=2))
        dask = collect(folder, STEP, EngineOptions(engine="dask", scheduler=scheduler, chunk_size=3))
        cached = EngineOptions(engine="dask", scheduler=scheduler, cache=tmp_path / "cache")
        cold, warm = collect(folder, STEP, cached), collect(folder, STEP, cached)
    finally:
        (folder / "e_table.parquet").unlink()
        (folder / "f_crlf.jsonl").unlink()
    assert len(local.articles) == len(load_corpus(folder).articles) + 4 * len(ARTICLES)  # + parquet, crlf
    assert jsonl_bytes(dask.table) == jsonl_bytes(local.table)
    assert jsonl_bytes(cold.table) == jsonl_bytes(warm.table) == jsonl_bytes(local.table)
    pd.testing.assert_frame_equal(dask.articles, local.articles)


def test_dask_corrupt_partition_is_bad_input_naming_the_file(folder, scheduler, tmp_path, capsys):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.jsonl").write_bytes((folder / "b_news.jsonl").read_bytes())
    (bad / "b.jsonl").write_text('{"text": "fine"}\n[1, 2]\n', encoding="utf-8")
    assert main(["terms", str(bad), "--engine", "dask", "--scheduler", scheduler]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"error: {bad / 'b.jsonl'}: line 2: expected a JSON object with a 'text' field\n"


def test_dask_cli_matches_local_cli(folder, scheduler, capsys, monkeypatch):
    monkeypatch.setattr(engine, "_attributions_of", _facts_as_attributions)
    assert main(["attributions", str(folder), "--workers", "1"]) == 0
    local = capsys.readouterr().out
    assert main(["attributions", str(folder), "--engine", "dask", "--scheduler", scheduler]) == 0
    assert capsys.readouterr().out == local


def test_dask_without_a_scheduler_starts_a_local_cluster(folder, scheduler, capsys, monkeypatch):
    monkeypatch.setattr(engine, "_terms_of", _facts_as_terms)
    assert main(["terms", str(folder), "--workers", "1", "--format", "csv"]) == 0
    local = capsys.readouterr()
    assert main(["terms", str(folder), "--engine", "dask", "--workers", "2", "--format", "csv"]) == 0
    assert capsys.readouterr() == local  # same output, nothing on standard error


def _facts_as_terms(chunk, *, lexicon=None):
    return paragraph_facts(chunk)


def test_engine_errors_are_one_line(folder):
    with pytest.raises(InputError, match="engine must be one of local, dask"):
        EngineOptions(engine="spark")
    with pytest.raises(InputError, match="chunk size must be at least 1"):
        EngineOptions(chunk_size=0)
    assert issubclass(EngineError, RuntimeError)


def test_dask_dead_worker_is_a_one_line_failure(folder, scheduler, capsys, monkeypatch):
    import logging

    import dask
    import distributed

    monkeypatch.setattr(engine, "_attributions_of", _die_as_attributions)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0",
            silence_logs=logging.CRITICAL) as cluster:
        status = main(["attributions", str(folder), "--engine", "dask", "--scheduler", cluster.scheduler_address])
    assert status == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"error: a Dask worker died while analysing {folder / 'a_seed.txt'}; no output written\n"
