"""The `ishc` command line: check, build and serve."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator.messages import LANGUAGES, set_language, t
from generator.problems import BuildFailed, Problem, SourceError
from generator.project import Project


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if hasattr(args, "lang"):  # commands that report problems: chosen before anything is read
        set_language(_language(parser, args.lang))
    project = Project(Path(args.root).resolve())
    try:
        return args.run(project, args)
    except SourceError as err:
        _print_problems(err.problems)
        print("\n" + t("output.stopped", count=len(err.problems)), file=sys.stderr)
        return 1
    except BuildFailed as err:
        print(t("output.failed", reason=err), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _language(parser: argparse.ArgumentParser, given: str | None) -> str:
    """--lang, else the environment variable ISHC_LANG, else Vietnamese."""
    if given:
        return given
    lang = os.environ.get("ISHC_LANG", "").strip().lower()
    if lang and lang not in LANGUAGES:
        parser.error(f"biến môi trường ISHC_LANG phải là {' hoặc '.join(LANGUAGES)}, "
                     f"không phải '{lang}'")
    return lang or "vi"


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES,
                        help="ngôn ngữ của thông báo: vi (tiếng Việt) hoặc en (tiếng Anh) "
                             "(mặc định: theo biến môi trường ISHC_LANG, nếu không có thì vi)")


class _Help(argparse.HelpFormatter):
    """argparse's own words ("usage", "options") in Vietnamese, like the rest of the tool."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "cách dùng: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {message}\n")


