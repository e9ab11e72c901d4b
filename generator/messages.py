"""Every message ishc shows about sources, in Vietnamese and in English, side by side.

Each entry maps a short English key to its (Vietnamese, English) `str.format` templates with
named placeholders; both templates of an entry take the same placeholders (tests/test_lang.py
holds this). Values such as file paths, field paths, names and quoted text are passed in
unchanged, so only the words around them are translated. To add a message, add both templates
here and call `t("its.key", name=value)` where the problem is found.

Like gettext, the language is chosen once, at program start (`ishc check --lang en`, or the
environment variable ISHC_LANG), by `set_language`, before any source is read; everything after
that calls `t`, which renders in that language. Worker processes are told the language when
they start (see validate/clubs.py). The default is Vietnamese.

This module imports nothing from the project, so any module, the data model included, may use it.
"""

from __future__ import annotations

LANGUAGES = ("vi", "en")

_language = "vi"

MESSAGES: dict[str, tuple[str, str]] = {
    # --- Hints used in many places ----------------------------------------------------------
    "hint.did_you_mean": (
        "Có phải ý bạn là '{name}'?",
        "Did you mean '{name}'?"),
    "hint.use_one_of": (
        "Dùng một trong: {options}.",
        "Use one of: {options}."),

    # --- Reading files ----------------------------------------------------------------------
    "file.unreadable": (
        "không đọc được tệp: {reason}",
        "cannot read the file: {reason}"),
    "file.missing": (
        "thiếu tệp",
        "file missing"),
    "file.missing.hint": (
        "Tệp này là bắt buộc; khôi phục nó từ kho mã.",
        "This file is required; restore it from the repository."),
    "file.too_large": (
        "tệp quá lớn ({size} byte, tối đa {limit})",
        "file too large ({size} bytes, at most {limit})"),
    "file.too_large.hint": (
        "Mỗi CLB một tệp; tách dữ liệu hoặc xóa phần thừa.",
        "One club per file; split the data or delete what is not needed."),
    "file.utf16": (
        "tệp được lưu bằng bảng mã UTF-16",
        "file is saved in the UTF-16 encoding"),
    "file.utf16.hint": (
        "Mở tệp và lưu lại với bảng mã UTF-8 (Notepad: Save As → Encoding: UTF-8).",
        "Open the file and save it again as UTF-8 (Notepad: Save As → Encoding: UTF-8)."),
    "file.binary": (
        "tệp nhị phân, không phải văn bản",
        "binary file, not text"),
    "file.binary.hint": (
        "Tệp này không phải tệp YAML/Markdown; hãy xóa nó hoặc thay bằng tệp văn bản.",
        "This is not a YAML or Markdown file; delete it or replace it with a text file."),
    "file.not_utf8": (
        "tệp không phải UTF-8; có thể là {encoding}",
        "file is not UTF-8; it is probably {encoding}"),
    "file.not_utf8.hint": (
        "Mở tệp và lưu lại với bảng mã UTF-8.",
        "Open the file and save it again as UTF-8."),
    "encoding.windows_1258": (
        "Windows-1258 (bảng mã tiếng Việt cũ của Windows)",
        "Windows-1258 (the old Vietnamese encoding of Windows)"),
    "encoding.legacy": (
        "Windows-1252 hoặc một bảng mã cũ",
        "Windows-1252 or another old encoding"),
    "file.not_regular": (
        "không phải tệp thường (thiết bị, ống dẫn hay thư mục) nên không đọc",
        "not a regular file (a device, a pipe or a folder), so not read"),
    "file.link_outside": (
        "là liên kết tới một tệp ngoài dự án nên không đọc",
        "is a link to a file outside the project, so not read"),
    "file.broken_link": (
        "là liên kết hỏng, không trỏ tới tệp nào",
        "is a broken link that points to no file"),
    "file.irregular.hint": (
        "Thay bằng chính tệp YAML của CLB (chép tệp vào đây, không dùng liên kết).",
        "Put the club's YAML file itself here (copy it; do not link to it)."),
    "file.stray": (
        "tệp này không được đọc",
        "this file is not read"),
    "file.stray.yml.hint": (
        "Đổi đuôi tệp thành .yaml.",
        "Rename the file to end in .yaml."),
    "file.stray.hint": (
        "Mỗi CLB là một tệp clubs/<tỉnh>/<mã-clb>.yaml.",
        "Each club is one file, clubs/<province>/<club-id>.yaml."),

    # --- YAML -------------------------------------------------------------------------------
    "yaml.empty": (
        "tệp rỗng",
        "file is empty"),
    "yaml.no_data": (
        "tệp không có dữ liệu",
        "file holds no data"),
    "yaml.fill_in.hint": (
        "Điền dữ liệu theo mẫu, hoặc xóa tệp.",
        "Fill in the data following the template, or delete the file."),
    "yaml.syntax": (
        "lỗi cú pháp YAML: {detail}",
        "YAML syntax error: {detail}"),
    "yaml.syntax.hint": (
        "Kiểm tra dấu ':' sau mỗi khóa, thụt lề đều bằng dấu cách, và dấu ngoặc kép "
        "đóng mở đủ đôi.",
        "Check that every key is followed by ':', that indentation uses spaces only, and that "
        "every double quote is closed."),
    "yaml.tab": (
        "dùng phím Tab để thụt lề",
        "indented with the Tab key"),
    "yaml.tab.hint": (
        "YAML chỉ chấp nhận dấu cách: thay mỗi Tab bằng 2 dấu cách.",
        "YAML accepts only spaces: replace each Tab with 2 spaces."),
    "yaml.top_level": (
        "cấp ngoài cùng phải là các cặp 'khóa: giá trị', không phải danh sách hay giá trị đơn",
        "the top level must be 'key: value' pairs, not a list or a single value"),
    "yaml.top_level.hint": (
        "Bắt đầu tệp bằng các trường như 'name: ...', không bắt đầu bằng '- '.",
        "Start the file with fields such as 'name: ...', not with '- '."),
    "yaml.too_deep": (
        "dữ liệu lồng quá sâu (hơn {limit} cấp)",
        "data nested too deeply (more than {limit} levels)"),
    "yaml.too_deep.hint": (
        "Dữ liệu CLB chỉ cần vài cấp; kiểm tra thụt lề.",
        "Club data needs only a few levels; check the indentation."),
    "yaml.alias": (
        "không dùng neo và bí danh YAML (& và *)",
        "YAML anchors and aliases (& and *) are not allowed"),
    "yaml.alias.hint": (
        "Viết đầy đủ giá trị ở từng chỗ thay vì tham chiếu.",
        "Write the value out in full in each place instead of referring to it."),
    "yaml.too_many_values": (
        "tệp có quá nhiều giá trị",
        "file has too many values"),
    "yaml.too_many_values.hint": (
        "Mỗi CLB một tệp.",
        "One club per file."),
    "yaml.key_not_simple": (
        "khóa phải là một tên đơn giản",
        "a key must be a simple name"),
    "yaml.key_not_simple.hint": (
        "Viết khóa dạng 'ten_truong: giá trị'.",
        "Write keys as 'field_name: value'."),
    "yaml.duplicate_key": (
        "khóa '{key}' lặp lại (đã có ở dòng {line})",
        "key '{key}' repeated (already on line {line})"),
    "yaml.duplicate_key.hint": (
        "Giữ một khóa và xóa khóa thừa; YAML chỉ lấy một giá trị.",
        "Keep one of them and delete the other; YAML keeps only one value."),
    "yaml.bad_value": (
        "giá trị \"{text}\" có dạng ngày, giờ hoặc số nhưng không tồn tại",
        "the value \"{text}\" looks like a date, time or number but cannot exist"),
    "yaml.bad_value.hint": (
        "Kiểm tra lại ngày tháng (năm-tháng-ngày, ví dụ 2024-02-29); nếu đây là chữ, đặt nó "
        "trong dấu ngoặc kép.",
        "Check the date (year-month-day, for example 2024-02-29); if this is text, put it in "
        "double quotes."),
    "yaml.tag": (
        "thẻ YAML không được phép: {tag}",
        "YAML tag not allowed: {tag}"),
    "yaml.tag.hint": (
        "Xóa thẻ bắt đầu bằng '!' — tệp dữ liệu chỉ chứa chữ, số, ngày và danh sách.",
        "Delete the tag starting with '!': data files hold only text, numbers, dates and lists."),

    # --- Markdown front matter --------------------------------------------------------------
    "markdown.no_front_matter": (
        "thiếu phần thông tin đầu bài (front matter)",
        "front matter missing"),
    "markdown.no_front_matter.hint": (
        "Dòng đầu tiên của tệp phải là '---', tiếp theo là các trường như 'title: ...', "
        "rồi một dòng '---' nữa.",
        "The first line of the file must be '---', followed by fields such as 'title: ...', "
        "then another '---' line."),
    "markdown.front_matter_unclosed": (
        "phần thông tin đầu bài không có dòng '---' đóng",
        "front matter has no closing '---' line"),
    "markdown.front_matter_unclosed.hint": (
        "Thêm một dòng '---' sau trường cuối cùng.",
        "Add a '---' line after the last field."),

    # --- Fields (checked against the data model) --------------------------------------------
    "field.whole_file": (
        "(cả tệp)",
        "(whole file)"),
    "field.missing": (
        "thiếu trường bắt buộc '{field}'",
        "required field '{field}' missing"),
    "field.missing.hint": (
        "Thêm dòng '{key}: ...' vào đây.",
        "Add a line '{key}: ...' here."),
    "field.unknown": (
        "trường lạ '{field}'",
        "unknown field '{field}'"),
    "field.unknown.hint": (
        "Các trường được dùng ở đây: {fields}.",
        "Fields allowed here: {fields}."),
    "field.invalid_choice": (
        "{field}: giá trị {value} không hợp lệ",
        "{field}: value {value} is not allowed"),
    "field.invalid_choice.hint": (
        "Chọn một trong: {options}.",
        "Choose one of: {options}."),
    "field.colon_in_text": (
        "{field}: câu này bị hiểu thành cặp 'khóa: giá trị' vì có dấu hai chấm và dấu cách (': ')",
        "{field}: this text is read as a 'key: value' pair because it holds a colon and a "
        "space (': ')"),
    "field.colon_in_text.hint": (
        'Đặt cả câu trong dấu ngoặc kép: - "Nêu được ba khó khăn: ..."',
        'Put the whole text in double quotes: - "Nêu được ba khó khăn: ..."'),
    "field.problem": (
        "{field}: {problem}",
        "{field}: {problem}"),
    "field.problem_with_value": (
        "{field}: {problem}, nhận được {value}",
        "{field}: {problem}, got {value}"),
    "field.integer": (
        "phải là số nguyên",
        "must be a whole number"),
    "field.integer.hint": (
        "Chỉ viết chữ số, không có dấu chấm, dấu phẩy hay chữ: 50000000.",
        "Write digits only, without dots, commas or letters: 50000000."),
    "field.number": (
        "phải là một số",
        "must be a number"),
    "field.number.hint": (
        "Viết số thập phân bằng dấu chấm: 82.5.",
        "Write decimals with a dot: 82.5."),
    "field.at_least": (
        "phải lớn hơn hoặc bằng {limit}",
        "must be at least {limit}"),
    "field.at_least.hint": (
        "Số này không thể âm.",
        "This number cannot be negative."),
    "field.at_most": (
        "phải nhỏ hơn hoặc bằng {limit}",
        "must be at most {limit}"),
    "field.date": (
        "phải là một ngày",
        "must be a date"),
    "field.date.hint": (
        "Viết ngày theo dạng năm-tháng-ngày: 2024-06-30.",
        "Write dates as year-month-day: 2024-06-30."),
    "field.text": (
        "phải là chữ",
        "must be text"),
    "field.text.hint": (
        "Đặt chữ trong dấu ngoặc kép nếu nó trông giống số hay ngày.",
        "Put the text in double quotes if it looks like a number or a date."),
    "field.slug": (
        "chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang",
        "use only lower-case letters without marks, digits and hyphens"),
    "field.slug.hint": (
        "Ví dụ: so-quy-tien-mat.",
        "For example: so-quy-tien-mat."),
    "field.list": (
        "phải là một danh sách",
        "must be a list"),
    "field.list.hint": (
        "Mỗi mục một dòng, bắt đầu bằng '- '.",
        "One item per line, each starting with '- '."),
    "field.mapping": (
        "phải là các cặp 'khóa: giá trị'",
        "must be 'key: value' pairs"),
    "field.mapping.hint": (
        "Thụt lề các trường con bằng 2 dấu cách.",
        "Indent the fields inside it by 2 spaces."),
    "field.boolean": (
        "phải là true hoặc false",
        "must be true or false"),
    "field.too_short": (
        "cần ít nhất {count} mục",
        "needs at least {count} items"),
    "field.inconsistent.hint": (
        "Sửa lại số liệu cho khớp nhau.",
        "Correct the figures so that they agree."),
    # Raised by the data model (model/club.py) and shown as "<field>: <message>".

    "model.invisible": (
        "có ký tự vô hình {code} ({kind}) ở ký tự thứ {position}; gõ lại đoạn chữ này",
        "holds the invisible character {code} ({kind}) at character {position}; type this "
        "text again"),
    "model.invisible.bidi": ("đảo chiều chữ", "changes the direction of the text"),
    "model.invisible.zero_width": ("không có bề rộng", "zero width"),
    "model.reads_as_other_type": (
        "YAML đọc giá trị này thành số, ngày hoặc đúng/sai",
        "YAML reads this value as a number, a date or true/false"),

    # --- Club files -------------------------------------------------------------------------
    "club.bad_id": (
        "tên tệp '{name}' không hợp lệ làm mã CLB",
        "file name '{name}' cannot be a club id"),
    "club.bad_id.hint": (
        "Dùng chữ thường không dấu, số và dấu gạch ngang: dong-hoang.yaml.",
        "Use lower-case letters without marks, digits and hyphens: dong-hoang.yaml."),
    "club.duplicate_id": (
        "mã CLB '{id}' trùng với {other}",
        "club id '{id}' is also used by {other}"),
    "club.duplicate_id.hint": (
        "Đổi tên một trong hai tệp (thêm tên xã) để mã không trùng.",
        "Rename one of the two club files (add the commune) so that the ids differ."),
    "club.province_folder": (
        "thư mục tỉnh '{folder}' không phải một trong 34 tỉnh/thành",
        "province folder '{folder}' is not one of the 34 provinces and cities"),
    "club.province_folder.hint": (
        "Xem danh sách trong generator/data/provinces.yaml.",
        "See the list in generator/data/provinces.yaml."),
    "club.part_over_whole": (
        "{label} ({count}) lớn hơn {whole_label} ({total}) ({field} > {whole})",
        "{field} ({count}) is more than {whole} ({total}): the {label} exceed the {whole_label}"),
    "club.loans_over_fund": (
        "dư nợ {amount} đồng lớn hơn quỹ tăng thu nhập {fund} đồng",
        "loans outstanding of {amount} VND exceed the income-generation fund of {fund} VND"),
    "club.loans_over_fund.hint": (
        "Quỹ gồm cả tiền đang cho vay; kiểm tra lại hai số này (có thể quỹ bị hụt vốn).",
        "The fund includes the money lent out; check both figures (the fund may have lost capital)."),
    "club.dissolved_no_date": (
        "status: 'dissolved' nhưng thiếu ngày giải thể",
        "status: 'dissolved' but the date of dissolution is missing"),
    "club.dissolved_no_date.hint": (
        "Thêm dòng 'dissolved: năm-tháng-ngày' (ví dụ dissolved: 2024-06-30).",
        "Add the line 'dissolved: year-month-day' (for example dissolved: 2024-06-30)."),
    "club.dissolved_not_status": (
        "dissolved: có ngày giải thể nhưng status là '{status}'",
        "dissolved: a date of dissolution, but status is '{status}'"),
    "club.dissolved_not_status.hint": (
        "Nếu CLB đã giải thể, ghi status: dissolved; nếu không, xóa dòng dissolved.",
        "If the club has been dissolved, write status: dissolved; otherwise delete this line."),
    "club.dissolved_before_founded": (
        "dissolved: ngày giải thể {day:%d/%m/%Y} trước ngày thành lập {founded:%d/%m/%Y}",
        "dissolved: date of dissolution {day:%Y-%m-%d} is before the founding date {founded:%Y-%m-%d}"),
    "club.date_future": (
        "{field}: ngày {day:%d/%m/%Y} ở tương lai",
        "{field}: date {day:%Y-%m-%d} is in the future"),
    "club.date_future.hint": (
        "Kiểm tra lại năm.",
        "Check the year."),
    "club.date_too_early": (
        "{field}: ngày {day:%d/%m/%Y} trước năm {year}",
        "{field}: date {day:%Y-%m-%d} is before {year}"),
    "club.date_too_early.hint": (
        "Mô hình CLB ra đời sau năm {year}; kiểm tra lại năm.",
        "The club model began after {year}; check the year."),
    "club.story_missing": (
        "không có câu chuyện '{story}' (content/stories/{story}.md)",
        "no story '{story}' (content/stories/{story}.md)"),
    "photo.not_image": (
        "{field}: '{file}' không phải ảnh JPEG, PNG hoặc WebP",
        "{field}: '{file}' is not a JPEG, PNG or WebP photo"),
    "photo.not_image.hint": (
        "Lưu ảnh dạng .jpg hoặc .png vào content/photos/.",
        "Save the photo as .jpg or .png in content/photos/."),
    "photo.unreadable": (
        "{file}: không đọc được ảnh ({reason}); mở ảnh bằng phần mềm xem ảnh rồi lưu lại "
        "dạng .jpg hoặc .png",
        "{file}: the photo cannot be read ({reason}); open it in a photo viewer and save it "
        "again as .jpg or .png"),
    "photo.too_big": (
        "tệp {size} byte, quá giới hạn {limit} byte",
        "{size} bytes, over the limit of {limit} bytes"),
    "photo.missing": (
        "{field}: không có ảnh 'content/photos/{file}'",
        "{field}: no photo 'content/photos/{file}'"),
    "photo.missing.hint": (
        "Chép ảnh (chính tệp ảnh, không phải liên kết) vào thư mục content/photos/ và ghi đúng "
        "tên tệp ở đây.",
        "Copy the photo (the file itself, not a link) into content/photos/ and write its exact "
        "file name here."),
    "photo.no_consent": (
        "ảnh chưa có đồng ý của người trong ảnh nên sẽ không được đăng",
        "photo will not be published: the people in it have not given their consent"),
    "photo.no_consent.hint": (
        "Khi đã có đồng ý bằng văn bản, ghi consent: true.",
        "Once they have consented in writing, write consent: true."),
    "rating.unknown_indicator_set": (
        "không có bộ chỉ số '{id}' (content/indicators.yaml)",
        "no indicator set '{id}' (content/indicators.yaml)"),
    "rating.unknown_indicator_set.hint": (
        "Khai báo bộ chỉ số trong content/indicators.yaml.",
        "Declare the indicator set in content/indicators.yaml."),
    "rating.score_too_high": (
        "điểm {score:g} lớn hơn điểm tối đa {max:g} của bộ chỉ số '{id}'",
        "score {score:g} is above the maximum of {max:g} in indicator set '{id}'"),
    "rating.level_mismatch": (
        "điểm {score:g} ứng với mức '{expected}' nhưng ghi '{level}'",
        "score {score:g} means level '{expected}', but the level given is '{level}'"),
    "rating.level_mismatch.hint": (
        "Kiểm tra lại điểm hoặc mức (có thể do điều kiện riêng của bộ chỉ số).",
        "Check the score or the level (the indicator set may have conditions of its own)."),

    # --- Places -----------------------------------------------------------------------------
    "place.province_not_folder": (
        "place.province: '{province}' không khớp thư mục",
        "place.province: '{province}' does not match the folder"),
    "place.province_not_folder.hint": (
        "Tệp nằm trong clubs/{slug}/ nên tỉnh phải là '{name}'; "
        "tên tỉnh cũ ghi ở place.former.province.",
        "The club file is in clubs/{slug}/, so the province must be '{name}'; "
        "a former province goes in place.former.province."),
    "commune.unknown": (
        "place.commune: {province} không có '{commune}'",
        "place.commune: {province} has no commune or ward '{commune}'"),
    "commune.unknown.hint": (
        "Ghi tên xã/phường mới (sau 1/7/2025) cùng chữ 'Xã' hoặc 'Phường'; tên cũ ghi ở "
        "place.former. Danh sách: generator/data/communes.csv.",
        "Write the new commune/ward name (since 1 July 2025) with 'Xã' or 'Phường' in front; "
        "a former name goes in place.former. List: generator/data/communes.csv."),
    "former.province": (
        "place.former.province: '{former}' không nhập vào {province}",
        "place.former.province: '{former}' was not merged into {province}"),
    "former.province.hint": (
        "Các tỉnh cũ của {province}: {names}.",
        "Former provinces of {province}: {names}."),
    "former.district": (
        "place.former.district: không có xã nào của '{district}' nhập vào {commune}",
        "place.former.district: no commune of '{district}' was merged into {commune}"),
    "former.district.hint": (
        "Các huyện cũ có xã nhập vào đây: {names}.",
        "Former districts with communes merged here: {names}."),
    "former.commune": (
        "place.former.commune: '{former}' không nằm trong các xã cũ đã nhập vào {commune}",
        "place.former.commune: '{former}' is not among the former communes merged into {commune}"),
    "former.commune.hint": (
        "Các xã, phường, thị trấn cũ đã nhập vào đây: {names}.",
        "Former communes, wards and towns merged here: {names}."),

    # --- Content: material sets, modules, indicator sets, forms, stories ---------------------
    "set.duplicate": (
        "bộ tài liệu {key} '{value}' trùng",
        "material set {key} '{value}' is used twice"),
    "set.duplicate.hint": (
        "Mỗi bộ tài liệu có số và slug riêng.",
        "Each material set has its own number and slug."),
    "set.unknown": (
        "không có bộ tài liệu số {number}",
        "there is no material set {number}"),
    "audience.undeclared": (
        "đối tượng '{audience}' chưa được khai báo trong audiences",
        "audience '{audience}' is not declared in audiences"),
    "audience.unknown": (
        "đối tượng '{audience}' không có",
        "unknown audience '{audience}'"),
    "module.missing": (
        "không có bài học '{module}' (content/modules/{module}.md)",
        "no module '{module}' (content/modules/{module}.md)"),
    "module.missing.hint": (
        "Tạo tệp bài học hoặc xóa dòng này.",
        "Create the module file or delete this line."),
    "module.set_not_in_module": (
        "bài học có trong bộ {number} (content/sets.yaml) nhưng 'sets' không ghi bộ này",
        "module is listed in material set {number} (content/sets.yaml), but its 'sets' "
        "does not name that set"),
    "module.set_not_in_module.hint": (
        "Thêm {number} vào danh sách 'sets' của bài.",
        "Add {number} to the module's 'sets' list."),
    "module.not_in_set": (
        "bài học ghi thuộc bộ {number} nhưng bộ đó không liệt kê bài này",
        "module names material set {number}, but that set does not list this module"),
    "module.not_in_set.hint": (
        "Thêm mã bài vào 'modules' của bộ trong content/sets.yaml, hoặc sửa 'sets'.",
        "Add the module id to the set's 'modules' in content/sets.yaml, or correct 'sets'."),
    "module.broken_link": (
        "liên kết tới bài '{target}' không tồn tại",
        "link to module '{target}', which does not exist"),
    "module.broken_link.hint": (
        "Liên kết tới bài khác viết dạng [tên bài](ma-bai.md).",
        "Link to another module as [module title](module-id.md)."),
    "module.id_not_file_name": (
        "id '{id}' khác tên tệp '{stem}.md'",
        "id '{id}' differs from the file name '{stem}.md'"),
    "module.id_not_file_name.hint": (
        "Đặt id: {stem} hoặc đổi tên tệp.",
        "Set id: {stem}, or rename the file."),
    "module.sections_missing": (
        "các mục chính của bài phải là: {sections} (thiếu: {missing})",
        "a module's main sections must be: {sections} (missing: {missing})"),
    "module.sections_order": (
        "các mục chính của bài phải là: {sections} (sai thứ tự hoặc thừa mục)",
        "a module's main sections must be: {sections} (wrong order or extra sections)"),
    "module.sections.hint": (
        "Xem content/README.md: mỗi mục bắt đầu bằng '## ' và đúng tên như trên.",
        "See content/README.md: each section starts with '## ' and has exactly the title above."),
    "module.plan_minutes": (
        "kế hoạch buổi học: cột thời gian phải là số phút, nhận được \"{value}\"",
        "session plan: the time column must be a number of minutes, got \"{value}\""),
    "module.duration": (
        "duration là {duration} phút nhưng kế hoạch buổi học cộng lại {minutes} phút",
        "duration is {duration} minutes, but the session plan adds up to {minutes} minutes"),
    "module.duration.hint": (
        "Sửa duration hoặc thời gian các bước cho khớp.",
        "Correct duration or the times of the steps so that they agree."),
    "module.core_step": (
        "core nêu bước {step}, nhưng kế hoạch buổi học không có bước này",
        "core names step {step}, but the session plan has no such step"),
    "module.core_step.hint": (
        "Ghi số bước ở cột đầu của bảng kế hoạch buổi học (các bước có: {steps}).",
        "Write the step numbers from the first column of the session plan (steps: {steps})."),
    "module.core_twice": (
        "core nêu bước {step} hai lần",
        "core names step {step} twice"),
    "module.core_minutes": (
        "các bước cốt lõi cộng lại {minutes} phút; cần từ {low} đến {high} phút",
        "the core steps add up to {minutes} minutes; they must take {low} to {high} minutes"),
    "module.core_minutes.hint": (
        "Cốt lõi là phần giảng viên giữ lại khi thiếu thời gian: chọn các bước mang thông "
        "điệp chính và một hoạt động thực hành.",
        "The core is what a trainer keeps when time is short: choose the steps that carry the "
        "key messages and one practice."),
    "module.no_core": (
        "bài chưa có core (các bước cốt lõi khi thiếu thời gian)",
        "the module has no core (the steps kept when time is short)"),
    "module.no_core.hint": (
        "Thêm dòng như 'core: [1, 2, 4]' sau dòng duration: các bước cộng lại 60–90 phút.",
        "Add a line such as 'core: [1, 2, 4]' after duration: steps adding up to 60–90 minutes."),
    "module.no_figure": (
        "bài chưa có hình nào",
        "the module has no figure"),
    "module.no_figure.hint": (
        "Thêm một hình mang thông điệp chính, trên một dòng riêng: "
        "![mô tả hình](../figures/ten-hinh.svg \"Chú thích\").",
        "Add a figure carrying a key message, on a line of its own: "
        "![what it shows](../figures/name.svg \"Caption\")."),
    "course.clock": (
        "giờ '{value}' không đúng dạng giờ:phút",
        "'{value}' is not a time of day as hours:minutes"),
    "course.session_kind": (
        "buổi học phải có đúng một trong: module, item, break, meal",
        "a session must have exactly one of: module, item, break, meal"),
    "course.session_kind.hint": (
        "Ví dụ: {{at: \"08:30\", module: clb-la-gi}}, {{at: \"08:00\", item: \"Khai mạc\", "
        "minutes: 30}}, {{at: \"09:45\", break: 15}}, {{at: \"11:30\", meal: 90}}.",
        "For example: {{at: \"08:30\", module: clb-la-gi}}, {{at: \"08:00\", item: \"Opening\", "
        "minutes: 30}}, {{at: \"09:45\", break: 15}}, {{at: \"11:30\", meal: 90}}."),
    "course.unknown_module": (
        "không có bài '{id}'",
        "there is no module '{id}'"),
    "course.unknown_module.hint": (
        "Ghi mã bài là tên tệp trong content/modules/ (không có .md).",
        "Write the module id: its file name in content/modules/ without .md."),
    "course.unknown_step": (
        "bài '{id}' không có bước {step}",
        "module '{id}' has no step {step}"),
    "course.steps_and_core": (
        "chọn hoặc path: core hoặc steps, không cả hai",
        "give either path: core or steps, not both"),
    "course.module_minutes": (
        "không cần ghi minutes ({minutes}): thời lượng lấy từ bài '{id}'",
        "minutes ({minutes}) is not needed: the duration comes from module '{id}'"),
    "course.module_minutes_differ": (
        "minutes là {minutes} nhưng bài '{id}' dạy như đã chọn mất {module_minutes} phút",
        "minutes is {minutes}, but module '{id}' as chosen takes {module_minutes} minutes"),
    "course.module_minutes.hint": (
        "Xóa minutes. Muốn ngắn hơn, dạy phần cốt lõi (path: core) hoặc chọn bước (steps: [1, 3]).",
        "Remove minutes. To make it shorter, teach the core (path: core) or chosen steps "
        "(steps: [1, 3])."),
    "course.overlap": (
        "buổi lúc {at} bắt đầu trước khi '{name}' kết thúc ({end})",
        "the session at {at} starts before '{name}' ends ({end})"),
    "course.before_day": (
        "buổi lúc {at} bắt đầu trước giờ vào học của ngày ({start})",
        "the session at {at} starts before the day does ({start})"),
    "course.overlap.hint": (
        "Dời giờ bắt đầu (at) cho buổi sau nối tiếp buổi trước, hoặc rút ngắn buổi trước.",
        "Move the start (at) so that it follows the previous session, or shorten that one."),
    "course.day_over": (
        "ngày học kết thúc lúc {end} nhưng buổi cuối kéo đến {last}",
        "the day ends at {end}, but its last session runs until {last}"),
    "course.day_over.hint": (
        "Bớt nội dung, dạy phần cốt lõi (path: core), hoặc chuyển một bài sang ngày khác.",
        "Teach less, teach the core (path: core), or move a module to another day."),
    "course.too_long": (
        "ngày học có {minutes} phút học, quá {limit} phút (8 giờ)",
        "the day has {minutes} minutes of teaching, more than {limit} (8 hours)"),
    "course.too_long.hint": (
        "Người cao tuổi học tốt nhất khi mỗi ngày không quá 6–7 giờ, có giải lao sau 45–60 phút.",
        "Older learners do best with no more than 6–7 hours a day and a break every 45–60 "
        "minutes."),
    "course.not_covered": (
        "khóa học chưa dạy các bài nó cam kết: {ids}",
        "the course does not teach modules it promises: {ids}"),
    "course.not_covered.hint": (
        "Thêm các bài này vào một ngày (có thể chỉ phần cốt lõi), hoặc bỏ chúng khỏi covers.",
        "Add these modules to a day (their core may do), or take them out of covers."),
    "course.project_errors": (
        "dự án còn lỗi nên chưa kiểm tra được khóa học",
        "the project has errors, so the course cannot be checked yet"),
    "course.project_errors.hint": (
        "Chạy 'ishc check' và sửa các lỗi trước.",
        "Run 'ishc check' and fix its errors first."),
    "course.day_line": (
        "Ngày {number}. {title} ({start}–{end}; học {hours} giờ {minutes} phút)",
        "Day {number}. {title} ({start}–{end}; {hours} h {minutes} min of teaching)"),
    "course.core_part": (
        "(cốt lõi: bước {steps}; {minutes} phút)",
        "(core: steps {steps}; {minutes} minutes)"),
    "course.part": (
        "(bước {steps}; {minutes} phút)",
        "(steps {steps}; {minutes} minutes)"),
    "course.ok": (
        "Khóa học hợp lệ: {days} ngày, {modules} bài.",
        "The course is valid: {days} days, {modules} modules."),
    "quiz.same_option": (
        "hai phương án giống nhau",
        "two options are the same"),
    "training.score_over": (
        "điểm trung bình lớn hơn số câu ({questions})",
        "an average score is higher than the number of questions ({questions})"),
    "training.unknown_course": (
        "không có khóa học '{id}' trong content/courses/",
        "there is no course '{id}' in content/courses/"),
    "training.unknown_course.hint": (
        "Ghi mã khóa học là tên tệp trong content/courses/ (không có .yaml).",
        "Write the course id: its file name in content/courses/ without .yaml."),
    "training.end_before_start": (
        "ngày kết thúc trước ngày bắt đầu",
        "the end date is before the start date"),
    "training.future": (
        "lớp chưa diễn ra: chỉ ghi hồ sơ sau khi lớp học xong",
        "the course has not taken place yet: record it once it is over"),
    "training.role_twice": (
        "vai trò '{role}' được đếm hai lần",
        "the role '{role}' is counted twice"),
    "figure.no_alt": (
        "hình '{src}' không có lời mô tả (alt)",
        "the image '{src}' has no alt text"),
    "figure.no_alt.hint": (
        "Viết trong ngoặc vuông một hai câu nói hình cho thấy gì, cho người không nhìn được hình.",
        "Write in the square brackets a sentence or two on what the picture shows, for a reader "
        "who cannot see it."),
    "figure.no_caption": (
        "hình '{src}' không có chú thích",
        "the figure '{src}' has no caption"),
    "figure.no_caption.hint": (
        "Thêm chú thích trong ngoặc kép sau tên tệp: (../figures/ten.svg \"Chú thích\"). "
        "Số hình (Hình 3.1) do chương trình thêm.",
        "Add a caption in quotes after the file name: (../figures/name.svg \"Caption\"). "
        "The figure number (Hình 3.1) is added by the build."),
    "figure.not_in_folder": (
        "hình '{src}' không nằm trong content/figures/",
        "the image '{src}' is not in content/figures/"),
    "figure.not_in_folder.hint": (
        "Đặt tệp hình vào content/figures/ rồi viết ../figures/<tên tệp>.",
        "Put the picture in content/figures/ and write ../figures/<file name>."),
    "figure.missing": (
        "không có tệp hình '{src}'",
        "the picture '{src}' does not exist"),
    "figure.missing.hint": (
        "Kiểm tra tên tệp trong content/figures/ (phân biệt chữ hoa, chữ thường).",
        "Check the file name in content/figures/ (upper and lower case differ)."),
    "page.image_not_in_folder": (
        "hình '{src}' không nằm trong content/figures/ hay content/screenshots/",
        "the image '{src}' is in neither content/figures/ nor content/screenshots/"),
    "page.image_not_in_folder.hint": (
        "Ảnh chụp màn hình để trong content/screenshots/ và viết ../screenshots/<tên tệp>; bản vẽ "
        "để trong content/figures/ và viết ../figures/<tên tệp>.",
        "Put a screenshot in content/screenshots/ and write ../screenshots/<file name>; a drawing "
        "in content/figures/ and write ../figures/<file name>."),
    "screenshot.not_png": (
        "ảnh chụp màn hình phải là tệp PNG",
        "a screenshot must be a PNG file"),
    "screenshot.too_big": (
        "ảnh chụp màn hình lớn quá 400 KB",
        "the screenshot is larger than 400 KB"),
    "screenshot.missing.hint": (
        "Kiểm tra tên tệp trong content/screenshots/; ảnh của các trang hướng dẫn do lệnh make "
        "guide-screenshots chụp.",
        "Check the file name in content/screenshots/; the guides' pictures are taken by make "
        "guide-screenshots."),
    "screenshot.hint": (
        "Các ảnh trong content/screenshots/ do lệnh make guide-screenshots chụp lại; đừng sửa tay. "
        "Ảnh tự thêm thì lưu PNG, chiều rộng không quá 1280 điểm ảnh.",
        "The pictures in content/screenshots/ are taken again by make guide-screenshots; do not edit "
        "them by hand. Save one of your own as PNG, no wider than 1280 pixels."),
    "figure.not_svg": (
        "tệp hình phải là bản vẽ SVG",
        "a figure file must be an SVG drawing"),
    "figure.too_big": (
        "tệp hình lớn quá 512 KB",
        "the figure file is larger than 512 KB"),
    "figure.not_xml": (
        "tệp SVG bị lỗi, không đọc được: {reason}",
        "the SVG file is malformed: {reason}"),
    "figure.element": (
        "hình có phần tử <{value}> (chạy mã hoặc nhúng nội dung khác), không được phép",
        "the figure holds a <{value}> element (it runs or embeds content), which is not allowed"),
    "figure.attribute": (
        "hình có thuộc tính '{value}' chạy mã, không được phép",
        "the figure holds the attribute '{value}', which runs code and is not allowed"),
    "figure.remote": (
        "hình lấy nội dung từ nơi khác: '{value}'",
        "the figure fetches content from elsewhere: '{value}'"),
    "figure.file.hint": (
        "Hình là bản vẽ đơn giản: hình khối, đường, chữ; lưu lại từ trình vẽ dưới dạng "
        "'SVG thuần' (plain SVG), không kèm mã hay ảnh nhúng.",
        "A figure is a plain drawing: shapes, lines and text; save it from the drawing program "
        "as plain SVG, without scripts or embedded pictures."),
    "source.unknown": (
        "không có nguồn '{key}' trong content/sources.yaml",
        "there is no source '{key}' in content/sources.yaml"),
    "source.unknown.close": (
        "Các khóa gần giống: {keys}. Nếu là nguồn mới, thêm nó vào content/sources.yaml trước.",
        "Keys that look alike: {keys}. If it is a new source, add it to content/sources.yaml "
        "first."),
    "source.unknown.hint": (
        "Thêm nguồn này vào content/sources.yaml (xem content/README.md) rồi trích dẫn bằng khóa.",
        "Add this source to content/sources.yaml (see content/README.md), then cite its key."),
    "source.free_text.hint": (
        "Bài trích dẫn bằng khóa (ví dụ luat-nct-2009), không chép cả tên văn bản: tìm văn bản "
        "trong content/sources.yaml, hoặc thêm nó vào đó, rồi ghi khóa của nó ở đây.",
        "Modules cite a key (for example luat-nct-2009), not the document's full name: find the "
        "document in content/sources.yaml, or add it there, and write its key here."),
    "source.free_text.match": (
        "Bài trích dẫn bằng khóa, không chép cả tên văn bản; văn bản này có lẽ là: {keys}.",
        "Modules cite a key, not the document's full name; this document is probably: {keys}."),
    "source.cited_twice": (
        "bài trích dẫn nguồn '{key}' hai lần",
        "the module cites the source '{key}' twice"),
    "source.cited_twice.hint": (
        "Gộp thành một mục; ghi các điều, trang vào cùng một 'at' (ví dụ \"Điều 2, Điều 3\").",
        "Merge them into one item; list the articles or pages in one 'at' (for example "
        "\"Điều 2, Điều 3\")."),
    "source.same_document": (
        "nguồn '{key}' là cùng văn bản với '{other}' (cùng cơ quan ban hành và số {number})",
        "the source '{key}' is the same document as '{other}' (same issuer and number {number})"),
    "source.same_document.hint": (
        "Giữ một khóa, xóa khóa kia và sửa các bài đang dùng nó.",
        "Keep one key, delete the other and change the modules that use it."),
    "source.unused": (
        "không bài nào trích dẫn nguồn '{key}'",
        "no module cites the source '{key}'"),
    "source.unused.hint": (
        "Xóa nguồn này, hoặc thêm khóa của nó vào mục sources: của bài dựa vào nó.",
        "Delete this source, or add its key to the sources: of the module that rests on it."),
    "indicators.duplicate": (
        "bộ chỉ số '{id}' trùng",
        "indicator set '{id}' is defined twice"),
    "indicators.levels": (
        "chỉ số có {levels} mức nhưng 'scores' có {scores} mức điểm",
        "indicator has {levels} levels, but 'scores' has {scores}"),
    "indicators.levels.hint": (
        "Mỗi mức điểm cần một mô tả.",
        "Each score level needs a description."),
    "form.duplicate": (
        "biểu mẫu '{id}' trùng",
        "form '{id}' is defined twice"),
    "form.one_kind": (
        "mỗi khối của biểu mẫu chỉ có một loại: heading, fields, text, table, checklist, "
        "indicators, signatures hoặc voucher",
        "each block of a form has exactly one kind: heading, fields, text, table, checklist, "
        "indicators, signatures or voucher"),
    "form.one_kind.hint": (
        "Tách thành nhiều khối, mỗi khối bắt đầu bằng '- '.",
        "Split it into several blocks, each starting with '- '."),
    "form.table_width": (
        "tổng độ rộng các cột là {total:g}, cần khoảng 100",
        "the column widths add up to {total:g}; they should add up to about 100"),
    "form.table_width.hint": (
        "Độ rộng tính theo phần trăm bề ngang trang.",
        "Widths are percentages of the page width."),
    "form.column_duplicate": (
        "bảng có hai cột cùng nhãn '{column}'",
        "the table has two columns labelled '{column}'"),
    "form.column_duplicate.hint": (
        "Đặt nhãn khác nhau (ví dụ 'Sau kỳ 1', 'Sau kỳ 2') để dòng cộng gọi đúng cột.",
        "Give them different labels (e.g. 'Sau kỳ 1', 'Sau kỳ 2') so a total row names the right "
        "column."),
    "form.row_column_unknown": (
        "dòng '{row}' nêu cột '{column}' mà bảng không có",
        "the row '{row}' names a column '{column}' the table does not have"),
    "form.row_no_label_cell": (
        "dòng '{row}' để trống cột đầu '{column}', không còn ô nào ghi nhãn dòng",
        "the row '{row}' leaves the first column '{column}' open, so its label has no cell"),
    "form.row_no_label_cell.hint": (
        "Nhãn dòng nằm ở các cột đứng trước cột đầu tiên được nêu; bỏ cột đầu khỏi danh sách.",
        "A row's label sits in the columns before the first one it names; leave the first column "
        "out of the list."),
    "form.voucher_first": (
        "phần đầu phiếu (voucher) phải là khối đầu tiên của biểu mẫu",
        "a voucher head must be the form's first block"),
    "form.voucher_first.hint": (
        "Chuyển khối voucher lên đầu danh sách blocks.",
        "Move the voucher block to the top of the blocks list."),
    "form.unknown_indicator_set": (
        "không có bộ chỉ số '{id}' trong content/indicators.yaml",
        "no indicator set '{id}' in content/indicators.yaml"),
    "story.unknown_club": (
        "không có CLB mã '{club}'",
        "no club with the id '{club}'"),
    "story.unknown_club.hint": (
        "Ghi đúng tên tệp của CLB, không có .yaml.",
        "Write the club file's name exactly, without .yaml."),
    "story.no_consent": (
        "consent: câu chuyện chưa có đồng ý của người được kể nên sẽ không được đăng",
        "consent: the story will not be published: the people in it have not consented"),
    "story.no_consent.hint": (
        "Khi người được nêu tên hoặc trích lời đã đồng ý bằng văn bản, ghi consent: true.",
        "Once the people named or quoted have consented in writing, write consent: true."),
    "story.provenance_missing": (
        "câu chuyện chưa ghi nguồn gốc: cần illustrative: true (câu chuyện minh họa) hoặc source: "
        "(nơi đã công bố)",
        "the story does not say where it comes from: it needs illustrative: true (an example "
        "story) or source: (where it was published)"),
    "story.provenance_both": (
        "câu chuyện ghi cả illustrative: true lẫn source:, chỉ được ghi một trong hai",
        "the story has both illustrative: true and source:; give only one of them"),
    "story.provenance.hint": (
        "Câu chuyện tự viết làm ví dụ, nhân vật và số liệu giả định: ghi illustrative: true. "
        "Câu chuyện đã đăng ở nơi khác: ghi source: tên báo hoặc trang web, số, ngày đăng.",
        "A story written as an example, with fictional people and figures: write "
        "illustrative: true. A story published elsewhere: write source: the paper or website, "
        "issue, date."),
    "province.unknown": (
        "province: '{province}' không phải một trong 34 tỉnh, thành phố",
        "province: '{province}' is not one of the 34 provinces and cities"),
    "province.unknown.hint": (
        "Ghi tên tỉnh, thành phố hiện nay (sau 1/7/2025), ví dụ Hải Phòng.",
        "Write the current province or city (after 1 July 2025), e.g. Hải Phòng."),
    "story.province_not_club": (
        "province: '{province}' khác tỉnh của CLB ({club})",
        "province: '{province}' differs from the club's province ({club})"),
    "story.province.hint": (
        "Ghi tên tỉnh, thành phố hiện nay (sau 1/7/2025), hoặc bỏ dòng này khi đã có club.",
        "Write the current province (after 1 July 2025), or drop the line when club is given."),

    # --- Output of ishc check and ishc build ------------------------------------------------
    "output.warning": (
        "cảnh báo",
        "warning"),
    "output.source_errors": (
        "{count} lỗi trong dữ liệu nguồn",
        "{count} error(s) in the source data"),
    "output.stopped": (
        "Dừng lại: {count} lỗi; chưa ghi gì ra thư mục kết quả.",
        "Stopped: {count} error(s); nothing was written to the output folder."),
    "output.failed": (
        "Lỗi: {reason}\nChưa ghi gì ra thư mục kết quả.",
        "Error: {reason}\nNothing was written to the output folder."),
    "destination.project": (
        "không dựng vào {out}: thư mục này chứa chính dự án, và bản dựng thay toàn bộ thư mục "
        "kết quả. Bỏ --out để dựng vào site/, hoặc chọn một thư mục ngoài dự án.",
        "will not build into {out}: it holds the project itself, and a build replaces its whole "
        "output folder. Drop --out to build into site/, or choose a folder outside the project."),
    "destination.sources": (
        "không dựng vào {out}: thư mục nằm trong {folder}/ của dự án, nơi giữ tệp nguồn. "
        "Bỏ --out để dựng vào site/, hoặc chọn thư mục khác.",
        "will not build into {out}: it lies inside the project's {folder}/, which holds sources. "
        "Drop --out to build into site/, or choose another folder."),
    "destination.file": (
        "không dựng vào {out}: đó là một tệp, không phải thư mục.",
        "will not build into {out}: it is a file, not a folder."),
    "destination.not_ours": (
        "không dựng vào {out}: thư mục đã có {count} tệp không do ishc tạo, và bản dựng sẽ xoá "
        "hết. Chọn một thư mục trống hoặc chưa có; nếu không cần các tệp đó nữa, tự xoá thư mục "
        "trước.",
        "will not build into {out}: it holds {count} files ishc did not make, and a build would "
        "delete them all. Choose an empty or new folder; if those files are not needed, delete "
        "the folder yourself first."),
    "output.io": (
        "không đọc hoặc ghi được {file}: {reason}. Kiểm tra quyền ghi và chỗ trống trên đĩa.",
        "cannot read or write {file}: {reason}. Check write permission and free disk space."),
    "errno.eacces": ("không có quyền", "permission denied"),
    "errno.eperm": ("không được phép", "operation not permitted"),
    "errno.enospc": ("đĩa đã đầy", "the disk is full"),
    "errno.erofs": ("ổ đĩa chỉ cho đọc", "the disk is read-only"),
    "errno.eexist": ("đã có một tệp cùng tên ở đó", "a file of that name is in the way"),
    "errno.enotdir": ("một phần của đường dẫn là tệp, không phải thư mục",
                      "part of the path is a file, not a folder"),
    "errno.enoent": ("không có tệp hoặc thư mục này", "no such file or folder"),
    "print.refused": (
        "{source}: {document} cần '{url}', nhưng bản in chỉ được dùng tệp trong dự án. Đặt ảnh "
        "vào content/photos/ và dẫn tới nó bằng đường dẫn tương đối, hoặc bỏ liên kết đó.",
        "{source}: {document} needs '{url}', but print may only use files inside the project. "
        "Put the picture in content/photos/ and refer to it by a relative path, or drop the "
        "link."),
    "plan.duplicate": (
        "province: {province} đã có kế hoạch ở trên",
        "province: {province} already has a plan above"),
    "plan.duplicate.hint": (
        "Gộp các năm vào một kế hoạch cho mỗi tỉnh.",
        "Put all years into one plan per province."),
    "plan.year": (
        "clubs: năm {year} nằm ngoài 2010–2050",
        "clubs: the year {year} is outside 2010–2050"),
    "plan.year.hint": (
        "Ghi năm đủ bốn chữ số, ví dụ 2025: 140.",
        "Write the year in four digits, e.g. 2025: 140."),
    "html.tag": (
        "thẻ HTML <{value}> không được dùng trong nội dung",
        "the HTML tag <{value}> is not allowed in content"),
    "html.tag.hint": (
        "Viết bằng Markdown; các thẻ HTML được phép có trong content/README.md (mục HTML).",
        "Write it in Markdown; the HTML tags allowed are in content/README.md (section HTML)."),
    "html.attribute": (
        "thuộc tính HTML '{value}' không được dùng trong nội dung",
        "the HTML attribute '{value}' is not allowed in content"),
    "html.attribute.hint": (
        "Bỏ thuộc tính này; được dùng: class, id, title, href, src, alt, width, height, "
        "colspan, rowspan, open, lang.",
        "Remove it; allowed: class, id, title, href, src, alt, width, height, colspan, "
        "rowspan, open, lang."),
    "html.scheme": (
        "liên kết kiểu '{value}' không được dùng",
        "links of the kind '{value}' are not allowed"),
    "html.scheme.hint": (
        "Dẫn tới một trang trong cổng (đường dẫn tương đối) hoặc một địa chỉ http(s):// "
        "hay mailto:.",
        "Link to a page of the site (a relative path) or to an http(s):// or mailto: address."),
    "html.absolute_path": (
        "đường dẫn '{value}' bắt đầu từ gốc máy",
        "the path '{value}' starts at the machine's root"),
    "html.absolute_path.hint": (
        "Dùng đường dẫn tương đối tới tệp trong dự án, ví dụ ../photos/anh.jpg.",
        "Use a path relative to a file of the project, e.g. ../photos/photo.jpg."),
    "html.remote_picture": (
        "ảnh lấy từ mạng '{value}' không được dùng",
        "the picture from the web '{value}' is not allowed"),
    "html.remote_picture.hint": (
        "Tải ảnh về, đặt vào content/photos/ (có sự đồng ý của người trong ảnh) và dẫn tới "
        "bằng đường dẫn tương đối: trang phải mở được khi không có mạng.",
        "Download it into content/photos/ (with the consent of the people in it) and use a "
        "relative path: pages must open without a network."),
    "project.no_mkdocs": (
        "không thấy mkdocs.yml trong {root}: chạy ishc trong thư mục dự án (nơi có mkdocs.yml, "
        "content/ và clubs/), hoặc chỉ tới đó bằng --root",
        "no mkdocs.yml in {root}: run ishc in the project folder (the one with mkdocs.yml, "
        "content/ and clubs/), or point to it with --root"),
    "html.too_deep": (
        "khối lồng nhau quá {value} tầng",
        "blocks nested more than {value} deep"),
    "html.too_deep.hint": (
        "Tách thành các đoạn, danh sách hoặc bảng nối tiếp nhau thay vì lồng vào nhau.",
        "Split it into paragraphs, lists or tables one after another instead of nesting them."),
    "html.block_too_long": (
        "đoạn này dài quá {value} ký tự",
        "this block is longer than {value} characters"),
    "html.block_too_long.hint": (
        "Chia thành nhiều đoạn (cách nhau một dòng trống), hoặc chia bảng thành nhiều bảng.",
        "Split it into paragraphs (with a blank line between), or the table into several."),
    "output.too_deep": (
        "một trang lồng nhau quá sâu để dựng; chạy ishc check để biết tệp và dòng",
        "a page is nested too deep to build; run ishc check to find the file and line"),
    "personal.phone": (
        "có số điện thoại '{value}': không đăng số điện thoại của người nào",
        "holds the phone number '{value}': no one's phone number is published"),
    "personal.id_card": (
        "có dãy 12 chữ số '{value}' giống số căn cước công dân",
        "holds the 12-digit number '{value}', which looks like a citizen ID"),
    "personal.email": (
        "có địa chỉ thư điện tử '{value}'",
        "holds the e-mail address '{value}'"),
    "personal.hint": (
        "Xóa đi: cổng thông tin và sổ tay là công khai. Điện thoại của văn phòng Hội ghi ở "
        "contact.phone của hồ sơ CLB.",
        "Remove it: the site and the handbooks are public. The association office's phone goes "
        "in contact.phone of the club file."),
    "link.broken": (
        "liên kết '{url}' không dẫn tới trang nào của cổng; sửa tên tệp hoặc bỏ liên kết",
        "the link '{url}' leads to no page of the site; fix the file name or drop the link"),
    "link.broken_anchor": (
        "liên kết '{url}' chỉ tới một mục không có trong trang đó; sửa phần sau dấu #",
        "the link '{url}' points to a section that page does not have; fix the part after #"),
    "club.private_published": (
        "trang của CLB sẽ hiện ghi chú riêng '{value}' của mục private; trang không được ghi",
        "the club's page would show the private note '{value}'; the page was not written"),
    "club.private_published.hint": (
        "Một mẫu trong templates/site/data/ đang in mục private: sửa mẫu đó. Mục private "
        "không bao giờ được công bố.",
        "A template in templates/site/data/ prints the private section: fix it. The private "
        "section is never published."),
    "page.personal": (
        "{page}: trang web sẽ hiện '{value}', giống số điện thoại, số căn cước hoặc địa chỉ thư "
        "của một người; trang chưa được ghi. Xóa đi trong tệp nguồn.",
        "{page}: the page would show '{value}', which looks like a person's phone number, ID "
        "number or e-mail address; it was not written. Remove it from the source."),
    "print.personal": (
        "{source}: {document} sẽ in '{value}', giống số điện thoại, số căn cước hoặc địa chỉ "
        "thư của một người; sổ tay là công khai, nên không in. Xóa đi, hoặc ghi điện thoại của "
        "văn phòng Hội ở contact.phone của hồ sơ CLB.",
        "{source}: {document} would print '{value}', which looks like a person's phone number, "
        "ID number or e-mail address; handbooks are public, so it is not printed. Remove it, or "
        "put the association office's phone in contact.phone of the club file."),
    "output.built": (
        "Xong: {pages} trang web; PDF: {handbooks} sổ tay, {handouts} tài liệu phát tay, "
        "{forms} biểu mẫu, {courses} bộ tài liệu khóa học → {out}",
        "Done: {pages} web pages; PDF: {handbooks} handbooks, {handouts} handouts, "
        "{forms} forms, {courses} course packs → {out}"),
    "output.offline": (
        "Bản ngoại tuyến: {path} ({size} MB). Chép vào máy tính hoặc điện thoại, giải nén, rồi "
        "mở index.html trong thư mục đó; không cần mạng.",
        "Offline copy: {path} ({size} MB). Copy it to a laptop or phone, unzip it and open "
        "index.html in that folder; no network needed."),
    "output.written": (
        "{written} tệp mới hoặc thay đổi, {kept} tệp giữ nguyên.",
        "{written} files new or changed, {kept} kept as they were."),

    # --- The local preview (ishc serve) -----------------------------------------------------
    "serve.ready": (
        "Đang phục vụ http://127.0.0.1:{port}/ — trang tự tải lại khi tệp nguồn thay đổi. "
        "Nhấn Ctrl+C để dừng.",
        "Serving http://127.0.0.1:{port}/ — pages reload when a source file changes. "
        "Press Ctrl+C to stop."),
    "serve.rebuilt": (
        "Đã tạo lại trang web: {files} tệp thay đổi, trong {seconds} giây.",
        "Site rebuilt: {files} files changed, in {seconds} s."),
    "serve.broken": (
        "Tệp nguồn đang có lỗi; đây là bản trang web tốt gần nhất. Sửa các lỗi sau, trang sẽ tự "
        "tải lại:",
        "A source file has errors; this is the last good site. Fix these and the page reloads:"),
    "serve.port": (
        "Không mở được cổng {port}: {reason}. Có thể một chương trình khác (hoặc một 'ishc serve' "
        "khác) đang dùng cổng này; thử: ishc serve --port 8001",
        "Cannot open port {port}: {reason}. Another program (or another 'ishc serve') may be "
        "using it; try: ishc serve --port 8001"),
    # --- Excel: template, export, import, yearly reports (generator/excel/) -----------------
    "excel.where": (
        '{file}, trang tính "{sheet}", dòng {row}, cột "{column}"',
        '{file}, sheet "{sheet}", row {row}, column "{column}"'),
    "excel.where_row": (
        '{file}, trang tính "{sheet}", dòng {row}',
        '{file}, sheet "{sheet}", row {row}'),
    "excel.where_sheet": (
        '{file}, trang tính "{sheet}"',
        '{file}, sheet "{sheet}"'),
    "excel.template_written": (
        "Đã ghi sổ mẫu {path}",
        "Template written: {path}"),
    "excel.reports_written": (
        "Đã ghi {count} mẫu báo cáo năm vào {path}",
        "{count} yearly report forms written to {path}"),
    "excel.exported": (
        "Đã ghi {path}: {clubs} CLB, {rows} dòng số liệu năm, {trainings} lớp tập huấn.",
        "{path} written: {clubs} clubs, {rows} rows of yearly figures, {trainings} classes."),
    "excel.dhis2_written": (
        "Đã ghi {path}: {count} giá trị theo dạng dataValueSets của DHIS2.",
        "{path} written: {count} values in DHIS2's dataValueSets layout."),
    "excel.export_errors": (
        "Các tệp CLB có lỗi; sửa rồi chạy lại (ishc check cho biết chi tiết).",
        "Club files have errors; fix them and run again (ishc check gives the details)."),
    "excel.unknown_province": (
        'không có tỉnh/thành phố "{value}"',
        'no province "{value}"'),
    "excel.not_number": (
        '"{value}" không phải số',
        '"{value}" is not a number'),
    "excel.not_number.hint": (
        "Chỉ gõ chữ số, ví dụ 45 hoặc 1.000.000; số thập phân dùng dấu phẩy, ví dụ 78,5.",
        "Type digits only, e.g. 45 or 1.000.000; decimals with a comma, e.g. 78,5."),
    "excel.not_whole": (
        '"{value}" không phải số nguyên',
        '"{value}" is not a whole number'),
    "excel.negative": (
        "số không được âm: {value}",
        "the number cannot be negative: {value}"),
    "excel.not_date": (
        '"{value}" không phải ngày',
        '"{value}" is not a date'),
    "excel.not_date.hint": (
        "Gõ ngày/tháng/năm, ví dụ 31/12/2024.",
        "Type day/month/year, e.g. 31/12/2024."),
    "excel.not_year": (
        '"{value}" không phải năm',
        '"{value}" is not a year'),
    "excel.unknown_choice": (
        '"{value}" không có trong danh sách',
        '"{value}" is not in the list'),
    "excel.unknown_club": (
        'không có CLB mã "{id}"',
        'no club with the id "{id}"'),
    "excel.unknown_club.hint": (
        "Thêm CLB ở trang tính CLB trước, hoặc sửa lại mã.",
        "Add the club in the sheet CLB first, or correct the id."),
    "excel.missing_value": (
        "thiếu {header} (cần có khi thêm mới)",
        "{header} is missing (needed to add a new one)"),
    "excel.duplicate_row": (
        'CLB "{id}" đã có ở dòng {row}',
        'club "{id}" is already in row {row}'),
    "excel.duplicate_year": (
        'số liệu năm {year} của CLB "{id}" đã có ở dòng {row}',
        'the figures of {year} for club "{id}" are already in row {row}'),
    "excel.date_other_year": (
        "ngày {day} không thuộc năm {year} của dòng này",
        "the date {day} is not in this row's year {year}"),
    "excel.province_moved": (
        'CLB "{id}" đang thuộc {province}; không chuyển tỉnh bằng Excel được',
        'club "{id}" belongs to {province}; the province cannot be changed from Excel'),
    "excel.province_moved.hint": (
        "Chuyển tệp CLB sang thư mục của tỉnh mới rồi sửa place.province trong tệp.",
        "Move the club file into the new province's folder and edit place.province in it."),
    "excel.id_taken": (
        'mã "{id}" đã dùng cho {path}',
        'the id "{id}" is already used by {path}'),
    "excel.id_taken.hint": (
        "Gõ một mã khác ở cột Mã CLB.",
        "Type another id in the column Mã CLB."),
    "excel.no_sheet": (
        'sổ không có trang tính "{sheet}"',
        'the workbook has no sheet "{sheet}"'),
    "excel.unknown_header": (
        'cột "{header}" không có trong mẫu; ishc bỏ qua cột này',
        'the column "{header}" is not in the template; ishc skips it'),
    "excel.missing_column": (
        'thiếu cột "{header}"',
        'the column "{header}" is missing'),
    "excel.version_old": (
        "sổ làm theo mẫu phiên bản {version}; ishc này chỉ đọc từ phiên bản {oldest}",
        "the workbook follows template version {version}; this ishc reads version {oldest} and later"),
    "excel.version_old.hint": (
        "Ghi sổ mới bằng ishc export (hoặc ishc template), rồi chép số liệu sang sổ mới.",
        "Write a new workbook with ishc export (or ishc template) and copy the figures into it."),
    "excel.version_new": (
        "sổ làm theo mẫu phiên bản {version}, mới hơn ishc này (phiên bản {current})",
        "the workbook follows template version {version}, newer than this ishc (version {current})"),
    "excel.version_new.hint": (
        "Cập nhật ishc rồi nhập lại.",
        "Update ishc and import again."),
    "excel.wrong_kind": (
        "đây là {found}, không phải {wanted}",
        "this is {found}, not {wanted}"),
    "excel.kind.clubs": (
        "sổ danh sách CLB (dùng ishc import)",
        "a club workbook (use ishc import)"),
    "excel.kind.report": (
        "báo cáo năm của một CLB (dùng ishc import-report)",
        "a club's yearly report (use ishc import-report)"),
    "excel.not_ishc": (
        'không nhận ra sổ này: không có trang tính "ishc" và dòng đầu không có cột "Mã CLB"',
        'this workbook is not recognised: no sheet "ishc" and no column "Mã CLB" in the first row'),
    "excel.not_ishc.hint": (
        "Dùng sổ do ishc template hoặc ishc export ghi ra.",
        "Use a workbook written by ishc template or ishc export."),
    "excel.unreadable": (
        "không mở được tệp: {reason}",
        "cannot open the file: {reason}"),
    "excel.too_large": (
        "sổ quá lớn: giải nén ra {size} MB, tối đa {limit} MB",
        "the workbook is too large: {size} MB unpacked, at most {limit} MB"),
    "excel.csv_encoding": (
        "tệp CSV không phải bảng mã UTF-8",
        "the CSV file is not in the UTF-8 encoding"),
    "excel.csv_encoding.hint": (
        "Trong Excel: Lưu thành (Save As) → CSV UTF-8 (Comma delimited).",
        "In Excel: Save As → CSV UTF-8 (Comma delimited)."),
    "excel.unsupported_type": (
        "chỉ đọc được tệp .xlsx hoặc .csv",
        "only .xlsx and .csv files can be read"),
    "excel.layout_changed": (
        "ishc không ghi lại được tệp này mà giữ nguyên chú thích và định dạng; tệp không được sửa",
        "ishc cannot rewrite this file keeping its comments and layout; the file is not changed"),
    "excel.layout_changed.hint": (
        "Sửa số liệu này trực tiếp trong tệp YAML.",
        "Edit this value directly in the YAML file."),
    "excel.created_file": (
        "tạo mới: {path}",
        "created: {path}"),
    "excel.updated_file": (
        "cập nhật: {path} ({fields})",
        "updated: {path} ({fields})"),
    "excel.summary": (
        "Tạo mới {created}, cập nhật {updated}, giữ nguyên {unchanged} tệp CLB.",
        "{created} club files created, {updated} updated, {unchanged} unchanged."),
    "excel.dry_run": (
        "Chạy thử (--dry-run): chưa ghi tệp nào.",
        "Dry run (--dry-run): no file written."),
    "excel.nothing_written": (
        "Có {count} lỗi: chưa ghi tệp nào. Sửa trong sổ rồi nhập lại.",
        "{count} errors: no file written. Fix them in the workbook and import again."),
    "excel.report_sum": (
        "{first} + {second} = {sum}, khác tổng số thành viên {total}",
        "{first} + {second} = {sum}, not the total of members {total}"),
    "excel.report_sum.hint": (
        "Cộng lại: số nữ + số nam, và số từ 60 tuổi + số dưới 60 tuổi, đều phải bằng tổng số.",
        "Add again: women + men, and 60 and over + under 60, must each equal the total."),
    "excel.report_year": (
        "báo cáo năm {found}, không phải năm {year}",
        "a report for {found}, not for {year}"),
    "excel.report_duplicate": (
        'CLB "{id}" đã có báo cáo năm {year} trong tệp {other}',
        'club "{id}" already has a report for {year} in {other}'),
    "excel.report_empty_folder": (
        "thư mục {path} không có tệp báo cáo .xlsx nào",
        "the folder {path} holds no .xlsx report"),
    "excel.reported": (
        "Năm {year}: {reported}/{total} CLB đã báo cáo.",
        "{year}: {reported} of {total} clubs reported."),
    "excel.not_reported": (
        "Chưa báo cáo năm {year} ({count} CLB):",
        "Not reported for {year} ({count} clubs):"),

    # --- ishc import-story (story_import.py) ----------------------------------------------
    "import.unreadable": (
        "không đọc được tệp {file}: {reason}",
        "cannot read {file}: {reason}"),
    "import.not_docx": (
        "{file} không phải tệp Word .docx đọc được (tệp hỏng, hoặc là .doc cũ hay định dạng "
        "khác); mở bằng Word hoặc LibreOffice rồi lưu lại dạng .docx",
        "{file} is not a readable Word .docx file (damaged, or an old .doc or another format); "
        "open it in Word or LibreOffice and save it as .docx"),
    "import.no_title": (
        "tài liệu không có tiêu đề: đặt tên câu chuyện ở dòng đầu, kiểu 'Heading 1' (Đề mục 1)",
        "the document has no title: put the story's title on the first line, in the "
        "'Heading 1' style"),
    "import.source_file": (
        "Tệp Word {file}, nhập ngày {date}",
        "Word file {file}, imported on {date}"),
    "import.exists": (
        "{file} đã có; không ghi đè. Đặt mã khác bằng --id",
        "{file} exists already; not overwritten. Choose another id with --id"),
    "import.unknown_club": (
        "không có CLB mã '{club}' trong clubs/ (mã là tên tệp, không có .yaml)",
        "no club with id '{club}' in clubs/ (the id is the file name without .yaml)"),
    "import.bad_picture": (
        "ảnh {file} trong tài liệu không đọc được: {reason}",
        "picture {file} in the document cannot be read: {reason}"),
    "import.extra_photos": (
        "Trang web chỉ đăng một ảnh đầu mỗi câu chuyện; {count} ảnh khác đã lưu vào "
        "content/photos/ nhưng chưa đăng: {files}",
        "The site shows one photo at the top of each story; {count} more were saved in "
        "content/photos/ but are not shown: {files}"),
    "import.done": (
        "Đã tạo {story} và {photos} ảnh. Đọc lại, sửa tóm tắt và mảng hoạt động, rồi chạy: ishc check",
        "Created {story} and {photos} photo(s). Read it, adjust the summary and areas, then run: "
        "ishc check"),
    "import.ask_consent": (
        "Những người có tên hoặc ảnh trong câu chuyện đã đồng ý bằng văn bản chưa? Ghi biên bản "
        "đồng ý (ví dụ: phiếu đồng ý ký ngày 12/3/2025, lưu tại Hội NCT xã), bỏ trống nếu chưa có: ",
        "Have the people named or shown in the story agreed in writing? Describe the consent "
        "record (e.g. consent forms signed 12/3/2025, kept at the commune association), or "
        "leave empty if there is none: "),
    "import.ask_source": (
        "Câu chuyện đã đăng ở đâu (bản tin, báo, báo cáo; ngày)? ",
        "Where was the story published (newsletter, paper, report; date)? "),
    "import.no_consent": (
        "Chưa có đồng ý: câu chuyện được lưu với consent: false, được kiểm tra nhưng không đăng.",
        "No consent: the story is saved with consent: false, checked but not published."),

    # --- the web editor's API (editor/api.py) ---------------------------------------------
    "editor.outside": (
        "không được sửa '{path}': trình biên tập chỉ ghi trong clubs/, content/stories/, "
        "content/modules/ và content/photos/",
        "'{path}' may not be edited: the editor writes only in clubs/, content/stories/, "
        "content/modules/ and content/photos/"),
    "editor.not_saved": (
        "Chưa lưu: sửa các lỗi sau rồi lưu lại.",
        "Not saved: fix these problems and save again."),
    "editor.unreadable": (
        "nội dung gửi lên không đọc được: {reason}",
        "the content sent cannot be read: {reason}"),
    "editor.not_a_photo": (
        "'{path}' không phải ảnh .jpg, .png hoặc .webp",
        "'{path}' is not a .jpg, .png or .webp photo"),
    "editor.unknown_action": (
        "trình biên tập yêu cầu việc chưa hỗ trợ: {action}",
        "the editor asked for something not supported: {action}"),
}


def set_language(lang: str) -> None:
    """Choose the language of every message from now on: "vi" or "en"."""
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    _language = lang


def language() -> str:
    return _language


def t(key: str, /, **values: object) -> str:
    """The message `key` in the current language, its placeholders filled from values."""
    return MESSAGES[key][LANGUAGES.index(_language)].format(**values)


def number(value: int) -> str:
    """A whole number with the current language's thousands separator: 1.000.000 / 1,000,000."""
    text = f"{value:,}"
    return text.replace(",", ".") if _language == "vi" else text
