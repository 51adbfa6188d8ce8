package dev.cruddur.admin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.testsupport.DynaliteServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * dynalite on disk is killed (SIGKILL) and restarted in the middle of a loop of sends. Every
 * send is retried with the same {@link OutgoingMessage} until acknowledged, as the window's Retry
 * does. Afterwards no acknowledged message is missing or duplicated, and each conversation has
 * exactly its two group rows at its newest message.
 */
class CrashDuringSendsTest {
    @TempDir
    Path data;

    @Test
    void killingTheEndpointMidSendLosesAndDuplicatesNothing() throws Exception {
        try (DynaliteServer dynalite = DynaliteServer.startOnDisk(data);
             DirectMessages dm = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(dynalite.endpoint(), "crash")),
                     Clock.systemUTC())) {
            dm.schema().create();
            dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE);
            List<OutgoingMessage> acknowledged = new ArrayList<>();
            int failures = 0;
            int kills = 0;
            for (int i = 0; i < 60; i++) {
                String group = i % 3 == 0 ? DemoFixture.LONDO_GROUP : DemoFixture.MAIN_GROUP;
                User sender = i % 2 == 0 ? DemoFixture.ANDREW_BROWN : (group.equals(DemoFixture.LONDO_GROUP) ? DemoFixture.LONDO : DemoFixture.ANDREW_BAYKO);
                OutgoingMessage outgoing = dm.prepare(group, sender, "crash-loop " + i);
                if (i % 15 == 7) {
                    // kill while this send's writes are in flight
                    Thread killer = new Thread(() -> {
                        sleep(1 + 2L * (outgoing.text().length() % 4));
                        dynalite.kill();
                    });
                    killer.start();
                    SendResult during = dm.send(outgoing);
                    killer.join();
                    kills++;
                    if (during instanceof SendResult.Failed) failures++;
                    dynalite.restart();
                }
                SendResult result = dm.send(outgoing);
                for (int retry = 0; result instanceof SendResult.Failed && retry < 20; retry++) {
                    failures++;
                    sleep(100);
                    result = dm.send(outgoing);
                }
                assertThat(result).as("send %d", i).isInstanceOf(SendResult.Sent.class);
                acknowledged.add(outgoing);
            }
            assertThat(kills).isEqualTo(4);

            for (String group : List.of(DemoFixture.MAIN_GROUP, DemoFixture.LONDO_GROUP)) {
                List<Message> stored = dm.allMessages(group);
                Map<String, Long> copies = stored.stream().collect(Collectors.groupingBy(Message::messageUuid, Collectors.counting()));
                for (OutgoingMessage sent : acknowledged) {
                    if (sent.groupUuid().equals(group)) {
                        assertThat(copies.get(sent.messageUuid())).as("copies of %s", sent.text()).isEqualTo(1L);
                    }
                }
                assertThat(copies.values()).allMatch(n -> n == 1L);
                Message newest = stored.get(stored.size() - 1);
                List<Map<String, AttributeValue>> rows = new MessageTableReader(dm.connection()).groupRows(group);
                assertThat(rows).as("group rows of %s", group).hasSize(2);
                assertThat(rows).allSatisfy(r -> {
                    assertThat(r.get("sk").s()).isEqualTo(newest.createdAt().raw());
                    assertThat(r.get("message").s()).isEqualTo(newest.text());
                });
            }
            System.out.println("crash test: 60 sends, 4 kills, " + failures + " failed attempts retried");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
