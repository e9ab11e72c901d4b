"""The Vietnamese names of the records' fields, as people who fill them in know them: the web
editor's labels (editor/config.py) and the words of a check's message (validate/clubs.py)."""

from __future__ import annotations

from generator.messages import language

# Field name -> label; "Model.field" where one name means different things in different records.
LABELS: dict[str, str] = {
    "name": "Tên CLB", "founded": "Ngày thành lập", "status": "Tình trạng",
    "dissolved": "Ngày giải thể", "programmes": "Chương trình, dự án",
    "seed_capital": "Vốn ban đầu", "funder": "Nguồn hỗ trợ", "amount": "Số tiền (đồng)",
    "Loans.amount": "Dư nợ (đồng)", "year": "Năm", "place": "Địa bàn",
    "province": "Tỉnh/thành phố", "commune": "Xã/phường", "village": "Thôn, xóm, tổ dân phố",
    "former": "Địa danh cũ (trước 1/7/2025)", "district": "Huyện/quận/thị xã",
    "contact": "Liên hệ công khai", "organisation": "Tổ chức", "phone": "Điện thoại văn phòng",
    "email": "Thư điện tử của tổ chức", "members": "Số thành viên theo ngày",
    "date": "Ngày", "total": "Tổng số thành viên", "women": "Nữ",
    "older": "Từ 60 tuổi trở lên", "poor": "Hộ nghèo, cận nghèo", "disabled": "Người khuyết tật",
    "ethnic_minority": "Dân tộc thiểu số", "board": "Ban chủ nhiệm", "size": "Số người",
    "Board.size": "Số người trong Ban Chủ nhiệm", "Board.women": "Nữ trong Ban Chủ nhiệm",
    "roles": "Chức danh", "volunteers": "Tình nguyện viên",
    "home_care": "Tình nguyện viên chăm sóc tại nhà", "cared_for": "Người được chăm sóc",
    "activities": "Hoạt động", "areas": "Mảng hoạt động", "yearly": "Số liệu từng năm",
    "meetings": "Số buổi sinh hoạt", "attendance": "Số người dự trung bình",
    "health_checks": "Lượt kiểm tra sức khỏe", "home_care_visits": "Lượt thăm chăm sóc tại nhà",
    "loans": "Lượt cho vay", "events": "Sự kiện văn hóa, giao lưu", "funds": "Quỹ theo ngày",
    "income_fund": "Quỹ tăng thu nhập (đồng)", "operating_fund": "Quỹ hoạt động (đồng)",
    "loans_outstanding": "Đang cho vay", "count": "Số người đang vay",
    "overdue": "Nợ quá hạn (đồng)", "ratings": "Xếp loại", "level": "Mức xếp loại",
    "score": "Điểm", "indicators": "Bộ chỉ số", "stories": "Câu chuyện (mã)",
    "photos": "Ảnh", "file": "Tệp ảnh (trong content/photos/)", "caption": "Chú thích ảnh",
    "consent": "Đã có đồng ý bằng văn bản", "title": "Tiêu đề", "club": "CLB (mã)",
    "summary": "Tóm tắt", "photo": "Ảnh đầu câu chuyện", "id": "Mã bài (tên tệp)",
    "title_en": "Tiêu đề tiếng Anh", "sets": "Bộ tài liệu (số)", "audience": "Người học",
    "duration": "Thời lượng (phút)", "core": "Các bước cốt lõi (số)",
    "objectives": "Mục tiêu", "materials": "Đồ dùng", "key_messages": "Thông điệp chính",
    "quiz": "Câu hỏi trắc nghiệm", "question": "Câu hỏi", "options": "Bốn phương án",
    "answer": "Phương án đúng", "summary_en": "Tóm tắt tiếng Anh", "sources": "Nguồn",
    "source": "Nơi đã đăng", "illustrative": "Câu chuyện minh họa (giả định)",
    "key": "Mã nguồn (trong content/sources.yaml)", "at": "Điều, chương, trang",
}


def vietnamese(model: str, name: str) -> str:
    """The label of field name of the record model ("Loans"); every field has one (the
    editor's tests check it), so a missing one is a KeyError."""
    return LABELS.get(f"{model}.{name}") or LABELS[name]


def label(model: str, name: str) -> str:
    """The label in the user's language: Vietnamese, or in English the name in words."""
    return vietnamese(model, name) if language() == "vi" else name.replace("_", " ")
