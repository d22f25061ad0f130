"""Official documents: rendering Word templates and converting them to PDF/A."""
