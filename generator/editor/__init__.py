"""The web editor: Decap CMS at /admin/ on the site, its configuration generated from the data
model, and the API of Decap's local proxy answered by `ishc serve` (edits checked first)."""
