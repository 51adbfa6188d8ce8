package dev.cruddur.admin.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.store.TableDetails;
import dev.cruddur.admin.store.TableShape;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The words of the table details: tags and TTL that an endpoint did not answer read as a sentence
 * marked as such (muted in the pane), never as an error; answered parts read plainly.
 */
class TableDetailsFactsTest {
    private static final TableShape SHAPE = new TableShape("cruddur-messages", new TableShape.Key("pk", "S"),
            Optional.of(new TableShape.Key("sk", "S")), List.of(new TableShape.Index("message-group-sk-index", true,
                    new TableShape.Key("message_group_uuid", "S"), Optional.of(new TableShape.Key("sk", "S")), "ALL")), 107);

    private static Map<String, TableDetailsViewModel.Fact> byName(List<TableDetailsViewModel.Fact> facts) {
        Map<String, TableDetailsViewModel.Fact> out = new LinkedHashMap<>();
        facts.forEach(f -> out.put(f.name(), f));
        return out;
    }

    @Test
    void unansweredTagsAndTtlSaySoInWords() {
        TableDetails d = new TableDetails(SHAPE, "ACTIVE", Optional.empty(), 107, 28_000, Optional.empty(), "PAY_PER_REQUEST",
                new TableDetails.Stream(false, "", Optional.empty()),
                new TableDetails.Part.Unanswered<>("This endpoint does not support it (UnknownOperationException)."),
                new TableDetails.Part.Unanswered<>("The endpoint gave the table no ARN to ask its tags by."));
        var facts = byName(TableDetailsViewModel.facts(d, ZoneOffset.UTC));
        assertThat(facts.get("Tags")).isEqualTo(new TableDetailsViewModel.Fact("Tags",
                "Not available here: the endpoint gave the table no ARN to ask its tags by.", true));
        assertThat(facts.get("TTL").value()).isEqualTo("Not available here: this endpoint does not support it (UnknownOperationException).");
        assertThat(facts.get("TTL").unanswered()).isTrue();
        assertThat(facts.get("Stream").value()).isEqualTo("off");
        assertThat(facts).doesNotContainKey("ARN");
    }

    @Test
    void answeredPartsReadPlainly() {
        TableDetails d = new TableDetails(SHAPE, "ACTIVE", Optional.of("arn:aws:dynamodb:us-east-1:000000000000:table/cruddur-messages"), 107,
                3 * 1024 * 1024, Optional.of(Instant.parse("2026-12-07T04:48:00Z")), "PAY_PER_REQUEST",
                new TableDetails.Stream(true, "NEW_IMAGE", Optional.of("arn:…/stream/x")),
                new TableDetails.Part.Answered<>(new TableDetails.Ttl("ENABLED", Optional.of("expires_at"))),
                new TableDetails.Part.Answered<>(new LinkedHashMap<>(Map.of("team", "cruddur"))));
        List<TableDetailsViewModel.Fact> list = TableDetailsViewModel.facts(d, ZoneOffset.UTC);
        assertThat(list).extracting(TableDetailsViewModel.Fact::name)
                .containsExactly("Table", "Keys", "Global index", "Items", "Created", "Stream", "TTL", "Tags", "ARN");
        assertThat(list).noneMatch(TableDetailsViewModel.Fact::unanswered);
        var facts = byName(list);
        assertThat(facts.get("Table").value()).isEqualTo("cruddur-messages  ·  ACTIVE  ·  on demand");
        assertThat(facts.get("Global index").value())
                .isEqualTo("message-group-sk-index:  message_group_uuid (partition, S),  sk (sort, S);  projects all");
        assertThat(facts.get("Items").value()).isEqualTo("107  ·  3.0 MB  (as the endpoint last counted them)");
        assertThat(facts.get("Created").value()).isEqualTo("7 Dec 2026, 04:48 Z");
        assertThat(facts.get("Stream").value()).isEqualTo("on, NEW_IMAGE");
        assertThat(facts.get("TTL").value()).isEqualTo("enabled, on the attribute expires_at");
        assertThat(facts.get("Tags").value()).isEqualTo("team = cruddur");
    }
}
