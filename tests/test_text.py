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


def test_fold_by_table_equals_decomposing_the_whole_text():
    from generator.load.text import _fold_slowly

    sample = "".join(chr(c) for c in range(0x20, 0x2500)) + "Ḱ𝐀𝒜 ǅ ﬁ Ǆ ﹢" + unicodedata.normalize(
        "NFD", "Sức khỏe người cao tuổi ở Đồng Tháp, Huế, Quảng Trị")
    for part in [sample[i:i + 97] for i in range(0, len(sample), 97)]:
        assert fold(part) == _fold_slowly(part.lower()), part
