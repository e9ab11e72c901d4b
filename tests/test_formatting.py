import datetime as dt

from generator.formatting import MISSING, date, millions, money, number, percent, size


def test_vietnamese_number_and_money_formats():
    assert number(2153) == "2.153"
    assert number(2.5) == "2,5"
    assert money(50_000_000) == "50.000.000 ₫"
    assert millions(133_650_000) == "133,7 triệu đồng"
    assert millions(2_897_800_000) == "2.897,8 triệu đồng"
    assert millions(50_000_000) == "50 triệu đồng"


def test_percent_date_and_size():
    assert percent(44, 62) == "71%"
    assert date(dt.date(2025, 7, 1)) == "01/07/2025"
    assert size(1_450_000) == "1,5 MB"
    assert size(320_400) == "320 KB"


def test_missing_values_read_as_no_data_yet():
    assert MISSING == "chưa có số liệu"
    assert number(None) == money(None) == date(None) == percent(3, 0) == MISSING
