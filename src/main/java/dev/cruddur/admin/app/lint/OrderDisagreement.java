package dev.cruddur.admin.app.lint;

import java.time.Instant;

/**
 * Two neighbouring sort keys of one partition (neighbours in the string order DynamoDB keeps,
 * readable keys only) whose instants go the other way: pattern A or B shows them swapped.
 */
public record OrderDisagreement(String pk, String firstSk, Instant firstInstant, String secondSk, Instant secondInstant) {
}
