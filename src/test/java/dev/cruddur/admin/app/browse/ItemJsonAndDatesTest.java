package dev.cruddur.admin.app.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cruddur.admin.store.ItemJson;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DynamoDB JSON ↔ plain JSON for every type, and attribute values shown as dates. */
class ItemJsonAndDatesTest {
    private static final String EVERY_TYPE = "{\"b\":{\"B\":\"AP8=\"},\"bool\":{\"BOOL\":true},\"bs\":{\"BS\":[\"AA==\",\"/w==\"]},"
            + "\"l\":{\"L\":[{\"S\":\"x\"},{\"N\":\"1.50\"},{\"NULL\":true},{\"L\":[]},{\"M\":{}}]},"
            + "\"m\":{\"M\":{\"$b\":{\"S\":\"not binary\"}}},\"m2\":{\"M\":{\"$x\":{\"N\":\"2\"},\"y\":{\"BOOL\":false}}},"
            + "\"n\":{\"N\":\"-1.0E+3\"},\"ns\":{\"NS\":[\"1\",\"2.5\"]},\"null\":{\"NULL\":true},\"pk\":{\"S\":\"A\"},"
            + "\"s\":{\"S\":\"{\\\"S\\\":\\\"x\\\"} é\"},\"ss\":{\"SS\":[\"a\",\"b\"]}}";

    @Test
    void everyTypeConvertsToPlainJsonAndBackUnchanged() {
        String plain = ItemJson.dynamoToPlain(EVERY_TYPE);
        assertThat(plain).isEqualTo("{\"b\":{\"$b\":\"AP8=\"},\"bool\":true,\"bs\":{\"$bs\":[\"AA==\",\"/w==\"]},"
                + "\"l\":[\"x\",1.50,null,[],{}],\"m\":{\"$m\":{\"$b\":\"not binary\"}},\"m2\":{\"$x\":2,\"y\":false},"
                + "\"n\":-1.0E+3,\"ns\":{\"$ns\":[1,2.5]},\"null\":null,\"pk\":\"A\",\"s\":\"{\\\"S\\\":\\\"x\\\"} é\",\"ss\":{\"$ss\":[\"a\",\"b\"]}}");
        assertThat(ItemJson.plainToDynamo(plain)).isEqualTo(EVERY_TYPE);
        assertThat(ItemJson.toDynamoJson(ItemJson.fromDynamoJson(EVERY_TYPE))).isEqualTo(EVERY_TYPE);
    }

    @Test
    void malformedTextSaysWhere() {
        assertThatThrownBy(() -> ItemJson.fromDynamoJson("{\"a\":{\"S\":\"x\"},\n\"b\":{\"Q\":1}}"))
                .isInstanceOfSatisfying(ItemJson.Malformed.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.describe()).startsWith("at line 2, column ").contains("unknown type 'Q'");
                });
        assertThatThrownBy(() -> ItemJson.fromPlainJson("{\"a\": [1, 2,, 3]}"))
                .isInstanceOfSatisfying(ItemJson.Malformed.class, e -> assertThat(e.column()).isGreaterThan(10));
        assertThatThrownBy(() -> ItemJson.fromDynamoJson("{\"a\":{\"S\":\"x\",\"N\":\"1\"}}")).hasMessageContaining("exactly one type key");
        assertThatThrownBy(() -> ItemJson.fromDynamoJson("{\"a\":{\"N\":\"one\"}}")).hasMessageContaining("not a number");
    }

    @Test
    void epochNumbersAndTimestampStringsAreShownAsDates() {
        ZoneId ny = ZoneId.of("America/New_York");
        assertThat(AttributeDates.asDate(new BigDecimal("1681564519"), ny))
                .contains("2023-04-15 09:15:19.000000 -04:00 [America/New_York] (epoch seconds)");
        assertThat(AttributeDates.asDate(new BigDecimal("1681564519922"), ny)).hasValueSatisfying(s -> assertThat(s).contains("09:15:19.922000").contains("milliseconds"));
        assertThat(AttributeDates.asDate("2023-04-15T13:15:19.922515+00:00", ny)).contains("2023-04-15 09:15:19.922515 -04:00 [America/New_York]");
        assertThat(AttributeDates.asDate("2023-04-15T13:15:19.922515", ZoneId.of("UTC")))
                .contains("2023-04-15 13:15:19.922515 Z [UTC] (no offset: read as UTC)".replace(" Z ", " +00:00 "));
        assertThat(AttributeDates.asDate("Sat, 15 Apr 2023 13:15:19 GMT", ny)).isPresent();
        assertThat(AttributeDates.asDate(new BigDecimal("42"), ny)).isEmpty();
        assertThat(AttributeDates.asDate("hello", ny)).isEmpty();
        assertThat(AttributeDates.asDate(true, ny)).isEqualTo(Optional.empty());
    }
}
