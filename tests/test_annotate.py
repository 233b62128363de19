"""check --annotate: a Word copy with every finding as a comment on the offending text or cell."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from typer.testing import CliRunner

from checkers.annotate import annotate_copy, comment_text
from checkers.document import Location
from checkers.finding import Finding, Severity
from checkers.readers import read_document
from checkers.readers.docx_reader import iter_numbered_blocks, paragraph_text
from cli import app
from drafter.atomic import OutputError
from drafter.docx_writer import build_docx
from drafter.render import render_report
from project_file import load_project
from tests.conftest import FIXTURES, SEEDS

runner = CliRunner()
SEED_TXT = SEEDS / "002_4ad189d6376584c5.txt"
SEED_DOCX = SEEDS / "docx" / "002_4ad189d6376584c5.docx"


@dataclass
class Anchored:
    """A comment of the annotated copy and the text its range covers."""

    author: str
    text: str
    anchor: str
    in_cell: bool


def comments(path: Path) -> list[Anchored]:
    """Comments of a .docx with their anchored text (walking the body in document order)."""
    document = docx.Document(str(path))
    anchors: dict[str, list[str]] = {}
    in_cell: dict[str, bool] = {}
    open_ids: set[str] = set()
    for el in document.element.body.iter():
        if el.tag == qn("w:commentRangeStart"):
            cid = el.get(qn("w:id"))
            open_ids.add(cid)
            anchors[cid] = []
            in_cell[cid] = any(a.tag == qn("w:tc") for a in el.iterancestors())
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(el.get(qn("w:id")))
        elif el.tag == qn("w:t"):
            for cid in open_ids:
                anchors[cid].append(el.text or "")
    return [
        Anchored(c.author, c.text, "".join(anchors.get(str(c.comment_id), [])), in_cell.get(str(c.comment_id), False))
        for c in document.comments
    ]


@pytest.fixture(params=[SEED_TXT, SEED_DOCX], ids=["txt", "docx"])
def annotated(request, tmp_path: Path) -> tuple[Path, Path, bytes]:
    """Run ``check SEED --annotate OUT.docx``; returns (input, output, input bytes before)."""
    source: Path = request.param
    before = source.read_bytes()
    out = tmp_path / "批注副本.docx"
    result = runner.invoke(app, ["check", str(source), "--annotate", str(out)])
    assert result.exit_code == 1, result.output
    assert out.exists()
    return source, out, before


def test_findings_become_comments_on_the_offending_text(annotated):
    source, out, _ = annotated
    found = comments(out)
    assert found and all(c.author == "evalreport" for c in found)
    assert len(found) == len(read_document_findings(source))
    sc102 = [c for c in found if c.text.startswith("[规则 SC102 错误]")]
    assert len(sc102) == 1
    assert "该指标得3分" in sc102[0].anchor and not sc102[0].in_cell
    assert "B14运转程序规范性" not in sc102[0].anchor  # the closing sentence, not the whole paragraph
    assert (
        sc102[0].text
        == "[规则 SC102 错误] B14运转程序规范性：结尾写“该指标得3分”，但开头写得分2分（应为：2分；实为：3分）"
    )
    tt201 = [c for c in found if c.text.startswith("[规则 TT201 警告]") and "846.10" in c.text]
    assert len(tt201) == 1 and tt201[0].in_cell and tt201[0].anchor == "846.10"
    fg901 = next(c for c in found if c.text.startswith("[规则 FG901"))
    assert fg901.anchor == "11l"  # a long paragraph excerpt is narrowed to the found value


def read_document_findings(path: Path) -> list[Finding]:
    from checkers.engine import check_document

    return check_document(read_document(path))


def test_input_is_unchanged_and_copy_reads_the_same(annotated):
    source, out, before = annotated
    assert source.read_bytes() == before
    original, copy = read_document(source), read_document(out)
    assert [p.text for p in copy.paragraphs] == [p.text for p in original.paragraphs]
    assert [t.text_rows() for t in copy.tables] == [t.text_rows() for t in original.tables]
    assert sorted(f.fingerprint for f in read_document_findings(out)) == sorted(
        f.fingerprint for f in read_document_findings(source)
    )


def test_annotated_copy_opens_in_libreoffice(annotated, tmp_path: Path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("未安装 LibreOffice（soffice），跳过打开测试")
    _, out, _ = annotated
    profile = (tmp_path / "lo-profile").as_uri()
    for fmt in ("pdf", "odt"):
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt,
             "--outdir", str(tmp_path / fmt), str(out)],
            check=True, timeout=180, capture_output=True,
        )  # fmt: skip
    pdf = tmp_path / "pdf" / f"{out.stem}.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    with zipfile.ZipFile(tmp_path / "odt" / f"{out.stem}.odt") as odt:
        content = odt.read("content.xml").decode("utf-8")
    assert content.count("<dc:creator>evalreport</dc:creator>") == len(comments(out))


def test_refuses_to_write_over_the_input(tmp_path: Path):
    source = tmp_path / "report.docx"
    source.write_bytes(SEED_DOCX.read_bytes())
    document = read_document(source)
    with pytest.raises(OutputError):
        annotate_copy(source, document, [], source)
    with pytest.raises(OutputError, match=r"\.docx"):
        annotate_copy(source, document, [], tmp_path / "copy.txt")
    assert source.read_bytes() == SEED_DOCX.read_bytes()


def _finding(location: Location, excerpt: str = "", found: str | None = None) -> Finding:
    return Finding("XX001", Severity.WARNING, "测试发现", location, excerpt, expected="甲", found=found)


def test_split_runs_keep_text_and_formatting(tmp_path: Path):
    out = docx.Document()
    out.add_paragraph("标题")
    p = out.add_paragraph()
    p.add_run("前文，")
    p.add_run("该指标").bold = True
    p.add_run("得3分。后文")
    source = tmp_path / "r.docx"
    out.save(str(source))
    document = read_document(source)
    finding = _finding(Location(paragraph=2), excerpt="指标得3分。")
    target = tmp_path / "a.docx"
    annotate_copy(source, document, [finding], target)
    [comment] = comments(target)
    assert comment.anchor == "指标得3分。"
    assert comment.text == comment_text(finding) == "[规则 XX001 警告] 测试发现（应为：甲；实为：—）"
    copy = docx.Document(str(target))
    runs = [(r.text, bool(r.bold)) for r in copy.paragraphs[1].runs if r.text]
    assert runs == [("前文，", False), ("该", True), ("指标", True), ("得3分。", False), ("后文", False)]


def test_rows_empty_cells_and_document_level_findings(tmp_path: Path):
    out = docx.Document()
    out.add_paragraph("某项目绩效评价报告")
    table = out.add_table(rows=2, cols=3)
    for c, text in enumerate(["指标", "权重", "得分"]):
        table.cell(0, c).text = text
    table.cell(1, 0).text = "A11"
    table.cell(1, 1).text = "5"
    source = tmp_path / "r.docx"
    out.save(str(source))
    document = read_document(source)
    findings = [
        _finding(Location(table=1, row=2)),
        _finding(Location(table=1, row=2, col=3)),
        _finding(Location(), excerpt="找不到的指标"),
    ]
    target = tmp_path / "a.docx"
    annotate_copy(source, document, findings, target)
    row, empty, start = comments(target)
    assert row.in_cell and row.anchor == "A115"
    assert empty.in_cell and empty.anchor == ""
    assert start.anchor == "某项目绩效评价报告" and "位置：文档开头" in start.text and "找不到的指标" in start.text


@pytest.mark.parametrize("path", [SEED_DOCX, "draft"], ids=["seed", "draft"])
def test_numbered_blocks_match_the_reader(path, tmp_path: Path):
    if path == "draft":
        buffer = io.BytesIO()
        build_docx(render_report(load_project(FIXTURES[0]))).save(buffer)
        path = tmp_path / "draft.docx"
        path.write_bytes(buffer.getvalue())
    document = read_document(path)
    blocks = list(iter_numbered_blocks(docx.Document(str(path)).element.body))
    paragraphs = [paragraph_text(el).strip() for kind, _, el in blocks if kind == "paragraph"]
    assert paragraphs == [p.text for p in document.paragraphs]
    assert [n for kind, n, _ in blocks if kind == "table"] == [t.location.table for t in document.tables]


def annotate_paragraphs(tmp_path: Path, *paragraphs: str) -> list[Anchored]:
    """The comments check --annotate writes on a .docx of these paragraphs (one slip expected: exit code 1)."""
    out = docx.Document()
    for text in ("某区2023年度某某项目绩效评价报告", *paragraphs):
        out.add_paragraph(text)
    source, target = tmp_path / "source.docx", tmp_path / "annotated.docx"
    out.save(str(source))
    result = runner.invoke(app, ["check", str(source), "--annotate", str(target)])
    assert result.exit_code == 1, result.output
    return comments(target)


def test_comments_land_on_full_width_figures(tmp_path: Path):
    [comment] = annotate_paragraphs(tmp_path, "项目预算１００万元，实际到位１００万元，实际支出８０万元，预算执行率为９０％。")
    assert comment.anchor == "９０％" and "位置：" not in comment.text


def test_a_macro_enabled_file_is_annotated_on_a_re_rendered_copy_and_the_user_is_told(tmp_path: Path):
    plain = tmp_path / "plain.docx"
    out = docx.Document()
    out.add_paragraph("项目预算100万元，实际到位100万元，实际支出80万元，预算执行率为90%。")
    out.save(str(plain))
    macro = tmp_path / "宏.docx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(macro, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                    b"application/vnd.ms-word.document.macroEnabled.main+xml")
            target.writestr(item, data)
    annotated = tmp_path / "a.docx"
    result = runner.invoke(app, ["check", str(macro), "--annotate", str(annotated)])
    assert result.exit_code == 1, result.output
    assert "原文件的格式未保留" in result.output
    [comment] = comments(annotated)
    assert comment.anchor == "90%"


def test_a_comment_lands_on_a_figure_written_with_thousands_separators(tmp_path: Path):
    [comment] = annotate_paragraphs(
        tmp_path,
        "根据决算评审报告，项目决算送审金额为2,945.51万元，审定金额为2,489.95万元。",
        "项目批准投资金额3,182.41万元、决算评审送审金额2,945.52万元、决算评审审定金额2,489.95万元，差异较大，"
        "反映出预算编制在科学性、精准性方面存在不足，建议今后加强前期论证与评审衔接，提高预算编制质量。",
    )
    assert "UN501" in comment.text and comment.anchor == "2,945.52万元"


def test_a_comment_on_a_column_of_a_table_written_on_its_side_lands_on_the_found_cell(tmp_path: Path):
    source = docx.Document()
    source.add_paragraph("本项目综合评价得分90分，评价等级为“优”。")
    grid = [["指标", "决策", "过程", "产出", "效益", "合计"], ["权重", "20", "20", "30", "30", "100"],
            ["得分", "18", "17", "28", "27", "90"], ["得分率", "90%", "85%", "93.33%", "80%", "90%"]]  # fmt: skip
    table = source.add_table(rows=4, cols=6)
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path, out = tmp_path / "r.docx", tmp_path / "a.docx"
    source.save(str(path))
    result = runner.invoke(app, ["check", str(path), "--annotate", str(out)])
    assert result.exit_code == 1, result.output
    [comment] = comments(out)
    assert "RT301" in comment.text and "按该列得分" in comment.text
    assert comment.anchor == "80%" and comment.in_cell


def test_a_comment_on_a_fields_result_goes_around_the_whole_field(tmp_path: Path):
    """A comment inside a field's result would be lost when Word updates the field (F9)."""
    import docx as python_docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from checkers.annotate import annotate_copy
    from checkers.engine import check_document
    from checkers.readers import read_document

    word = python_docx.Document()
    word.add_paragraph("项目预算100万元，实际到位100万元，实际支出90万元。")
    paragraph = word.add_paragraph("预算执行率")
    for kind, text in (("begin", None), (None, " =90/100*100 "), ("separate", None), (None, "95"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text.startswith(" ="):
            instr = OxmlElement("w:instrText")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    paragraph.add_run("%。")
    source, target = tmp_path / "f.docx", tmp_path / "f.annotated.docx"
    word.save(str(source))
    document = read_document(source)
    findings = [f for f in check_document(document) if f.rule == "RT301"]
    assert findings and annotate_copy(source, document, findings, target)
    body = python_docx.Document(str(target)).paragraphs[1]._p
    order = [el.tag.split("}")[1] + (":" + el.get(qn("w:fldCharType")) if el.get(qn("w:fldCharType")) else "")
             for el in body.iter() if el.tag in (qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:fldChar"))]
    assert order == ["commentRangeStart", "fldChar:begin", "fldChar:separate", "fldChar:end", "commentRangeEnd"]


def test_a_table_nested_in_a_cell_is_checked_and_commented_on_in_place(tmp_path: Path):
    """A funding breakdown nested in a cell is read as a table of its own, right after the one holding it: its
    合计 is checked, the finding says where it is, and the comment lands on the nested cell."""
    from checkers.engine import check_document

    document = docx.Document()
    document.add_heading("一、评价情况", 1)
    outer = document.add_table(rows=2, cols=2)
    outer.cell(0, 0).text, outer.cell(0, 1).text, outer.cell(1, 0).text = "项目", "资金明细", "某项目"
    inner = outer.cell(1, 1).add_table(rows=3, cols=2)
    for r, (name, amount) in enumerate([("名称", "金额（万元）"), ("设备", "100"), ("合计", "120")]):
        inner.cell(r, 0).text, inner.cell(r, 1).text = name, amount
    document.add_table(rows=1, cols=2).cell(0, 0).text = "其后的表格"
    source, out = tmp_path / "r.docx", tmp_path / "annotated.docx"
    document.save(str(source))
    read = read_document(source)
    [finding] = check_document(read)
    assert finding.rule == "TT201" and finding.location.table == 2 and "嵌在表1" in finding.location.describe()
    assert [t.rows[0][0].text for t in read.tables] == ["项目", "名称", "其后的表格"]
    annotate_copy(source, read, [finding], out)
    [comment] = comments(out)
    assert comment.anchor == "120" and comment.in_cell
