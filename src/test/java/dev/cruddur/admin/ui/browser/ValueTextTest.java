package dev.cruddur.admin.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a cell shows each type, and which values also get a date. */
class ValueTextTest {
    @Test
    void valuesRenderByType() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("a", new BigDecimal("1E+3"));
        nested.put("b", null);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("s", "text");
        item.put("n", new BigDecimal("12.50"));
        item.put("big", new BigDecimal("1E+3"));
        item.put("ok", true);
        item.put("nothing", null);
        item.put("list", List.of("x", new BigDecimal("2"), false));
        item.put("map", nested);
        item.put("ss", new LinkedHashSet<>(List.of("p", "q")));
        item.put("bin", new byte[] {1, 2, 3});
        assertThat(ValueText.cell(item, "s")).isEqualTo("text");
        assertThat(ValueText.cell(item, "n")).isEqualTo("12.50");
        assertThat(ValueText.cell(item, "big")).isEqualTo("1000");
        assertThat(ValueText.cell(item, "ok")).isEqualTo("true");
        assertThat(ValueText.cell(item, "nothing")).isEqualTo("NULL");
        assertThat(ValueText.cell(item, "missing")).isEmpty();
        assertThat(ValueText.cell(item, "list")).isEqualTo("[\"x\",2,false]");
        assertThat(ValueText.cell(item, "map")).isEqualTo("{\"a\":1000,\"b\":null}");
        assertThat(ValueText.cell(item, "ss")).isEqualTo("[\"p\",\"q\"]");
        assertThat(ValueText.cell(item, "bin")).isEqualTo("AQID");
        assertThat(List.of("s", "n", "ok", "nothing", "list", "map", "ss", "bin").stream().map(k -> ValueText.typeOf(item.get(k))))
                .containsExactly("S", "N", "BOOL", "NULL", "L", "M", "SS", "B");
        assertThat(ValueText.cell(Map.of("long", "x".repeat(1000)), "long")).hasSize(ValueText.MAX_CELL_CHARS + 1).endsWith("…");
    }

    @Test
    void timestampsAndEpochNumbersAlsoShowAsDatesInTheChosenZone() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertThat(ValueText.date("2026-11-25T08:15:00.000000+00:00", tokyo)).hasValueSatisfying(d -> assertThat(d).startsWith("2026-11-25 17:15:00"));
        assertThat(ValueText.date(new BigDecimal("1764058500"), ZoneId.of("UTC"))).hasValueSatisfying(d -> assertThat(d).startsWith("2025-11-25 08:15:00"));
        assertThat(ValueText.date(new BigDecimal("42"), tokyo)).isEmpty();
        assertThat(ValueText.date("hello", tokyo)).isEmpty();
        assertThat(ValueText.date(List.of("2026-11-25T08:15:00Z"), tokyo)).isEmpty();
    }
}
