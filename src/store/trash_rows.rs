//! A table's rows as JSON and back, with every column the database itself
//! lists: what the trash keeps of a deleted record, and writes back when
//! it is restored. Nothing here names a column, so that a column added by
//! a later migration is kept and restored without a change here.
//!
//! PostgreSQL turns a row into JSON (`row_to_json`) and back
//! (`json_populate_record`) with each column's own type; SQLite builds the
//! object from the columns `pragma_table_info` lists (`json_object`) and
//! reads each value back with its own type (`json_extract`). Each backend
//! reads only what it wrote.

use serde_json::{Map, Value};
use sqlx::{Connection, Database, Encode, Executor, FromRow, IntoArguments, Type};

use super::StoreError;

/// A row: each column's value by its name.
pub(super) type Row = Map<String, Value>;

/// A name as it may go into SQL unquoted: the tables' and the columns' own.
fn plain(name: &str) -> Result<&str, StoreError> {
    let fine = !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if fine { Ok(name) } else { Err(StoreError::Corrupt(format!("an unexpected column name: {name:?}"))) }
}

/// The columns of `table` a row can be written with (generated ones left
/// out), in the table's order.
pub(super) async fn columns<C>(conn: &mut C, table: &str, postgres: bool) -> Result<Vec<String>, StoreError>
where
    C: Connection,
    for<'c> &'c mut C: Executor<'c, Database = C::Database>,
    for<'t> String: Encode<'t, C::Database> + Type<C::Database>,
    (String,): for<'r> FromRow<'r, <C::Database as Database>::Row>,
    <C::Database as Database>::Arguments: IntoArguments<C::Database>,
{
    const POSTGRES: &str = "SELECT CAST(column_name AS TEXT) FROM information_schema.columns \
        WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' \
        ORDER BY ordinal_position";
    // `pragma_table_info` leaves generated columns out.
    const SQLITE: &str = "SELECT name FROM pragma_table_info($1) ORDER BY cid";
    let rows: Vec<(String,)> = sqlx::query_as(if postgres { POSTGRES } else { SQLITE })
        .bind(plain(table)?.to_owned())
        .fetch_all(&mut *conn)
        .await?;
    let names: Vec<String> = rows.into_iter().map(|(name,)| name).collect();
    for name in &names {
        plain(name)?;
    }
    if names.is_empty() {
        return Err(StoreError::Corrupt(format!("no columns found for the table {table}")));
    }
    Ok(names)
}

/// Every row of `table` whose `key` column is `id`, each as a JSON object.
pub(super) async fn rows<C>(
    conn: &mut C,
    table: &str,
    key: &str,
    id: i64,
    postgres: bool,
) -> Result<Vec<Row>, StoreError>
where
    C: Connection,
    for<'c> &'c mut C: Executor<'c, Database = C::Database>,
    for<'t> String: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> i64: Encode<'t, C::Database> + Type<C::Database>,
    (String,): for<'r> FromRow<'r, <C::Database as Database>::Row>,
    <C::Database as Database>::Arguments: IntoArguments<C::Database>,
{
    let (table, key) = (plain(table)?, plain(key)?);
    let sql = if postgres {
        format!("SELECT CAST(row_to_json(t) AS TEXT) FROM {table} t WHERE {key} = $1")
    } else {
        let pairs: Vec<String> =
            columns(&mut *conn, table, false).await?.iter().map(|c| format!("'{c}', {c}")).collect();
        format!("SELECT json_object({}) FROM {table} WHERE {key} = $1", pairs.join(", "))
    };
    let texts: Vec<(String,)> = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_all(&mut *conn).await?;
    texts
        .into_iter()
        .map(|(text,)| match serde_json::from_str(&text) {
            Ok(Value::Object(row)) => Ok(row),
            _ => Err(StoreError::Corrupt(format!("a row of {table} that is not a JSON object"))),
        })
        .collect()
}

/// Writes a row kept by [`rows`] back into `table`: the columns it has
/// that the table has (a column added since takes its default), `id`
/// left out unless `keep_id`. Returns the row's `id` when `returning`.
pub(super) async fn insert<C>(
    conn: &mut C,
    table: &str,
    row: &Row,
    keep_id: bool,
    returning: bool,
    postgres: bool,
) -> Result<Option<i64>, StoreError>
where
    C: Connection,
    for<'c> &'c mut C: Executor<'c, Database = C::Database>,
    for<'t> String: Encode<'t, C::Database> + Type<C::Database>,
    (String,): for<'r> FromRow<'r, <C::Database as Database>::Row>,
    (i64,): for<'r> FromRow<'r, <C::Database as Database>::Row>,
    <C::Database as Database>::Arguments: IntoArguments<C::Database>,
{
    let table = plain(table)?;
    let names: Vec<String> = columns(&mut *conn, table, postgres)
        .await?
        .into_iter()
        .filter(|c| row.contains_key(c) && (keep_id || c != "id"))
        .collect();
    let list = names.join(", ");
    let values = if postgres {
        list.clone()
    } else {
        names.iter().map(|c| format!("json_extract($1, '$.{c}')")).collect::<Vec<_>>().join(", ")
    };
    let from =
        if postgres { format!(" FROM json_populate_record(NULL::{table}, CAST($1 AS json))") } else { String::new() };
    // PostgreSQL's identity columns take a given id only when told to.
    let overriding =
        if postgres && keep_id && names.iter().any(|c| c == "id") { " OVERRIDING SYSTEM VALUE" } else { "" };
    let returns = if returning { " RETURNING id" } else { "" };
    let sql = format!("INSERT INTO {table} ({list}){overriding} SELECT {values}{from}{returns}");
    let json = Value::Object(row.clone()).to_string();
    if returning {
        let (id,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(json).fetch_one(&mut *conn).await?;
        Ok(Some(id))
    } else {
        sqlx::query(sqlx::AssertSqlSafe(sql)).bind(json).execute(&mut *conn).await?;
        Ok(None)
    }
}

/// A text value of a row, if it has one.
pub(super) fn text<'r>(row: &'r Row, column: &str) -> Option<&'r str> {
    row.get(column).and_then(Value::as_str)
}

/// `sql` (a count with its one value as `$1`) answered.
pub(super) async fn count<C>(conn: &mut C, sql: &str, value: i64) -> Result<i64, StoreError>
where
    C: Connection,
    for<'c> &'c mut C: Executor<'c, Database = C::Database>,
    for<'t> i64: Encode<'t, C::Database> + Type<C::Database>,
    (i64,): for<'r> FromRow<'r, <C::Database as Database>::Row>,
    <C::Database as Database>::Arguments: IntoArguments<C::Database>,
{
    let (n,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql.to_owned())).bind(value).fetch_one(&mut *conn).await?;
    Ok(n)
}
