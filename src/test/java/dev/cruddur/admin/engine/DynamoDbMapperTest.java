package dev.cruddur.admin.engine;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBAttribute;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBHashKey;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMappingException;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBQueryExpression;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBRangeKey;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBSaveExpression;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBScanExpression;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBTable;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBVersionAttribute;
import com.amazonaws.services.dynamodbv2.model.AttributeValue;
import com.amazonaws.services.dynamodbv2.model.ConditionalCheckFailedException;
import com.amazonaws.services.dynamodbv2.model.CreateTableRequest;
import com.amazonaws.services.dynamodbv2.model.ExpectedAttributeValue;
import com.amazonaws.services.dynamodbv2.model.BillingMode;
import com.amazonaws.services.dynamodbv2.util.TableUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Existing Java code still uses SDK v1's DynamoDBMapper, which sends the legacy parameters (Expected,
 * KeyConditions, AttributesToGet...). The real SDK v1 against the embedded endpoint: save, load, query, scan,
 * conditional and versioned saves, batch save and load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class DynamoDbMapperTest {
    private EmbeddedDynamo engine;
    private AmazonDynamoDB client;
    private DynamoDBMapper mapper;

    @DynamoDBTable(tableName = "mapper_messages")
    public static class Message {
        private String group;
        private String sortKey;
        private String text;
        private Integer likes;
        private Long version;

        public Message() {}

        Message(String group, String sortKey, String text, int likes) {
            this.group = group;
            this.sortKey = sortKey;
            this.text = text;
            this.likes = likes;
        }

        @DynamoDBHashKey(attributeName = "pk") public String getGroup() { return group; }
        public void setGroup(String group) { this.group = group; }
        @DynamoDBRangeKey(attributeName = "sk") public String getSortKey() { return sortKey; }
        public void setSortKey(String sortKey) { this.sortKey = sortKey; }
        @DynamoDBAttribute(attributeName = "message") public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        @DynamoDBAttribute public Integer getLikes() { return likes; }
        public void setLikes(Integer likes) { this.likes = likes; }
        @DynamoDBVersionAttribute public Long getVersion() { return version; }
        public void setVersion(Long version) { this.version = version; }

        /** A hash-key-only probe for a query: the mapper turns every non-null attribute into a condition. */
        Message withoutLikes() {
            likes = null;
            return this;
        }

        @Override public boolean equals(Object o) {
            return o instanceof Message m && Objects.equals(group, m.group) && Objects.equals(sortKey, m.sortKey)
                    && Objects.equals(text, m.text) && Objects.equals(likes, m.likes) && Objects.equals(version, m.version);
        }
        @Override public int hashCode() { return Objects.hash(group, sortKey); }
        @Override public String toString() { return group + "/" + sortKey + " " + text + " likes=" + likes + " v" + version; }
    }

    @BeforeAll
    void start() throws InterruptedException {
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
        client = AmazonDynamoDBClientBuilder.standard()
                .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(engine.endpoint().toString(), "us-east-1"))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("test", "test")))
                .withClientConfiguration(new ClientConfiguration().withMaxErrorRetry(0)
                        .withConnectionTimeout(5_000).withSocketTimeout(30_000))
                .build();
        mapper = new DynamoDBMapper(client);
        CreateTableRequest create = mapper.generateCreateTableRequest(Message.class).withBillingMode(BillingMode.PAY_PER_REQUEST);
        client.createTable(create);
        TableUtils.waitUntilActive(client, "mapper_messages", 20_000, 100);
    }

    @AfterAll
    void stop() {
        if (client != null) client.shutdown();
        if (engine != null) engine.close();
    }

    @Test
    void savesAndLoadsAnObjectWithItsVersion() {
        Message m = new Message("g-load", "2026-01-01T00:00:00Z", "hello", 3);
        mapper.save(m);
        assertThat(m.getVersion()).isEqualTo(1L);
        Message loaded = mapper.load(Message.class, "g-load", "2026-01-01T00:00:00Z");
        assertThat(loaded).isEqualTo(m);
        // the item as DynamoDB stores it: the mapper's attribute names, numbers as N
        Map<String, AttributeValue> raw = client.getItem("mapper_messages",
                Map.of("pk", new AttributeValue("g-load"), "sk", new AttributeValue("2026-01-01T00:00:00Z"))).getItem();
        assertThat(raw).containsEntry("message", new AttributeValue("hello"))
                .containsEntry("likes", new AttributeValue().withN("3"))
                .containsEntry("version", new AttributeValue().withN("1"));
        assertThat(mapper.load(Message.class, "g-load", "missing")).isNull();
    }

    @Test
    void aStaleVersionIsRefusedAndACurrentOneSaved() {
        Message m = new Message("g-version", "a", "first", 0);
        mapper.save(m);
        Message stale = mapper.load(Message.class, "g-version", "a");
        m.setText("second");
        mapper.save(m);
        assertThat(m.getVersion()).isEqualTo(2L);
        stale.setText("lost update");
        assertThatThrownBy(() -> mapper.save(stale)).isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(mapper.load(Message.class, "g-version", "a").getText()).isEqualTo("second");
        // a new object with the key of an existing one has no version: the mapper expects the item absent
        Message again = new Message("g-version", "a", "overwrite", 0);
        assertThatThrownBy(() -> mapper.save(again)).isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void aSaveExpressionIsChecked() {
        Message m = new Message("g-expected", "a", "first", 5);
        mapper.save(m);
        DynamoDBSaveExpression onlyIfFiveLikes = new DynamoDBSaveExpression()
                .withExpectedEntry("likes", new ExpectedAttributeValue(new AttributeValue().withN("5")));
        m.setText("second");
        mapper.save(m, onlyIfFiveLikes);
        assertThat(mapper.load(Message.class, "g-expected", "a").getText()).isEqualTo("second");

        DynamoDBSaveExpression onlyIfSixLikes = new DynamoDBSaveExpression()
                .withExpectedEntry("likes", new ExpectedAttributeValue(new AttributeValue().withN("6")));
        m.setText("third");
        assertThatThrownBy(() -> mapper.save(m, onlyIfSixLikes)).isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(mapper.load(Message.class, "g-expected", "a").getText()).isEqualTo("second");
    }

    @Test
    void queriesAPartitionInOrderWithARangeAndAFilter() {
        List<Message> saved = new ArrayList<>();
        for (int i = 0; i < 30; i++) saved.add(new Message("g-query", String.format("m%03d", i), "text " + i, i % 3));
        mapper.batchSave(saved);
        mapper.save(new Message("g-other", "m001", "elsewhere", 0));

        List<Message> all = mapper.query(Message.class, new DynamoDBQueryExpression<Message>()
                .withHashKeyValues(new Message("g-query", null, null, 0).withoutLikes()));
        assertThat(all).extracting(Message::getSortKey).containsExactlyElementsOf(saved.stream().map(Message::getSortKey).toList());

        List<Message> newestFirst = mapper.query(Message.class, new DynamoDBQueryExpression<Message>()
                .withKeyConditionExpression("pk = :g AND sk BETWEEN :from AND :to")
                .withFilterExpression("likes = :zero")
                .withExpressionAttributeValues(Map.of(":g", new AttributeValue("g-query"), ":from", new AttributeValue("m010"),
                        ":to", new AttributeValue("m020"), ":zero", new AttributeValue().withN("0")))
                .withScanIndexForward(false));
        assertThat(newestFirst).extracting(Message::getSortKey).containsExactly("m018", "m015", "m012");

        // paged by the mapper (Limit 7 per request), read through to the end
        List<Message> paged = mapper.query(Message.class, new DynamoDBQueryExpression<Message>()
                .withHashKeyValues(new Message("g-query", null, null, 0).withoutLikes()).withLimit(7));
        assertThat(paged).hasSize(30);
        assertThat(mapper.count(Message.class, new DynamoDBQueryExpression<Message>()
                .withHashKeyValues(new Message("g-query", null, null, 0).withoutLikes()))).isEqualTo(30);
    }

    @Test
    void scansWithAFilter() {
        mapper.batchSave(List.of(new Message("g-scan-1", "a", "needle", 1), new Message("g-scan-2", "a", "needle", 1),
                new Message("g-scan-3", "a", "hay", 1)));
        List<Message> found = mapper.scan(Message.class, new DynamoDBScanExpression()
                .withFilterExpression("message = :n AND begins_with(pk, :p)")
                .withExpressionAttributeValues(Map.of(":n", new AttributeValue("needle"), ":p", new AttributeValue("g-scan-"))));
        assertThat(found).extracting(Message::getGroup).containsExactlyInAnyOrder("g-scan-1", "g-scan-2");
    }

    @Test
    void batchSavesLoadsAndDeletes() {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 40; i++) messages.add(new Message("g-batch", "b" + i, "batch " + i, i));
        assertThat(mapper.batchSave(messages)).isEmpty();

        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Message key = new Message();
            key.setGroup("g-batch");
            key.setSortKey("b" + i);
            keys.add(key);
        }
        Map<String, List<Object>> loaded = mapper.batchLoad(keys);
        // batchSave clobbers (the mapper writes no version there), so what comes back is what was sent
        assertThat(loaded.get("mapper_messages")).hasSize(40).containsExactlyInAnyOrderElementsOf(messages);

        assertThat(mapper.batchDelete(messages.subList(0, 10))).isEmpty();
        assertThat(mapper.batchLoad(keys).get("mapper_messages")).hasSize(30);
    }

    @Test
    void anUnannotatedClassIsTheMappersErrorNotTheEndpoints() {
        assertThatThrownBy(() -> mapper.load(String.class, "x")).isInstanceOf(DynamoDBMappingException.class);
    }
}
