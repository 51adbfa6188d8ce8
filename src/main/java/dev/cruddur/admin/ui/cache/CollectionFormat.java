package dev.cruddur.admin.ui.cache;

/** How a sorted-set score reads: whole numbers without a decimal point. */
final class CollectionFormat {
    private CollectionFormat() {}

    static String score(double score) {
        return score == Math.rint(score) && Math.abs(score) < 1e15 ? Long.toString((long) score) : Double.toString(score);
    }
}
