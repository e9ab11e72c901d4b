"""The web editor: /admin/ on the site, its config from the data model, and the local backend's
API that `ishc serve` answers (edits checked like `ishc check`, only the edited lines change)."""

from __future__ import annotations

import difflib
import json
import urllib.error
import urllib.request

import pytest
import yaml

from generator.editor.api import answer
from generator.editor.config import HIDDEN, LABELS, decap_config, label, required
from generator.model.club import Club
from generator.model.content import ModuleMeta, StoryMeta

CLUB = "clubs/ha-noi/dong-hoang.yaml"


def as_decap_writes(text: str) -> str:
    """The record as the CMS sends it back: its own order and layout, no comments."""
    return yaml.safe_dump(yaml.safe_load(text), allow_unicode=True, sort_keys=True)


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines())
            if line[:1] in "+-"]


def persist(project, path: str, raw: str) -> tuple[int, dict]:
    return answer(project, {"action": "persistEntry", "params": {
        "entry": {"path": path, "raw": raw, "slug": path}, "assets": [],
        "options": {"commitMessage": "", "useWorkflow": False, "status": ""}}})


def test_the_api_lists_the_clubs_and_reads_one(mini):
    status, info = answer(mini, {"action": "info"})
    assert status == 200 and info["type"] == "local_fs" and info["publish_modes"] == ["simple"]
    status, entries = answer(mini, {"action": "entriesByFolder", "params": {
        "folder": "clubs", "extension": "yaml", "depth": 1}})
    assert status == 200
    on_disk = sorted(p.relative_to(mini.root).as_posix() for p in mini.clubs.glob("*/*.yaml"))
    assert sorted(e["file"]["path"] for e in entries) == on_disk and len(on_disk) == 2
    status, entry = answer(mini, {"action": "getEntry", "params": {"path": CLUB}})
    assert entry["data"] == (mini.root / CLUB).read_text("utf-8") and len(entry["file"]["id"]) == 64


def test_each_province_is_a_collection_of_its_own_clubs(mini):
    """Decap reads a whole collection when it opens it: one per province, not one of 21,000."""
    from generator.editor.page import admin_files

    config = yaml.safe_load(admin_files(mini)["admin/config.yml"].data)
    clubs = [(c["label"], c["folder"]) for c in config["collections"] if c["name"].startswith("clubs")]
    assert clubs == [("CLB Hà Nội", "clubs/ha-noi"), ("CLB Hải Phòng", "clubs/hai-phong")]
    status, entries = answer(mini, {"action": "entriesByFolder", "params": {
        "folder": "clubs/ha-noi", "extension": "yaml", "depth": 1}})
    assert status == 200 and [e["file"]["path"] for e in entries] == [CLUB]
    for folder in ("clubs/..", "clubs/ha-noi/..", "clubs/.ha-noi", "clubs/Ha-Noi/x", "ha-noi"):
        status, _ = answer(mini, {"action": "entriesByFolder", "params": {"folder": folder}})
        assert status != 200, folder


def test_saving_an_edited_member_count_changes_exactly_that_line(mini):
    path = mini.root / CLUB
    before = path.read_text("utf-8")
    edited = yaml.safe_load(before)
    edited["members"][0]["total"] = 63
    status, reply = persist(mini, CLUB, as_decap_writes(yaml.safe_dump(edited, allow_unicode=True)))
    assert status == 200, reply
    assert changed_lines(before, path.read_text("utf-8")) == ["-     total: 62", "+     total: 63"]


def test_a_new_member_count_is_added_and_empty_form_fields_are_left_out(mini):
    path = mini.root / CLUB
    before = path.read_text("utf-8")
    edited = yaml.safe_load(before)
    # As the form sends a new entry: the date as text, fields nobody filled empty, and an
    # optional record (contact) opened but left blank.
    edited["members"].append({"date": "2025-12-31", "total": 65, "women": 46, "older": "",
                              "poor": None})
    edited["contact"] = {"organisation": "", "phone": ""}
    status, reply = persist(mini, CLUB, as_decap_writes(yaml.safe_dump(edited)))
    assert status == 200, reply
    assert changed_lines(before, path.read_text("utf-8")) == [
        "+   - date: 2025-12-31", "+     total: 65", "+     women: 46"]


