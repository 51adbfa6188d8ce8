package dev.cruddur.admin.store;

import static dev.cruddur.admin.domain.TableKeys.*;

import dev.cruddur.admin.store.GroupRowMoves.RowMove;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.MessageText;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.SendMode;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.domain.User;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Cruddur's writes, patterns C and D: a message, and both group rows of its conversation moved
 * to it. Where the endpoint has transactions it is one {@code TransactWriteItems}; where it has
 * not, the writes go in an order that can leave a duplicate but never a missing row: the
 * message, then the new group rows, then the deletion of the old ones.
 */
public final class MessageWriter {
    public static final String TRANSACTION = "transaction";
    public static final String ORDERED = "ordered writes";
    public static final String MESSAGE_ONLY = "message only: the stream updater moves the group rows";
    private static final int ATTEMPTS = 3;

    private final DynamoConnection connection;
    private final MessageTableReader reader;

    public MessageWriter(DynamoConnection connection) {
        this.connection = connection;
        this.reader = new MessageTableReader(connection);
    }

    /** Sends into an existing conversation: C + D. Safe to call again with the same message. */
    public SendResult send(OutgoingMessage outgoing) {
        return send(outgoing, SendMode.DIRECT);
    }

    /** Sends in the given mode; {@link SendMode#STREAM} writes the message row only. */
    public SendResult send(OutgoingMessage outgoing, SendMode mode) {
        MessageText.Check check = MessageText.check(outgoing.text());
        if (check instanceof MessageText.Refused refused) return new SendResult.Rejected(refused.reason());
        String text = ((MessageText.Accepted) check).text();
        if (!connection.writable()) {
            return new SendResult.Rejected(connection.readOnlyReason());
        }
        try {
            for (int attempt = 1; ; attempt++) {
                List<Map<String, AttributeValue>> rows = reader.groupRows(outgoing.groupUuid());
                List<Map<String, AttributeValue>> senderRows = GroupRowMoves.byOwner(rows).get(outgoing.sender().uuid());
                if (senderRows == null) {
                    return new SendResult.Rejected(rows.isEmpty()
                            ? "There is no conversation " + outgoing.groupUuid() + "."
                            : "@" + outgoing.sender().handle() + " is not in this conversation.");
                }
                if (mode == SendMode.STREAM) return writeMessageOnly(outgoing, text);
                List<RowMove> moves = GroupRowMoves.plan(outgoing.groupUuid(), outgoing.sender(), text, outgoing.sortKey(), rows);
                Map<String, AttributeValue> messageRow = Items.messageRow(outgoing.groupUuid(), outgoing.messageUuid(),
                        outgoing.sender(), text, outgoing.sortKey());
                Optional<SendResult> done = connection.capabilities().transactions()
                        ? writeTransaction(outgoing, messageRow, moves, attempt)
                        : writeOrdered(outgoing, messageRow, moves);
                if (done.isPresent()) return done.get();
                if (attempt == ATTEMPTS) {
                    return new SendResult.Failed("The conversation kept changing while sending; try again.", true);
                }
            }
        } catch (StoreException e) {
            return new SendResult.Failed(e.getMessage(), e.kind().retryable());
        }
    }

    /**
     * Starts a conversation: its first message and both group rows, all under the uuids of
     * {@code first} (so a retry completes rather than duplicates).
     */
    public SendResult startConversation(OutgoingMessage first, User to) {
        MessageText.Check check = MessageText.check(first.text());
        if (check instanceof MessageText.Refused refused) return new SendResult.Rejected(refused.reason());
        if (first.sender().uuid().equals(to.uuid())) {
            return new SendResult.Rejected("A conversation needs two different users.");
        }
        if (!connection.writable()) {
            return new SendResult.Rejected(connection.readOnlyReason());
        }
        String text = ((MessageText.Accepted) check).text();
        Map<String, AttributeValue> messageRow = Items.messageRow(first.groupUuid(), first.messageUuid(), first.sender(), text, first.sortKey());
        List<RowMove> moves = List.of(
                new RowMove(first.sender().uuid(), Items.groupRow(first.sender().uuid(), first.groupUuid(), to, text, first.sortKey()), List.of()),
                new RowMove(to.uuid(), Items.groupRow(to.uuid(), first.groupUuid(), first.sender(), text, first.sortKey()), List.of()));
        try {
            Optional<SendResult> done = connection.capabilities().transactions()
                    ? writeTransaction(first, messageRow, moves, 1)
                    : writeOrdered(first, messageRow, moves);
            return done.orElseGet(() -> new SendResult.Failed("The conversation changed while it was created; try again.", true));
        } catch (StoreException e) {
            return new SendResult.Failed(e.getMessage(), e.kind().retryable());
        }
    }

