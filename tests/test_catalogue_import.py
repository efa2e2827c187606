"""`build.py import 目录.xlsx|.docx|.csv`: catalogue tables as counties keep them become catalogues that pass
`check`; every bad input is refused in Chinese, with the cell, and writes nothing."""

from __future__ import annotations

import copy
from pathlib import Path

import openpyxl
import pytest
import yaml
from conftest import copy_fixture, run_cli
from tables import NOTE, ROWS, word_table, workbook

BUDGET = "catalogues/county/budget.yml"
EDUCATION = "catalogues/county/education.yml"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return copy_fixture("mini", tmp_path)


def _items(tree: Path, rel: str = BUDGET) -> list[dict]:
    return yaml.safe_load((tree / rel).read_text(encoding="utf-8"))["事项"]


def _import(tree: Path, *args: str | Path):  # noqa: ANN202 - conftest.Run
    result = run_cli("--root", tree, "import", *args, "--today", "2024-07-01")
    assert "Traceback" not in result.text and "内部错误" not in result.text, result.text
    return result


def test_workbook_with_merged_cells_and_marks_becomes_a_catalogue_that_passes_check(tree: Path, tmp_path: Path) -> None:
    result = _import(tree, workbook(tmp_path / "目录.xlsx"))
    assert result.code == 0, result.text
    items = _items(tree)
    assert [(i["一级事项"], i["二级事项"]) for i in items] == [
        ("政策文件", "预决算公开制度"), ("政府预算", "县级政府预算"), ("政府预算", "乡镇预算"), ("部门预算", "部门预算明细")]
    first, _, town_level, on_request = items
    assert first["公开依据"] == "【法律】《中华人民共和国预算法》\n【行政法规】《中华人民共和国政府信息公开条例》"
    assert first["公开渠道"] == ["政府网站", "公开查阅点"]  # ■ taken, □ left
    assert items[1]["公开渠道"] == ["政府网站", "两微一端"]  # 政务新媒体 is the fixed list's 两微一端
    assert town_level["公开渠道"] == ["政府网站", "社区/村公示栏（电子屏）"] and town_level["公开层级"] == ["乡级"]
    assert (first["公开对象"], first["公开方式"], first["公开层级"]) == ("全社会", "主动", ["县级"])
    assert (on_request["公开对象"], on_request["公开方式"]) == ("特定群体", "依申请")
    assert "暂无内容说明" in first and "暂无内容说明" not in on_request  # a new 主动 item says nothing fulfils it yet
    assert [i["编号"] for i in items] == ["CZYJS-01", "CZYJS-02", "CZYJS-03", "CZYJS-04"]
    # The report: where each value came from, the merged cell named; the footnote not taken for an item.
    assert "财政预决算!第6行 → CZYJS-03（新编号）政府预算 / 乡镇预算：一级事项 B6（合并自 B5）" in result.out
    assert "公开层级 N6" in result.out
    assert f"没有导入的行：财政预决算!第9行（“{NOTE[:20]}…”" in result.out
    check = run_cli("--root", tree, "check")
    assert check.code == 0, check.text


def test_word_table_reads_as_the_workbook_does(tree: Path, tmp_path: Path) -> None:
    assert _import(tree, workbook(tmp_path / "目录.xlsx")).code == 0
    from_excel = _items(tree)
    (tree / BUDGET).unlink()
    result = _import(tree, word_table(tmp_path / "目录.docx"))
    assert result.code == 0, result.text
    assert _items(tree) == from_excel
    assert "表1 第5行 → CZYJS-03（新编号）政府预算 / 乡镇预算：一级事项 第5行第2列（合并自 表1 第4行第2列）" in result.out


def test_reimport_keeps_the_codes_of_unchanged_items_and_their_notes(tree: Path, tmp_path: Path) -> None:
    assert _import(tree, workbook(tmp_path / "a.xlsx")).code == 0
    text = (tree / BUDGET).read_text(encoding="utf-8").replace("CZYJS-02", "CZ-KEPT")  # a code the county chose
    (tree / BUDGET).write_text(text, encoding="utf-8")
    rows = copy.deepcopy(ROWS)
    rows.insert(0, ["0", "预算编制", "编制说明", "预算编制说明", "【法律】《中华人民共和国预算法》", "随时", "示例县财政局",
                    "政府网站", "√", "", "√", "", "√", ""])
    rows[2][3] = "一般公共预算报表及说明（改了内容）"  # 事项 unchanged: same code
    result = _import(tree, workbook(tmp_path / "b.xlsx", {"财政预决算": rows}))
    assert result.code == 0, result.text
    items = {(i["一级事项"], i["二级事项"]): i for i in _items(tree)}
    assert items[("政府预算", "县级政府预算")]["编号"] == "CZ-KEPT"
    assert items[("政府预算", "县级政府预算")]["公开内容"] == "一般公共预算报表及说明（改了内容）"
    assert items[("政策文件", "预决算公开制度")]["编号"] == "CZYJS-01"
    assert items[("预算编制", "编制说明")]["编号"] == "CZYJS-05"  # new: the next free number
    assert "5 个事项（4 个沿用原编号）" in result.out