def test_a_story_edit_keeps_the_body_and_the_other_lines(mini):
    from conftest import write_story

    write_story(mini, "gop-gao", body="Đoạn một.\n\nĐoạn *hai*.\n", club="dong-hoang")
    path = mini.content / "stories" / "gop-gao.md"
    before = path.read_text("utf-8")
    front = yaml.safe_load(before.split("---")[1])
    front["summary"] = "Tóm tắt mới."
    raw = "---\n" + as_decap_writes(yaml.safe_dump(front)) + "---\nĐoạn một.\n\nĐoạn *hai*.\n"
    assert persist(mini, "content/stories/gop-gao.md", raw)[0] == 200
    assert changed_lines(before, path.read_text("utf-8")) == [
        "- summary: Tóm tắt ngắn.", "+ summary: Tóm tắt mới."]


@pytest.mark.parametrize("path", ["../outside.yaml", "clubs/../mkdocs.yml", "/etc/passwd",
                                  "content/sets.yaml", "templates/site/x.md", "clubs/ha-noi.yaml",
                                  "content/stories/../../mkdocs.yml", "clubs\\ha-noi\\x.yaml"])
def test_a_path_outside_the_editor_folders_is_refused(mini, path):
    before = {p: p.read_bytes() for p in mini.root.rglob("*") if p.is_file()}
    assert answer(mini, {"action": "getEntry", "params": {"path": path}})[0] == 422
    status, reply = persist(mini, path, "name: x\n")
    assert status == 422 and "không được sửa" in reply["error"]
    assert {p: p.read_bytes() for p in mini.root.rglob("*") if p.is_file()} == before


def test_a_link_leading_out_of_the_folder_is_refused(mini, tmp_path):
    outside = tmp_path / "ngoai.yaml"
    outside.write_text("name: bí mật\n", "utf-8")
    (mini.clubs / "ha-noi" / "lien-ket.yaml").symlink_to(outside)
    status, _ = answer(mini, {"action": "getEntry", "params": {"path": "clubs/ha-noi/lien-ket.yaml"}})
    assert status == 422
    assert persist(mini, "clubs/ha-noi/lien-ket.yaml", "name: x\n")[0] == 422
    assert outside.read_text("utf-8") == "name: bí mật\n"


def test_an_invalid_edit_is_refused_with_the_problem_and_nothing_is_written(mini):
    path = mini.root / CLUB
    before = path.read_text("utf-8")
    edited = yaml.safe_load(before)
    edited["members"][0]["women"] = 700  # more women than members
    status, reply = persist(mini, CLUB, yaml.safe_dump(edited, allow_unicode=True))
    assert status == 422
    assert reply["error"].startswith("Chưa lưu") and f"{CLUB}:15:" in reply["error"]
    assert "members.women" in reply["error"]
    assert path.read_text("utf-8") == before


def test_a_photo_upload_must_be_a_photo_in_the_photos_folder(mini):
    import base64
    import io

    from PIL import Image

    data = io.BytesIO()
    Image.new("RGB", (30, 20), "teal").save(data, "JPEG")
    content = base64.b64encode(data.getvalue()).decode()
    ok = {"path": "content/photos/buoi-hop.jpg", "content": content, "encoding": "base64"}
    status, reply = answer(mini, {"action": "persistMedia", "params": {"asset": ok}})
    assert status == 200 and reply["name"] == "buoi-hop.jpg"
    fake = {**ok, "path": "content/photos/gia.jpg", "content": base64.b64encode(b"<svg/>").decode()}
    assert answer(mini, {"action": "persistMedia", "params": {"asset": fake}})[0] == 422
    elsewhere = {**ok, "path": "content/modules/anh.jpg"}
    assert answer(mini, {"action": "persistMedia", "params": {"asset": elsewhere}})[0] == 422
    assert sorted(p.name for p in (mini.content / "photos").iterdir()) == ["buoi-hop.jpg"]
    status, media = answer(mini, {"action": "getMedia", "params": {"mediaFolder": "content/photos"}})
    assert [m["path"] for m in media] == ["content/photos/buoi-hop.jpg"]


def test_only_the_editor_page_may_post_to_the_api(mini):
    from test_serve import fetch, serving, wait_for

    def post(port: int, headers: dict) -> int:
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1", method="POST",
                                         data=json.dumps({"action": "info"}).encode(),
                                         headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as err:
            return err.code

    with serving(mini) as port:
        assert wait_for(lambda: "CLB" in fetch(port, "clubs/index.html"))
        assert post(port, {"Content-Type": "application/json"}) == 200
        assert post(port, {"Content-Type": "application/json",
                           "Origin": f"http://127.0.0.1:{port}"}) == 200
        assert post(port, {"Content-Type": "text/plain"}) == 403  # a form on another site
        assert post(port, {"Content-Type": "application/json",
                           "Origin": "https://ke-xau.example"}) == 403


