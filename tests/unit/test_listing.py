"""A list's first job: the first page of its ids and the rows of its first block, the same on both engines
whichever way they are read (one query on an office's server, ids then rows on a file)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from tdkt_desktop.store.db import Store
from tdkt_desktop.store.listing import SUBJECT_REF, ListQuery

REFS = {"subject_id": SUBJECT_REF, "campaign_id": "campaigns", "unit_code": "units"}


def _queries() -> list[ListQuery]:
    return [
        ListQuery("nominations", sort_field="year", sort_kind="sql", refs=REFS),
        ListQuery("nominations", sort_field="year", sort_kind="sql", descending=True, refs=REFS),
        ListQuery("nominations", sort_field="subject_name", sort_kind="person", refs=REFS),
        ListQuery("nominations", sort_field="subject_name", sort_kind="person", filters={"subject_kind": "person"},
                  refs=REFS),
        ListQuery("nominations", filters={"status": ("decided", None)}, refs=REFS),  # the stored order
        ListQuery("people", sort_field="full_name", sort_kind="person", descending=True),
        ListQuery("registrations", sort_field="title_code", sort_kind="sql", refs={"subject_id": SUBJECT_REF}),
        ListQuery("nominations", sort_field="subject_name", sort_kind="person", search="nguyen", refs=REFS),
        ListQuery("people", sort_field="position", sort_kind="text"),  # sorted in Python
        ListQuery("nominations", filters={"status": "no such status"}),  # nothing
    ]


@contextmanager
def _statements(store: Store) -> Iterator[list[str]]:
    seen: list[str] = []
    execute = store.db.execute

    def counted(sql: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(sql)
        return execute(sql, *args, **kwargs)

    store.db.execute = counted  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        del store.db.execute


@pytest.mark.parametrize("index", range(len(_queries())))
def test_the_first_job_of_a_list_gives_the_beginning_of_its_ids_and_the_rows_of_its_first_block(
        demo_store: Store, index: int) -> None:
    query = _queries()[index]
    everything = query.ids(demo_store)
    for limit, rows in ((5, 3), (5, 5), (len(everything) + 10, 4), (1, 1)):
        ids, first = query.ids_and_rows(demo_store, limit=limit, rows=rows)
        assert ids == everything[:limit] == query.ids(demo_store, limit=limit)
        assert set(first) == set(ids[:rows])  # by id (in any order)
        assert first == query.fetch(demo_store, ids[:rows])  # the same rows, names and columns as read by key
    whole, first = query.ids_and_rows(demo_store, rows=3)
    assert whole == everything and first == query.fetch(demo_store, everything[:3])


def test_the_first_page_reaches_an_office_server_in_one_query_and_a_file_in_two(demo_store: Store) -> None:
    query = ListQuery("nominations", sort_field="subject_name", sort_kind="person")
    named = ListQuery("nominations", sort_field="subject_name", sort_kind="person", refs={"campaign_id": "campaigns"})
    with _statements(demo_store) as seen:
        ids, rows = query.ids_and_rows(demo_store, limit=4, rows=2)
    assert len(ids) == 4 and len(rows) == 2
    assert len(seen) == (1 if demo_store.on_server else 2), seen
    with _statements(demo_store) as seen:
        named.ids_and_rows(demo_store, limit=4, rows=2)
    assert len(seen) == (2 if demo_store.on_server else 3), seen  # and the campaigns' names


def test_a_deleted_record_leaves_the_first_page_at_once(demo_store: Store) -> None:
    query = ListQuery("nominations", sort_field="subject_name", sort_kind="person", refs=REFS)
    ids, _ = query.ids_and_rows(demo_store, limit=3, rows=2)
    demo_store.delete("nominations", ids[0])
    after, rows = query.ids_and_rows(demo_store, limit=3, rows=2)
    assert ids[0] not in after and after[:2] == ids[1:3] and ids[0] not in rows
