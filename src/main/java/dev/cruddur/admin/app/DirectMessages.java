package dev.cruddur.admin.app;

import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.SendMode;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.store.Capabilities;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Items;
import dev.cruddur.admin.store.MessageTableReader;
import dev.cruddur.admin.store.MessageWriter;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.store.StoreException;
import dev.cruddur.admin.store.StreamCheckpoints;
import dev.cruddur.admin.store.StreamUpdater;
import dev.cruddur.admin.store.TableSchema;
import dev.cruddur.admin.users.CruddurUsers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the window and the command line do with Cruddur's direct messages on one connection:
 * the table, the user directory, patterns A and B, sending and starting conversations, seeding.
 */
public final class DirectMessages implements AutoCloseable {
    private final DynamoConnection connection;
    private final TableSchema schema;
    private final MessageTableReader reader;
    private final MessageWriter writer;
    private final Seeder seeder;
    private final Clock clock;
    private volatile UserDirectory directory;
    private volatile SendMode sendMode = SendMode.DIRECT;
    private volatile CruddurUsers cruddurUsers;

    public DirectMessages(DynamoConnection connection, Clock clock) {
        this.connection = connection;
        this.schema = new TableSchema(connection);
        this.reader = new MessageTableReader(connection);
        this.writer = new MessageWriter(connection);
        this.seeder = new Seeder(connection);
        this.clock = clock;
    }

    /**
     * Loads and initialises the SDK client's classes without any network call, so that the first
     * real connection opens sooner; meant for a background thread while the window starts.
     */
    public static void preload() {
        try (DynamoConnection warm = DynamoConnection.open(DynamoTarget.endpoint(java.net.URI.create("http://127.0.0.1:9"), "preload"))) {
            warm.table();
        } catch (RuntimeException ignored) {
            // only a head start: the real connection reports its own failures
        }
    }

    public static DirectMessages open(DynamoTarget target) {
        return new DirectMessages(DynamoConnection.open(target), Clock.systemUTC());
    }

    public DynamoConnection connection() {
        return connection;
    }

    public Capabilities capabilities() {
        return connection.capabilities();
    }

    public TableSchema schema() {
        return schema;
    }

