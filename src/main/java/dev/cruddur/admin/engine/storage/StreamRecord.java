package dev.cruddur.admin.engine.storage;

/** One change as a stream reports it; images are stored item JSON text, null where absent. */
public record StreamRecord(long sequence, String eventName, String keysJson, String newImageJson, String oldImageJson,
                           long createdMillis, int sizeBytes, boolean byTimeToLive) {

    /** Numeric strings of fixed width, so they increase both as numbers and as text. */
    public String sequenceNumber() { return formatSequence(sequence); }

    public static String formatSequence(long sequence) {
        String digits = Long.toString(sequence);
        return "1" + "0".repeat(20 - digits.length()) + digits;
    }

    public static long parseSequence(String text) {
        if (text == null || text.length() != 21 || text.charAt(0) != '1') throw new NumberFormatException(text);
        return Long.parseLong(text.substring(1));
    }
}
