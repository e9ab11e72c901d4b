"""The site stage: every file of the site planned, from caches where the inputs are unchanged.

written.py    content -> Markdown tree -> MkDocs (mkdocs_run.py), for the written pages
data.py       club summaries and records -> HTML, for the directory, provinces, communes, clubs
shell.py      the theme's page around each data page
search.py     the search index over both kinds of page
plan.py       every file of the site planned, reusing what the output already holds
output.py     the plan compared with the output folder; only what changed is written
"""
