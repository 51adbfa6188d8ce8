/**
 * Cruddur's Postgres: its users ({@code public.users}) and the database's own answers about time.
 * {@link dev.cruddur.admin.users.PostgresTarget} says where the database is (Cruddur's
 * {@code CONNECTION_URL}, a {@code postgresql://} URL, or host/port/database/user with the password
 * from {@code ~/.pgpass} or {@code PGPASSWORD}); {@link dev.cruddur.admin.users.CruddurUsers} searches
 * and looks users up; {@link dev.cruddur.admin.users.DatabaseTime} asks the server how it reads and
 * prints a timestamp. The only package that imports JDBC. Every connection is read-only: the tool
 * never writes Cruddur's Postgres.
 */
package dev.cruddur.admin.users;
