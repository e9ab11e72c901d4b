"""Club data in and out of Excel: the template, the export with the province summaries, the
import that updates club files, and the yearly club reports.

One column table (columns.py) drives the template, the export and the import, so the three can
never disagree on a header, a field or a type. Stages, one module each:

- columns.py  the column table: header, note, field path, type, dropdown; the template version
- data.py     the project's club and training records, read and checked as `ishc check` does
- workbook.py writing a workbook (template, export) with openpyxl
- summary.py  the province and national summaries (the indicators the dashboards show)
- export.py   the export: data sheets, summary sheets, training records
- read.py     reading .xlsx and .csv into plain rows, each cell with its sheet, row and column
- apply.py    turning rows into club files: checked in memory first, then written all at once
- report.py   the club's yearly report (one sheet) and the import of a folder of them
- dhis2.py    the figures as a DHIS2 dataValueSets CSV
- commands.py what cli.py runs for each command
"""
