"""Tables in the handbooks: figures right-aligned (money columns were left), short tables whole,
long ones never broken with fewer than three rows on a side (issue #13)."""

from generator.handbooks.tables import typeset_tables as align_numbers

TABLE = """<table>
<thead><tr><th>Người vay</th><th>Vay 10/3</th><th>Ghi chú</th><th>Lãi</th></tr></thead>
<tbody>
<tr><td>Bà Xuân</td><td>6.000.000</td><td>nuôi gà</td><td style="text-align: center;">30.000</td></tr>
<tr><td>Bà Nụ</td><td>0 (trả xong)</td><td>—</td><td>25.000</td></tr>
<tr><td><strong>Cộng</strong></td><td><strong>6.000.000</strong></td><td></td><td>55.000</td></tr>
</tbody></table>"""


def classes(html: str) -> list[list[str]]:
    import re
    return [["num" if 'class="num"' in c else "" for c in re.findall(r"<t[hd][^>]*>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", html, re.S)]


def test_a_column_of_figures_goes_right_with_its_header():
    got = classes(align_numbers(TABLE))
    assert [row[1] for row in got] == ["num"] * 4  # header, two amounts, the bold total
    assert all(row[0] == "" and row[2] == "" for row in got)  # names and notes stay left


def test_an_authors_own_alignment_stands():
    assert 'class="num" style' not in align_numbers(TABLE)


def test_a_table_without_figures_keeps_its_cells():
    plain = "<table><tr><th>Việc</th></tr><tr><td>Đo huyết áp</td></tr></table>"
    assert align_numbers(plain) == plain.replace("<table>", '<table class="whole">')


def test_a_short_table_is_kept_whole_and_a_long_one_keeps_three_rows_together():
    import re
    assert align_numbers(TABLE).startswith('<table class="whole">')
    rows = "".join(f"<tr><td>{i}</td><td>x</td></tr>" for i in range(1, 13))
    long = align_numbers(f"<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody>{rows}</tbody></table>")
    marks = re.findall(r'<tr(?: class="([a-z-]+)")?>', long)[1:]  # body rows
    assert marks == ["keep-next", "keep-next"] + [""] * 8 + ["keep-prev", "keep-prev"]
