/**
 * Timestamps across Cruddur's stack: {@link dev.cruddur.admin.time.TimeParser} reads any form the stack
 * writes and says which; {@link dev.cruddur.admin.time.TimeFormats} writes one instant in each of them
 * (sort key, zones, Postgres, psycopg3, Flask, epoch, luxon); {@link dev.cruddur.admin.time.RelativeTime}
 * reproduces the frontend's relative times and gives the admin's; {@link dev.cruddur.admin.time.SeedAnswers}
 * answers the seed's Timezones questions for one value. Pure Java: it uses {@code domain} only.
 */
package dev.cruddur.admin.time;