def _vietnamese(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser._positionals.title = "lệnh"
    parser._optionals.title = "tùy chọn"
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = "in hướng dẫn này rồi thoát"
    return parser


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ishc", formatter_class=_Help,
        description="Tạo cổng thông tin và sổ tay tập huấn cho các CLB Liên thế hệ Tự giúp nhau.")
    parser.add_argument("--root", default=".", metavar="DIR",
                        help="thư mục gốc của dự án (mặc định: thư mục hiện tại)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH",
                                     parser_class=lambda **kw: _vietnamese(
                                         _Parser(formatter_class=_Help, **kw)))

    check = commands.add_parser("check", help="kiểm tra mọi tệp nguồn và báo lỗi",
                                description="Đọc và kiểm tra mọi tệp trong clubs/ và content/; "
                                            "in mỗi lỗi dạng tệp:dòng:cột: thông báo.")
    check.add_argument("--strict", action="store_true", help="coi cảnh báo là lỗi")
    _add_lang(check)
    check.set_defaults(run=_check)

    build = commands.add_parser("build", help="tạo trang web và sổ tay PDF",
                                description="Kiểm tra nguồn, rồi tạo trang web (mặc định site/) "
                                            "cùng các sổ tay PDF trong site/downloads/.")
    build.add_argument("--out", default="site", metavar="DIR", help="thư mục kết quả (mặc định: site)")
    build.add_argument("--no-pdf", action="store_true", help="bỏ qua sổ tay PDF (nhanh hơn)")
    build.add_argument("--quiet", action="store_true", help="không hiện tiến độ")
    build.add_argument("--cover", choices=["office", "color"], default="office",
                       help="bìa sổ tay: office (nền trắng, một dải màu: in máy văn phòng, đen "
                            "trắng vẫn rõ, tốn ít mực) hoặc color (bìa màu kín trang, cho nhà in) "
                            "(mặc định: office)")
    build.add_argument("--offline", action="store_true",
                       help="ghi thêm bản ngoại tuyến: tệp zip của cả trang web, mở được từ ổ đĩa "
                            "hoặc USB không cần mạng (đặt cạnh thư mục kết quả)")
    _add_lang(build)
    build.set_defaults(run=_build)

    new = commands.add_parser("new", help="tạo tệp mới từ mẫu (hiện có: club)",
                              description="Tạo tệp hồ sơ CLB mới, hợp lệ và có chú thích, trong "
                                          "đúng thư mục tỉnh; không bao giờ ghi đè tệp có sẵn.")
    new.add_argument("kind", choices=["club"], help="loại tệp: club")
    new.add_argument("--province", required=True, help='tỉnh/thành phố hiện nay, ví dụ "Hải Phòng"')
    new.add_argument("--commune", required=True, help='xã/phường hiện nay, ví dụ "Xã Gia Lộc"')
    new.add_argument("--name", required=True, help="tên CLB")
    new.add_argument("--village", help="thôn, xóm, tổ dân phố")
    new.add_argument("--id", dest="club_id", help="mã CLB (tên tệp); mặc định tạo từ thôn và xã")
    new.add_argument("--founded", type=_date, help="ngày thành lập YYYY-MM-DD (mặc định: hôm nay)")
    new.set_defaults(run=_new)

    schema = commands.add_parser("schema", help="ghi JSON Schema của tệp CLB",
                                 description="Ghi lại schema/club.schema.json từ mô hình dữ liệu "
                                             "(dùng sau khi sửa generator/model/club.py).")
    schema.set_defaults(run=_schema)

    course = commands.add_parser("course", help="khóa tập huấn: kiểm tra và in thời khóa biểu",
                                 description="Làm việc với khóa tập huấn trong content/courses/.")
    course_commands = course.add_subparsers(dest="action", required=True, metavar="VIỆC",
                                            parser_class=lambda **kw: _vietnamese(
                                                _Parser(formatter_class=_Help, **kw)))
    course_plan = course_commands.add_parser(
        "plan", help="kiểm tra một tệp khóa học và in thời khóa biểu",
        description="Kiểm tra tệp khóa học (bài có thật, giờ không chồng nhau, mỗi ngày vừa giờ "
                    "học, đủ các bài đã cam kết) rồi in thời khóa biểu từng ngày.")
    course_plan.add_argument("file", type=Path, help="tệp khóa học, ví dụ "
                                                     "content/courses/khoi-tao-5-ngay.yaml")
    _add_lang(course_plan)
    course_plan.set_defaults(run=_course_plan)
    _vietnamese(course)
    _excel_commands(commands)

    serve = commands.add_parser("serve", help="xem trước trang web, tự tạo lại khi tệp thay đổi",
                                description="Tạo trang web rồi phục vụ ở http://127.0.0.1:8000; "
                                            "tạo lại (chỉ phần thay đổi) ngay khi một tệp nguồn "
                                            "thay đổi, và trang trong trình duyệt tự tải lại.")
    serve.add_argument("--port", type=_port, default=8000)
    serve.add_argument("--pdf", action="store_true", help="tạo cả sổ tay PDF mỗi lần")
    serve.set_defaults(run=_serve)

    story = commands.add_parser(
        "import-story", help="chuyển câu chuyện từ tệp Word (.docx) vào content/stories/",
        description="Đọc tệp Word (đề mục, danh sách, chữ đậm, bảng, ảnh kèm chú thích) thành "
                    "một câu chuyện thành công trong content/stories/, ảnh thu nhỏ cho web lưu "
                    "vào content/photos/. Dòng đầu kiểu Heading 1 là tiêu đề; ảnh đầu tiên cùng "
                    "chú thích (kiểu Caption) ngay dưới nó là ảnh của câu chuyện.")
    story.add_argument("docx", type=Path, help="tệp Word, ví dụ cau-chuyen.docx")
    story.add_argument("--club", required=True, metavar="MÃ",
                       help="mã CLB mà câu chuyện kể về (tên tệp trong clubs/, không có .yaml)")
    story.add_argument("--consent", metavar="BIÊN_BẢN",
                       help="biên bản đồng ý bằng văn bản của người có tên, có ảnh (ví dụ: phiếu "
                            "đồng ý ký ngày 12/3/2025, lưu tại Hội NCT xã); không ghi thì được hỏi")
    story.add_argument("--source", metavar="NGUỒN",
                       help="nơi câu chuyện đã đăng (bản tin, báo, báo cáo; ngày); không ghi thì "
                            "được hỏi")
    story.add_argument("--id", dest="story_id", metavar="MÃ",
                       help="mã câu chuyện (tên tệp); mặc định tạo từ tiêu đề")
    story.add_argument("--date", type=_date, metavar="NGÀY",
                       help="ngày YYYY-MM-DD (mặc định: hôm nay)")
    story.add_argument("--areas", default="", metavar="MẢNG,...",
                       help="mảng hoạt động, cách nhau dấu phẩy, ví dụ health,self_help")
    _add_lang(story)
    story.set_defaults(run=_import_story)
    return _vietnamese(parser)


