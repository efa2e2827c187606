"""负面清单: content/negative-list.yml becomes a page under 依申请公开, every item on a legal ground."""

from __future__ import annotations

from pathlib import Path

from conftest import article, build, copy_fixture, links, run_cli

FILE = "content/negative-list.yml"
NEGATIVE_LIST = """说明: 本清单每年复核一次。
事项:
  - 事项: 学生资助对象的身份证号码和家庭住址
    不予公开依据: 涉及个人隐私
    责任单位: 测试县教育局
    更新日期: 2024-03-01
  - 事项: 教育行政处罚案卷材料
    不予公开依据: 属于行政执法案卷信息
    责任单位: 测试县教育局
    更新日期: 2024-05-20
"""


def _tree(tmp_path: Path, text: str = NEGATIVE_LIST) -> Path:
    tree = copy_fixture("mini", tmp_path)
    (tree / FILE).write_text(text, encoding="utf-8")
    return tree


def test_negative_list_page_with_grounds_and_update_date(tmp_path: Path) -> None:
    site = build(_tree(tmp_path))
    body = article(site, "ysqgk/fmqd.html")
    assert body.css_first("h1").text() == "政府信息公开负面清单"
    assert [a.text(strip=True) for a in body.css(".zw-crumbs a")] == ["首页", "依申请公开"]
    assert body.css_first(".zw-dateline time").attributes["datetime"] == "2024-05-20"  # the latest item
    assert "本清单每年复核一次。" in body.text()
    rows = [[td.text(strip=True) for td in tr.css("td")] for tr in body.css("tbody tr")]
    assert rows == [
        ["1", "学生资助对象的身份证号码和家庭住址", "涉及个人隐私《政府信息公开条例》第十五条", "测试县教育局", "2024-03-01"],
        ["2", "教育行政处罚案卷材料", "属于行政执法案卷信息《政府信息公开条例》第十六条", "测试县教育局", "2024-05-20"],
    ]
    assert links(article(site, "ysqgk/index.html"))["政府信息公开负面清单"] == "fmqd.html"


def test_ground_must_be_a_legal_ground(tmp_path: Path) -> None:
    result = run_cli("--root", _tree(tmp_path, NEGATIVE_LIST.replace("涉及个人隐私", "涉及隐私")), "check")
    assert result.code == 1 and "Traceback" not in result.text
    assert f"{FILE}:4: “事项”的第1条的“不予公开依据”填的“涉及隐私”不在可选范围内 — 改成“涉及个人隐私”" in result.err


def test_missing_field(tmp_path: Path) -> None:
    result = run_cli("--root", _tree(tmp_path, NEGATIVE_LIST.replace("    责任单位: 测试县教育局\n", "", 1)), "check")
    assert result.code == 1
    assert f"{FILE}:3: “事项”的第1条中缺少必填项“责任单位”（或没有填写） — 加上一行 `责任单位: …`" in result.err


def test_date_that_does_not_exist(tmp_path: Path) -> None:
    result = run_cli("--root", _tree(tmp_path, NEGATIVE_LIST.replace("2024-05-20", "2024-02-30")), "check")
    assert result.code == 1
    assert f"{FILE}:10: “更新日期”2024-02-30 这一天不存在 — 检查年月日，写成 2024-03-05" in result.err


def test_page_may_not_take_the_negative_list_address(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    (tree / "content/pages/fmqd.md").write_text("---\n标题: 清单\n栏目: 依申请公开\n发布日期: 2024-01-10\n---\n正文\n",
                                                  encoding="utf-8")
    result = run_cli("--root", tree, "check")
    assert result.code == 1
    assert "content/pages/fmqd.md: 文件名“fmqd”留给负面清单页面使用（content/negative-list.yml） — 给这个页面换一个文件名" in result.err