def _inside(annotation):
    import typing

    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    return args[0] if typing.get_origin(annotation) is not list and len(args) == 1 else annotation


@pytest.mark.parametrize("model", [Club, StoryMeta, ModuleMeta])
def test_every_field_has_a_vietnamese_label_and_the_model_s_hint_and_required_mark(model):
    config = decap_config("hoi-nct/ishc", provinces=[("ha-noi", "Hà Nội")])
    name = {Club: "clubs-ha-noi", StoryMeta: "stories", ModuleMeta: "modules"}[model]
    collection = next(c for c in config["collections"] if c["name"] == name)

    def walk(record, fields, optional=False):
        shown = {f["name"]: f for f in fields}
        assert set(shown) - {"body"} == set(record.model_fields) - HIDDEN
        for field_name, info in record.model_fields.items():
            if field_name in HIDDEN:
                continue
            field = shown[field_name]
            assert field["label"] == label(record, field_name) and field["label"]
            assert field.get("required", True) is (required(info) and not optional)
            if info.is_required() and not optional and not required(info):
                assert info.annotation.__origin__ is list  # only a list may be required yet empty
            assert field.get("hint") == info.description
            inner = field.get("fields")
            if inner:
                import typing

                types_inside = [a for a in typing.get_args(info.annotation)] or [info.annotation]
                nested = next(t for t in [info.annotation, *types_inside,
                                          *(typing.get_args(a) for a in types_inside)]
                              if isinstance(t, type) and hasattr(t, "model_fields"))
                is_list = typing.get_origin(_inside(info.annotation)) is list
                walk(nested, inner, optional=(optional or not info.is_required()) and not is_list)

    walk(model, collection["fields"])


def test_every_label_is_used_or_kept_for_a_coming_field():
    names = set()
    for model in (Club, StoryMeta, ModuleMeta):
        stack = [model]
        while stack:
            record = stack.pop()
            for field_name, info in record.model_fields.items():
                names |= {field_name, f"{record.__name__}.{field_name}"}
                import typing

                for arg in [info.annotation, *typing.get_args(info.annotation)]:
                    for inner in [arg, *typing.get_args(arg)]:
                        if isinstance(inner, type) and hasattr(inner, "model_fields"):
                            stack.append(inner)
    coming = {"source", "illustrative"}  # story provenance (issue #14's sibling change)
    assert set(LABELS) - names - coming == set()


def test_the_built_site_has_the_editor_page_with_its_own_policy(mini, tmp_path):
    from generator.build import build
    from generator.editor import assets

    result = build(mini, tmp_path / "site", pdf=False)
    admin = result.out / "admin"
    page = (admin / "index.html").read_text("utf-8")
    policy = page.split('http-equiv="Content-Security-Policy" content="')[1].split('"')[0]
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    # Scripts and styles only from the site itself: the bundle is never fetched from a CDN.
    assert directives["script-src"] == ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["object-src"] == ["'none'"] and directives["frame-src"] == ["'none'"]
    config = yaml.safe_load((admin / "config.yml").read_text("utf-8"))
    assert config["locale"] == "vi" and config["local_backend"] is True
    assert [c["name"] for c in config["collections"]] == [
        "clubs-ha-noi", "clubs-hai-phong", "stories", "modules"]
    if assets.installed():
        assert (admin / assets.MAIN).stat().st_size > 1_000_000
        assert '<script src="decap-cms.js">' in page
        for script in ("before.js", "start.js"):
            assert (admin / script).is_file()
    else:
        assert "make setup" in page


