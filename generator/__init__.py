"""ishc: turns club records and training content into a portal and printable handbooks.

The pipeline, one package per stage:

    load      files -> raw records that remember their file and line (text in NFC)
    model     the typed records: clubs, modules, material sets, places
    validate  raw records -> checked model, with every problem found at once
    indicators  the checked model -> aggregate figures for dashboards
    handbooks the checked model -> PDF handbooks (WeasyPrint)
    site      the checked model -> Markdown pages -> MkDocs -> static site
    build     the one function that runs them in order
"""

__version__ = "0.1.0"
