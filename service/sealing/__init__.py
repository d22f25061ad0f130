"""The seal on issued PDFs (keys, the demo authority) and the public verification of a PDF someone holds."""
