package dev.cruddur.admin.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.store.ItemWrites.WrittenKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page keys the items a write wrote are on. */
class StaleKeysTest {
    @Test
    void groupRowsAreOnTheirOwnersListsMessageRowsOnTheirConversationsAndOtherItemsOnNone() {
        assertThat(StaleKeys.of(List.of(
                new WrittenKey("t", "MSG#g1", "2026"), new WrittenKey("t", "GRP#alice", "2026"),
                new WrittenKey("t", "GRP#bob", "2026"), new WrittenKey("t", "GRP#alice", "2025"),
                new WrittenKey("t", "NOTE#1", "x"), new WrittenKey("t", "GRP#", "x"), new WrittenKey("t", "", ""))))
                .containsExactly("messages/g1", "groups/alice", "groups/bob");
    }
}
