/**
 * The sort-key linter and migration (issue "Timezones").
 *
 * <p>{@link dev.cruddur.admin.app.lint.SortKeyAudit} is the door: {@code lint} scans the table and
 * returns a {@link dev.cruddur.admin.app.lint.LintReport} (counts per
 * {@link dev.cruddur.admin.app.lint.SortKeyClass}, order disagreements, what Cruddur's
 * {@code begins_with(sk, year)} hides, findings naming each item's key); {@code plan} is the dry run
 * ({@link dev.cruddur.admin.app.lint.MigrationPlan}); {@code migrate} applies a fresh plan when the
 * table's name is typed, and answers with a {@link dev.cruddur.admin.app.lint.MigrationOutcome}.
 * {@link dev.cruddur.admin.app.lint.SortKeyLinter} holds the logic, fed items one by one with no
 * endpoint; the store scans ({@code ItemScan}) and writes ({@code SortKeyMigrator}).
 *
 * <p>A migration is resumable because nothing is remembered between runs: the plan is recomputed
 * from the table, moved items are canonical and drop out, and a copy left by a move interrupted
 * between its put and its delete is recognised by its content, so only the delete is planned.
 */
package dev.cruddur.admin.app.lint;
