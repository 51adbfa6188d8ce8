package dev.cruddur.admin.bench;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.ItemExporter;
import dev.cruddur.admin.store.ItemFileFormat;
import dev.cruddur.admin.store.ItemImporter;
import dev.cruddur.admin.store.ItemJson;
import dev.cruddur.admin.store.ItemRequest;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.store.TableScanner;
import dev.cruddur.admin.testsupport.DynaliteServer;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Export and import of 100,000 items against dynalite: export items/s and the heap it needs (peak
 * heap used, sampled in this JVM, and the same export in a child JVM limited to -Xmx32m), and
 * import items/s against a bare BatchWriteItem loop over the same items in the same run.
 *
 * <pre>mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.cruddur.admin.bench.ToolsBenchmark [-Dexec.args="--items 100000"]</pre>
 */
public final class ToolsBenchmark {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child-export")) {
            childExport(URI.create(args[1]), args[2], ItemFileFormat.valueOf(args[3]), Path.of(args[4]));
            return;
        }
        int items = 100_000;
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals("--items")) items = Integer.parseInt(args[i + 1]);
        Path dir = Files.createTempDirectory("tools-bench");
        try (DynaliteServer dynalite = DynaliteServer.start()) {
            run(dynalite.endpoint(), items, dir);
        }
        System.exit(0);
    }

    static void run(URI endpoint, int items, Path dir) throws Exception {
        System.out.println("== dynalite 4.0.0 at " + endpoint + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        int conversations = items / 100;
        try (DirectMessages src = table(endpoint, "bench-src"); DirectMessages dst = table(endpoint, "bench-import");
             DirectMessages bare = table(endpoint, "bench-bare")) {
            long t0 = System.nanoTime();
            Seeder.Seeded seeded = src.seeder().generate(50, conversations, 98, 1, Instant.now(), Seeder.Progress.NONE);
            System.out.printf("seeded %,d items in %.1f s%n", seeded.items(), secs(t0));

            for (ItemFileFormat format : List.of(ItemFileFormat.JSONL, ItemFileFormat.CSV)) {
                Path file = dir.resolve("export." + format.name().toLowerCase());
                MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                System.gc();
                long baseline = memory.getHeapMemoryUsage().getUsed();
                AtomicLong peak = new AtomicLong(baseline);
                Thread sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(2);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                sampler.setDaemon(true);
                sampler.start();
                ItemExporter.Exported exported = new ItemExporter(src.connection()).export(ItemRequest.scanAll("bench-src"), format, file,
                        TableScanner.Progress.NONE, () -> false);
                sampler.interrupt();
                sampler.join();
                System.gc();
                long after = memory.getHeapMemoryUsage().getUsed();
                System.out.printf("export %-5s %,d items in %.1f s: %,.0f items/s; file %,d KB; heap used before %,d MB, peak during %,d MB "
                                + "(includes uncollected garbage), after GC %,d MB%n", format, exported.items(), exported.seconds(),
                        exported.itemsPerSecond(), Files.size(file) / 1024, baseline >> 20, peak.get() >> 20, after >> 20);
                childExportInSmallHeap(endpoint, format, dir.resolve("child." + format.name().toLowerCase()));
            }

            // import and the bare loop take turns, block by block, so both meet the same load on a shared machine
            Path jsonl = dir.resolve("export.jsonl");
            List<String> lines = Files.readAllLines(jsonl);
            int block = 5_000;
            double importSecs = 0;
            double bareSecs = 0;
            long importCpu = 0;
            long bareCpu = 0;
            var threads = ManagementFactory.getThreadMXBean();
            long imported = 0;
            long rejected = 0;
            long written = 0;
            ItemImporter importer = new ItemImporter(dst.connection());
            for (int from = 0, round = 0; from < lines.size(); from += block, round++) {
                List<String> part = lines.subList(from, Math.min(lines.size(), from + block));
                // who goes first alternates, so neither always meets the endpoint right after the other's burst
                for (int turn = 0; turn < 2; turn++) {
                    if ((turn + round) % 2 == 0) {
                        long c0 = threads.getCurrentThreadCpuTime();
                        ItemImporter.Imported r = importer.importFrom(new java.io.StringReader(String.join("\n", part)), ItemFileFormat.JSONL,
                                ItemImporter.Progress.NONE, () -> false);
                        importCpu += threads.getCurrentThreadCpuTime() - c0;
                        importSecs += r.seconds();
                        imported += r.imported();
                        rejected += r.rejectedCount();
                    } else {
                        long t1 = System.nanoTime();
                        long c1 = threads.getCurrentThreadCpuTime();
                        List<Map<String, AttributeValue>> parsed = new ArrayList<>(part.size());
                        for (String line : part) parsed.add(ItemJson.fromDynamoJson(line));
                        written += bareLoop(bare.connection().client(), "bench-bare", parsed);
                        bareSecs += secs(t1);
                        bareCpu += threads.getCurrentThreadCpuTime() - c1;
                    }
                }
            }
            System.out.printf("import JSONL (ItemImporter)  %,d items in %.1f s: %,.0f items/s (%d rejected)%n", imported, importSecs,
                    imported / importSecs, rejected);
            System.out.printf("bare BatchWriteItem loop     %,d items in %.1f s: %,.0f items/s (same lines, parsed with ItemJson)%n",
                    written, bareSecs, written / bareSecs);
            System.out.printf("import / bare = %.2f; client CPU per 1,000 items: import %.0f ms, bare %.0f ms%n",
                    (imported / importSecs) / (written / bareSecs), importCpu / 1e6 / (imported / 1000.0), bareCpu / 1e6 / (written / 1000.0));

            Path csv = dir.resolve("export.csv");
            bare.schema().drop("bench-bare");
            bare.schema().create();
            ItemImporter.Imported csvImported = new ItemImporter(bare.connection()).importFile(csv, Optional.empty(),
                    ItemImporter.Progress.NONE, () -> false);
            System.out.printf("import CSV   %,d items in %.1f s: %,.0f items/s (%d rejected)%n", csvImported.imported(),
                    csvImported.seconds(), csvImported.itemsPerSecond(), csvImported.rejectedCount());
        }
    }

    private static DirectMessages table(URI endpoint, String name) {
        DirectMessages dm = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(endpoint, name)), Clock.systemUTC());
        dm.schema().create();
        return dm;
    }

    /** The loop anyone would write: 25 puts a request, resend what comes back unprocessed. */
    static long bareLoop(DynamoDbClient client, String table, List<Map<String, AttributeValue>> items) {
        long written = 0;
        for (int i = 0; i < items.size(); i += 25) {
            List<WriteRequest> batch = new ArrayList<>(25);
            for (Map<String, AttributeValue> item : items.subList(i, Math.min(items.size(), i + 25))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> request = new HashMap<>(Map.of(table, batch));
            while (!request.isEmpty()) {
                Map<String, List<WriteRequest>> r = request;
                BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(r));
                request = response.hasUnprocessedItems() ? new HashMap<>(response.unprocessedItems()) : Map.of();
                request.values().removeIf(List::isEmpty);
            }
            written += batch.size();
        }
        return written;
    }

    /** The same export in a JVM with 32 MB of heap: it can only finish if export streams. */
    private static void childExportInSmallHeap(URI endpoint, ItemFileFormat format, Path out) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx32m", "-cp", classpath(), ToolsBenchmark.class.getName(), "--child-export",
                endpoint.toString(), "bench-src", format.name(), out.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes()).strip();
        int code = p.waitFor();
        System.out.println("  child JVM -Xmx32m: " + (code == 0 ? output : "FAILED (" + code + "): " + output));
    }

    private static void childExport(URI endpoint, String table, ItemFileFormat format, Path out) {
        try (DynamoConnection c = DynamoConnection.open(DynamoTarget.endpoint(endpoint, table))) {
            ItemExporter.Exported e = new ItemExporter(c).export(ItemRequest.scanAll(table), format, out, TableScanner.Progress.NONE, () -> false);
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.printf("exported %,d items in %.1f s (%,.0f items/s); max heap %d MB, peak pool use %,d MB%n", e.items(), e.seconds(),
                    e.itemsPerSecond(), Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
        }
        System.exit(0);
    }

    private static String classpath() {
        List<String> parts = new ArrayList<>();
        ClassLoader loader = ToolsBenchmark.class.getClassLoader();
        if (loader instanceof URLClassLoader urls) {
            for (URL u : urls.getURLs()) parts.add(Path.of(java.net.URI.create(u.toString())).toString());
        }
        return parts.isEmpty() ? System.getProperty("java.class.path") : String.join(java.io.File.pathSeparator, parts);
    }

    private static double secs(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
