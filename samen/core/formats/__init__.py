"""Samen's date formats per language, over Django's (settings.FORMAT_MODULE_PATH).

Pages write a day with its month alone ("5 okt", "5 oct.", "5 Oct") with MONTH_DAY_FORMAT and
never with a format string of their own, so each language keeps its conventions: Dutch and
French abbreviate months in lower case, and English is written as in Europe (day before month,
24-hour clock), not as in the United States.
"""
