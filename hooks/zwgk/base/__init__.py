"""What every stage uses: the problem list, the Chinese vocabulary, dates, 文号, the 年报 format, serve's cache, the cores."""
