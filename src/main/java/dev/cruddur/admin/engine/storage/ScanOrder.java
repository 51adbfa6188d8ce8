package dev.cruddur.admin.engine.storage;

import dev.cruddur.admin.engine.model.AttributeValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Where a hash key falls in scan order. DynamoDB scans in the order of a hash of the partition key;
 * we use the same md5 prefix as dynalite ("Outliers" salt, six hex digits) so that Scan pages and parallel
 * scan segments agree with it item for item.
 */
public final class ScanOrder {
    private ScanOrder() {}

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final byte[] SALT = "Outliers".getBytes(StandardCharsets.US_ASCII);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    public static String prefix(AttributeValue hash, AttributeValue range) {
        MessageDigest md = MD5.get();
        md.reset();
        md.update(SALT);
        md.update(bytes(hash));
        if (range != null) md.update(bytes(range));
        byte[] d = md.digest();
        char[] out = new char[6];
        for (int i = 0; i < 3; i++) {
            out[2 * i] = HEX[(d[i] >> 4) & 15];
            out[2 * i + 1] = HEX[d[i] & 15];
        }
        return new String(out);
    }

    static byte[] bytes(AttributeValue v) {
        if (v instanceof AttributeValue.S s) return s.value().getBytes(StandardCharsets.UTF_8);
        if (v instanceof AttributeValue.B b) return b.value();
        return numberBytes(((AttributeValue.N) v).value());
    }

    /** DynamoDB's internal number encoding, as ported by dynalite (numToBuffer). */
    static byte[] numberBytes(BigDecimal num) {
        if (num.signum() == 0) return new byte[]{(byte) -128};
        BigDecimal s = num.stripTrailingZeros();
        String digits = s.unscaledValue().abs().toString();
        int[] mantissa = new int[digits.length()];
        for (int i = 0; i < mantissa.length; i++) mantissa[i] = digits.charAt(i) - '0';
        boolean negative = s.signum() < 0;
        int e = s.precision() - s.scale() - 1;
        int exponent = e + 1;
        int appendZero = exponent % 2 != 0 ? 1 : 0;
        int lengthWithoutExponent = Math.floorDiv(mantissa.length + appendZero + 1, 2);
        int[] out;
        if (lengthWithoutExponent < 20 && negative) {
            out = new int[lengthWithoutExponent + 2];
            out[lengthWithoutExponent + 1] = 102;
        } else {
            out = new int[lengthWithoutExponent + 1];
        }
        out[0] = Math.floorDiv(exponent + appendZero, 2) - 64;
        if (negative) out[0] ^= 0xffffffff;
        boolean appendedZero = false;
        for (int m = 0; m < mantissa.length; m++) {
            int index = Math.floorDiv(m + appendZero, 2) + 1;
            if (appendZero == 1 && m == 0 && !appendedZero) {
                out[index] = 0;
                appendedZero = true;
                m--;
            } else if ((m + appendZero) % 2 == 0) {
                out[index] = mantissa[m] * 10;
            } else {
                out[index] += mantissa[m];
            }
            if (((m + appendZero) % 2 != 0) || m == mantissa.length - 1) {
                if (m >= 0) {
                    if (negative) out[index] = 101 - out[index]; else out[index]++;
                }
            }
        }
        byte[] b = new byte[out.length];
        for (int i = 0; i < out.length; i++) b[i] = (byte) out[i];
        return b;
    }
}
