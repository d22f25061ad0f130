"""marshmallow schemas: the contract of the API, the forms and the Word templates' contexts."""
