import unicodedata

from generator.load.text import fold, nfc, slugify, sort_key


def test_nfc_joins_decomposed_vietnamese():
    decomposed = unicodedata.normalize("NFD", "Sức khỏe người cao tuổi")
    assert decomposed != "Sức khỏe người cao tuổi"
    assert nfc(decomposed) == "Sức khỏe người cao tuổi"


def test_fold_removes_marks_and_both_tone_placements_meet():
    assert fold("Sức khỏe") == "suc khoe"
    assert fold("khoẻ") == fold("khỏe") == "khoe"
    assert fold("Đồng Tháp") == "dong thap"


def test_slugify_makes_ascii_folder_names():
    assert slugify("Hải Phòng") == "hai-phong"
    assert slugify("  Bà Rịa – Vũng Tàu ") == "ba-ria-vung-tau"


def test_sort_key_orders_by_letters_before_marks():
    names = ["Ðông", "An Giang", "Ấp Bắc", "Bắc Ninh"]
    assert sorted(names, key=sort_key) == ["An Giang", "Ấp Bắc", "Bắc Ninh", "Ðông"]
