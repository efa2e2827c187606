"""Tables of a workbook (.xlsx), a Word file (.docx) or a .csv file as grids of text cells, each cell
knowing where it was (`财政预决算!B7`, `表2 第7行第3列`) and merged cells filled in from their first cell.

openpyxl and python-docx do the reading; this module only turns their cells into one shape.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from zwgk.content.sourcefile import CONTROL, decode_any

MAX_TABLE_BYTES = 20 * 1024 * 1024  # a county's whole catalogue workbook is well under 1 MB


class TableRefused(Exception):
    """A file whose tables cannot be read, with the reason and the fix in Chinese."""


@dataclass(frozen=True)
class Cell:
    text: str  # stripped; "" for an empty cell
    ref: str  # where an editor finds it
    merged_from: str | None = None  # the first cell of its merged range, when the text is that cell's


@dataclass(frozen=True)
class Table:
    name: str  # the sheet's name; 表N for a Word table; the file name for .csv
    rows: list[list[Cell]]
    caption: str = ""  # the paragraphs just above a Word table, where its title usually is


def read_tables(path: Path) -> list[Table]:
    """Every table in `path` (every sheet of a workbook)."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise TableRefused(f"{path}: 找不到这个文件 — 检查文件名和路径")
    if path.stat().st_size > MAX_TABLE_BYTES:
        raise TableRefused(f"{path}: 文件太大（超过 20 MB） — 只保留目录表格，图片等另存")
    if suffix in (".xls", ".doc", ".wps", ".et"):
        modern = ".xlsx" if suffix in (".xls", ".et") else ".docx"
        raise TableRefused(f"{path}: 不能直接读取旧格式 {suffix} — 用 Excel/Word/WPS 打开后“另存为” {modern} 再导入")
    readers = {".xlsx": _xlsx, ".xlsm": _xlsx, ".docx": _docx, ".csv": _csv}
    if suffix not in readers:
        raise TableRefused(f"{path}: 不能导入 {suffix or '无扩展名'} 文件 — 目录表格请用 .xlsx、.docx 或 .csv")
    if suffix != ".csv" and not zipfile.is_zipfile(path):  # an encrypted Office file is an OLE container, not a zip
        raise TableRefused(f"{path}: 文件有密码保护或已损坏，无法打开 — 在 Excel/Word/WPS 中取消密码（文件→信息→保护）"
                           f"或重新另存一份后再导入")
    try:
        return readers[suffix](path)
    except TableRefused:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:  # the libraries' ways of saying "broken"
        raise TableRefused(f"{path}: 文件已损坏，无法读取（{type(error).__name__}） — 在 Excel/Word/WPS 中打开后"
                           f"重新另存一份再导入") from None


def _xlsx(path: Path) -> list[Table]:
    import openpyxl  # only the importer needs it at the top of a command

    book = openpyxl.load_workbook(path, read_only=False, data_only=True)  # merged ranges need the full reader
    tables = []
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        first_of: dict[tuple[int, int], tuple[int, int]] = {}
        for merged in sheet.merged_cells.ranges:
            for row in range(merged.min_row, merged.max_row + 1):
                for col in range(merged.min_col, merged.max_col + 1):
                    first_of[(row, col)] = (merged.min_row, merged.min_col)
        rows = []
        for r, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = []
            for c in range(1, len(row) + 1):
                origin = first_of.get((r, c))
                source = origin or (r, c)
                value = sheet.cell(*source).value
                ref = f"{sheet.title}!{_column(c)}{r}"
                merged_from = f"{_column(source[1])}{source[0]}" if origin and origin != (r, c) else None
                cells.append(Cell(_text(value), ref, merged_from))
            rows.append(cells)
        tables.append(Table(sheet.title, rows))
    return tables


def _docx(path: Path) -> list[Table]:
    import docx

    document = docx.Document(str(path))
    captions = _captions(document)
    tables = []
    for t, table in enumerate(document.tables, start=1):
        rows, seen = [], {}
        for r, row in enumerate(table.rows, start=1):
            cells = []
            for c, cell in enumerate(row.cells, start=1):  # python-docx gives a merged cell at every grid place
                key = cell._tc  # the element itself (kept alive by the dict): ids of freed proxies are reused
                ref = f"表{t} 第{r}行第{c}列"
                cells.append(Cell(_text(cell.text), ref, seen.get(key)))
                seen.setdefault(key, ref)
            rows.append(cells)
        tables.append(Table(f"表{t}", rows, captions[t - 1] if t - 1 < len(captions) else ""))
    return tables


def _captions(document) -> list[str]:  # noqa: ANN001 - a python-docx Document
    """For each table, the text of the (up to three) paragraphs since the table before it."""
    from docx.oxml.ns import qn

    captions, since = [], []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = "".join(t.text or "" for t in child.iter(qn("w:t"))).strip()
            if text:
                since = [*since, text][-3:]
        elif child.tag == qn("w:tbl"):
            captions.append(" ".join(since))
            since = []
    return captions


def _csv(path: Path) -> list[Table]:
    text, _ = decode_any(path.read_bytes())
    if text is None:
        raise TableRefused(f"{path}: 无法识别文件编码 — 在 Excel 中另存为“CSV UTF-8”或 .xlsx 再导入")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:  # one column, or nothing to tell by
        dialect = csv.excel
    rows = []
    for r, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        rows.append([Cell(_text(value), f"第{r}行第{c}列") for c, value in enumerate(row, start=1)])
    return [Table(path.stem, rows)]


def _text(value: object) -> str:
    if value is None:
        return ""
    text = re.sub(r"\r\n?|[\x0b\x0c\u2028\u2029]", "\n", str(value)).replace("\u3000", " ")  # Word's line breaks
    text = CONTROL.sub("", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def _column(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
