"""The migrations build exactly the schema the models describe, on the test engine (SQLite or PostgreSQL).

Every area migrates on its own branch off the foundation; a model changed without its migration (or the other
way round) fails here, naming the table and column.
"""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import service.models  # noqa: F401 - every model, so the metadata is the whole schema
from service.extensions import db


def test_migrated_schema_matches_the_models_for_every_table(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == [], "models and migrations differ; write a migration:\n" + "\n".join(
        repr(d) for d in differences)


def test_every_migration_head_is_applied(app):
    from alembic.script import ScriptDirectory
    from flask_migrate import Config

    config = Config(app.extensions["migrate"].directory + "/alembic.ini")
    config.set_main_option("script_location", app.extensions["migrate"].directory)
    heads = set(ScriptDirectory.from_config(config).get_heads())
    with db.engine.connect() as connection:
        applied = set(MigrationContext.configure(connection).get_current_heads())
    assert applied == heads
