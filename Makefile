# The two commands of the quick start are `make site` and `make test`; everything they need is
# installed here: system libraries for WeasyPrint (scripts/system-deps), then a virtual
# environment in .venv with the package, its fonts and the test tools.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: site test check serve bench setup clean visual-references guide-screenshots

site: $(STAMP)
	$(BIN)/ishc build

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

check: $(STAMP)
	$(BIN)/ishc check

serve: $(STAMP)
	$(BIN)/ishc serve

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# Print layout references for tests/test_visual.py: write them again after a reviewed change.
visual-references: $(STAMP)
	$(BIN)/python tests/visual_pages.py

# The guides' screenshots (content/screenshots/): tests/test_guide.py walks through each guide in
# the browser and takes them again; look at them before committing.
guide-screenshots: $(STAMP)
	ISHC_SCREENSHOTS=content/screenshots $(BIN)/python -m pytest -q tests/test_guide.py

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/system-deps
	@sh scripts/system-deps
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "ishc cần Python 3.11 trở lên (đang có " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	@echo "Cài các gói Python vào $(VENV) (nhật ký: $(VENV)/pip.log)"
	@$(BIN)/python -m pip install --upgrade pip > $(VENV)/pip.log 2>&1 && \
	 $(BIN)/python -m pip install -e '.[test]' >> $(VENV)/pip.log 2>&1 || \
	 { tail -30 $(VENV)/pip.log; echo "Cài đặt thất bại; xem $(VENV)/pip.log"; exit 1; }
	@# The web editor (/admin/): Decap CMS from the npm registry, checked against its SHA-512,
	@# into the user's cache; the build copies it into site/admin/ (never from a CDN).
	@$(BIN)/python -m generator.editor.assets || echo "Bỏ qua trình biên tập web; chạy lại make setup khi có mạng."
	@touch $(STAMP)

clean:
	rm -rf site .ishc-cache $(VENV)
