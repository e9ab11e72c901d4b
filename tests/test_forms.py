"""The forms a club's funds need match the lessons' worked examples (issue: forms for a
revolving fund). Column names below are the lessons' own, taken from their tables and text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from generator.build import check, load_portal
from generator.model.content import Form, FormTable
from generator.project import Project
from generator.templating import template_env

from conftest import REPO

PORTAL, _ = load_portal(Project(REPO))
FORMS = {f.id: f for f in PORTAL.forms}


def form(form_id: str) -> Form:
    assert form_id in FORMS, f"no form '{form_id}' in content/forms.yaml"
    return FORMS[form_id]


def tables(form_id: str) -> list[FormTable]:
    return [b.table for b in form(form_id).blocks if b.table]


def labels(form_id: str) -> list[str]:
    return [c.label for t in tables(form_id) for c in t.columns]


def texts(form_id: str) -> str:
    """Every word a form prints: fields, texts, headings, signatures, column and row labels."""
    words = []
    for block in form(form_id).blocks:
        words += block.fields or []
        words += [block.text or "", block.heading or ""] + (block.signatures or [])
        if block.table:
            words += [c.label for c in block.table.columns]
            words += [r.label for r in block.table.printed + block.table.totals]
    return "\n".join(words)


def has_column(form_id: str, name: str) -> bool:
    """A column whose label holds the lesson's name as words ("Gốc trả" in "Gốc trả (đồng)")."""
    pattern = re.compile(rf"(^|\W){re.escape(name.lower())}(\W|$)")
    return any(pattern.search(label.lower()) for label in labels(form_id))


def module_tables(module_id: str) -> list[list[list[str]]]:
    """The Markdown tables of a lesson, each a list of rows of cells (bold marks removed)."""
    found, current = [], []
    for line in PORTAL.modules[module_id].body.splitlines() + [""]:
        if line.startswith("|"):
            cells = [c.strip().strip("*").strip() for c in line.strip().strip("|").split("|")]
            if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                current.append(cells)
        elif current:
            found.append(current)
            current = []
    return found


def module_table(module_id: str, *first_cells: str) -> list[list[str]]:
    """The lesson's longest table whose header starts with these cells."""
    candidates = [t for t in module_tables(module_id)
                  if t[0][:len(first_cells)] == list(first_cells)]
    assert candidates, f"{module_id}: no table starting {first_cells}"
    return max(candidates, key=len)


# --- Each form has the columns of the lesson's worked example ----------------------------------

LEDGER_PAGE = ["Ngày", "Số phiếu", "Nội dung", "Tiền vay", "Gốc trả", "Lãi trả", "Còn nợ", "Ký"]
CASH_BOOK = ["Ngày", "Số phiếu", "Nội dung", "Thu", "Chi", "Tồn"]
HEALTH_PAGE = ["Ngày", "HA lần 1", "HA lần 2", "Trung bình", "Tay", "Cân (kg)", "BMI", "Màu",
               "Việc đã làm", "Người đo"]
LOAN_SUMMARY_ROWS = ["Tổng dư nợ", "Gốc thu trong kỳ", "Lãi thu trong kỳ", "Gốc quá hạn"]


def test_the_loan_ledger_page_has_the_lessons_columns():
    # theo-doi-khoan-vay: "Trang sổ riêng của mỗi người có các cột: Ngày, Số phiếu, …, Ký"
    text = PORTAL.modules["theo-doi-khoan-vay"].body
    assert "có các cột: " + ", ".join(LEDGER_PAGE) in text
    # Bà Mơ's page in the lesson prints these columns but Ký.
    header = module_table("theo-doi-khoan-vay", "Ngày", "Số phiếu")[0]
    assert header == LEDGER_PAGE[:-1]
    for name in LEDGER_PAGE:
        assert has_column("so-theo-doi-cho-vay", name), name
    # "người vay và kế toán ký mỗi dòng"; and each row's due date and scheduled amount
    signed = [label for label in labels("so-theo-doi-cho-vay") if label.endswith("ký")]
    assert {"Người vay ký", "Kế toán ký"} <= set(signed)
    assert has_column("so-theo-doi-cho-vay", "Hạn trả")
    assert has_column("so-theo-doi-cho-vay", "Gốc phải trả")


