package dev.cruddur.admin.time;

/** One of the seed's Timezones questions, answered for one value. */
public record SeedAnswer(String question, String answer) {
}
