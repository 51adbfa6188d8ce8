package dev.cruddur.admin.app.lint;

/**
 * What Cruddur's {@code begins_with(sk, current year)} filter hides today.
 *
 * @param year                         the current year (UTC) the filter uses
 * @param groupRowsHidden              group rows whose sk does not start with the year: each is a
 *                                     conversation missing from one participant's list (pattern B)
 * @param conversationsHidden          distinct conversations hidden from at least one participant
 * @param messagesHidden               messages whose sk does not start with the year (missing from pattern A)
 * @param conversationsMissingMessages distinct conversations with at least one hidden message
 */
public record YearPrefixImpact(int year, long groupRowsHidden, long conversationsHidden, long messagesHidden,
                               long conversationsMissingMessages) {
}
