"""Official documents: the register and the one issuing pipeline (draft → fingerprint → reuse or reserve the
reference → render → convert → finish the PDF → record → distribute), the kinds' contexts, annexes, distribution
to the member countries, and their API and CLI. Word templates are in service/templating, conversion to PDF in
service/conversion, PDF work on bytes in service/pdf, upload checks in service/uploads."""
