"""The summaries as a CSV in the layout of DHIS2's dataValueSets, for provinces whose health or
statistics offices keep figures in DHIS2.

DHIS2 reads a data value set from CSV by column position: data element, period, organisation
unit, category option combo, attribute option combo, value, stored by, last updated, comment,
follow-up; the first row is a header. The data elements are given by code (ISHC_...), the
period as a year (2025), the organisation unit by the province's folder name (ha-noi) or, for
the nation, "VN". Import in DHIS2 with dataElementIdScheme=CODE and orgUnitIdScheme=CODE, after
creating data elements with these codes and giving the province units these codes (or edit the
orgunit column to the units' own codes). Empty option combos mean DHIS2's default.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

from generator.excel.summary import Scope

HEADER = ("dataelement", "period", "orgunit", "catoptcombo", "attroptcombo", "value",
          "storedby", "lastupdated", "comment", "followup")
NATION = "VN"

# code -> (what it counts, how to read it from a scope)
ELEMENTS: dict[str, tuple[str, object]] = {
    "ISHC_CLUBS": ("Số CLB", lambda s: s.summary.clubs),
    "ISHC_CLUBS_ACTIVE": ("CLB đang hoạt động", lambda s: s.summary.active),
    "ISHC_CLUBS_REPORTED": ("CLB đã báo cáo số liệu năm", lambda s: len(s.reported)),
    "ISHC_MEMBERS": ("Tổng số thành viên", lambda s: s.summary.members),
    "ISHC_MEMBERS_WOMEN": ("Thành viên nữ", lambda s: s.summary.women),
    "ISHC_MEMBERS_60PLUS": ("Thành viên từ 60 tuổi", lambda s: s.summary.older),
    "ISHC_MEMBERS_POOR": ("Thành viên hộ nghèo, cận nghèo", lambda s: s.summary.poor),
    "ISHC_VOLUNTEERS": ("Tình nguyện viên chăm sóc tại nhà", lambda s: s.summary.volunteers),
    "ISHC_CARED_FOR": ("Người được chăm sóc tại nhà", lambda s: s.summary.cared_for),
    "ISHC_MEETINGS": ("Số buổi sinh hoạt trong năm", lambda s: s.totals.meetings),
    "ISHC_HEALTH_CHECKS": ("Lượt kiểm tra sức khỏe", lambda s: s.totals.health_checks),
    "ISHC_HOME_CARE_VISITS": ("Lượt thăm chăm sóc tại nhà", lambda s: s.totals.home_care_visits),
    "ISHC_INCOME_FUND": ("Quỹ tăng thu nhập, đồng", lambda s: s.summary.income_fund),
    "ISHC_BORROWERS": ("Người đang vay vốn", lambda s: s.summary.borrowers),
    "ISHC_BORROWERS_WOMEN": ("Người vay là nữ", lambda s: s.summary.borrowers_women),
    "ISHC_LOANS_OUTSTANDING": ("Dư nợ, đồng", lambda s: s.summary.loans),
    "ISHC_CLUBS_STRONG": ("CLB xếp loại mạnh, rất mạnh", lambda s: s.summary.strong),
    "ISHC_TRAINED": ("Lượt người được tập huấn", lambda s: s.trained.people),
}


def data_values(nation: Scope | None, provinces: list[Scope]) -> list[tuple[str, ...]]:
    """Each element of each province, and of the nation (None: only some provinces exported,
    whose sum is not the nation's)."""
    rows = []
    for scope in [*provinces, *([nation] if nation else [])]:
        unit = scope.slug or NATION
        for code, (_, read) in ELEMENTS.items():
            rows.append((code, str(scope.year), unit, "", "", str(read(scope)), "ishc", "", "",
                         "false"))
    return rows


def dhis2_text(nation: Scope | None, provinces: list[Scope]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(data_values(nation, provinces))
    return out.getvalue()


def write_dhis2(nation: Scope | None, provinces: list[Scope], target: Path) -> int:
    text = dhis2_text(nation, provinces)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
        stream.write(text)
    os.chmod(temporary, 0o644)
    os.replace(temporary, target)
    return text.count("\n") - 1
