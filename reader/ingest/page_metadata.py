"""A saved page's metadata as trafilatura finds it, less what we never read.

trafilatura's `extract_metadata` also looks for the page's categories, tags
and licence, three searches over every link of the page (about 1.3 CPU ms of
a real page's ~43) whose results we dropped. This runs its other steps, in its
order and with its date settings, so the title, author, address, host, site
name and date are the ones `bare_extraction(with_metadata=True)` gave; the
extraction itself is then asked for no metadata.
tests/ingest/test_page_metadata.py holds the two to the same fields.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

# The fields of trafilatura's Document that the HTML reader uses.
READ_FIELDS = ("title", "author", "url", "hostname", "sitename", "date")


def date_settings() -> dict[str, Any]:
    """htmldate's settings as trafilatura's default Extractor makes them."""
    from trafilatura.settings import DEFAULT_CONFIG, set_date_params

    return set_date_params(DEFAULT_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH"))


def page_metadata(tree: Any) -> Any:
    """trafilatura's metadata of a parsed page (its Document), without the
    categories, tags and licence. Steps as in trafilatura 2.3's
    `metadata.extract_metadata`, which is called with no author blacklist."""
    from courlan import extract_domain
    from htmldate import find_date
    from trafilatura.metadata import (
        META_URL,
        examine_meta,
        extract_author,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )

    date_config = date_settings()
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception as err:  # trafilatura's own guard: bugs in its JSON-LD reading
        log.warning("error in JSON metadata extraction: %s", err)
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.author:
        metadata.author = extract_author(tree)
    if not metadata.url:
        metadata.url = extract_url(tree, None)
    if metadata.url:
        metadata.hostname = extract_domain(metadata.url, fast=True)
    date_config["url"] = metadata.url
    metadata.date = find_date(tree, **date_config)
    if not metadata.sitename:
        metadata.sitename = extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")  # a Twitter handle
        if metadata.sitename and "." not in metadata.sitename and not metadata.sitename[0].isupper():
            metadata.sitename = metadata.sitename.title()
    elif metadata.url:
        found = META_URL.match(metadata.url)
        if found:
            metadata.sitename = found[1]
    metadata.filedate = date_config.get("max_date")
    metadata.clean_and_trim()
    return metadata
