"""What both pages share: escaping, page direction and style, the language switch, cached data."""