def test_the_loan_summary_has_the_lessons_rows_and_the_fund_check():
    summary = module_table("theo-doi-khoan-vay", "Người vay")
    periods = [c for c in summary[0] if c.startswith("Sau")]
    [table] = tables("tong-hop-du-no")
    assert has_column("tong-hop-du-no", "Người vay")
    assert len([c for c in table.columns if c.label.startswith("Sau kỳ")]) >= len(periods)
    first_cells = [row[0] for row in summary]
    totals = [r.label for r in table.totals]
    for name in LOAN_SUMMARY_ROWS:
        assert name in first_cells, name  # the lesson's row ...
        assert name in totals, name  # ... printed on the form
    # "Quỹ = Tiền mặt + Tiền gửi ngân hàng + Tổng dư nợ", one cell for each period
    assert {"Tiền mặt", "Tiền gửi ngân hàng"} <= set(totals)
    check_row = next(r for r in table.totals if r.label.startswith("Quỹ ="))
    assert "tiền mặt" in check_row.label and "tiền gửi" in check_row.label
    assert {c.label for c in table.columns if c.label.startswith("Sau kỳ")} <= set(check_row.columns)


def test_the_cash_book_has_the_lessons_columns_and_room_for_its_longest_month():
    example = module_table("so-quy-tien-mat", "Ngày", "Số phiếu", "Nội dung")
    entries = [row for row in example[1:] if row[1]]  # a voucher number: not opening, not total
    assert len(entries) >= 12  # the April example; fewer means the table was misread
    [table] = tables("so-quy")
    assert table.rows >= len(entries)
    for name in CASH_BOOK:
        assert has_column("so-quy", name), name
    [opening] = table.printed
    assert opening.label.startswith("Tồn đầu tháng") and opening.columns == ["Tồn (đồng)"]
    [total] = table.totals
    assert total.label.startswith("Cộng tháng")
    assert total.columns == ["Thu (đồng)", "Chi (đồng)", "Tồn (đồng)"]


def test_the_health_record_has_the_lessons_columns():
    header = module_table("kham-sang-loc-hang-thang", "Ngày", "HA lần 1")[0]
    assert header == HEALTH_PAGE
    for name in HEALTH_PAGE:
        assert has_column("phieu-theo-doi-suc-khoe", name), name


def test_the_cash_count_prints_every_note_the_lessons_count_uses():
    text = PORTAL.modules["so-quy-tien-mat"].body
    counted = re.findall(r"(\d+) tờ ([\d.]+)", text)
    assert counted
    [table] = tables("bien-ban-kiem-ke-quy")
    notes = [r.label for r in table.printed]
    for _, note in counted:
        assert f"{note} đồng" in notes, note
    assert [r.columns for r in table.totals] == [["Thành tiền (đồng)"]]
    assert "Tồn quỹ theo sổ" in texts("bien-ban-kiem-ke-quy")
    assert "Chênh lệch" in texts("bien-ban-kiem-ke-quy")


@pytest.mark.parametrize("form_id, signers", [
    # so-quy-tien-mat: "Phiếu thu … Ký: người nộp, thủ quỹ, kế toán."
    ("phieu-thu", ["Người nộp tiền", "Thủ quỹ", "Kế toán"]),
    # "Phiếu chi … Ký: Chủ nhiệm (duyệt chi), kế toán, thủ quỹ, người nhận."
    ("phieu-chi", ["Chủ nhiệm", "Kế toán", "Thủ quỹ", "Người nhận tiền"]),
])
def test_vouchers_are_numbered_and_signed_as_the_lesson_says(form_id, signers):
    blocks = form(form_id).blocks
    assert blocks[0].voucher is not None
    signatures = next(b.signatures for b in blocks if b.signatures)
    assert len(signatures) == len(signers)
    for signature, signer in zip(signatures, signers):
        assert signature.startswith(signer), (signature, signer)
    for part in ("Số tiền (viết bằng số", "Viết bằng chữ"):
        assert part in texts(form_id), part


