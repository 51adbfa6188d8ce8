package dev.cruddur.admin.engine.api;

import com.fasterxml.jackson.core.SerializableString;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Stored item text spliced into a response as it is. Stored text is ASCII (see {@link Values#itemToText}),
 * so its characters are its UTF-8 bytes and can be copied straight into Jackson's output buffer, instead of
 * going through the per-character encoding of writeRaw(String), which was most of a 100-item Query's cost.
 */
public final class RawJson implements SerializableString {
    private final String ascii;

    public RawJson(String ascii) { this.ascii = ascii; }

    @Override public String getValue() { return ascii; }
    @Override public int charLength() { return ascii.length(); }
    @Override public char[] asQuotedChars() { return ascii.toCharArray(); }
    @Override public byte[] asUnquotedUTF8() { return ascii.getBytes(StandardCharsets.ISO_8859_1); }
    @Override public byte[] asQuotedUTF8() { return asUnquotedUTF8(); }
    @Override public int appendQuotedUTF8(byte[] buffer, int offset) { return appendUnquotedUTF8(buffer, offset); }
    @Override public int appendQuoted(char[] buffer, int offset) { return appendUnquoted(buffer, offset); }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) copies low bytes without allocating: right for ASCII
    @Override public int appendUnquotedUTF8(byte[] buffer, int offset) {
        int length = ascii.length();
        if (offset + length > buffer.length) return -1;
        ascii.getBytes(0, length, buffer, offset);
        return length;
    }

    @Override public int appendUnquoted(char[] buffer, int offset) {
        int length = ascii.length();
        if (offset + length > buffer.length) return -1;
        ascii.getChars(0, length, buffer, offset);
        return length;
    }

    @Override public int writeQuotedUTF8(OutputStream out) throws IOException { return writeUnquotedUTF8(out); }

    @Override public int writeUnquotedUTF8(OutputStream out) throws IOException {
        byte[] b = asUnquotedUTF8();
        out.write(b);
        return b.length;
    }

    @Override public int putQuotedUTF8(ByteBuffer buffer) { return putUnquotedUTF8(buffer); }

    @Override public int putUnquotedUTF8(ByteBuffer buffer) {
        byte[] b = asUnquotedUTF8();
        if (b.length > buffer.remaining()) return -1;
        buffer.put(b);
        return b.length;
    }

    @Override public String toString() { return ascii; }
}