def _excel_commands(commands) -> None:
    """template, export, import, import-report: club data in and out of Excel (generator/excel/)."""
    from generator.excel import commands as excel

    template = commands.add_parser(
        "template", help="ghi sổ Excel mẫu (trống) để nhập CLB, hoặc mẫu báo cáo năm của CLB",
        description="Ghi sổ Excel trống: tiêu đề cột tiếng Việt có chú thích, danh sách chọn "
                    "tỉnh, xã (của tỉnh đã chọn) và xếp loại, trang tính số liệu năm. Với "
                    "--report: mẫu báo cáo năm của một CLB; nếu TỆP là thư mục, ghi mỗi CLB "
                    "một tệp đã điền sẵn mã và tên.")
    template.add_argument("file", type=Path, metavar="TỆP", help="ví dụ clubs.xlsx")
    template.add_argument("--report", action="store_true", help="mẫu báo cáo năm của CLB")
    template.add_argument("--year", type=int, help="năm báo cáo (mặc định: năm ngoái)")
    template.add_argument("--province", action="append",
                          help='chỉ CLB của tỉnh này, ví dụ "Hải Phòng" (dùng được nhiều lần)')
    _add_lang(template)
    template.set_defaults(run=excel.run_template)

    export = commands.add_parser(
        "export", help="ghi số liệu CLB ra Excel, kèm báo cáo tổng hợp tỉnh",
        description="Ghi mọi CLB ra sổ Excel giống sổ mẫu, thêm trang tổng hợp mỗi tỉnh (các "
                    "chỉ số của trang tổng quan: báo cáo gửi Trung ương), trang toàn quốc và "
                    "trang các lớp tập huấn. Không bao giờ ghi mục private.")
    export.add_argument("file", type=Path, metavar="TỆP", help="ví dụ clubs.xlsx")
    export.add_argument("--province", action="append",
                        help='chỉ CLB của tỉnh này, ví dụ "Hải Phòng" (dùng được nhiều lần)')
    export.add_argument("--year", type=int, help="năm của báo cáo tổng hợp "
                                                 "(mặc định: năm có số liệu mới nhất)")
    export.add_argument("--dhis2", type=Path, metavar="CSV",
                        help="ghi thêm tệp CSV theo dạng dataValueSets của DHIS2")
    _add_lang(export)
    export.set_defaults(run=excel.run_export)

    import_ = commands.add_parser(
        "import", help="tạo và cập nhật tệp CLB từ sổ Excel (hoặc CSV)",
        description="Đọc sổ Excel (.xlsx) hoặc tệp .csv, kiểm tra mọi dòng như ishc check, "
                    "rồi tạo và cập nhật tệp CLB, giữ nguyên chú thích và thứ tự trong tệp. "
                    "Có một dòng sai thì không ghi tệp nào.")
    import_.add_argument("file", type=Path, metavar="TỆP", help="ví dụ clubs.xlsx")
    import_.add_argument("--dry-run", action="store_true",
                         help="chỉ kiểm tra và cho biết sẽ thay đổi gì, không ghi tệp")
    _add_lang(import_)
    import_.set_defaults(run=excel.run_import)

    report = commands.add_parser(
        "import-report", help="cập nhật số liệu năm từ một thư mục báo cáo năm của các CLB",
        description="Đọc mọi báo cáo năm (.xlsx) trong THƯ_MỤC, kiểm tra tất cả, rồi cập nhật "
                    "số liệu năm đó của từng CLB; in danh sách CLB chưa báo cáo. Có một báo "
                    "cáo sai thì không ghi tệp nào.")
    report.add_argument("folder", type=Path, metavar="THƯ_MỤC")
    report.add_argument("--year", type=int, help="chỉ nhận báo cáo của năm này")
    report.add_argument("--province", action="append",
                        help="chỉ tính CLB chưa báo cáo trong tỉnh này (dùng được nhiều lần)")
    report.add_argument("--dry-run", action="store_true",
                        help="chỉ kiểm tra và cho biết sẽ thay đổi gì, không ghi tệp")
    _add_lang(report)
    report.set_defaults(run=excel.run_import_report)


