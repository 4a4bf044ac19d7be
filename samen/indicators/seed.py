"""A synthetic Antwerp in figures: 10 years per statistical sector (labelled synthetic)."""
