"""The platform's safeguards for personal data, which every module uses.

- `identifiers`: personal identifiers (national register numbers, phone numbers, e-mail
  addresses, IBANs, licence plates) in free text;
- `case_references`: the case consultation's references and page addresses (the purpose lock);
- `text_guard`: `check_text`, which refuses both in an action's free text;
- `small_cells`: small-cell suppression of published counts.
"""