def test_a_voucher_prints_twice_on_its_sheet_and_once_elsewhere():
    env = template_env(REPO / "templates", "print")
    for f in PORTAL.forms:
        html = env.get_template("form.html.j2").render(form=f, portal=PORTAL, css="")
        copies = html.count('<h1 class="form-title">')
        assert copies == (2 if f.blocks[0].voucher else 1), f.id
        assert ('class="cut-line"' in html) == bool(f.blocks[0].voucher), f.id
        assert html.count('class="form-purpose"') == 1, f.id  # the instructions once


def test_the_voucher_prefixes_are_the_lessons():
    text = PORTAL.modules["so-quy-tien-mat"].body + PORTAL.modules["theo-doi-khoan-vay"].body
    for form_id in ("phieu-thu", "phieu-chi"):
        for prefix in form(form_id).blocks[0].voucher.prefixes:
            assert re.search(rf"\b{prefix}\d\d/\d", text) or f"({prefix}," in text or \
                f" {prefix})" in text, prefix


def test_every_fund_the_lessons_teach_can_be_chosen():
    # tu-giup-nhau teaches the emergency fund beside the two main funds.
    assert "quỹ hỗ trợ khẩn cấp" in PORTAL.modules["tu-giup-nhau"].body
    for form_id in ("so-quy", "phieu-thu", "phieu-chi", "bien-ban-kiem-ke-quy"):
        text = texts(form_id)
        for fund in ("☐ hoạt động", "☐ tăng thu nhập", "☐ hỗ trợ khẩn cấp"):
            assert fund in text, (form_id, fund)


def test_the_family_co_signer_has_a_line_and_a_signature():
    # quy-tang-thu-nhap: "Người vay và một người trong gia đình cùng ký"
    assert "một người trong gia đình cùng ký" in PORTAL.modules["quy-tang-thu-nhap"].body
    for form_id in ("don-vay-von", "khe-uoc-vay", "bien-ban-gia-han-no"):
        blocks = form(form_id).blocks
        fields = [f for b in blocks for f in b.fields or []]
        signatures = [s for b in blocks for s in b.signatures or []]
        assert any(f.startswith("Người trong gia đình cùng ký") for f in fields), form_id
        assert any(s.startswith("Người trong gia đình cùng ký") for s in signatures), form_id


def test_long_answers_have_a_line_of_their_own():
    """The amount in words and the purpose are written on a whole line, not in a short blank."""
    for form_id in ("don-vay-von", "khe-uoc-vay", "phieu-thu", "phieu-chi"):
        lone = [b.fields[0] for b in form(form_id).blocks
                if b.fields and b.columns == 1 and len(b.fields) == 1]
        assert "Viết bằng chữ" in lone, form_id
    assert "2. Mục đích sử dụng" in [b.fields[0] for b in form("khe-uoc-vay").blocks
                                      if b.fields and b.columns == 1]


def test_the_new_fund_forms_are_in_the_bookkeeping_set():
    for form_id in ("phieu-thu", "phieu-chi", "bien-ban-kiem-ke-quy", "so-ghi-nhan-ung-ho",
                    "the-tra-no", "tong-hop-du-no", "bien-ban-gia-han-no", "so-quy",
                    "so-theo-doi-cho-vay"):
        assert 4 in form(form_id).sets, form_id


# --- The printed total row: a cell of its own for each totalled column --------------------------

class _Rows(HTMLParser):
    """The cells of each labelled row of a form's tables: (row class, [(tag, class, colspan)])."""

    def __init__(self):
        super().__init__()
        self.tables: list[list[tuple[str, list[tuple[str, str, int]]]]] = []
        self.row: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "form-table" in (attrs.get("class") or ""):
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.row = []
            self.tables[-1].append((attrs.get("class") or "", self.row))
        elif tag in ("td", "th") and self.row is not None:
            self.row.append((tag, attrs.get("class") or "", int(attrs.get("colspan") or 1)))