def _course_plan(project: Project, args: argparse.Namespace) -> int:
    from generator.course_plan import plan, timetable

    course, problems = plan(project, args.file)
    _print_problems(problems)
    if course is None or any(p.severity == "error" for p in problems):
        return 1
    print(timetable(course))
    print(t("course.ok", days=len(course.days), modules=len(course.modules)))
    return 0


def _check(project: Project, args: argparse.Namespace) -> int:
    from generator.build import check

    problems = check(project)
    _print_problems(problems)
    failing = [p for p in problems if p.severity == "error" or args.strict]
    return 1 if failing else 0


def _build(project: Project, args: argparse.Namespace) -> int:
    from generator.build import build
    from generator.progress import Progress

    out = Path(args.out)
    out = out if out.is_absolute() else Path.cwd() / out
    result = build(project, out, pdf=not args.no_pdf, progress=Progress(enabled=not args.quiet),
                   cover=args.cover)
    _print_problems(result.warnings)
    print(t("output.built", pages=result.pages, handbooks=len(result.handbooks),
            handouts=len(result.handouts), forms=len(result.forms), courses=len(result.courses),
            out=out))
    print(t("output.written", written=result.written, kept=result.files - result.written))
    if args.offline:
        from generator.site.offline import write_zip

        archive = write_zip(out, out.with_name(f"{out.name}-ngoai-tuyen.zip"))
        print(t("output.offline", path=archive, size=f"{archive.stat().st_size / 1e6:.1f}"))
    return 0


def _port(text: str) -> int:
    if text.isdigit() and 1 <= int(text) <= 65535:
        return int(text)
    raise argparse.ArgumentTypeError(f"'{text}' không phải số cổng: dùng một số từ 1 đến 65535, "
                                     "ví dụ 8000")


def _date(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' không phải ngày dạng năm-tháng-ngày, "
                                         "ví dụ 2024-05-14") from None


def _new(project: Project, args: argparse.Namespace) -> int:
    from generator.new import NewClubError, new_club

    try:
        created = new_club(project, province=args.province, commune=args.commune, name=args.name,
                           village=args.village, club_id=args.club_id, founded=args.founded)
    except NewClubError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        return 1
    print(f"Đã tạo {project.shown(created.path)}\nĐiền thêm số liệu rồi chạy: ishc check")
    return 0


def _schema(project: Project, args: argparse.Namespace) -> int:
    from generator.model.schema import SCHEMA_PATH, club_schema_text

    target = project.root / SCHEMA_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(club_schema_text(), "utf-8")
    print(f"Đã ghi {SCHEMA_PATH}")
    return 0


def _serve(project: Project, args: argparse.Namespace) -> int:
    from generator.serve import ServeFailed, serve

    try:
        serve(project, port=args.port, pdf=args.pdf)
    except ServeFailed as err:
        print(err, file=sys.stderr)
        return 1
    return 0


def _import_story(project: Project, args: argparse.Namespace) -> int:
    from generator.story_import import ImportFailed, import_story

    consent = args.consent if args.consent is not None else _ask(t("import.ask_consent"))
    source = args.source if args.source is not None else _ask(t("import.ask_source"))
    areas = tuple(a.strip() for a in args.areas.split(",") if a.strip())
    try:
        done = import_story(project, args.docx, args.club, consent, source or None,
                            story_id=args.story_id, date=args.date, areas=areas)
    except ImportFailed as err:
        print(err, file=sys.stderr)
        return 1
    if not consent.strip():
        print(t("import.no_consent"))
    for note in done.notes:
        print(note)
    print(t("import.done", story=project.shown(done.story), photos=len(done.photos)))
    return 0


def _ask(question: str) -> str:
    """An answer typed at the terminal; "" when nobody is there to answer (a script, CI)."""
    if not sys.stdin.isatty():
        return ""
    try:
        return input(question).strip()
    except EOFError:
        return ""


def _print_problems(problems: list[Problem]) -> None:
    for problem in sorted(set(problems)):
        print(problem.format(), file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
