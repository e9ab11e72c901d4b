"""One registry of sources (content/sources.yaml), cited by key from the modules: every key
resolves, mistakes point at their line, and a source prints the same wherever it is cited."""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from collections import Counter

import pytest
from pypdf import PdfReader

from generator.build import check, load_portal
from generator.formatting import citation
from generator.model.content import SourceInfo
from generator.project import Project

from conftest import REPO

TODAY = dt.date(2025, 6, 1)
MODULE = "content/modules/so-quy.md"
REGISTRY = "content/sources.yaml"


def problems_of(project: Project):
    return check(project, today=TODAY)


def errors_of(project: Project):
    return [p for p in problems_of(project) if p.severity == "error"]


def replace(project: Project, path: str, old: str, new: str) -> int:
    """Replace old by new in the project's file; the 1-based line where new now starts."""
    file = project.root / path
    text = file.read_text("utf-8")
    assert old in text, f"fixture text changed: {old!r}"
    text = text.replace(old, new, 1)
    file.write_text(text, "utf-8")
    return text[:text.index(new)].count("\n") + 1


def add_source(project: Project, entry: str) -> None:
    file = project.root / REGISTRY
    file.write_text(file.read_text("utf-8") + entry, "utf-8")


ANOTHER = """  qd-1648-2025:
    issuer: Thủ tướng Chính phủ
    title: Quyết định phê duyệt Đề án nhân rộng câu lạc bộ liên thế hệ tự giúp nhau đến năm 2035
    number: 1648/QĐ-TTg
    date: 2025-08-01
"""


# --- The shipped content ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def portal():
    found, _ = load_portal(Project(REPO))
    return found


def test_every_key_in_the_shipped_modules_resolves(portal):
    assert len(portal.modules) >= 41
    for module in portal.modules.values():
        assert module.meta.sources, module.id
        for cited in module.meta.sources:
            assert cited.key in portal.sources, (module.id, cited.key)


def test_the_shipped_registry_names_each_document_once(portal):
    numbered = Counter((s.issuer, s.number) for s in portal.sources.values() if s.number)
    assert [doc for doc, n in numbered.items() if n > 1] == []
    titles = Counter((s.issuer, s.title) for s in portal.sources.values())
    assert [doc for doc, n in titles.items() if n > 1] == []


def test_hypertension_modules_cite_the_commune_ncd_guidance(portal):
    for module_id in ("tang-huyet-ap", "kham-sang-loc-hang-thang"):
        keys = [c.key for c in portal.modules[module_id].meta.sources]
        assert "qd-5904-byt-2019" in keys, module_id
    assert portal.sources["qd-5904-byt-2019"].number == "5904/QĐ-BYT"


def test_the_social_pension_module_cites_the_laws_in_force_from_july_2025(portal):
    cited = {portal.sources[c.key].number for c in
             portal.modules["bao-hiem-y-te-va-tro-cap"].meta.sources}
    assert {"41/2024/QH15", "176/2025/NĐ-CP", "51/2024/QH15", "20/2021/NĐ-CP"} <= cited


# --- Mistakes, each at its line ----------------------------------------------------------------


def test_the_mini_project_cites_by_key_and_is_clean(mini):
    assert problems_of(mini) == []


def test_an_unknown_key_points_at_its_item_and_suggests_the_closest(mini):
    line = replace(mini, MODULE, '{key: luat-nct-2009, at: "Điều 3"}', "luat-nct-2090")
    [problem] = errors_of(mini)
    assert (problem.path, problem.line, problem.severity) == (MODULE, line, "error")
    assert "'luat-nct-2090'" in problem.message and REGISTRY in problem.message
    assert "luat-nct-2009" in problem.hint


def test_an_unknown_key_with_at_points_at_the_key(mini):
    line = replace(mini, MODULE, "key: luat-nct-2009", "key: luat-ntc-2009")
    [problem] = errors_of(mini)
    assert (problem.path, problem.line) == (MODULE, line)
    assert problem.col > 5  # the key inside the item, not the dash
    assert "luat-nct-2009" in problem.hint


def test_a_citation_still_written_out_gets_the_key_of_its_document(mini):
    add_source(mini, ANOTHER)
    line = replace(mini, MODULE, '  - {key: luat-nct-2009, at: "Điều 3"}\n',
                   '  - luat-nct-2009\n  - Quyết định 1648/QĐ-TTg ngày 01/8/2025 của Thủ tướng\n')
    [problem] = errors_of(mini)
    assert (problem.path, problem.line) == (MODULE, line + 1)
    assert "qd-1648-2025" in problem.hint


def test_a_module_citing_a_source_twice_is_told_to_merge(mini):
    line = replace(mini, MODULE, '  - {key: luat-nct-2009, at: "Điều 3"}\n',
                   '  - {key: luat-nct-2009, at: "Điều 3"}\n  - luat-nct-2009\n')
    [problem] = errors_of(mini)
    assert (problem.path, problem.line) == (MODULE, line + 1)
    assert "luat-nct-2009" in problem.message and "at" in problem.hint


def test_a_key_repeated_in_the_registry_is_reported(mini):
    add_source(mini, "  luat-nct-2009:\n    issuer: Quốc hội\n    title: Luật khác\n")
    found = [p for p in problems_of(mini) if p.path == REGISTRY]
    assert found and found[0].severity == "error"
    assert "luat-nct-2009" in found[0].message
    text = (mini.root / REGISTRY).read_text("utf-8").splitlines()
    assert text[found[0].line - 1].strip() == "luat-nct-2009:"
    assert found[0].line == len(text) - 2  # the second one, at the end


