package dev.cruddur.admin.engine;

import dev.cruddur.admin.testsupport.DynaliteServer;
import dev.cruddur.admin.testsupport.DynamoClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints figures, asserts nothing. Runs one AWS SDK workload (2,000 PutItem, 400 Query of 100 items,
 * 4,000 GetItem, after a warm-up round) against the embedded endpoint, dynalite and a do-nothing
 * ceiling; then eight client threads; then start-up time, heap and reopen time for 100,000 messages.
 *
 * <pre>mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.cruddur.admin.engine.EngineBenchmark</pre>
 * ({@code -Dbench.ceilingOnly=true}: only the embedded endpoint against the ceiling, see {@link #againstTheCeiling()})
 */
public final class EngineBenchmark {
    private static final int PUTS = 2000, QUERIES = 400, GETS = 4000, GROUPS = 20;
    private static final String TABLE = "cruddur-messages";

    private EngineBenchmark() {}

    record Rates(double puts, double queries, double gets) {}

    /** Server CPU time so far, in nanoseconds: what each endpoint spends, whatever else runs on the machine. */
    interface ServerCpu {
        long nanos();
    }

    /** Microseconds of server CPU per operation, by phase; the lowest seen over the rounds. */
    static final Map<String, double[]> SERVER_CPU_US = new LinkedHashMap<>();

    static ServerCpu engineThreads() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        return () -> {
            long total = 0;
            for (Thread t : Thread.getAllStackTraces().keySet())
                if (t.getName().startsWith("engine-http")) total += Math.max(0, mx.getThreadCpuTime(t.getId()));
            return total;
        };
    }

    /** utime + stime of a process from /proc, in nanoseconds (clock ticks of 10 ms). */
    static ServerCpu process(long pid) {
        return () -> {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
            } catch (Exception e) {
                return 0;
            }
        };
    }

    static void recordCpu(String endpoint, int phase, long nanos, int ops) {
        double[] v = SERVER_CPU_US.computeIfAbsent(endpoint, k -> new double[]{Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE});
        v[phase] = Math.min(v[phase], nanos / 1000.0 / ops);
    }

    public static void main(String[] args) throws Exception {
        // the JDK keeps at most 5 idle keep-alive connections per host by default; eight client threads need more
        System.setProperty("http.maxConnections", "32");
        System.out.println("Engine benchmark (AWS SDK v2, UrlConnectionHttpClient, one client thread unless noted)");
        System.out.println("load average at start: " + loadAverage() + " on " + Runtime.getRuntime().availableProcessors() + " cores");
        if (Boolean.getBoolean("bench.ceilingOnly")) {
            againstTheCeiling();
            return;
        }
        long t0 = System.nanoTime();
        EmbeddedDynamo first = EmbeddedDynamo.start(EngineConfig.inMemory());
        double coldStart = (System.nanoTime() - t0) / 1e6;
        firstAnswer(first);
        double coldFirstAnswer = (System.nanoTime() - t0) / 1e6;
        first.close();
        t0 = System.nanoTime();
        EmbeddedDynamo warm = EmbeddedDynamo.start(EngineConfig.inMemory());
        double warmStart = (System.nanoTime() - t0) / 1e6;
        warm.close();

        Rates embedded, dynalite, ceiling;
        double embeddedParallel, dynaliteParallel;
        try (EmbeddedDynamo engine = EmbeddedDynamo.start(EngineConfig.inMemory()); DynaliteServer d = DynaliteServer.start();
             CannedEndpoint canned = new CannedEndpoint(cannedAnswers());
             DynamoDbClient ce = client(engine.endpoint()); DynamoDbClient cd = client(d.endpoint()); DynamoDbClient cc = client(canned.endpoint())) {
            createTable(ce);
            createTable(cd);
            String[] groups = new String[GROUPS];
            for (int g = 0; g < GROUPS; g++) groups[g] = UUID.nameUUIDFromBytes(("g" + g).getBytes()).toString();
            // warm-up round on each, then five measured rounds taking turns, so that load from other
            // processes on this machine hits all three alike; the best of five is reported
            round(ce, groups, 0);
            round(cd, groups, 0);
            round(cc, groups, 0);
            embedded = new Rates(0, 0, 0);
            dynalite = new Rates(0, 0, 0);
            ceiling = new Rates(0, 0, 0);
            for (int rep = 1; rep <= 5; rep++) {
                embedded = best(embedded, round(ce, groups, rep, "embedded", engineThreads()));
                dynalite = best(dynalite, round(cd, groups, rep, "dynalite", process(d.pid())));
                ceiling = best(ceiling, round(cc, groups, rep));
                System.out.println("round " + rep + " done");
            }
            embeddedParallel = parallel(engine.endpoint());
            dynaliteParallel = parallel(d.endpoint());
            embeddedParallel = Math.max(embeddedParallel, parallel(engine.endpoint()));
            dynaliteParallel = Math.max(dynaliteParallel, parallel(d.endpoint()));
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "%-10s %12s %12s %12s%n", "ops/s", "PutItem", "Query(100)", "GetItem");
        for (Object[] row : new Object[][]{{"embedded", embedded}, {"dynalite", dynalite}, {"ceiling", ceiling}}) {
            Rates r = (Rates) row[1];
            System.out.printf(Locale.ROOT, "%-10s %12.0f %12.0f %12.0f%n", row[0], r.puts(), r.queries(), r.gets());
        }
        System.out.printf(Locale.ROOT, "%-10s %11.0f%% %11.0f%% %11.0f%%%n", "emb/ceil", 100 * embedded.puts() / ceiling.puts(),
                100 * embedded.queries() / ceiling.queries(), 100 * embedded.gets() / ceiling.gets());
        System.out.printf(Locale.ROOT, "%-10s %11.0f%% %11.0f%% %11.0f%%%n", "dyn/ceil", 100 * dynalite.puts() / ceiling.puts(),
                100 * dynalite.queries() / ceiling.queries(), 100 * dynalite.gets() / ceiling.gets());
        System.out.println();
        System.out.println("server CPU per operation (best round; independent of other load on the machine):");
        SERVER_CPU_US.forEach((name, v) -> System.out.printf(Locale.ROOT, "%-10s %10.0f us %10.0f us %10.0f us%n", name, v[0], v[1], v[2]));
        System.out.println();
        System.out.printf(Locale.ROOT, "8 threads: embedded %.0f ops/s, dynalite %.0f ops/s, ratio %.1fx%n",
                embeddedParallel, dynaliteParallel, embeddedParallel / dynaliteParallel);
        System.out.printf(Locale.ROOT, "start-up: %.1f ms (first in this JVM, with class loading; first answer after %.1f ms), %.1f ms (second)%n",
                coldStart, coldFirstAnswer, warmStart);
        heapAndReopen();
        durabilityCost();
        System.out.println("load average at end: " + loadAverage());
    }

    /**
     * Only the embedded endpoint against the canned ceiling (no dynalite, threads, heap or disk): a minute
     * instead of many on a busy machine, for comparing a change to the request path before and after.
     * <pre>... -Dbench.ceilingOnly=true</pre>
     */
    static void againstTheCeiling() throws Exception {
        try (EmbeddedDynamo engine = EmbeddedDynamo.start(EngineConfig.inMemory()); CannedEndpoint canned = new CannedEndpoint(cannedAnswers());
             DynamoDbClient ce = client(engine.endpoint()); DynamoDbClient cc = client(canned.endpoint())) {
            createTable(ce);
            String[] groups = new String[GROUPS];
            for (int g = 0; g < GROUPS; g++) groups[g] = UUID.nameUUIDFromBytes(("g" + g).getBytes()).toString();
            round(ce, groups, 0);
            round(cc, groups, 0);
            Rates embedded = new Rates(0, 0, 0), ceiling = new Rates(0, 0, 0);
            for (int rep = 1; rep <= 3; rep++) {
                embedded = best(embedded, round(ce, groups, rep, "embedded", engineThreads()));
                ceiling = best(ceiling, round(cc, groups, rep));
            }
            System.out.printf(Locale.ROOT, "%-10s %12s %12s %12s%n", "ops/s", "PutItem", "Query(100)", "GetItem");
            System.out.printf(Locale.ROOT, "%-10s %12.0f %12.0f %12.0f%n", "embedded", embedded.puts(), embedded.queries(), embedded.gets());
            System.out.printf(Locale.ROOT, "%-10s %12.0f %12.0f %12.0f%n", "ceiling", ceiling.puts(), ceiling.queries(), ceiling.gets());
            System.out.printf(Locale.ROOT, "%-10s %11.0f%% %11.0f%% %11.0f%%%n", "emb/ceil", 100 * embedded.puts() / ceiling.puts(),
                    100 * embedded.queries() / ceiling.queries(), 100 * embedded.gets() / ceiling.gets());
            double[] cpu = SERVER_CPU_US.get("embedded");
            System.out.printf(Locale.ROOT, "server CPU per operation: %.0f us %.0f us %.0f us%n", cpu[0], cpu[1], cpu[2]);
        }
        System.out.println("load average at end: " + loadAverage());
    }

    /** PutItem/s with the data in memory and on disk under each durability (the log's cost; the best of three rounds). */
    static void durabilityCost() throws Exception {
        String[] names = {"in memory", "process", "interval", "always"};
        double[] rates = new double[names.length];
        for (int rep = 0; rep < 3; rep++) {
            for (int k = 0; k < names.length; k++) {
                Path dir = Files.createTempDirectory("engine-bench-durability");
                EngineConfig config = k == 0 ? EngineConfig.inMemory() : EngineConfig.persistent(dir)
                        .withDurability(dev.cruddur.admin.engine.storage.Durability.values()[k - 1]);
                try (EmbeddedDynamo engine = EmbeddedDynamo.start(config); DynamoDbClient c = client(engine.endpoint())) {
                    createTable(c);
                    String group = UUID.nameUUIDFromBytes("durability".getBytes()).toString();
                    for (int i = 0; i < 200; i++) {
                        int n = i;
                        c.putItem(p -> p.tableName(TABLE).item(message(group, n)));
                    }
                    long t = System.nanoTime();
                    for (int i = 0; i < 1000; i++) {
                        int n = 1000 + i;
                        c.putItem(p -> p.tableName(TABLE).item(message(group, n)));
                    }
                    rates[k] = Math.max(rates[k], 1000 / ((System.nanoTime() - t) / 1e9));
                }
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
        StringBuilder line = new StringBuilder("PutItem/s by where the data is kept:");
        for (int k = 0; k < names.length; k++)
            line.append(String.format(Locale.ROOT, " %s %.0f (%.0f%%)%s", names[k], rates[k], 100 * rates[k] / rates[0], k + 1 < names.length ? "," : ""));
        System.out.println(line);
    }

    /** A raw ListTables over a socket: when the endpoint has really answered, not just bound its port. */
    static void firstAnswer(EmbeddedDynamo engine) throws java.io.IOException {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", engine.port())) {
            s.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Length: 2\r\n\r\n{}")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getInputStream().read(new byte[512]);
        }
    }

    static Rates best(Rates a, Rates b) {
        return new Rates(Math.max(a.puts(), b.puts()), Math.max(a.queries(), b.queries()), Math.max(a.gets(), b.gets()));
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    static DynamoDbClient client(URI endpoint) { return DynamoClients.dynamo(endpoint); }

    static Map<String, AttributeValue> message(String group, int i) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("pk", AttributeValue.fromS("MSG#" + group));
        m.put("sk", AttributeValue.fromS(String.format("2026-11-25T%02d:%02d:%02d.%06d+00:00", (i / 3600) % 24, (i / 60) % 60, i % 60, i % 1000000)));
        m.put("message_uuid", AttributeValue.fromS(UUID.nameUUIDFromBytes(("m" + group + i).getBytes()).toString()));
        m.put("message", AttributeValue.fromS(("Message number " + i + " about the weather, the news and what to have for dinner tonight, and then some more words. ").repeat(2).substring(0, 100)));
        m.put("user_uuid", AttributeValue.fromS("90ee9f3c-9a31-4b0d-9b4e-2e0e6d8a0c31"));
        m.put("user_display_name", AttributeValue.fromS("Andrew Brown"));
        m.put("user_handle", AttributeValue.fromS("andrewbrown"));
        return m;
    }

    static void createTable(DynamoDbClient c) {
        c.createTable(t -> t.tableName(TABLE).attributeDefinitions(DiffData.attr("pk", "S"), DiffData.attr("sk", "S"))
                .keySchema(DiffData.key("pk", KeyType.HASH), DiffData.key("sk", KeyType.RANGE)).billingMode(BillingMode.PAY_PER_REQUEST));
        DiffData.awaitActive(c, TABLE);
    }

    /** One round: PUTS puts spread over GROUPS conversations, QUERIES queries of 100, GETS gets of stored keys. */
    static Rates round(DynamoDbClient c, String[] groups, int round) { return round(c, groups, round, null, null); }

    static Rates round(DynamoDbClient c, String[] groups, int round, String name, ServerCpu cpu) {
        int base = round * PUTS;
        long cpu0 = cpu == null ? 0 : cpu.nanos();
        long t = System.nanoTime();
        for (int i = 0; i < PUTS; i++) {
            Map<String, AttributeValue> m = message(groups[i % GROUPS], base + i);
            c.putItem(p -> p.tableName(TABLE).item(m));
        }
        double puts = PUTS / ((System.nanoTime() - t) / 1e9);
        long cpu1 = cpu == null ? 0 : cpu.nanos();
        if (cpu != null) recordCpu(name, 0, cpu1 - cpu0, PUTS);
        t = System.nanoTime();
        int items = 0;
        for (int i = 0; i < QUERIES; i++) {
            String g = groups[i % GROUPS];
            items += c.query(q -> q.tableName(TABLE).keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromS("MSG#" + g)))
                    .scanIndexForward(false).limit(100)).count();
        }
        double queries = QUERIES / ((System.nanoTime() - t) / 1e9);
        long cpu2 = cpu == null ? 0 : cpu.nanos();
        if (cpu != null) recordCpu(name, 1, cpu2 - cpu1, QUERIES);
        if (items != QUERIES * 100) System.out.println("  (queries returned " + items + " items, expected " + QUERIES * 100 + ")");
        t = System.nanoTime();
        for (int i = 0; i < GETS; i++) {
            Map<String, AttributeValue> m = message(groups[i % GROUPS], base + (i % PUTS));
            c.getItem(g -> g.tableName(TABLE).key(Map.of("pk", m.get("pk"), "sk", m.get("sk"))));
        }
        double gets = GETS / ((System.nanoTime() - t) / 1e9);
        if (cpu != null) recordCpu(name, 2, cpu.nanos() - cpu2, GETS);
        return new Rates(puts, queries, gets);
    }

    /** Eight client threads, each with its own client, running the same mix; returns operations per second. */
    static double parallel(URI endpoint) throws Exception {
        int threads = 8, opsPerThread = 1500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> warm = new ArrayList<>();
            for (int t = 0; t < threads; t++) warm.add(pool.submit(() -> mix(endpoint, 200, 999)));
            for (Future<?> f : warm) f.get();
            long start = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                fs.add(pool.submit(() -> mix(endpoint, opsPerThread, id)));
            }
            for (Future<?> f : fs) f.get();
            return threads * opsPerThread / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static Void mix(URI endpoint, int ops, int id) {
        try (DynamoDbClient c = client(endpoint)) {
            String group = "par" + id;
            for (int i = 0; i < ops; i++) {
                Map<String, AttributeValue> m = message(group, i);
                switch (i % 10) {
                    case 0 -> c.query(q -> q.tableName(TABLE).keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", m.get("pk"))).limit(20));
                    case 1, 2, 3 -> c.putItem(p -> p.tableName(TABLE).item(m));
                    default -> c.getItem(g -> g.tableName(TABLE).key(Map.of("pk", m.get("pk"), "sk", m.get("sk"))));
                }
            }
        }
        return null;
    }

    static Map<String, String> cannedAnswers() {
        StringBuilder item = new StringBuilder();
        Map<String, AttributeValue> m = message("canned", 1);
        item.append('{');
        boolean first = true;
        for (Map.Entry<String, AttributeValue> e : m.entrySet()) {
            if (!first) item.append(',');
            first = false;
            item.append('"').append(e.getKey()).append("\":{\"S\":\"").append(e.getValue().s()).append("\"}");
        }
        item.append('}');
        StringBuilder query = new StringBuilder("{\"Items\":[");
        for (int i = 0; i < 100; i++) query.append(i == 0 ? "" : ",").append(item);
        query.append("],\"Count\":100,\"ScannedCount\":100,\"LastEvaluatedKey\":{\"pk\":{\"S\":\"MSG#x\"},\"sk\":{\"S\":\"2026\"}}}");
        return Map.of("PutItem", "{}", "GetItem", "{\"Item\":" + item + "}", "Query", query.toString(), "default", "{}");
    }

    static void heapAndReopen() throws Exception {
        Path dir = Files.createTempDirectory("engine-bench");
        Runtime rt = Runtime.getRuntime();
        gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long reopenMillis;
        double heapMb;
        try (EmbeddedDynamo engine = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = client(engine.endpoint())) {
            createTable(c);
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = 0; i < 100_000; i++) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(message(UUID.nameUUIDFromBytes(("conv" + (i / 100)).getBytes()).toString(), i)).build()).build());
                if (batch.size() == 25) {
                    List<WriteRequest> send = List.copyOf(batch);
                    c.batchWriteItem(b -> b.requestItems(Map.of(TABLE, send)));
                    batch.clear();
                }
            }
            gc();
            heapMb = (rt.totalMemory() - rt.freeMemory() - before) / 1024.0 / 1024.0;
            System.out.printf(Locale.ROOT, "heap: %.0f MB used by the engine with 100,000 Cruddur messages (1,000 conversations x 100), log %.1f MB on disk%n",
                    heapMb, Files.size(dir.resolve("engine.log")) / 1024.0 / 1024.0);
        }
        long t = System.nanoTime();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = mx.getCurrentThreadCpuTime();
        try (EmbeddedDynamo engine = EmbeddedDynamo.start(EngineConfig.persistent(dir))) {
            reopenMillis = (System.nanoTime() - t) / 1_000_000;
            System.out.printf(Locale.ROOT, "reopen CPU time of the opening thread: %d ms%n", (mx.getCurrentThreadCpuTime() - cpu) / 1_000_000);
            try (DynamoDbClient c = client(engine.endpoint())) {
                long count = c.describeTable(d -> d.tableName(TABLE)).table().itemCount();
                System.out.printf(Locale.ROOT, "reopen: %d ms for %d messages from disk%n", reopenMillis, count);
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }
}
