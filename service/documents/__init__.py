"""Official documents: the register and the one issuing pipeline (draft → fingerprint → reuse or reserve the
reference → render → convert → finish the PDF → record → distribute), the kinds and their contexts, the Word
templates (rendering, the doctor), annexes, distribution to the member countries, and their API and CLI.
Conversion to PDF is in service/conversion, PDF work on bytes in service/pdf."""