def test_several_domains_in_one_workbook_one_sheet_each(tree: Path, tmp_path: Path) -> None:
    health = [[r[0], r[1], r[2], r[3] and r[3].replace("预", "医"), *r[4:]] for r in ROWS]
    result = _import(tree, workbook(tmp_path / "全部.xlsx", {"财政预决算": ROWS, "医疗卫生": health}))
    assert result.code == 0, result.text
    assert len(_items(tree)) == 4 and len(_items(tree, "catalogues/county/health.yml")) == 4
    assert {i["编号"] for i in _items(tree, "catalogues/county/health.yml")}.isdisjoint({i["编号"] for i in _items(tree)})
    assert run_cli("--root", tree, "check").code == 0


def test_a_domain_column_splits_one_sheet_into_catalogues(tree: Path, tmp_path: Path) -> None:
    path = tmp_path / "一张表.csv"
    rows = ["领域,事项名称,公开内容,公开依据,公开时限,公开主体,公开渠道,公开对象,公开方式,公开层级",
            "财政预决算,政府预算,预算报表,《中华人民共和国预算法》,批准后20日内,示例县财政局,政府网站、公开查阅点,全社会,主动,县级",
            "医疗卫生领域,医疗机构,机构名录,《中华人民共和国基本医疗卫生与健康促进法》,随时,示例县卫生健康局,政府网站,全社会,主动,县级、乡级"]
    path.write_bytes("\n".join(rows).encode("gbk"))  # as Excel saves a .csv on a Chinese Windows
    result = _import(tree, path)
    assert result.code == 0, result.text
    assert _items(tree)[0]["公开渠道"] == ["政府网站", "公开查阅点"]
    assert _items(tree, "catalogues/county/health.yml")[0]["公开层级"] == ["县级", "乡级"]


def test_a_town_table_goes_to_the_towns_folder(tree: Path, tmp_path: Path) -> None:
    (tree / "catalogues/towns/zhen").mkdir(parents=True)
    (tree / "catalogues/towns/zhen/town.yml").write_text("名称: 测试镇\n地址: 测试镇人民路2号\n电话: 0000-0000002\n",
                                                        encoding="utf-8")
    result = _import(tree, workbook(tmp_path / "镇.xlsx"), "--town", "zhen")
    assert result.code == 0, result.text
    assert len(_items(tree, "catalogues/towns/zhen/budget.yml")) == 4 and not (tree / BUDGET).exists()
    refused = _import(tree, workbook(tmp_path / "镇.xlsx"), "--town", "nowhere")
    assert refused.code == 1 and "--town nowhere：没有这个乡镇" in refused.err and "已有：zhen" in refused.err


def _sheet(path: Path, edit) -> Path:  # noqa: ANN001 - a function changing the sheet
    book = openpyxl.load_workbook(path)
    edit(book.active)
    book.save(path)
    return path


@pytest.mark.parametrize(("edit", "message"), [
    (lambda s: s.__setitem__("K4", "√") or s.__setitem__("L4", "√"),
     "财政预决算!K4、财政预决算!L4：公开方式同时选了“主动”和“依申请” — 只能选一个"),
    (lambda s: s.__setitem__("I7", "?"), None),  # an unmarked spacer cell is fine: no error expected
    (lambda s: s.__setitem__("I8", "大概"), "财政预决算!I8：“大概”不是勾选标记 — 勾选写 ■ 或 √"),
    (lambda s: [s.__setitem__(f"{c}8", None) for c in "BC"] and None,
     "财政预决算!第8行：这一行没有事项名称（一级事项为空）"),
    (lambda s: s.__setitem__("F4", None), "财政预决算!第4行（政策文件）：没有公开时限 — 在表格中补上后重新导入"),
], ids=["conflicting-marks", "stray-mark-in-spacer", "not-a-mark", "no-item", "missing-field"])
def test_bad_rows_are_refused_with_their_cells_and_nothing_is_written(tree: Path, tmp_path: Path, edit,  # noqa: ANN001
                                                                     message: str | None) -> None:
    path = _sheet(workbook(tmp_path / "目录.xlsx"), edit)
    before = (tree / EDUCATION).read_bytes()
    result = _import(tree, path)
    if message is None:  # "?" in an otherwise empty spacer row: the row is one text, reported, not an item
        assert result.code == 0, result.text
        return
    assert result.code == 1
    assert message in result.err
    assert "没有写入任何目录" in result.err
    assert not (tree / BUDGET).exists() and (tree / EDUCATION).read_bytes() == before


