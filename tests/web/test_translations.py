"""Every text of the pages and every domain message template (N_) is in the Spanish catalog, and the compiled
.mo files match their .po files."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = ROOT / "service" / "translations"


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as source:
        return read_po(source)


def extracted_ids() -> set[str]:
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None, "N_": None}
    return {message if isinstance(message, str) else message[0]
            for _file, _line, message, _comments, _context in extract_from_dir(
                str(ROOT / "service"), method_map, options_map, keywords=keywords)}


def test_every_page_text_has_a_spanish_translation():
    catalog = read_catalog(CATALOGS / "es" / "LC_MESSAGES" / "messages.po")
    translated = {m.id if isinstance(m.id, str) else m.id[0]: m.string for m in catalog if m.id}
    missing = sorted(i for i in extracted_ids() if not translated.get(i) or (
        isinstance(translated[i], tuple) and not all(translated[i])))
    assert missing == [], "run pybabel extract/update/compile (see babel.cfg) and translate these"


@pytest.mark.parametrize("language", ["es", "en"])
def test_compiled_catalogs_match_their_sources(language):
    folder = CATALOGS / language / "LC_MESSAGES"
    source = read_catalog(folder / "messages.po")
    with (folder / "messages.mo").open("rb") as compiled:
        mo = gettext.GNUTranslations(compiled)
    for message in source:
        if message.id and isinstance(message.id, str) and message.string:
            assert mo.gettext(message.id) == message.string, "run: pybabel compile -d service/translations"
