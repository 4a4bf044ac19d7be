"""The yearly report of an action plan or a strategy: its figures, and those figures as a PDF,
an XLSX and an ODS file."""
