"""Plain statements for the answer, the hot path of a quiz.

Every aspirant posts an answer at least once per clock, so what an answer costs
in Python matters more than anywhere else. Building a query with the ORM costs
several times what the database spends running it (see bench/profile_answer.py),
so the answer's read and write are plain SQL whose text is built once per process
and database vendor. Values still go through the fields (``get_db_prep_save`` on
the way in, the ORM's converters on the way out), so they are stored and read
exactly as the ORM would store and read them.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Sequence
from contextlib import nullcontext

from django.contrib.auth import get_user_model
from django.db import IntegrityError, connections, transaction
from django.db.models import Model

from .models import Attempt, AttemptItem

DEFAULT = "default"


class _Loader:
    """Turns one model's columns in a row into an instance, as the ORM's iterator would."""

    def __init__(self, model: type[Model], db) -> None:
        self.model = model
        self.fields = model._meta.concrete_fields
        self.names = [field.attname for field in self.fields]
        self.converters = []
        for index, field in enumerate(self.fields):
            column = field.get_col(model._meta.db_table)
            found = db.ops.get_db_converters(column) + field.get_db_converters(db)
            if found:
                self.converters.append((index, column, found))

    def build(self, values: Sequence, db) -> Model:
        values = list(values)
        for index, column, converters in self.converters:
            value = values[index]
            for convert in converters:
                value = convert(value, column, db)
            values[index] = value
        return self.model.from_db(db.alias, self.names, values)


_loaders: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _loader(model: type[Model], db) -> _Loader:
    """One loader per model and connection (converters belong to a connection's backend)."""
    per_connection = _loaders.setdefault(db, {})
    if model not in per_connection:
        per_connection[model] = _Loader(model, db)
    return per_connection[model]


@functools.cache
def _select_attempt(vendor: str, current: bool) -> str:
    """SELECT the attempt's columns, its user's, then its items' (LEFT JOINed): the
    items at two given positions, or (``current``) the one at the attempt's own position."""
    quote = connections[DEFAULT].ops.quote_name
    user_model = get_user_model()

    def col(alias: str, model, name: str) -> str:
        return f"{alias}.{quote(model._meta.get_field(name).column)}"

    def columns(model, alias: str) -> str:
        return ", ".join(f"{alias}.{quote(f.column)}" for f in model._meta.concrete_fields)

    at = col("i", AttemptItem, "position")
    return (
        f"SELECT {columns(Attempt, 'a')}, {columns(user_model, 'u')}, {columns(AttemptItem, 'i')}"
        f" FROM {quote(Attempt._meta.db_table)} a"
        f" INNER JOIN {quote(user_model._meta.db_table)} u"
        f" ON {col('u', user_model, user_model._meta.pk.name)} = {col('a', Attempt, 'user')}"
        f" LEFT JOIN {quote(AttemptItem._meta.db_table)} i"
        f" ON {col('i', AttemptItem, 'attempt')} = {col('a', Attempt, 'id')}"
        + (f" AND {at} = {col('a', Attempt, 'position')}" if current else f" AND {at} IN (%s, %s)")
        + f" WHERE {col('a', Attempt, 'id')} = %s AND {col('a', Attempt, 'user')} = %s"
    )


def read_attempt(attempt_id, user_id, positions: tuple[int, int] | None = None):
    """The user's attempt with its user and some of its items, in one read: the items
    at the two ``positions``, or without them the one at the attempt's current position.

    Returns (attempt, items), ``attempt.user`` loaded, or (None, []) when no such
    attempt belongs to the user.
    """
    db = connections[DEFAULT]
    sql = _select_attempt(db.vendor, positions is None)
    params = [*(positions or ()), Attempt._meta.pk.get_db_prep_value(attempt_id, db), user_id]
    with db.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not rows:
        return None, []
    user_model = get_user_model()
    users_at = len(Attempt._meta.concrete_fields)
    items_at = users_at + len(user_model._meta.concrete_fields)
    attempt = _loader(Attempt, db).build(rows[0][:users_at], db)
    attempt.user = _loader(user_model, db).build(rows[0][users_at:items_at], db)
    item_loader = _loader(AttemptItem, db)
    items = [item_loader.build(row[items_at:], db) for row in rows if row[items_at] is not None]
    return attempt, items


# --- writing ---------------------------------------------------------------------------------


@functools.cache
def _fields(model: type[Model], names: tuple[str, ...]) -> tuple:
    return tuple(model._meta.get_field(name) for name in names)


def _params(model: type[Model], values: dict, db) -> list:
    fields = _fields(model, tuple(values))
    return [
        field.get_db_prep_save(value, db)
        for field, value in zip(fields, values.values(), strict=True)
    ]


@functools.cache
def _insert_sql(vendor: str, model: type[Model], names: tuple[str, ...]) -> tuple[str, str]:
    """(INSERT … VALUES, INSERT … SELECT with typed placeholders) for these columns."""
    db = connections[DEFAULT]
    quote = db.ops.quote_name
    fields = _fields(model, names)
    head = (
        f"INSERT INTO {quote(model._meta.db_table)}"
        f" ({', '.join(quote(field.column) for field in fields)})"
    )
    values = ", ".join(["%s"] * len(fields))
    typed = ", ".join(f"CAST(%s AS {field.db_type(db)})" for field in fields)
    return f"{head} VALUES ({values})", f"{head} SELECT {typed}"


@functools.cache
def _update_sql(
    vendor: str, model: type[Model], names: tuple[str, ...], keys: tuple[str, ...]
) -> str:
    quote = connections[DEFAULT].ops.quote_name
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in _fields(model, names))
    condition = " AND ".join(f"{quote(f.column)} = %s" for f in _fields(model, keys))
    return f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {condition}"


def insert_and_update(
    insert: type[Model], values: dict, update: type[Model], changes: dict, *, where: dict
) -> None:
    """INSERT one row and UPDATE one guarded row, both or neither.

    Raises IntegrityError when the guard matches no row (another request moved it
    on) or the INSERT breaks a constraint; nothing is written then. SQLite: one
    short transaction (BEGIN IMMEDIATE takes the write lock, so every value is
    prepared before it). PostgreSQL: one statement, the UPDATE in a data-modifying
    CTE and the INSERT taking its row only from what the UPDATE returned; outside a
    transaction it is its own (autocommit), inside one a savepoint keeps a unique
    violation from spoiling it.
    """
    db = connections[DEFAULT]
    plain_insert, typed_insert = _insert_sql(db.vendor, insert, tuple(values))
    update_sql = _update_sql(db.vendor, update, tuple(changes), tuple(where))
    update_params = _params(update, changes, db) + _params(update, where, db)
    insert_params = _params(insert, values, db)
    if db.vendor == "postgresql":
        sql = f"WITH moved AS ({update_sql} RETURNING 1) {typed_insert} FROM moved"
        guard = transaction.atomic() if db.in_atomic_block else nullcontext()
        with guard, db.cursor() as cursor:
            cursor.execute(sql, update_params + insert_params)
            if cursor.rowcount != 1:
                raise IntegrityError("the row moved on concurrently")
        return
    with transaction.atomic(), db.cursor() as cursor:
        cursor.execute(plain_insert, insert_params)
        cursor.execute(update_sql, update_params)
        if cursor.rowcount != 1:
            raise IntegrityError("the row moved on concurrently")