def test_one_document_under_two_keys_is_reported(mini):
    add_source(mini, "  luat-nguoi-cao-tuoi:\n    issuer: Quốc hội\n"
                     "    title: Luật Người cao tuổi\n    number: 39/2009/QH12\n")
    found = [p for p in problems_of(mini) if p.severity == "error"]
    assert [(p.path, "luat-nguoi-cao-tuoi" in p.message and "luat-nct-2009" in p.message)
            for p in found] == [(REGISTRY, True)]


def test_a_source_no_module_cites_is_a_warning(mini):
    add_source(mini, ANOTHER)
    [problem] = problems_of(mini)
    assert (problem.path, problem.severity) == (REGISTRY, "warning")
    assert "qd-1648-2025" in problem.message
    lines = (mini.root / REGISTRY).read_text("utf-8").splitlines()
    assert lines[problem.line - 1].strip() == "qd-1648-2025:"


def test_a_key_that_is_not_a_slug_is_refused_in_the_registry(mini):
    add_source(mini, ANOTHER.replace("qd-1648-2025:", "QĐ 1648:"))
    found = [p for p in problems_of(mini) if p.severity == "error"]
    assert found and all(p.path == REGISTRY for p in found)


# --- One way to print a citation -----------------------------------------------------------


LAW = SourceInfo(issuer="Quốc hội", title="Luật Người cao tuổi", number="39/2009/QH12",
                 date=dt.date(2009, 11, 23), where="Công báo; vbpl.vn",
                 note="hiệu lực từ 01/7/2010")


def test_a_citation_prints_issuer_year_title_number_date_at_and_where():
    assert citation(LAW, "Điều 3") == ("Quốc hội (2009). Luật Người cao tuổi, số 39/2009/QH12, "
                                       "ngày 23/11/2009 (hiệu lực từ 01/7/2010). Điều 3. "
                                       "Công báo; vbpl.vn.")
    assert "Điều 3" not in citation(LAW)


def test_a_citation_leaves_out_what_is_not_known():
    page = SourceInfo(issuer="HelpAge International tại Việt Nam",
                      title="Câu lạc bộ Liên thế hệ Tự giúp nhau là gì?")
    assert citation(page) == ("HelpAge International tại Việt Nam. "
                              "Câu lạc bộ Liên thế hệ Tự giúp nhau là gì?")
    report = SourceInfo(issuer="Tổ chức Y tế Thế giới (WHO)", title="World report on vision",
                        date=2019, where="iris.who.int")
    assert citation(report, "tr. 10") == ("Tổ chức Y tế Thế giới (WHO) (2019). World report on "
                                          "vision. tr. 10. iris.who.int.")


# --- The same on the site and in print (the session's one build of the example data) -------


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def site_citations(out, module_id: str) -> list[str]:
    """The items under "Nguồn tham khảo" of a module's page, as a reader sees them."""
    page = (out / "modules" / f"{module_id}.html").read_text("utf-8")
    section = page[page.index('id="nguon-tham-khao"'):]
    items = section[section.index("<ul>"):section.index("</ul>")]
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", li)).split())
            for li in re.findall(r"<li>(.*?)</li>", items, re.S)]


def test_every_module_page_prints_its_citations_as_the_registry_says(example_build):
    project, result = example_build
    portal, _ = load_portal(project)
    for module in portal.modules.values():
        expected = [" ".join(portal.cite(c).split()) for c in module.meta.sources]
        assert site_citations(result.out, module.id) == expected, module.id


def test_a_source_prints_identically_in_two_modules_and_in_the_handbook(example_build):
    project, result = example_build
    portal, _ = load_portal(project)
    # A source cited without `at` by two modules of the same set, with quotation marks in it
    # when there is one (they once printed as "&#34;" on the site).
    pairs = [(key, material_set, [m for m in portal.set_modules(material_set)
                                  if any(c.key == key and not c.at for c in m.meta.sources)])
             for key in portal.sources for material_set in portal.catalogue.sets]
    pairs = [p for p in pairs if len(p[2]) >= 2]
    assert pairs
    key, material_set, (first, second, *_) = max(
        pairs, key=lambda p: '"' in portal.sources[p[0]].title)
    shown = [next(c for c in site_citations(result.out, m.id) if c.startswith(
        portal.sources[key].issuer) and portal.sources[key].title in c) for m in (first, second)]
    assert shown[0] == shown[1] == " ".join(citation(portal.sources[key]).split())
    assert "&#" not in shown[0]
    handbook = next(h for h in result.handbooks
                    if h.set.number == material_set.number and h.variant.name == "a4")
    text = squash("".join(p.extract_text() for p in PdfReader(handbook.path).pages))
    assert text.count(squash(shown[0])) >= 2


def test_the_sources_page_lists_every_source_with_the_modules_citing_it(example_build):
    project, result = example_build
    portal, _ = load_portal(project)
    page = (result.out / "training" / "nguon-tai-lieu.html").read_text("utf-8")
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    for key, source in portal.sources.items():
        assert " ".join(citation(source).split()) in text, key
        for module in portal.citing(key):
            assert f'href="../modules/{module.id}.html"' in page, (key, module.id)
