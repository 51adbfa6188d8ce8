package dev.cruddur.admin.cli;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.domain.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Patterns A to D from the command line. */
final class MessageCommands {
    private MessageCommands() {}

    static Map<String, Object> json(Conversation c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message_group_uuid", c.groupUuid());
        putUser(m, c.other());
        m.put("message", c.lastMessage());
        m.put("last_message_at", c.lastMessageAt().raw());
        if (c.flagged()) m.put("problems", c.problems());
        return m;
    }

    static Map<String, Object> json(Message msg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message_uuid", msg.messageUuid());
        putUser(m, msg.sender());
        m.put("message", msg.text());
        m.put("created_at", msg.createdAt().raw());
        if (msg.flagged()) m.put("problems", msg.problems());
        return m;
    }

    /** The user a row names, in the table's own attribute names. */
    private static void putUser(Map<String, Object> m, User user) {
        m.put("user_uuid", user.uuid());
        m.put("user_handle", user.handle());
        m.put("user_display_name", user.displayName());
    }

    private static final java.util.regex.Pattern UUID_TEXT =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A uuid option must be one (36 characters, hex and dashes): anything else can only find nothing. */
    static void checkUuid(String option, String value) {
        if (value == null || !UUID_TEXT.matcher(value).matches())
            throw new BadInput(option + " must be a uuid like 5ae290ed-55d1-47a0-bc6d-fe2bc2700399, not '" + value + "'.");
    }

    static void checkLimit(int limit) {
        if (limit < 1 || limit > 1000) throw new BadInput("--limit must be between 1 and 1000.");
    }

    @Command(name = "list-conversations", description = "Pattern B: a user's conversations, newest first.")
    static final class ListConversations extends ConnectedCommand {
        @Option(names = "--user", required = true, paramLabel = "HANDLE_OR_UUID") String user;
        @Option(names = "--limit", defaultValue = "20", paramLabel = "N") int limit;
        @Option(names = "--all", description = "Follow every page.") boolean all;
        @Option(names = "--json") boolean json;

        @Override
        int run(DirectMessages messages) throws Exception {
            checkLimit(limit);
            User viewer = messages.requireUser(user);
            List<Conversation> list = all ? messages.allConversations(viewer)
                    : messages.conversations(viewer, Optional.empty(), limit).items();
            if (json) {
                printJson(list.stream().map(MessageCommands::json).toList());
            } else if (list.isEmpty()) {
                out().println("@" + viewer.handle() + " has no conversations.");
            } else {
                for (Conversation c : list) {
                    out().printf("%s  %-24s @%-16s %s%s%n", c.lastMessageAt().raw(), c.other().displayName(),
                            c.other().handle(), oneLine(c.lastMessage()), c.flagged() ? "  [" + String.join("; ", c.problems()) + "]" : "");
                    out().println("    group " + c.groupUuid());
                }
            }
            return CruddurCommand.OK;
        }
    }

    @Command(name = "get-conversation", description = "Pattern A: a conversation's messages, printed oldest to newest.")
    static final class GetConversation extends ConnectedCommand {
        @Option(names = "--group", required = true, paramLabel = "UUID") String group;
        @Option(names = "--limit", defaultValue = "20", paramLabel = "N") int limit;
        @Option(names = "--all", description = "Every message, back to the first.") boolean all;
        @Option(names = "--json") boolean json;

        @Override
        void checkInput() {
            checkUuid("--group", group);
        }

        @Override
        int run(DirectMessages messages) throws Exception {
            checkLimit(limit);
            List<Message> list;
            if (all) {
                list = messages.allMessages(group);
            } else {
                Page<Message> page = messages.messages(group, Optional.empty(), limit);
                list = new ArrayList<>(page.items());
            }
            if (json) {
                printJson(list.stream().map(MessageCommands::json).toList());
            } else if (list.isEmpty()) {
                out().println("No messages in conversation " + group + ".");
            } else {
                for (Message m : list) {
                    out().printf("%s  @%-16s %s%s%n", m.createdAt().raw(), m.sender().handle(), m.text(),
                            m.flagged() ? "  [" + String.join("; ", m.problems()) + "]" : "");
                }
            }
            return CruddurCommand.OK;
        }
    }

    @Command(name = "send", description = "Patterns C + D: send a message into a conversation.")
    static final class Send extends ConnectedCommand {
        @Option(names = "--from", required = true, paramLabel = "HANDLE_OR_UUID") String from;
        @Option(names = "--group", required = true, paramLabel = "UUID") String group;
        @Option(names = "--text", required = true, paramLabel = "TEXT") String text;
        @Option(names = "--json") boolean json;

        @Override
        void checkInput() {
            checkUuid("--group", group);
        }

        @Override
        int run(DirectMessages messages) throws Exception {
            User sender = messages.requireUser(from);
            return report(messages.send(messages.prepare(group, sender, text)), json, this);
        }
    }

    @Command(name = "new-conversation", description = "Start a conversation with a first message (or use the one they share).")
    static final class NewConversation extends ConnectedCommand {
        @Option(names = "--from", required = true, paramLabel = "HANDLE_OR_UUID") String from;
        @Option(names = "--to", required = true, paramLabel = "HANDLE_OR_UUID") String to;
        @Option(names = "--text", required = true, paramLabel = "TEXT") String text;
        @Option(names = "--json") boolean json;

        @Override
        int run(DirectMessages messages) throws Exception {
            User sender = messages.requireUser(from);
            User recipient = messages.requireUser(to);
            OutgoingMessage first = messages.prepareConversation(sender, recipient, text);
            return report(messages.startConversation(first, recipient), json, this);
        }
    }

    static int report(SendResult result, boolean json, ConnectedCommand command) throws Exception {
        if (result instanceof SendResult.Sent sent) {
            if (json) {
                Map<String, Object> out = json(sent.message());
                out.put("message_group_uuid", sent.message().groupUuid());
                out.put("repeated", sent.repeated());
                out.put("write_mode", sent.writeMode());
                command.printJson(out);
            } else {
                command.out().println("Sent " + sent.message().messageUuid() + " at " + sent.message().createdAt().raw()
                        + " into " + sent.message().groupUuid() + " (" + sent.writeMode() + ").");
            }
            return CruddurCommand.OK;
        }
        if (result instanceof SendResult.Rejected rejected) throw new BadInput(rejected.reason());
        SendResult.Failed failed = (SendResult.Failed) result;
        command.err().println(failed.reason());
        return CruddurCommand.FAILURE;
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 60 ? line.substring(0, 59) + "…" : line;
    }
}
