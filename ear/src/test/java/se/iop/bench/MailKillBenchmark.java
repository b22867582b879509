package se.iop.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import se.iop.devdb.LocalDatabase;
import se.iop.it.Node;

import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Issue 11 §2 over many kills, run by bench/mail-kill.sh: two nodes of the clustered server on loopback share a fresh
 * database and a real SMTP server (GreenMail, in this JVM, as ClusterFailoverIT has it); each round makes
 * {@code deliveries} new landlords, sends the demo's published packet to them through one node, {@code kill -9}s that
 * node once a random number of the mails (5–95 %) has arrived, lets the other node finish (the killed node's claims
 * run out after 5 s, the retry job runs every 2 s) and counts what the SMTP server got: mails, duplicates, landlords
 * without a mail; and what the database says: deliveries uncertain (their worker died at the message's end: ENDING
 * with its lease run out, shown to the administrator, never sent again by itself), and of those the ones whose mail
 * arrived; landlords without a mail whose delivery is not uncertain (silently lost); deliveries neither SENT nor
 * uncertain (not settled). The killed node is started again (its log kept first) while the next round's landlords are
 * made. Prints a line per round and the totals; exits 1 when any mail was silently lost or duplicated, or a delivery
 * is not settled, after printing what the database says of each delivery not SENT or not mailed exactly once.
 */
public final class MailKillBenchmark {

    private static final int OFFSET = Integer.getInteger("iop.bench.portOffset", 800);
    /** Node 1 and node 2: HTTP 8080 + offset, JGroups 7600 + offset, its failure detection 57600 + offset. */
    private static final int[] NODE_OFFSETS = {OFFSET, OFFSET + 20};
    private static final int SMTP_PORT = 3025 + OFFSET;
    private static final int ROUNDS = Integer.getInteger("iop.bench.rounds", 10);
    private static final int DELIVERIES = Integer.getInteger("iop.bench.deliveries", 100);
    private static final String HEAP = System.getProperty("iop.bench.nodeHeap", "512m");
    private static final Duration FINISH = Duration.ofSeconds(180);
    private static final String ADMIN_PASSWORD = "bench-admin-password";

    private static Path root;
    private static LocalDatabase db;
    private static GreenMail smtp;
    private static final Node[] nodes = new Node[2];

    private MailKillBenchmark() {
    }

    /** One round's figures. */
    private record Round(int number, String sender, int killedAfter, boolean killedMidSend, int received, int duplicates,
                         int missing, int uncertain, int uncertainArrived, int silentlyLost, int notSettled,
                         double finishSeconds) {
        boolean whole() {
            return duplicates == 0 && silentlyLost == 0 && notSettled == 0;
        }
    }

    /** A delivery whose worker died at the message's end: ending, its lease run out ({@code MailClaim.State.UNCERTAIN}). */
    private static final String UNCERTAIN = "(status in ('QUEUED', 'FAILED') and ending_at is not null"
            + " and claimed_until <= now())";

