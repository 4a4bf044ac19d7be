"""The case consultation's synthetic demo data: the table and cases, then their case work."""
