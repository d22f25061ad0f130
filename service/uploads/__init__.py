"""The one gate every uploaded file passes before anything parses it.

`gate` (pure checks over bytes: size, magic bytes, zip pre-check, macros, external links, encryption),
`sandbox` (parsing and checking in a child process with memory, CPU and wall-time limits), `pdfcheck` (what the
child does with a PDF) and `normalise` (annexes made safe at upload: Ghostscript PDF/A, DOCX converted).
"""