    public static void main(String[] args) throws Exception {
        root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String databaseName = System.getProperty("iop.bench.database", "iop_bench_mailkill");
        List<Round> rounds = new ArrayList<>();
        ExecutorService restarts = Executors.newSingleThreadExecutor();
        try (LocalDatabase database = LocalDatabase.prepare(
                LocalDatabase.Settings.fromEnvironment(System.getenv()).withDatabase(databaseName), null, true)) {
            db = database;
            smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            System.out.println("Starting node 1 (clustered WildFly, port offset " + NODE_OFFSETS[0] + ") with a fresh"
                    + " database (" + databaseName + "), GreenMail on 127.0.0.1:" + SMTP_PORT + "…");
            nodes[0] = node(0);
            System.out.println("Starting node 2 (port offset " + NODE_OFFSETS[1] + ")…");
            nodes[1] = node(1);
            long[] packet = publishedPacket();
            System.out.println("Mail under kills: " + ROUNDS + " rounds of " + DELIVERIES + " deliveries; the sending node"
                    + " killed (kill -9) after a random 5–95 % of its mails; claims 5 s, retry job every 2 s");
            System.out.println("Load average (1, 5, 15 min) before: " + BenchServer.loadAverage());
            System.out.println();
            System.out.println("| round | sender | killed after | received | duplicated | uncertain (of them arrived) | missing"
                    + " | silently lost | not settled | done after the kill |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");

            Future<?> restart = CompletableFuture.completedFuture(null);
            for (int r = 1; r <= ROUNDS; r++) {
                int sender = (r - 1) % 2;
                String run = "r" + r + "-" + Long.toString(System.currentTimeMillis(), 36);
                // The landlords are made on the node that will send while the other (killed last round) starts again.
                Map<Long, String> landlords = landlords(nodes[sender].base(), run);
                restart.get(5, TimeUnit.MINUTES);
                Round round = round(r, sender, packet, run, landlords);
                rounds.add(round);
                System.out.printf(Locale.ROOT, "| %d | node%d | %s | %d | %d | %d (%d) | %d | %d | %d | %.1f s |%n", r,
                        sender + 1, round.killedMidSend() ? round.killedAfter() + " mails" : "not killed (send over at "
                                + round.killedAfter() + ")", round.received(), round.duplicates(), round.uncertain(),
                        round.uncertainArrived(), round.missing(), round.silentlyLost(), round.notSettled(),
                        round.finishSeconds());
                if (!round.whole() || round.uncertain() > 0) {
                    explain(run, round);
                }
                int killed = sender;
                restart = restarts.submit(() -> {
                    keepLog(killed, round.number());
                    nodes[killed] = node(killed);
                    return null;
                });
            }
            restart.get(5, TimeUnit.MINUTES);
        } finally {
            restarts.shutdownNow();
            for (Node n : nodes) {
                if (n != null) {
                    n.close();
                }
            }
            if (smtp != null) {
                smtp.stop();
            }
        }
        int killedMidSend = (int) rounds.stream().filter(Round::killedMidSend).count();
        int received = rounds.stream().mapToInt(Round::received).sum();
        int duplicates = rounds.stream().mapToInt(Round::duplicates).sum();
        int missing = rounds.stream().mapToInt(Round::missing).sum();
        int uncertain = rounds.stream().mapToInt(Round::uncertain).sum();
        int uncertainArrived = rounds.stream().mapToInt(Round::uncertainArrived).sum();
        int silentlyLost = rounds.stream().mapToInt(Round::silentlyLost).sum();
        int notSettled = rounds.stream().mapToInt(Round::notSettled).sum();
        System.out.println();
        System.out.printf(Locale.ROOT, "Totals: %d rounds, %d of them killed mid-send; %d deliveries, %d landlords got"
                        + " the packet, %d duplicated, %d uncertain (%d of them arrived), %d missing, %d silently lost,"
                        + " %d deliveries not settled (neither SENT nor uncertain)%n", rounds.size(), killedMidSend,
                rounds.size() * DELIVERIES, received, duplicates, uncertain, uncertainArrived, missing, silentlyLost,
                notSettled);
        System.out.println("Load average (1, 5, 15 min) at the end: " + BenchServer.loadAverage());
        boolean whole = rounds.size() == ROUNDS && rounds.stream().allMatch(Round::whole);
        System.out.println(whole ? "No landlord got the packet twice, and every delivery is SENT or shown as uncertain:"
                + " none silently lost." : "NOT every landlord got the packet at most once, or a delivery was silently lost.");
        System.exit(whole ? 0 : 1);
    }