    private Optional<SendResult> writeTransaction(OutgoingMessage outgoing, Map<String, AttributeValue> messageRow,
                                                  List<RowMove> moves, int attempt) {
        List<TransactWriteItem> actions = new ArrayList<>();
        actions.add(TransactWriteItem.builder().put(Put.builder().tableName(connection.table()).item(messageRow)
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        actions.addAll(GroupRowMoves.transactionActions(connection.table(), moves));
        // the same message's first attempt always carries the same token: a resend of a write whose
        // answer was lost is then recognised by DynamoDB itself
        String token = attempt == 1 ? outgoing.messageUuid()
                : UUID.nameUUIDFromBytes((outgoing.messageUuid() + "#" + attempt).getBytes(StandardCharsets.UTF_8)).toString();
        try {
            connection.client().transactWriteItems(r -> r.transactItems(actions).clientRequestToken(token));
            return Optional.of(sent(messageRow, false, TRANSACTION));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            boolean messageExists = !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code());
            if (messageExists) return Optional.of(finishRepeated(outgoing, messageRow));
            return Optional.empty(); // a group row moved under us: read again and retry
        } catch (IdempotentParameterMismatchException e) {
            return Optional.of(finishRepeated(outgoing, messageRow));
        } catch (SdkException e) {
            throw StoreFailures.translate(e, connection.target().describe(), connection.table());
        }
    }

    private Optional<SendResult> writeOrdered(OutgoingMessage outgoing, Map<String, AttributeValue> messageRow, List<RowMove> moves) {
        boolean repeated = false;
        try {
            connection.client().putItem(r -> r.tableName(connection.table()).item(messageRow)
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            SendResult existing = alreadyWritten(outgoing, messageRow, ORDERED);
            if (!(existing instanceof SendResult.Sent)) return Optional.of(existing);
            repeated = true; // an earlier attempt wrote the message: finish its group rows
        } catch (SdkException e) {
            throw StoreFailures.translate(e, connection.target().describe(), connection.table());
        }
        GroupRowMoves.applyOrdered(connection, moves);
        return Optional.of(sent(messageRow, repeated, ORDERED));
    }

    private SendResult writeMessageOnly(OutgoingMessage outgoing, String text) {
        Map<String, AttributeValue> messageRow = Items.messageRow(outgoing.groupUuid(), outgoing.messageUuid(), outgoing.sender(), text, outgoing.sortKey());
        try {
            connection.client().putItem(r -> r.tableName(connection.table()).item(messageRow).conditionExpression("attribute_not_exists(pk)"));
            return sent(messageRow, false, MESSAGE_ONLY);
        } catch (ConditionalCheckFailedException e) {
            return alreadyWritten(outgoing, messageRow, MESSAGE_ONLY);
        } catch (SdkException e) {
            throw StoreFailures.translate(e, connection.target().describe(), connection.table());
        }
    }

    /** The message was written by an earlier attempt: make sure its group rows caught up too. */
    private SendResult finishRepeated(OutgoingMessage outgoing, Map<String, AttributeValue> messageRow) {
        SendResult existing = alreadyWritten(outgoing, messageRow, TRANSACTION);
        if (existing instanceof SendResult.Sent) GroupRowMoves.catchUp(connection, reader, messageRow);
        return existing;
    }

    /** The message's key is taken: by this very message (a retry), or, absurdly, by another one. */
    private SendResult alreadyWritten(OutgoingMessage outgoing, Map<String, AttributeValue> messageRow, String mode) {
        Optional<Map<String, AttributeValue>> stored = reader.item(messagePk(outgoing.groupUuid()), outgoing.sortKey());
        if (stored.isPresent() && outgoing.messageUuid().equals(Items.string(stored.get(), MESSAGE_UUID))) {
            return sent(messageRow, true, mode);
        }
        if (stored.isEmpty()) return new SendResult.Failed("The write was refused; try again.", true);
        return new SendResult.Failed("Another message already has the timestamp " + outgoing.sortKey() + "; send again.", true);
    }

    private static SendResult sent(Map<String, AttributeValue> messageRow, boolean repeated, String mode) {
        Message message = Items.message(messageRow);
        return new SendResult.Sent(message, repeated, mode);
    }
}