def test_every_problem_of_every_row_is_told_at_once(tree: Path, tmp_path: Path) -> None:
    def two(sheet) -> None:  # noqa: ANN001
        sheet["F4"] = None
        sheet["K8"] = "√"
    result = _import(tree, _sheet(workbook(tmp_path / "目录.xlsx"), two))
    assert result.code == 1 and "共 2 处需要改正" in result.err
    assert "第4行（政策文件）：没有公开时限" in result.err and "财政预决算!K8、财政预决算!L8：公开方式同时选了" in result.err


@pytest.mark.parametrize(("content", "message"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "文件有密码保护或已损坏，无法打开"),  # an OLE file: encrypted
    (b"PK\x03\x04 not really a zip", "文件有密码保护或已损坏"),
], ids=["password", "corrupt"])
def test_locked_or_broken_workbooks_are_refused_in_chinese(tree: Path, tmp_path: Path, content: bytes,
                                                           message: str) -> None:
    path = tmp_path / "目录.xlsx"
    path.write_bytes(content)
    result = _import(tree, path)
    assert result.code == 1 and message in result.err


def test_old_formats_and_unknown_headers_are_refused_with_the_fix(tree: Path, tmp_path: Path) -> None:
    old = tmp_path / "目录.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    result = _import(tree, old)
    assert result.code == 1 and "“另存为” .xlsx 再导入" in result.err
    book = openpyxl.Workbook()
    book.active.append(["名称", "说明", "备注"])
    book.active.append(["甲", "乙", "丙"])
    book.save(tmp_path / "别的表.xlsx")
    result = _import(tree, tmp_path / "别的表.xlsx")
    assert result.code == 1 and "没有找到目录表格 — 表头要有“一级事项”“公开内容”" in result.err


def test_a_sheet_of_no_known_domain_asks_for_one(tree: Path, tmp_path: Path) -> None:
    path = workbook(tmp_path / "目录.xlsx", {"Sheet1": ROWS})
    result = _import(tree, path)
    assert result.code == 1 and "Sheet1：无法判断这张表属于哪个领域" in result.err
    assert _import(tree, path, "--domain", "财政预决算").code == 0
    assert "不是 26 个试点领域之一" in _import(tree, path, "--domain", "金融").err


def test_removing_items_documents_cite_needs_force(tree: Path, tmp_path: Path) -> None:
    education = [[r[0], r[1], r[2], *r[3:]] for r in ROWS]  # none of the mini tree's 义务教育 items
    path = workbook(tmp_path / "教育.xlsx", {"义务教育": education})
    before = (tree / EDUCATION).read_bytes()
    result = _import(tree, path)
    assert result.code == 1
    assert "YWJY-01 政策文件（仍被 content/documents/2024/cjf-2024-1.md 引用" in result.err
    assert (tree / EDUCATION).read_bytes() == before
    forced = _import(tree, path, "--force")
    assert forced.code == 0 and len(_items(tree, EDUCATION)) == 4


def test_unmapped_columns_are_reported(tree: Path, tmp_path: Path) -> None:
    def remark(sheet) -> None:  # noqa: ANN001
        sheet["O2"] = "备注"
        sheet["O4"] = "每季度更新"
    result = _import(tree, _sheet(workbook(tmp_path / "目录.xlsx"), remark))
    assert result.code == 0, result.text
    assert "没有导入的列：财政预决算 表头“备注”（财政预决算!O2），没有对应的目录字段" in result.out


def test_a_domain_column_value_not_among_the_26_is_refused_with_the_list(tree: Path, tmp_path: Path) -> None:
    path = tmp_path / "一张表.csv"
    path.write_text("领域,事项名称,公开内容,公开依据,公开时限,公开主体,公开渠道,公开对象,公开方式,公开层级\n"
                    "金融监管,机构名录,名录,《条例》,随时,示例县金融办,政府网站,全社会,主动,县级\n", encoding="utf-8-sig")
    result = _import(tree, path)
    assert result.code == 1
    assert "第2行：领域“金融监管”不是 26 个试点领域之一 — 可选：" in result.err and "“财政预决算”" in result.err
    assert not (tree / "catalogues/county").joinpath("budget.yml").exists()
