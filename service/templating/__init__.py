"""The Word templates: the kinds (what each template expects, its context schema), the sandboxed renderer,
Babel formatting for the documents, the template doctor, the institution's template folder (TEMPLATES_DIR, seeded
from the packaged defaults) and replacing a template through the API or CLI. Knows nothing of the register:
service/documents renders through it."""
