"""The command line end to end, in a temporary folder."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from analysis.cli import main
from analysis.config import SEEDS_DIR

TABLES = {"documents", "problems", "term_frequencies", "term_frequencies_by_kind", "boilerplate",
          "similarity_pairs", "nearest_neighbours", "similarity_matrix", "timeline", "relative_dates",
          "keyness_related", "keyness_busiest_month", "collocations", "cooccurrence_network",
          "actors", "actor_variants", "quotes", "speakers", "actor_network", "story_members", "stories",
          "text_reuse", "bursts",
          "related_items", "related_lists", "related_summary"}
FIGURES = {"top_terms", "top_terms_by_kind", "similarity_heatmap", "timeline", "keyness_related",
           "keyness_busiest_month", "cooccurrence_network", "top_actors", "actor_network", "story_timeline",
           "bursts", "related_lists"}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory):
    outs = []
    for name in ("one", "two"):
        out = tmp_path_factory.mktemp(name)
        proc = run("report", "--corpus", str(SEEDS_DIR), "--out", str(out))
        assert proc.returncode == 0, proc.stderr
        assert "Glyph" not in proc.stderr and "Traceback" not in proc.stderr
        outs.append(out)
    return outs


def test_writes_every_output(two_reports):
    out = two_reports[0]
    assert {p.stem for p in (out / "tables").glob("*.csv")} == TABLES
    assert {p.stem for p in (out / "tables").glob("*.parquet")} == TABLES
    for fmt in ("png", "svg"):
        assert {p.stem for p in (out / "figures").glob(f"*.{fmt}")} == FIGURES
    findings = (out / "findings.md").read_text(encoding="utf-8")
    assert "21 documents" in findings and "January 2021 (13 documents)" in findings
    for fig in FIGURES - {"top_terms_by_kind"}:
        assert f"figures/{fig}.png" in findings


def test_tables_are_excel_friendly_and_complete(two_reports):
    out = two_reports[0]
    for table in TABLES:
        assert (out / "tables" / f"{table}.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    docs = pd.read_csv(out / "tables" / "documents.csv", encoding="utf-8-sig")
    assert len(docs) == 21 and docs["title"].iloc[1] == "美駐UN大使會台代表 允助台參與聯合國事務"


def test_byte_identical_from_run_to_run(two_reports):
    a, b = two_reports
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for rel in files:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_missing_corpus_is_one_clear_line(tmp_path):
    proc = run("report", "--corpus", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "Traceback" not in proc.stderr
    assert "nowhere" in proc.stderr and "no such file or folder" in proc.stderr


def test_empty_corpus_is_one_clear_line(tmp_path):
    (tmp_path / "empty").mkdir()
    assert main(["report", "--corpus", str(tmp_path / "empty"), "--out", str(tmp_path / "out")]) == 2


def test_help_explains_every_option():
    proc = run("report", "--help")
    assert proc.returncode == 0
    for opt in ("--corpus", "--out", "--userdict", "--top", "--figures", "--page", "--encoding", "--strict",
                "--workers", "--cache-dir", "--no-cache", "--quiet"):
        assert opt in proc.stdout


def test_console_script_is_installed():
    from importlib.metadata import entry_points

    assert any(ep.name == "analysis" and ep.value == "analysis.cli:main"
               for ep in entry_points(group="console_scripts"))


def test_second_run_is_up_to_date_and_force_rebuilds(tmp_path):
    out = tmp_path / "out"
    assert main(["report", "--corpus", str(SEEDS_DIR), "--out", str(out), "-q"]) == 0
    proc = run("report", "--corpus", str(SEEDS_DIR), "--out", str(out))
    assert proc.returncode == 0 and "up to date" in proc.stdout
    (out / "tables" / "timeline.csv").unlink()  # a missing output makes it stale
    proc = run("report", "--corpus", str(SEEDS_DIR), "--out", str(out))
    assert "up to date" not in proc.stdout and (out / "tables" / "timeline.csv").is_file()
    proc = run("report", "--corpus", str(SEEDS_DIR), "--out", str(out), "--force")
    assert proc.returncode == 0 and "up to date" not in proc.stdout


def test_changed_page_makes_the_report_stale(tmp_path, seed_file):
    corpus, out = tmp_path / "c", tmp_path / "o"
    corpus.mkdir()
    (corpus / "p.txt").write_bytes(seed_file.read_bytes())
    assert main(["report", "--corpus", str(corpus), "--out", str(out), "-q"]) == 0
    (corpus / "p.txt").write_bytes(seed_file.read_bytes().replace("克拉夫特".encode(), "柯拉夫特".encode()))
    assert "up to date" not in run("report", "--corpus", str(corpus), "--out", str(out)).stdout


def test_main_adds_its_log_handler_once(capsys):
    import logging

    for _ in range(3):
        with pytest.raises(SystemExit):
            main(["report", "--help"])
    capsys.readouterr()
    main(["report", "--corpus", "nowhere-at-all"])
    assert sum(getattr(h, "_analysis_cli", False) for h in logging.getLogger("analysis").handlers) == 1


def test_columns_option_maps_a_table_with_unusual_names(tmp_path):
    table = tmp_path / "export.csv"
    table.write_text("題名,刊出,全篇\n"
                     "美駐聯大使將訪台,2020-09-17 10:00,美國駐聯合國大使克拉夫特將訪問台灣。\n", encoding="utf-8")
    bad = run("report", "--corpus", str(table), "--out", str(tmp_path / "no"), "--columns", "title")
    assert bad.returncode == 2 and "FIELD=COLUMN" in bad.stderr
    proc = run("report", "--corpus", str(table), "--out", str(tmp_path / "out"),
               "--columns", "title=題名,published=刊出,text=全篇")
    assert proc.returncode == 0, proc.stderr
    docs = pd.read_csv(tmp_path / "out" / "tables" / "documents.csv", encoding="utf-8-sig")
    assert docs.loc[0, "title"] == "美駐聯大使將訪台" and docs.loc[0, "format"] == "csv"
    assert docs.loc[0, "published"] == "2020-09-17T10:00:00" and docs.loc[0, "row"] == 1


def test_help_shows_one_example_per_kind_of_input():
    out = run("report", "--help").stdout
    for example in ("--corpus seeds", "saved_pages/", "export.csv", "--columns title=", "crawl.jsonl"):
        assert example in out, example


def test_a_presentation_option_redraws_without_computing(two_reports, tmp_path):
    import shutil

    out = tmp_path / "report"
    shutil.copytree(two_reports[0], out)
    tables = {p.name: p.read_bytes() for p in (out / "tables").iterdir()}
    before = (out / "figures" / "top_terms.svg").read_bytes()
    files = {p.name: p.stat().st_ino for p in (out / "figures").iterdir()}  # a file written anew is another inode
    proc = run("report", "--corpus", str(SEEDS_DIR), "--out", str(out), "--top", "7")
    assert proc.returncode == 0, proc.stderr
    assert "figures and findings redrawn (2 of 12 figures drawn again" in proc.stdout
    assert {p.name: p.read_bytes() for p in (out / "tables").iterdir()} == tables  # no table written again
    redrawn = {p.name: p.read_bytes() for p in (out / "figures").iterdir()}
    assert redrawn["top_terms.svg"] != before  # seven bars, not twenty
    # only the figures that read --top were drawn again; the others are the files they were
    again = sorted(p.name for p in (out / "figures").iterdir() if p.stat().st_ino != files[p.name])
    assert again == ["top_actors.png", "top_actors.svg", "top_terms.png", "top_terms.svg"]
    assert "up to date" in run("report", "--corpus", str(SEEDS_DIR), "--out", str(out), "--top", "7").stdout
    # the same bytes as a full build with that option
    proc = run("report", "--corpus", str(SEEDS_DIR), "--out", str(out), "--top", "7", "--force")
    assert proc.returncode == 0, proc.stderr
    assert {p.name: p.read_bytes() for p in (out / "figures").iterdir()} == redrawn
    assert {p.name: p.read_bytes() for p in (out / "tables").iterdir()} == tables


def test_a_redraw_draws_again_a_figure_whose_file_changed(two_reports, tmp_path):
    import shutil

    out = tmp_path / "report"
    shutil.copytree(two_reports[0], out)
    full = {p.name: p.read_bytes() for p in (out / "figures").iterdir()}
    (out / "figures" / "timeline.png").write_bytes(b"edited by hand")
    (out / "figures" / "bursts.svg").unlink()
    proc = run("report", "--corpus", str(SEEDS_DIR), "--out", str(out), "--top", "7")
    assert proc.returncode == 0 and "(4 of 12 figures drawn again" in proc.stdout, proc.stdout + proc.stderr
    figures = {p.name: p.read_bytes() for p in (out / "figures").iterdir()}
    assert figures["timeline.png"] == full["timeline.png"] and figures["bursts.svg"] == full["bursts.svg"]
    # a manifest of an earlier release, with no record of the figures: every figure drawn again
    record = json.loads((out / ".analysis-manifest.json").read_text(encoding="utf-8"))
    del record["figures"]
    (out / ".analysis-manifest.json").write_text(json.dumps(record), encoding="utf-8")
    proc = run("report", "--corpus", str(SEEDS_DIR), "--out", str(out), "--top", "8")
    assert proc.returncode == 0 and "(12 of 12 figures drawn again" in proc.stdout, proc.stdout + proc.stderr


def test_which_figures_is_a_presentation_option_too(two_reports, tmp_path):
    import shutil

    from analysis.rendering import FIGURES as REPORT_FIGURES

    assert set(REPORT_FIGURES) == FIGURES
    out = tmp_path / "report"
    shutil.copytree(two_reports[0], out)
    tables = {p.name: p.read_bytes() for p in (out / "tables").iterdir()}
    full = {p.name: p.read_bytes() for p in [*(out / "figures").iterdir(), out / "findings.md"]}
    proc = run("report", "--corpus", str(SEEDS_DIR), "--out", str(out), "--figures", "timeline,top_terms")
    assert proc.returncode == 0, proc.stderr
    assert "figures and findings redrawn" in proc.stdout
    assert sorted(p.name for p in (out / "figures").iterdir()) == [
        "timeline.png", "timeline.svg", "top_terms.png", "top_terms.svg"]  # the others removed
    findings = (out / "findings.md").read_text(encoding="utf-8")
    assert "figures/top_terms.png" in findings and "figures/bursts.png" not in findings
    assert "\n\n\n" not in findings and findings.count("](figures/") == 2
    assert {p.name: p.read_bytes() for p in (out / "tables").iterdir()} == tables
    assert "up to date" in run("report", "--corpus", str(SEEDS_DIR), "--out", str(out),
                               "--figures", "top_terms, timeline").stdout
    # back to all of them: drawn again from the tables, the same bytes as the full build
    proc = run("report", "--corpus", str(SEEDS_DIR), "--out", str(out))
    assert proc.returncode == 0 and "figures and findings redrawn" in proc.stdout, proc.stderr
    assert {p.name: p.read_bytes() for p in [*(out / "figures").iterdir(), out / "findings.md"]} == full
    proc = run("report", "--corpus", str(SEEDS_DIR), "--out", str(out), "--figures", "timeline,pie_chart")
    assert proc.returncode == 2 and "no figure 'pie_chart'" in proc.stderr and "related_lists" in proc.stderr
    assert {p.name: p.read_bytes() for p in [*(out / "figures").iterdir(), out / "findings.md"]} == full


def test_a_damaged_table_is_computed_again(two_reports, tmp_path):
    import shutil

    out = tmp_path / "report"
    shutil.copytree(two_reports[0], out)
    (out / "tables" / "actors.parquet").write_bytes(b"damaged")
    proc = run("report", "--corpus", str(SEEDS_DIR), "--out", str(out), "--top", "7")
    assert proc.returncode == 0, proc.stderr
    assert "redrawn" not in proc.stdout and "78 files" in proc.stdout
    fresh = two_reports[0] / "tables" / "actors.parquet"
    assert (out / "tables" / "actors.parquet").read_bytes() == fresh.read_bytes()


def test_keep_recurring_lines_keeps_the_sites_lines_and_is_an_input_of_the_tables(tmp_path):
    """A line on every row of a table leaves the texts by default; with --keep-recurring-lines it stays, and the
    report made without it is not up to date with the option."""
    table = tmp_path / "export.csv"
    titles = ["美駐聯大使將訪台", "颱風逼近東部", "台股收漲百點", "中職冠軍出爐"]
    texts = ["美國駐聯合國大使克拉夫特將訪問台灣，外交部表示歡迎。", "中央氣象署發布海上颱風警報，東部民眾嚴加戒備。",
             "外資回補電子股，加權指數終場上漲百點。", "總冠軍賽第七戰延長賽再見安打，球迷湧入球場慶祝。"]
    pd.DataFrame({"title": titles, "published": [f"2020-09-1{i} 10:00" for i in range(4)],
                  "text": [f"{t}\n每日好文推薦 天天看新聞" for t in texts]}).to_csv(table, index=False)
    out = tmp_path / "out"
    assert main(["report", "--corpus", str(table), "--out", str(out), "-q"]) == 0
    texts = pd.read_csv(out / "tables" / "documents.csv", encoding="utf-8-sig")["text"]
    assert not texts.str.contains("每日好文推薦").any()
    problems = pd.read_csv(out / "tables" / "problems.csv", encoding="utf-8-sig")
    assert problems["content"].tolist() == ["每日好文推薦 天天看新聞"]
    proc = run("report", "--corpus", str(table), "--out", str(out), "--keep-recurring-lines")
    assert proc.returncode == 0 and "up to date" not in proc.stdout
    texts = pd.read_csv(out / "tables" / "documents.csv", encoding="utf-8-sig")["text"]
    assert texts.str.contains("每日好文推薦").all()


def test_the_site_s_lines_by_their_shape_are_the_default_and_rules_alone_an_option_that_rebuilds(tmp_path):
    paragraphs = [f"第{n}段：台北市政府今天宣布，明年起全面調整公車票價，並將增加偏鄉路線的班次，以回應居民長期的需求。"
                  for n in "一二三四"]  # and under them a programme's time slot, worded as no rule knows it
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "p.txt").write_text("公車票價明年調整\n2024/03/05 10:00\n" + "\n".join(
        [*paragraphs, "每週三晚間九點 準時收看"]), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["report", "--corpus", str(corpus), "--out", str(out), "-q", "--furniture", "rules"]) == 0
    problems = pd.read_csv(out / "tables" / "problems.csv")
    assert not problems["reason"].str.contains("shaped like").any()
    assert main(["report", "--corpus", str(corpus), "--out", str(out), "-q"]) == 0
    problems = pd.read_csv(out / "tables" / "problems.csv")
    shaped = problems.loc[problems["reason"].str.contains("shaped like"), "content"].tolist()
    assert shaped == ["每週三晚間九點 準時收看"]
