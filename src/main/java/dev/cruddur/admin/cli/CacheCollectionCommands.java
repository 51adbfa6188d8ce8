package dev.cruddur.admin.cli;

import dev.cruddur.admin.cache.CacheCollections;
import dev.cruddur.admin.cache.CacheOutcome;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.cache.CollectionContents;
import dev.cruddur.admin.cache.ItemType;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code cache} verbs for Momento's collections ({@code dictionary-…}, {@code list-…},
 * {@code set-…}, {@code sorted-set-…}) and {@code type}. Fetches print one row a line, tab
 * separated; a missing collection is exit 1 with one line on stderr, as {@code get} does.
 */
final class CacheCollectionCommands {
    private CacheCollectionCommands() {}

    /** A collection verb: the store's collections, and the common "no such collection" answer. */
    abstract static class CollectionCommand extends CacheCommands.CacheCommand {
        @Parameters(index = "0", paramLabel = "KEY") String key;

        @Override
        final int run(CacheStore store) {
            return run(store.collections(), store, requireKey(key));
        }

        abstract int run(CacheCollections collections, CacheStore store, String key);

        /** Prints the value, or the failure; exit code either way. */
        <T> int print(CacheOutcome<T> outcome, CacheStore store, java.util.function.Function<T, String> text) {
            if (outcome instanceof CacheOutcome.Failed<T> failed) return failed(failed.failure(), store.cacheName());
            String line = text.apply(((CacheOutcome.Ok<T>) outcome).value());
            if (line != null) out().println(line);
            return 0;
        }

        /** Prints what was found; nothing found is {@link #missing}. */
        <T> int printFound(CacheOutcome<Optional<T>> outcome, CacheStore store, String what) {
            if (outcome instanceof CacheOutcome.Ok<Optional<T>> ok && ok.value().isEmpty()) return missing(store, what);
            return print(outcome, store, found -> String.valueOf(found.get()));
        }

        int missing(CacheStore store, String what) {
            err().println("No " + what + " at '" + key + "' in cache '" + store.cacheName() + "'.");
            return CruddurCommand.FAILURE;
        }
    }

    /** A fetch verb: the collection of one type, a row a line. */
    abstract static class FetchCommand extends CollectionCommand {
        private final ItemType type;
        private final String what;

        FetchCommand(ItemType type, String what) {
            this.type = type;
            this.what = what;
        }

        @Override
        final int run(CacheCollections collections, CacheStore store, String key) {
            CacheOutcome<Optional<CollectionContents>> fetched = collections.fetch(key, type);
            if (fetched instanceof CacheOutcome.Failed<Optional<CollectionContents>> failed) {
                return failed(failed.failure(), store.cacheName());
            }
            Optional<CollectionContents> contents = ((CacheOutcome.Ok<Optional<CollectionContents>>) fetched).value();
            if (contents.isEmpty()) return missing(store, what);
            for (CollectionContents.Row row : contents.get().rows()) {
                out().println(switch (type) {
                    case DICTIONARY -> row.field() + "\t" + row.value();
                    case SORTED_SET -> row.position() + "\t" + row.value() + "\t" + score(row.score().orElse(0));
                    default -> row.value();
                });
            }
            return CruddurCommand.OK;
        }
    }

    /** One change to one member (field, value, element), answered with a line that names it and the key. */
    abstract static class MemberChange extends CollectionCommand {
        /** The change a verb makes, as {@link CacheCollections} offers it. */
        @FunctionalInterface
        interface Change {
            CacheOutcome<?> apply(CacheCollections collections, String key, String member);
        }

        private final Change change;
        private final String doneFormat;
        // set by each verb's own @Parameters setter, which names the member in its help
        String member;

        /** @param doneFormat the line printed on success, with the member and the key for its two {@code %s} */
        MemberChange(Change change, String doneFormat) {
            this.change = change;
            this.doneFormat = doneFormat;
        }

        @Override
        final int run(CacheCollections collections, CacheStore store, String key) {
            return print(change.apply(collections, key, member), store, v -> String.format(doneFormat, member, key));
        }
    }

    static String score(double score) {
        return score == Math.rint(score) && Math.abs(score) < 1e15 ? Long.toString((long) score) : Double.toString(score);
    }

