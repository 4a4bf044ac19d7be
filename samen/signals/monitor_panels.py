"""What the tension monitor adds to the home and district pages (filled by the monitor work)."""