def rendered_tables(f: Form):
    env = template_env(REPO / "templates", "print")
    html = env.get_template("form.html.j2").render(form=f, portal=PORTAL, css="")
    parser = _Rows()
    parser.feed(html)
    return parser.tables


LABELLED = [(f.id, t) for f in PORTAL.forms for b in f.blocks if (t := b.table)
            if t.printed or t.totals]


@pytest.mark.parametrize("form_id, table", LABELLED, ids=[f"{i}-{n}" for n, (i, _) in
                                                          enumerate(LABELLED)])
def test_a_labelled_row_gives_each_named_column_its_own_cell(form_id, table):
    [rendered] = [r for r in rendered_tables(form(form_id))
                  if len(r[0][1]) == len(table.columns)]
    labelled = [cells for kind, cells in rendered if kind in ("printed", "total")]
    assert len(labelled) == len(table.printed) + len(table.totals)
    for row, cells in zip(table.printed + table.totals, labelled):
        # Expand colspans: the cell that covers each column.
        covering = [cell for cell in cells for _ in range(cell[2])]
        assert len(covering) == len(table.columns), row.label
        assert covering[0][0] == "th"  # the row's label comes first
        for name in row.columns:
            tag, css, span = covering[table.index(name)]
            assert (tag, css, span) == ("td", "open", 1), (form_id, row.label, name)
        first = min(table.index(n) for n in row.columns)
        for i, (tag, css, span) in enumerate(covering[first:], first):
            if table.columns[i].label not in row.columns:
                assert (tag, css, span) == ("td", "shut", 1), (form_id, row.label, i)


def test_a_texts_only_blank_at_its_end_runs_long():
    env = template_env(REPO / "templates", "print")
    blanks = env.get_template("form_blocks.html.j2").module.blanks
    assert 'class="blank long"' in str(blanks("Kính gửi: Ban Chủ nhiệm CLB ……"))
    several = str(blanks("Có mặt ……… / tổng số ………, trong đó nữ ………"))
    assert several.count('class="blank"') == 3 and "long" not in several
    assert "long" not in str(blanks("3. Thời hạn vay: …… tháng."))


def test_the_loan_ledger_total_leaves_a_cell_for_principal_interest_and_balance():
    [table] = tables("so-theo-doi-cho-vay")
    [total] = table.totals
    for name in ("Gốc trả (đồng)", "Lãi trả (đồng)", "Còn nợ (đồng)"):
        assert name in total.columns


# --- Validation points at the line of a wrong column name ---------------------------------------

BAD_FORMS = """\
forms:
  - id: so-quy-thu
    title: Sổ quỹ thử
    title_en: Test cash book
    sets: [1]
    purpose: Thử.
    blocks:
      - table:
          columns:
            - {label: Ngày, width: 20}
            - {label: Nội dung, width: 40}
            - {label: Thu (đồng), width: 20}
            - {label: Thu (đồng), width: 20}
          rows: 3
          totals:
            - label: Cộng
              columns:
                - Thu (đồng)
                - Chi (dong)
                - Ngày
"""


def test_a_bad_total_column_is_reported_at_its_line(mini):
    (mini.content / "forms.yaml").write_text(BAD_FORMS, "utf-8")
    found = [p for p in check(mini) if p.path.endswith("forms.yaml")]
    by_line = {p.line: p for p in found}
    assert 19 in by_line, [p.format() for p in found]
    assert "Chi (dong)" in by_line[19].message and "Cộng" in by_line[19].message
    assert "Thu (đồng)" in by_line[19].hint or "Ngày" in by_line[19].hint
    assert "Ngày" in by_line[20].message  # the first column holds the row's label
    assert "Thu (đồng)" in by_line[13].message  # two columns with one label
    assert all(p.severity == "error" for p in found)
    assert len(found) == 3


def test_a_voucher_head_goes_first(mini):
    text = BAD_FORMS.split("      - table:")[0] + (
        "      - text: Thử\n      - voucher: {prefixes: [PT]}\n")
    (mini.content / "forms.yaml").write_text(text, "utf-8")
    [problem] = [p for p in check(mini) if p.path.endswith("forms.yaml")]
    assert problem.line == 9 and "voucher" in problem.message