    @Command(name = "type", mixinStandardHelpOptions = true, description = "Print what a key holds: scalar, dictionary, list, set, sorted-set, or missing.")
    static final class Type extends CollectionCommand {
        @Override
        int run(CacheCollections collections, CacheStore store, String key) {
            return print(store.itemType(key), store, t -> t.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    // ---------------------------------------------------------------- dictionary

    @Command(name = "dictionary-fetch", mixinStandardHelpOptions = true, description = "Print a dictionary's fields and values, one 'field<TAB>value' a line.")
    static final class DictionaryFetch extends FetchCommand {
        DictionaryFetch() {
            super(ItemType.DICTIONARY, "dictionary");
        }
    }

    @Command(name = "dictionary-get", mixinStandardHelpOptions = true, description = "Print one field's value. Exit 1 if there is no such field.")
    static final class DictionaryGet extends CollectionCommand {
        @Parameters(index = "1", paramLabel = "FIELD") String field;

        @Override
        int run(CacheCollections collections, CacheStore store, String key) {
            var fetched = collections.fetch(key, ItemType.DICTIONARY);
            if (fetched instanceof CacheOutcome.Failed<Optional<CollectionContents>> failed) return failed(failed.failure(), store.cacheName());
            Optional<String> value = ((CacheOutcome.Ok<Optional<CollectionContents>>) fetched).value()
                    .flatMap(c -> c.rows().stream().filter(r -> r.field().equals(field)).findFirst())
                    .map(CollectionContents.Row::value);
            if (value.isEmpty()) return missing(store, "field '" + field + "' in a dictionary");
            out().println(value.get());
            return CruddurCommand.OK;
        }
    }

    @Command(name = "dictionary-set", mixinStandardHelpOptions = true, description = "Set a field (the dictionary is created if absent; its TTL refreshed).")
    static final class DictionarySet extends CollectionCommand {
        @Parameters(index = "1", paramLabel = "FIELD") String field;
        @Parameters(index = "2", paramLabel = "VALUE") String value;

        @Override
        int run(CacheCollections collections, CacheStore store, String key) {
            return print(collections.dictionarySetField(key, field, value), store, v -> "Set field '" + field + "' of '" + key + "'.");
        }
    }

    @Command(name = "dictionary-remove", mixinStandardHelpOptions = true, description = "Remove a field (no error if it is not there).")
    static final class DictionaryRemove extends MemberChange {
        DictionaryRemove() {
            super(CacheCollections::dictionaryRemoveField, "Removed field '%s' of '%s'.");
        }

        @Parameters(index = "1", paramLabel = "FIELD") void field(String field) { member = field; }
    }

    @Command(name = "dictionary-incr", mixinStandardHelpOptions = true, description = "Add to the integer in a field; print the new value.")
    static final class DictionaryIncr extends CollectionCommand {
        @Parameters(index = "1", paramLabel = "FIELD") String field;
        @Option(names = "--by", defaultValue = "1", paramLabel = "N", description = "The amount (default 1; may be negative).") long by;

        @Override
        int run(CacheCollections collections, CacheStore store, String key) {
            return print(collections.dictionaryIncrement(key, field, by), store, String::valueOf);
        }
    }

    // ---------------------------------------------------------------- list

    @Command(name = "list-fetch", mixinStandardHelpOptions = true, description = "Print a list's values, first to last, one a line.")
    static final class ListFetch extends FetchCommand {
        ListFetch() {
            super(ItemType.LIST, "list");
        }
    }

    @Command(name = "list-push", mixinStandardHelpOptions = true, description = "Append a value (--front: prepend); print the new length.")
    static final class ListPush extends CollectionCommand {
        @Parameters(index = "1", paramLabel = "VALUE") String value;
        @Option(names = "--front", description = "At the front instead of the back.") boolean front;

        @Override
        int run(CacheCollections collections, CacheStore store, String key) {
            return print(collections.listPush(key, value, front), store, String::valueOf);
        }
    }

    @Command(name = "list-pop", mixinStandardHelpOptions = true, description = "Remove and print the last value (--front: the first). Exit 1 if there is no list.")
    static final class ListPop extends CollectionCommand {
        @Option(names = "--front", description = "From the front instead of the back.") boolean front;

        @Override
        int run(CacheCollections collections, CacheStore store, String key) {
            return printFound(collections.listPop(key, front), store, "list");
        }
    }

    @Command(name = "list-remove", mixinStandardHelpOptions = true, description = "Remove every occurrence of a value.")
    static final class ListRemove extends MemberChange {
        ListRemove() {
            super(CacheCollections::listRemoveValue, "Removed '%s' from '%s'.");
        }

        @Parameters(index = "1", paramLabel = "VALUE") void value(String value) { member = value; }
    }

    @Command(name = "list-length", mixinStandardHelpOptions = true, description = "Print a list's length (0 if there is no list).")
    static final class ListLength extends CollectionCommand {
        @Override
        int run(CacheCollections collections, CacheStore store, String key) {
            return print(collections.listLength(key), store, n -> String.valueOf(n.orElse(0)));
        }
    }

    // ---------------------------------------------------------------- set

    @Command(name = "set-fetch", mixinStandardHelpOptions = true, description = "Print a set's elements, sorted, one a line.")
    static final class SetFetch extends FetchCommand {
        SetFetch() {
            super(ItemType.SET, "set");
        }
    }

    @Command(name = "set-add", mixinStandardHelpOptions = true, description = "Add an element to a set.")
    static final class SetAdd extends MemberChange {
        SetAdd() {
            super(CacheCollections::setAddElement, "Added '%s' to '%s'.");
        }

        @Parameters(index = "1", paramLabel = "ELEMENT") void element(String element) { member = element; }
    }

    @Command(name = "set-remove", mixinStandardHelpOptions = true, description = "Remove an element from a set.")
    static final class SetRemove extends MemberChange {
        SetRemove() {
            super(CacheCollections::setRemoveElement, "Removed '%s' from '%s'.");
        }

        @Parameters(index = "1", paramLabel = "ELEMENT") void element(String element) { member = element; }
    }

    // ---------------------------------------------------------------- sorted set

    @Command(name = "sorted-set-fetch", mixinStandardHelpOptions = true, description = "Print a sorted set by rank: 'rank<TAB>element<TAB>score' a line.")
    static final class SortedSetFetch extends FetchCommand {
        SortedSetFetch() {
            super(ItemType.SORTED_SET, "sorted set");
        }
    }

    @Command(name = "sorted-set-put", mixinStandardHelpOptions = true, description = "Put an element with its score.")
    static final class SortedSetPut extends CollectionCommand {
        @Parameters(index = "1", paramLabel = "ELEMENT") String element;
        @Parameters(index = "2", paramLabel = "SCORE") double score;

        @Override
        int run(CacheCollections collections, CacheStore store, String key) {
            return print(collections.sortedSetPut(key, element, score), store, v -> "Put '" + element + "' at " + score(score) + " in '" + key + "'.");
        }
    }

    @Command(name = "sorted-set-remove", mixinStandardHelpOptions = true, description = "Remove an element from a sorted set.")
    static final class SortedSetRemove extends MemberChange {
        SortedSetRemove() {
            super(CacheCollections::sortedSetRemove, "Removed '%s' from '%s'.");
        }

        @Parameters(index = "1", paramLabel = "ELEMENT") void element(String element) { member = element; }
    }

    @Command(name = "sorted-set-rank", mixinStandardHelpOptions = true, description = "Print an element's rank (0 = lowest score; --descending: highest). Exit 1 if absent.")
    static final class SortedSetRank extends CollectionCommand {
        @Parameters(index = "1", paramLabel = "ELEMENT") String element;
        @Option(names = "--descending", description = "Rank from the highest score.") boolean descending;

        @Override
        int run(CacheCollections collections, CacheStore store, String key) {
            return printFound(collections.sortedSetRank(key, element, descending), store, "element '" + element + "' in a sorted set");
        }
    }

    @Command(name = "sorted-set-incr", mixinStandardHelpOptions = true, description = "Add to an element's score (created at the amount); print the new score.")
    static final class SortedSetIncr extends CollectionCommand {
        @Parameters(index = "1", paramLabel = "ELEMENT") String element;
        @Option(names = "--by", defaultValue = "1", paramLabel = "X", description = "The amount (default 1; may be negative or fractional).") double by;

        @Override
        int run(CacheCollections collections, CacheStore store, String key) {
            return print(collections.sortedSetIncrement(key, element, by), store, CacheCollectionCommands::score);
        }
    }
}
