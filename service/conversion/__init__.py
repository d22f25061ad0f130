"""DOCX → PDF/A conversion: everything that knows about LibreOffice (soffice, unoserver), behind ``PdfConverter``."""