    private static Node node(int i) throws IOException, InterruptedException {
        String members = "127.0.0.1[" + (7600 + NODE_OFFSETS[0]) + "],127.0.0.1[" + (7600 + NODE_OFFSETS[1]) + "]";
        return Node.named("mailkill-node" + (i + 1)).home(root.resolve("wildfly-config/target/server-ha"))
                .ear(root.resolve("ear/target/iop.ear")).base(base(i))
                .portOffset(NODE_OFFSETS[i]).javaOpts("-Xms64m -Xmx" + HEAP)
                .property("jboss.node.name", "node" + (i + 1)).property("jboss.bind.address.private", "127.0.0.1")
                .property("iop.cluster.members", members)
                .property("iop.db.url", db.jdbcUrl()).property("iop.db.user", db.user()).property("iop.db.password", db.password())
                .property("iop.admin.password", ADMIN_PASSWORD).property("iop.demo", "true")
                // as ClusterFailoverIT: a killed node's claims run out after 5 s, the retry job looks every 2 s
                .property("iop.smtp.port", Integer.toString(SMTP_PORT)).property("iop.smtp.timeoutMs", "5000")
                .property("iop.mail.retrySeconds", "2").property("iop.mail.claimSeconds", "5")
                .property("iop.public.url", "http://127.0.0.1:" + (8080 + NODE_OFFSETS[i]) + "/")
                .startTimeout(Duration.ofMinutes(5)).start();
    }

    private static Path base(int i) {
        return root.resolve("target/bench-mailkill-node-" + NODE_OFFSETS[i]);
    }

