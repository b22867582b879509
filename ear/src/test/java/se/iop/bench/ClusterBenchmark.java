package se.iop.bench;

import se.iop.bench.Throughput.Client;
import se.iop.bench.Throughput.Mode;
import se.iop.bench.Throughput.Rate;
import se.iop.devdb.LocalDatabase;
import se.iop.it.Node;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 11 §6, run by bench/cluster.sh: the budget summary's throughput with {@value #CLIENTS} concurrent clients
 * (session cookies) on two clustered nodes of {@code wildfly-config/target/server-ha}, each with the heap
 * {@code ./run.sh --nodes} gives it, on the budget benchmark's data ({@link BudgetData}), called (1) straight at node
 * 1, (2) through HAProxy in front of node 1 alone, (3) through HAProxy in front of both nodes (both configured by
 * {@code ops/haproxy-config.sh}, as {@code ./run.sh --nodes} does). The modes take turns in rounds
 * ({@link Throughput}). Prints requests/s, the balancer's cost ((2) against (1), target under 15 %), and each node's
 * heap after the run (target: at most 512 MB). Exits 1 when a target is missed.
 */
public final class ClusterBenchmark {

    static final int CLIENTS = 8;
    private static final int ROUNDS = 10;
    private static final int OFFSET = Integer.getInteger("iop.bench.portOffset", 740);
    /** Node 1 and node 2: HTTP 8080 + offset, JGroups 7600 + offset, its failure detection 57600 + offset. */
    private static final int[] NODE_OFFSETS = {OFFSET, OFFSET + 20};
    private static final int ONE_NODE_BALANCER = 8080 + OFFSET + 10;
    private static final int TWO_NODE_BALANCER = 8080 + OFFSET + 11;
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("iop.bench.warmUpSeconds", 15));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("iop.bench.seconds", 30));
    /** As ./run.sh --nodes starts a node (IOP_NODE_HEAP). */
    private static final String HEAP = System.getProperty("iop.bench.nodeHeap", "512m");
    private static final long HEAP_LIMIT_MB = 512;
    private static final String ADMIN_PASSWORD = "bench-admin-password";
    private static final String LOGIN = "Authorization: Basic "
            + Base64.getEncoder().encodeToString("ekonom:bostadforst".getBytes(StandardCharsets.UTF_8));

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String databaseName = System.getProperty("iop.bench.database", "iop_bench_cluster");
        boolean met;
        List<Node> nodes = new ArrayList<>();
        List<Process> balancers = new ArrayList<>();
        try (LocalDatabase db = LocalDatabase.prepare(
                LocalDatabase.Settings.fromEnvironment(System.getenv()).withDatabase(databaseName), null, true)) {
            System.out.println("Starting node 1 (clustered WildFly, heap " + HEAP + ", port offset " + NODE_OFFSETS[0]
                    + ") with a fresh database (" + databaseName + ")…");
            nodes.add(node(root, db, 0));
            BudgetData data = BudgetData.fill(db);
            System.out.println("Starting node 2 (port offset " + NODE_OFFSETS[1] + ")…");
            nodes.add(node(root, db, 1));
            balancers.add(balancer(root, "one-node", ONE_NODE_BALANCER, nodes.subList(0, 1)));
            balancers.add(balancer(root, "two-nodes", TWO_NODE_BALANCER, nodes));
            System.out.println("Cluster benchmark: " + data + "; " + CLIENTS + " clients per mode, " + WARM_UP.toSeconds()
                    + " s warm-up each, " + MEASURE.toSeconds() + " s measured each in " + ROUNDS + " rounds");
            System.out.println("Load average (1, 5, 15 min) before measuring: " + BenchServer.loadAverage());

            String summary = "api/budgets/" + data.read();
            Map<String, Integer> routes = new ConcurrentHashMap<>();
            List<Mode> modes = List.of(
                    new Mode("(1) node 1 directly", Mode.clients(CLIENTS, i -> sessionClient(nodes.get(0).base(), summary, null))),
                    new Mode("(2) balancer, node 1 alone", Mode.clients(CLIENTS, i -> sessionClient(local(ONE_NODE_BALANCER), summary, null))),
                    new Mode("(3) balancer, nodes 1 and 2", Mode.clients(CLIENTS, i -> sessionClient(local(TWO_NODE_BALANCER), summary, routes))));
            System.out.println("The balancer of both nodes placed the " + CLIENTS + " sessions: " + new TreeMap<>(routes));
            List<Rate> rates = Throughput.measure(modes, WARM_UP, MEASURE, ROUNDS);

            System.out.println();
            System.out.println("Budget summary throughput, " + CLIENTS + " concurrent clients with session cookies:");
            rates.forEach(r -> System.out.println(r.line()));
            double direct = rates.get(0).perSecond();
            System.out.printf(Locale.ROOT, "  the balancer's cost: %.0f %% of node 1's throughput (target < 15 %%)%n",
                    (1 - rates.get(1).perSecond() / direct) * 100);
            boolean balancer = Throughput.atLeast("(2) / (1)", rates.get(1).perSecond(), direct, 0.85);
            System.out.printf(Locale.ROOT, "  %-24s %5.0f %%  (no target: two nodes share the same 2 cores)%n", "(3) / (1)",
                    rates.get(2).perSecond() / direct * 100);
            boolean heap = true;
            System.out.println("Each node's heap after the run:");
            for (int i = 0; i < nodes.size(); i++) {
                heap &= heap("node " + (i + 1), nodes.get(i).pid());
            }
            System.out.println("Load average (1, 5, 15 min) at the end: " + BenchServer.loadAverage()
                    + " on " + Runtime.getRuntime().availableProcessors() + " cores");
            met = balancer && heap;
        } finally {
            for (Process b : balancers) {
                b.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (Node n : nodes) {
                n.close();
            }
        }
        System.exit(met ? 0 : 1);
    }

    private static URI local(int port) {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    private static Node node(Path root, LocalDatabase db, int i) throws IOException, InterruptedException {
        String members = "127.0.0.1[" + (7600 + NODE_OFFSETS[0]) + "],127.0.0.1[" + (7600 + NODE_OFFSETS[1]) + "]";
        return Node.named("bench-node" + (i + 1)).home(root.resolve("wildfly-config/target/server-ha"))
                .ear(root.resolve("ear/target/iop.ear")).base(root.resolve("target/bench-node-" + NODE_OFFSETS[i]))
                .portOffset(NODE_OFFSETS[i]).javaOpts("-Xms64m -Xmx" + HEAP)
                .property("jboss.node.name", "node" + (i + 1)).property("jboss.bind.address.private", "127.0.0.1")
                .property("iop.cluster.members", members)
                .property("iop.db.url", db.jdbcUrl()).property("iop.db.user", db.user()).property("iop.db.password", db.password())
                .property("iop.admin.password", ADMIN_PASSWORD).property("iop.demo", "true")
                .startTimeout(Duration.ofMinutes(4)).start();
    }

    /** HAProxy as ./run.sh --nodes configures it (ops/haproxy-config.sh), in front of these nodes. */
    private static Process balancer(Path root, String name, int port, List<Node> nodes) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(root.resolve("target/bench-balancer-" + name));
        Path config = dir.resolve("haproxy.cfg");
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("ops/haproxy-config.sh").toString(), "127.0.0.1",
                Integer.toString(port), Integer.toString(port - 8080 + 8404)));
        for (int i = 0; i < nodes.size(); i++) {
            command.add("node" + (i + 1) + "=" + nodes.get(i).httpPort());
        }
        Process make = new ProcessBuilder(command).redirectOutput(config.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (make.waitFor() != 0) {
            throw new IllegalStateException("ops/haproxy-config.sh failed");
        }
        Process lb = new ProcessBuilder("haproxy", "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(lb::destroyForcibly));
        Instant deadline = Instant.now().plusSeconds(30);
        try (KeepAlive probe = new KeepAlive(local(port))) {
            while (Instant.now().isBefore(deadline)) {
                try {
                    if (probe.get("api/health/ready").status() == 200) {
                        return lb;
                    }
                } catch (IOException notYet) {
                    probe.close();
                }
                Thread.sleep(200);
            }
        }
        lb.destroyForcibly();
        throw new IllegalStateException("HAProxy (" + name + ") did not serve within 30 s; see " + dir.resolve("haproxy.log"));
    }

    /**
     * A client that logged in once with its password (HTTP Basic) and then sends its session cookie; where the
     * session went (the route after the dot of its id, e.g. node2) is counted in {@code routes}.
     */
    private static Client sessionClient(URI base, String path, Map<String, Integer> routes) {
        KeepAlive http = new KeepAlive(base);
        try {
            KeepAlive.Reply login = expect(http.get(path, LOGIN), path);
            if (login.session() == null) {
                throw new IllegalStateException("no session cookie after the Basic login");
            }
            if (routes != null) {
                String id = login.session();
                routes.merge(id.contains(".") ? id.substring(id.lastIndexOf('.') + 1) : "no route", 1, Integer::sum);
            }
            String cookie = "Cookie: " + login.session();
            return new Client() {
                @Override
                public void call() throws Exception {
                    expect(http.get(path, cookie), path);
                }

                @Override
                public void close() {
                    http.close();
                }
            };
        } catch (IOException | RuntimeException e) {
            http.close();
            throw new IllegalStateException(e);
        }
    }

    private static KeepAlive.Reply expect(KeepAlive.Reply r, String path) {
        if (r.status() != 200 || !r.body().startsWith("{")) {
            throw new IllegalStateException(path + " answered " + r.status() + ": " + r.body());
        }
        return r;
    }

    private static final Pattern HEAP_INFO = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final Pattern MAX_HEAP = Pattern.compile("MaxHeapSize=(\\d+)");

    /**
     * A node's heap after the run, from the JDK's jcmd: used and committed as the run left them, then used after a
     * full collection (what the node really holds), against its maximum (-Xmx) and the 512 MB target.
     */
    private static boolean heap(String name, long pid) throws IOException, InterruptedException {
        Matcher before = HEAP_INFO.matcher(jcmd(pid, "GC.heap_info"));
        jcmd(pid, "GC.run");
        Matcher after = HEAP_INFO.matcher(jcmd(pid, "GC.heap_info"));
        Matcher max = MAX_HEAP.matcher(jcmd(pid, "VM.flags"));
        if (!before.find() || !after.find() || !max.find()) {
            System.out.println("  " + name + ": NOT MEASURED (jcmd gave no heap figures)");
            return false;
        }
        long maxMb = Long.parseLong(max.group(1)) / (1024 * 1024);
        long committedMb = Long.parseLong(before.group(1)) / 1024;
        boolean ok = maxMb <= HEAP_LIMIT_MB && committedMb <= HEAP_LIMIT_MB;
        System.out.printf(Locale.ROOT, "  %s: %d MB used of %d MB committed after the run, %d MB used after a full GC;"
                        + " maximum (-Xmx) %d MB (target <= %d MB) %s%n", name, Long.parseLong(before.group(2)) / 1024,
                committedMb, Long.parseLong(after.group(2)) / 1024, maxMb, HEAP_LIMIT_MB, ok ? "OK" : "MISSED");
        return ok;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid), command)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
