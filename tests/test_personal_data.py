"""Personal data detection: real leaks are found, the numbers a disclosure site is full of are not.

All ID and card numbers are computed here from fictional parts (region 110101, born 19900307),
never copied from real people.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from zwgk.checks import attachment_limits
from zwgk.checks.attachment_limits import Unchecked
from zwgk.checks.personal_data import Finding, attachment_text, mask, scan_text

_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def make_id(region: str = "110101", birth: str = "19900307", seq: int = 123) -> str:
    body = f"{region}{birth}{seq:03d}"
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, _W)) % 11]


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def make_card(prefix: str) -> str:
    return next(prefix + str(d) for d in range(10) if luhn_ok(prefix + str(d)))


def bad_id_check(valid: str) -> str:
    wrong = "0" if valid[-1] != "0" else "1"
    return valid[:-1] + wrong


ID = make_id()  # 110101199003071233
ID_X = make_id(seq=29)  # 11010119900307029X
CARD16 = make_card("622202020000000")  # 6222020200000005
CARD19 = make_card("622202020000000000")  # 6222020200000000006
MOBILE = "13800138000"


def kinds(text: str) -> list[tuple[str, str, int]]:
    return [(f.kind, f.masked, f.line) for f in scan_text(text)]


# --- 身份证号 ---------------------------------------------------------------------------------

def test_generated_numbers_are_what_the_tests_assume() -> None:
    assert ID == "110101199003071233" and ID_X.endswith("X")
    assert len(CARD16) == 16 and len(CARD19) == 19 and luhn_ok(CARD16) and not luhn_ok(CARD16[:-1] + "6")


def test_id_number_found_with_line_and_mask() -> None:
    text = f"关于发放补贴的公示\n申请人：张三，身份证号：{ID}，住址略\n"
    assert scan_text(text) == [Finding("身份证号", ID, "1101**********1233", 2)]


@pytest.mark.parametrize("written", [ID_X, ID_X.lower()])
def test_id_number_with_x_check_digit(written: str) -> None:
    assert scan_text(f"身份证 {written} 。") == [Finding("身份证号", ID_X, "1101**********029X", 1)]


def test_id_number_with_wrong_check_digit_not_found() -> None:
    assert scan_text(f"身份证号：{bad_id_check(ID)}") == []
    assert scan_text(f"身份证号：{bad_id_check(ID_X)}") == []


@pytest.mark.parametrize("birth", ["19900230", "19901301", "18991231", "21000101", "00000000"])
def test_id_number_with_impossible_birth_date_not_found(birth: str) -> None:
    assert scan_text(make_id(birth=birth)) == []


def test_id_number_region_must_start_1_to_8() -> None:
    assert kinds(make_id(region="810101")) == [("身份证号", "8101**********" + make_id(region="810101")[-4:], 1)]
    assert scan_text(make_id(region="910101")) == []
    assert scan_text(make_id(region="010101")) == []


@pytest.mark.parametrize("around", ["1{}", "{}1", "A{}", "{}B", "x{}"])
def test_id_number_inside_longer_run_not_found(around: str) -> None:
    assert scan_text(around.format(ID)) == []


def test_nineteen_digit_run_not_found() -> None:
    assert scan_text("1101011990030712345") == []


def test_document_numbers_and_credit_codes_not_found() -> None:
    text = ("文号：示政发〔2024〕3号\n"
            "索引号：11000000MB0000000X/2024-00001\n"
            "统一社会信用代码：11000000MB0000000X\n"
            "统一社会信用代码：91110101MA01234567\n"
            "成文日期：2024-03-05，金额 1234567890123456 元，邮编 250000\n")
    assert scan_text(text) == []


# --- 手机号码 ---------------------------------------------------------------------------------

@pytest.mark.parametrize("written", [
    "13800138000", "+86 13800138000", "+8613800138000", "+86-13800138000", "86-13800138000",
    "138 0013 8000", "138-0013-8000", "+86 138 0013 8000",
])
def test_mobile_forms_found(written: str) -> None:
    assert scan_text(f"联系电话：{written}。") == [Finding("手机号码", MOBILE, "138******00", 1)]


@pytest.mark.parametrize("written", [
    "213800138000", "138001380001", "2013800138000123", "12800138000", "1380013800",
    "138 0013-8000", "138  0013 8000",
])
def test_not_a_mobile(written: str) -> None:
    assert scan_text(f"编号 {written} 号") == []


@pytest.mark.parametrize("written", ["0000-0000000", "0531-88888888", "(0531)88888888", "400-800-8888", "12345"])
def test_landlines_and_hotlines_not_found(written: str) -> None:
    assert scan_text(f"咨询电话：{written}") == []


# --- 银行卡号 ---------------------------------------------------------------------------------

def test_bank_cards_found() -> None:
    text = f"账号：{CARD16}\n\n卡号 {CARD19}\n"
    assert kinds(text) == [("银行卡号", "6222********0005", 1), ("银行卡号", "6222***********0006", 3)]


@pytest.mark.parametrize("sep", [" ", "-"])
def test_grouped_bank_cards_found(sep: str) -> None:
    g16 = sep.join([CARD16[i:i + 4] for i in range(0, 16, 4)])
    g19 = sep.join([CARD19[i:i + 4] for i in range(0, 19, 4)])
    assert g19.endswith(sep + "006")
    assert scan_text(f"{g16}；{g19}") == [Finding("银行卡号", CARD16, "6222********0005", 1),
                                         Finding("银行卡号", CARD19, "6222***********0006", 1)]


def test_bank_card_failing_luhn_not_found() -> None:
    assert scan_text(f"账号：{CARD16[:-1]}6") == []
    assert scan_text(f"账号：{CARD19[:-1]}7") == []


def test_bank_card_needs_a_card_prefix() -> None:
    for first in "01278":
        assert scan_text(make_card(first + "22202020000000")) == []
    for first in "345":
        assert [f.kind for f in scan_text(make_card(first + "22202020000000"))] == ["银行卡号"]


def test_bank_card_inside_longer_run_not_found() -> None:
    assert scan_text(f"1{CARD16}") == []
    assert scan_text(f"{CARD19}1") == []
    assert scan_text("6222 0202 0000 0005 1234 5678") == []


_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_ok(code: str) -> bool:
    return _CREDIT_CHARS[-sum(_CREDIT_CHARS.index(c) * w for c, w in zip(code, _CREDIT_WEIGHTS)) % 31] == code[17]


def test_all_digit_credit_code_that_passes_luhn_is_not_a_card() -> None:
    # 双公示 pages list enterprises' 统一社会信用代码; an all-digit one is card-shaped (starts 9, 18 digits).
    codes = (f"91110101{serial:09d}{check}" for serial in range(100_000) for check in "0123456789")
    code = next(c for c in codes if credit_code_ok(c) and luhn_ok(c))
    assert scan_text(f"统一社会信用代码：{code}") == []
    # …while an 18-digit card that is no credit code is still found.
    card18 = next(c for c in (make_card(f"6222020200{n:07d}") for n in range(100)) if not credit_code_ok(c))
    assert kinds(card18) == [("银行卡号", mask(card18), 1)]


def test_card_shaped_digits_inside_a_code_with_letters_not_found() -> None:
    assert scan_text(f"采购项目编号：SDGP{CARD19}") == []
    assert scan_text(f"编号 {CARD16}A") == []
    assert kinds(f"卡号{CARD19}。") == [("银行卡号", "6222***********0006", 1)]


def test_id_number_that_also_passes_luhn_is_reported_once_as_id() -> None:
    both = next(i for i in (make_id(region="440101", seq=s) for s in range(1000)) if i[-1] != "X" and luhn_ok(i))
    assert kinds(both) == [("身份证号", mask(both), 1)]
    # An X-ending ID leaves a 17-digit run that might pass Luhn as a card; it must not.
    x_ids = (make_id(region="440101", seq=s) for s in range(1000))
    x_both = next(i for i in x_ids if i[-1] == "X" and luhn_ok(i[:-1]))
    assert kinds(x_both) == [("身份证号", mask(x_both), 1)]


# --- Whole texts ------------------------------------------------------------------------------

def test_full_width_digits_found_on_the_right_line() -> None:
    wide = ID.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    text = ("一、公示名单（全角数字）\n"
            f"张三　身份证号：{wide}\n"
            "联系电话：１３８００１３８０００\n"
            "备用：１３８　００１３　８０００\n")
    assert scan_text(text) == [Finding("身份证号", ID, "1101**********1233", 2),
                               Finding("手机号码", MOBILE, "138******00", 3),
                               Finding("手机号码", MOBILE, "138******00", 4)]


def test_sorted_by_line_then_position_and_deduplicated_per_line() -> None:
    text = f"{CARD16} 和 {MOBILE}，再次：{MOBILE}、{CARD16}\r\n{MOBILE}\n"
    assert kinds(text) == [("银行卡号", "6222********0005", 1), ("手机号码", "138******00", 1),
                           ("手机号码", "138******00", 2)]


def test_no_findings_in_ordinary_text() -> None:
    assert scan_text("") == []
    assert scan_text("2024年3月5日 第1号 共12345人 预算 3,456,789.00 元") == []


# --- mask -------------------------------------------------------------------------------------

def test_mask_exact() -> None:
    assert mask(ID) == "1101**********1233"
    assert mask(MOBILE) == "138******00"
    assert mask(CARD16) == "6222********0005"
    assert mask(CARD19) == "6222***********0006"


@pytest.mark.parametrize("n", range(0, 26))
def test_mask_never_shows_more_than_half(n: int) -> None:
    value = "".join(str((i * 7 + 3) % 10) for i in range(n))
    masked = mask(value)
    assert len(masked) == n
    assert sum(c != "*" for c in masked) <= n // 2
    assert n == 0 or masked != value


# --- attachment_text --------------------------------------------------------------------------

def test_gbk_txt(tmp_path: Path) -> None:
    path = tmp_path / "名单.txt"
    path.write_bytes(f"补贴名单\n李四 身份证号 {ID}\n".encode("gbk"))
    text = attachment_text(path)
    assert text is not None and "李四" in text
    assert kinds(text) == [("身份证号", "1101**********1233", 2)]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_csv_and_md_encodings(tmp_path: Path, encoding: str) -> None:
    for name in ("名单.csv", "说明.MD"):
        path = tmp_path / name
        path.write_bytes(f"姓名,电话\n王五,{MOBILE}\n".encode(encoding))
        text = attachment_text(path)
        assert text is not None and text.startswith("姓名,电话")
        assert kinds(text) == [("手机号码", "138******00", 2)]


def test_undecodable_text_file_is_none(tmp_path: Path) -> None:
    path = tmp_path / "坏.txt"
    path.write_bytes(b"\xff\x80\xff\x80")
    assert attachment_text(path) is None


def test_xlsx_every_sheet_one_row_per_line(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    first.append(["姓名", "电话"])
    first.append(["张三", int(MOBILE)])  # typed as a number in Excel
    first.append(["138", "0013", "8000"])  # neighbouring cells must not run together into a number
    second = book.create_sheet("第二页")
    second.append(["身份证号", ID])
    second.append([None, f"卡号 {CARD16}"])
    path = tmp_path / "名单.xlsx"
    book.save(path)
    text = attachment_text(path)
    assert text is not None and len(text.split("\n")) == 5
    assert kinds(text) == [("手机号码", "138******00", 2), ("身份证号", "1101**********1233", 4),
                           ("银行卡号", "6222********0005", 5)]


def test_docx_paragraphs_and_table_cells(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("关于困难群众救助的公示")
    document.add_paragraph("联系电话：138-0013-8000")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "姓名"
    table.cell(0, 1).text = "身份证号"
    table.cell(1, 0).text = "赵六"
    table.cell(1, 1).text = ID
    table.cell(1, 0).add_table(rows=1, cols=1).cell(0, 0).text = f"卡号 {CARD16}"  # nested table
    path = tmp_path / "公示.docx"
    document.save(str(path))
    text = attachment_text(path)
    assert text is not None and text.split("\n")[:3] == ["关于困难群众救助的公示", "联系电话：138-0013-8000", "姓名"]
    # Lines 5–6: the cell's own text "赵六" plus the empty paragraph Word requires after a nested table.
    assert kinds(text) == [("手机号码", "138******00", 2), ("银行卡号", "6222********0005", 7),
                           ("身份证号", "1101**********1233", 8)]


@pytest.mark.parametrize("name", ["损坏.xlsx", "损坏.docx"])
def test_damaged_office_file_is_unchecked_not_skipped(tmp_path: Path, name: str) -> None:
    # Unread text may hold an 身份证号: the caller must report it, not treat it as clean.
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(Unchecked, match="已损坏"):
        attachment_text(path)


def test_sound_zip_with_broken_xml_is_unchecked(tmp_path: Path) -> None:
    path = tmp_path / "公示.docx"
    docx.Document().save(str(path))
    with zipfile.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    with zipfile.ZipFile(path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, b"<w:document" if name == "word/document.xml" else data)
    with pytest.raises(Unchecked, match="已损坏，无法读取其中的文字"):
        attachment_text(path)


_XLSX_PARTS = {
    "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>",
    "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>",
    "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="表" sheetId="1" r:id="r1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>",
}


def test_xlsx_text_is_capped_however_often_a_string_repeats(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # One shared string in every cell: the sheet stays small, the text it expands to does not.
    monkeypatch.setattr(attachment_limits, "MAX_TEXT", 500_000)  # above the XML inside, below its text
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(1, 2001))
    path = tmp_path / "表.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, xml in _XLSX_PARTS.items():
            out.writestr(name, xml)
        out.writestr("xl/sharedStrings.xml", '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                     f"<si><t>{'很长的一段文字' * 100}</t></si></sst>")
        out.writestr("xl/worksheets/sheet1.xml", '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                     f"<sheetData>{rows}</sheetData></worksheet>")
    with pytest.raises(Unchecked, match="的文字超过"):
        attachment_text(path)
    monkeypatch.setattr(attachment_limits, "MAX_TEXT", 2_000_000)
    assert attachment_text(path).count("很长的一段文字") == 200_000  # the workbook is sound: only the cap stops it


def test_other_types_and_missing_files_are_none(tmp_path: Path) -> None:
    for name in ("扫描件.pdf", "旧格式.xls", "旧格式.doc", "图片.jpg", "无后缀"):
        path = tmp_path / name
        path.write_bytes(MOBILE.encode())
        assert attachment_text(path) is None
    assert attachment_text(tmp_path / "不存在.txt") is None