    /** The killed node's log, before its base is made afresh by the restart. */
    private static void keepLog(int i, int round) throws IOException {
        Path log = base(i).resolve("log/server.log");
        if (Files.exists(log)) {
            Path kept = Files.createDirectories(root.resolve("target/bench-mailkill-logs"))
                    .resolve("round-" + round + "-node" + (i + 1) + ".log");
            Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The demo's published packet: its id and version number. */
    private static long[] publishedPacket() throws SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "select packet_id, number from packet_version where status = 'PUBLISHED' order by id limit 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("the demo has no published packet");
            }
            return new long[]{rs.getLong(1), rs.getInt(2)};
        }
    }

    /** An HTTP client with a session (logged in once with HTTP Basic) against one node. */
    private static final class Client {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        private final URI base;

        Client(URI base) throws IOException, InterruptedException {
            this.base = base;
            String basic = "Basic " + Base64.getEncoder().encodeToString("handlaggare:bostadforst".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("api/landlords")).header("Authorization", basic)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("login answered " + r.statusCode() + ": " + r.body());
            }
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** This round's landlords, made through the API: id → the contact's address (one of its own). */
    private static Map<Long, String> landlords(URI base, String run) throws Exception {
        Client admin = new Client(base);
        Map<Long, String> made = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService makers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < DELIVERIES; i++) {
                int n = i;
                all.add(makers.submit(() -> {
                    String email = "hv" + n + "." + run + "@example.se";
                    String body = se.iop.it.LandlordFixtures.companyBody("Mejl " + run + " " + n + " AB", email);
                    HttpResponse<String> r = admin.post("api/landlords", body);
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("a landlord was not made: " + r.statusCode() + " " + r.body());
                    }
                    made.put(Json.createReader(new StringReader(r.body())).readObject().getJsonNumber("id").longValue(), email);
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            makers.shutdown();
        }
        return made;
    }

    private static Round round(int number, int sender, long[] packet, String run, Map<Long, String> landlords) throws Exception {
        Set<String> addresses = new HashSet<>(landlords.values());
        int killAt = ThreadLocalRandom.current().nextInt(Math.max(1, DELIVERIES / 20), Math.max(2, DELIVERIES * 19 / 20) + 1);
        JsonArrayBuilder ids = Json.createArrayBuilder();
        landlords.keySet().forEach(ids::add);
        HttpResponse<String> accepted = new Client(nodes[sender].base()).post("api/packets/" + packet[0] + "/versions/"
                + packet[1] + "/sends", Json.createObjectBuilder().add("landlordIds", ids).build().toString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("the send was not accepted: " + accepted.statusCode() + " " + accepted.body());
        }
        Instant deadline = Instant.now().plusSeconds(120);
        int before;
        while ((before = received(addresses).size()) < killAt && Instant.now().isBefore(deadline)) {
            Thread.sleep(5);
        }
        boolean midSend = before < DELIVERIES;
        nodes[sender].kill();
        Instant killed = Instant.now();

        // The survivor takes over the killed node's deliveries once their claims have run out; one the killed node had
        // come to the end of settles as uncertain once its lease has run out.
        deadline = killed.plus(FINISH);
        while (count(run, "status <> 'SENT' and not " + UNCERTAIN) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        double seconds = Duration.between(killed, Instant.now()).toMillis() / 1000.0;
        Thread.sleep(6000); // a few more rounds of the retry job: nothing goes out again
        Map<String, Integer> got = received(addresses);
        int duplicates = got.values().stream().mapToInt(n -> n - 1).sum();
        Set<String> uncertain = emails(run, UNCERTAIN);
        int uncertainArrived = (int) uncertain.stream().filter(got::containsKey).count();
        int silentlyLost = (int) addresses.stream().filter(a -> !got.containsKey(a) && !uncertain.contains(a)).count();
        return new Round(number, "node" + (sender + 1), before, midSend, got.size(), duplicates, DELIVERIES - got.size(),
                uncertain.size(), uncertainArrived, silentlyLost, count(run, "status <> 'SENT' and not " + UNCERTAIN),
                seconds);
    }

    private static int count(String run, String where) throws SQLException {
        return emails(run, where).size();
    }

    /** The addresses of the round's deliveries that match {@code where}. */
    private static Set<String> emails(String run, String where) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "select email from packet_delivery where email like ? and " + where)) {
            ps.setString(1, "%." + run + "@example.se");
            Set<String> emails = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    emails.add(rs.getString(1));
                }
            }
            return emails;
        }
    }

    /** How many mails each of the addresses has received. */
    private static Map<String, Integer> received(Set<String> addresses) throws MessagingException {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String to = m.getAllRecipients()[0].toString();
            if (addresses.contains(to)) {
                counts.merge(to, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** What the database says of each delivery of the round that was not mailed exactly once, or is not SENT. */
    private static void explain(String run, Round round) throws Exception {
        Map<String, Integer> got = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String to = m.getAllRecipients()[0].toString();
            if (to.endsWith("." + run + "@example.se")) {
                got.merge(to, 1, Integer::sum);
            }
        }
        System.out.println("  round " + round.number() + (round.whole() ? " has uncertain deliveries" : " is not whole")
                + "; the deliveries concerned (the killed node's log is"
                + " kept in target/bench-mailkill-logs/round-" + round.number() + "-" + round.sender() + ".log):");
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("select id, email, status, attempts,"
                + " requested_at, last_attempt_at, sent_at, failure_code, failure_reason, claim, claimed_until, ending_at"
                + " from packet_delivery where email like ? order by id")) {
            ps.setString(1, "%." + run + "@example.se");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int mails = got.getOrDefault(rs.getString("email"), 0);
                    if (mails != 1 || !"SENT".equals(rs.getString("status"))) {
                        System.out.printf(Locale.ROOT, "  delivery %d %s: %d mail(s); %s, attempts %d, requested %s,"
                                        + " last attempt %s, sent %s, failure %s %s, claim %s until %s, ending since %s%n", rs.getLong("id"),
                                rs.getString("email"), mails, rs.getString("status"), rs.getInt("attempts"),
                                rs.getObject("requested_at"), rs.getObject("last_attempt_at"), rs.getObject("sent_at"),
                                rs.getString("failure_code"), rs.getString("failure_reason"), rs.getString("claim"),
                                rs.getObject("claimed_until"), rs.getObject("ending_at"));
                    }
                }
            }
        }
    }
}