@pytest.mark.slow
def test_the_editor_in_the_browser_lists_the_clubs_and_saves_one_line(mini):
    """/admin/ from `ishc serve`: Decap CMS (fetched from npm at setup, served by the site)
    finds the local backend, lists the example clubs, and saving an edited member count
    changes exactly that line of that file."""
    from benchmarks.browser import browser
    from generator.editor import assets
    from test_serve import fetch, serving, wait_for

    assets.fetch()  # what `make setup` does; nothing when already there
    path = mini.root / CLUB
    before = path.read_text("utf-8")
    with serving(mini) as port, browser() as chromium:
        assert wait_for(lambda: "decap-cms.js" in fetch(port, "admin/index.html"))
        page = chromium.new_page()
        refused = []
        page.on("console", lambda m: refused.append(m.text)
                if "Content Security Policy" in m.text else None)
        page.goto(f"http://127.0.0.1:{port}/admin/")
        page.get_by_role("button", name="Đăng nhập").click()
        page.get_by_text("thôn Đông Hoàng – Xã Sóc Sơn").wait_for(timeout=30_000)
        page.get_by_text("thôn Đông Hoàng – Xã Sóc Sơn").click()
        page.get_by_label("Tổng số thành viên").fill("63")
        page.get_by_role("button", name="Công bố").first.click()
        page.get_by_text("Công bố ngay").click()
        assert wait_for(lambda: path.read_text("utf-8") != before, 30)
        assert changed_lines(before, path.read_text("utf-8")) == ["-     total: 62",
                                                                  "+     total: 63"]
        # An edit the checks refuse: the editor shows the problem, the file stays as it was.
        saved = path.read_text("utf-8")
        page.get_by_label("Nữ").first.fill("700")
        page.get_by_role("button", name="Công bố").first.click()
        page.get_by_text("Công bố ngay").click()
        page.get_by_text("Nữ (700) lớn hơn Tổng số thành viên (63)").wait_for(timeout=30_000)
        assert path.read_text("utf-8") == saved
        assert refused == []


def test_a_new_story_is_written_as_sent_when_it_passes_the_checks(mini):
    raw = ("---\ntitle: Chuyện mới\ndate: 2025-06-01\nclub: dong-hoang\nsummary: Một câu.\n"
           "consent: true\nsource: Bản tin Hội NCT xã, số 2/2025\n---\nNội dung.\n")
    assert persist(mini, "content/stories/chuyen-moi.md", raw)[0] == 200
    assert (mini.content / "stories" / "chuyen-moi.md").read_text("utf-8") == raw
    wrong = raw.replace("club: dong-hoang", "club: khong-co")
    status, reply = persist(mini, "content/stories/chuyen-sai.md", wrong)
    assert status == 422 and "khong-co" in reply["error"]
    assert not (mini.content / "stories" / "chuyen-sai.md").exists()


@pytest.mark.slow
def test_a_story_photo_uploaded_in_the_browser_needs_consent_and_is_then_saved(mini, tmp_path):
    """Publishing a story with a photo from /admin/: without the photo's consent the save is
    refused and nothing is written (neither story nor photo); with it, both are."""
    from PIL import Image

    from benchmarks.browser import browser
    from conftest import write_story
    from generator.editor import assets
    from test_serve import fetch, serving, wait_for

    assets.fetch()
    write_story(mini, "gop-gao", title="Góp gạo tiết kiệm", club="dong-hoang")
    story = mini.content / "stories" / "gop-gao.md"
    before = story.read_text("utf-8")
    upload = tmp_path / "buoi-gop-gao.jpg"
    Image.new("RGB", (900, 600), "teal").save(upload, "JPEG")
    with serving(mini) as port, browser() as chromium:
        assert wait_for(lambda: "decap-cms.js" in fetch(port, "admin/index.html"))
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"http://127.0.0.1:{port}/admin/")
        page.get_by_role("button", name="Đăng nhập").click()
        page.get_by_text("Câu chuyện").first.click()
        page.get_by_text("Góp gạo tiết kiệm").first.click()
        page.get_by_role("button", name="Chọn một hình").first.click()
        page.locator("input[type=file]").first.set_input_files(str(upload))
        page.get_by_role("button", name="Lấy những cái đã chọn").click()
        page.get_by_label("Chú thích ảnh").fill("Buổi góp gạo tháng 3")
        page.get_by_role("button", name="Công bố").first.click()
        page.get_by_text("Công bố ngay").click()
        page.get_by_text("photo.consent").wait_for(timeout=30_000)
        assert story.read_text("utf-8") == before
        assert not (mini.content / "photos" / "buoi-gop-gao.jpg").exists()
        page.get_by_label("Đã có đồng ý bằng văn bản").nth(1).check()
        page.get_by_role("button", name="Công bố").first.click()
        page.get_by_text("Công bố ngay").click()
        assert wait_for(lambda: story.read_text("utf-8") != before, 30)
    assert changed_lines(before, story.read_text("utf-8")) == [
        "+ photo:", "+   file: buoi-gop-gao.jpg", "+   caption: Buổi góp gạo tháng 3",
        "+   consent: true"]
    assert (mini.content / "photos" / "buoi-gop-gao.jpg").read_bytes() == upload.read_bytes()