    public Seeder seeder() {
        return seeder;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Cruddur's Postgres for its users: then look-ups and searches cover all of {@code public.users},
     * not only the users the table names. Closed with this session.
     */
    public void attachUsers(CruddurUsers users) {
        CruddurUsers before = cruddurUsers;
        cruddurUsers = users;
        if (before != null && before != users) before.close();
    }

    public Optional<CruddurUsers> cruddurUsers() {
        return Optional.ofNullable(cruddurUsers);
    }

    /**
     * Users matching a query (handle, name, email with Postgres; handle or name in the table
     * without), a page at a time: from Cruddur's Postgres when attached, else the table's directory.
     */
    public Page<User> searchUsers(String query, Optional<String> cursor, int limit) {
        CruddurUsers pg = cruddurUsers;
        if (pg != null) return pg.search(query, cursor, limit);
        List<User> all = users().search(query);
        int from = cursor.map(Integer::parseInt).orElse(0);
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.subList(Math.min(from, to), to), to < all.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
    }

    /** The user directory, read from the table on first use and on {@link #refreshUsers()}. */
    public UserDirectory users() {
        UserDirectory d = directory;
        return d != null ? d : refreshUsers();
    }

    public UserDirectory refreshUsers() {
        Map<String, User> fromTable = schema.describe().usable() ? reader.usersInGroupRows() : Map.of();
        directory = new UserDirectory(fromTable);
        return directory;
    }

    /**
     * A user by handle or uuid, from the users the table names; an unknown uuid-shaped value is taken
     * as is (a user with no conversation yet). A handle naming two uuids is refused with both listed.
     */
    public User requireUser(String handleOrUuid) {
        UserLookup found = lookupUser(handleOrUuid);
        if (found instanceof UserLookup.Found f) return f.user();
        if (found instanceof UserLookup.Ambiguous ambiguous) {
            throw new StoreException(StoreException.Kind.INVALID, ambiguous.reason());
        }
        return asUuid(handleOrUuid).map(u -> new User(u, "", ""))
                .orElseThrow(() -> new StoreException(StoreException.Kind.INVALID,
                        "No user '" + handleOrUuid + "' in the table" + (cruddurUsers != null ? " or Cruddur's Postgres" : "")
                                + ": give a handle or uuid of a user the table names"
                                + " (the demo's users exist only where the demo data was loaded)."));
    }

    /**
     * What a handle or uuid names among the table's users and, with Postgres, Cruddur's users
     * (whose names win for the same uuid); two uuids for one handle are ambiguous, never guessed.
     */
    public UserLookup lookupUser(String handleOrUuid) {
        UserLookup inTable = users().lookup(handleOrUuid);
        CruddurUsers pg = cruddurUsers;
        if (pg == null || handleOrUuid == null || handleOrUuid.isBlank()) return inTable;
        Map<String, User> candidates = new LinkedHashMap<>();
        if (inTable instanceof UserLookup.Found f) candidates.put(f.user().uuid(), f.user());
        if (inTable instanceof UserLookup.Ambiguous a) a.candidates().forEach(u -> candidates.put(u.uuid(), u));
        Optional<String> uuid = asUuid(handleOrUuid);
        if (uuid.isPresent()) {
            pg.byUuid(uuid.get()).ifPresent(u -> candidates.put(u.uuid(), u));
        } else {
            pg.byHandle(handleOrUuid).forEach(u -> candidates.put(u.uuid(), u));
        }
        return switch (candidates.size()) {
            case 0 -> new UserLookup.NotFound(handleOrUuid);
            case 1 -> new UserLookup.Found(candidates.values().iterator().next());
            default -> new UserLookup.Ambiguous(handleOrUuid, List.copyOf(candidates.values()));
        };
    }

    private static Optional<String> asUuid(String value) {
        try {
            return Optional.of(UUID.fromString(value.strip()).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Page<Conversation> conversations(User viewer, Optional<String> cursor, int limit) {
        return reader.conversations(viewer.uuid(), cursor, limit);
    }

    /** Every conversation of a user, following every page, each conversation once. */
    public List<Conversation> allConversations(User viewer) {
        Map<String, Conversation> out = new LinkedHashMap<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Conversation> page = conversations(viewer, cursor, 100);
            page.items().forEach(c -> out.putIfAbsent(c.groupUuid(), c));
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return new ArrayList<>(out.values());
    }

    public Page<Message> messages(String groupUuid, Optional<String> cursor, int limit) {
        return reader.messages(groupUuid, cursor, limit);
    }

    /** Every message of a conversation, oldest to newest. */
    public List<Message> allMessages(String groupUuid) {
        List<List<Message>> pages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Message> page = messages(groupUuid, cursor, 100);
            pages.add(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        List<Message> out = new ArrayList<>();
        for (int i = pages.size() - 1; i >= 0; i--) out.addAll(pages.get(i));
        return out;
    }

    /** A message ready to send; keep it to retry, so the retry is recognised and never duplicates. */
    public OutgoingMessage prepare(String groupUuid, User sender, String text) {
        return OutgoingMessage.prepare(groupUuid, sender, text, clock);
    }

    public SendResult send(OutgoingMessage outgoing) {
        return writer.send(outgoing, sendMode);
    }

    /** What a stream-mode send of {@code outgoing} would produce on the stream, and what the updater would then write. */
    public StreamUpdater.Preview previewStreamUpdate(OutgoingMessage outgoing) {
        return new StreamUpdater(connection, StreamCheckpoints.inMemory()).preview(outgoing);
    }

    public SendMode sendMode() {
        return sendMode;
    }

    /** Direct (message and group rows together) or stream (message only; the updater follows). */
    public void setSendMode(SendMode mode) {
        this.sendMode = mode;
    }

    /** A first message to {@code to}: into the conversation they already share, else a new one. */
    public OutgoingMessage prepareConversation(User from, User to, String text) {
        Optional<Conversation> shared = allConversations(from).stream()
                .filter(c -> c.other().uuid().equals(to.uuid())).findFirst();
        String group = shared.map(Conversation::groupUuid).orElseGet(() -> UUID.randomUUID().toString());
        return OutgoingMessage.prepare(group, from, text, clock);
    }

    /** Sends a prepared first message: a send when the conversation exists, else its creation. */
    public SendResult startConversation(OutgoingMessage first, User to) {
        if (first.sender().uuid().equals(to.uuid())) {
            return new SendResult.Rejected("A conversation needs two different users.");
        }
        boolean exists = !reader.groupRows(first.groupUuid()).isEmpty();
        return exists ? send(first) : writer.startConversation(first, to);
    }

    /** The uuids of the users holding a group row of the conversation (normally its two participants). */
    public List<String> participantUuids(String groupUuid) {
        return reader.groupRows(groupUuid).stream().map(row -> Items.conversation(row).ownerUuid())
                .filter(owner -> !owner.isEmpty()).distinct().toList();
    }

    public List<Map<String, Object>> scan(int limit) {
        return reader.scan(limit);
    }

    @Override
    public void close() {
        CruddurUsers pg = cruddurUsers;
        if (pg != null) pg.close();
        connection.close();
    }
}
