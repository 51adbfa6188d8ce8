package dev.cruddur.admin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.store.ItemWrites.WrittenKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Which item keys a write request wrote, as the connection tells its listeners (the SDK's own request and response types). */
class ItemWritesTest {
    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    @Test
    void aBatchReportsWhatItWroteButNotWhatItLeftUnprocessed() {
        WriteRequest put = WriteRequest.builder().putRequest(PutRequest.builder().item(key("MSG#g", "1")).build()).build();
        WriteRequest left = WriteRequest.builder().putRequest(PutRequest.builder().item(key("GRP#u", "1")).build()).build();
        WriteRequest delete = WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key("GRP#v", "0")).build()).build();
        var request = BatchWriteItemRequest.builder().requestItems(Map.of("t", List.of(put, left, delete))).build();
        var response = BatchWriteItemResponse.builder().unprocessedItems(Map.of("t", List.of(left))).build();
        assertThat(ItemWrites.written(request, response))
                .containsExactly(new WrittenKey("t", "MSG#g", "1"), new WrittenKey("t", "GRP#v", "0"));
    }

    @Test
    void aTransactionReportsItsWritesNotItsConditionChecksAndAReadReportsNothing() {
        var request = TransactWriteItemsRequest.builder().transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName("t").item(key("GRP#a", "2")).build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName("t").key(key("GRP#a", "1")).build()).build(),
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("t").key(key("MSG#g", "9"))
                        .conditionExpression("attribute_exists(pk)").build()).build()).build();
        assertThat(ItemWrites.written(request, null)).containsExactly(new WrittenKey("t", "GRP#a", "2"), new WrittenKey("t", "GRP#a", "1"));
        assertThat(ItemWrites.written(UpdateItemRequest.builder().tableName("t").key(key("MSG#g", "3")).build(), null))
                .containsExactly(new WrittenKey("t", "MSG#g", "3"));
        assertThat(ItemWrites.written(QueryRequest.builder().tableName("t").build(), null)).isEmpty();
    }
}
