package dev.cruddur.admin.engine.model;

import java.math.BigDecimal;

/** DynamoDB numbers: up to 38 significant digits, magnitude between 1E-130 and 9.99E+125. */
public final class Numbers {
    private Numbers() {}

    public static BigDecimal normalise(BigDecimal value) {
        if (value.signum() == 0) return BigDecimal.ZERO;
        BigDecimal stripped = value.stripTrailingZeros();
        // a negative scale prints as 1E+3; DynamoDB prints 1000, so give it a non-negative scale
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Parses a number as DynamoDB does, or returns the validation message explaining why not. */
    public static BigDecimal parse(String text) throws InvalidNumber {
        if (text == null || text.isEmpty()) throw new InvalidNumber("The parameter cannot be converted to a numeric value");
        BigDecimal d;
        try {
            // BigDecimal would accept surrounding blanks after trim(); DynamoDB does not
            if (!text.strip().equals(text)) throw new NumberFormatException();
            d = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidNumber("The parameter cannot be converted to a numeric value: " + text);
        }
        if (d.signum() == 0) return BigDecimal.ZERO;
        BigDecimal s = d.stripTrailingZeros();
        int exponent = s.precision() - s.scale() - 1;
        if (exponent > 125) throw new InvalidNumber("Number overflow. Attempting to store a number with magnitude larger than supported range");
        if (exponent < -130) throw new InvalidNumber("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        if (s.precision() > 38) throw new InvalidNumber("Attempting to store more than 38 significant digits in a Number");
        return normalise(s);
    }

    public static final class InvalidNumber extends Exception {
        public InvalidNumber(String message) { super(message, null, false, false); }
    }
}
