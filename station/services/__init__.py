"""One module per desk. Each function takes an open session and validates before it writes."""
