package se.iop.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The landlord benchmark, run by bench/landlord.sh: IOP on a server copy of its own ({@link BenchServer}), a
 * real SMTP server (GreenMail) in this JVM receiving the mail; 500 landlords ({@code iop.bench.landlords}) get
 * one packet; page latency is sampled while the background send runs; the PDF of a packet version is fetched
 * repeatedly. Prints figures, each against its goal; exits 1 when one is missed.
 */
public final class LandlordBenchmark {

    static URI base;
    static HttpClient http;
    static String basic;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int landlords = Integer.getInteger("iop.bench.landlords", 500);
        int smtpPort = 3025 + BenchServer.PORT_OFFSET;
        base = BenchServer.base();
        ServerSetup setup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail smtp = new GreenMail(setup);
        smtp.start();
        boolean met;
        try (BenchServer server = BenchServer.start(root, System.getProperty("iop.bench.database", "iop_bench"),
                Map.of("iop.smtp.port", Integer.toString(smtpPort), "iop.public.url", base.toString()))) {
            basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + BenchServer.ADMIN_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            // One login, then the session cookie: the API verifies a password (PBKDF2, ~80 ms) only once.
            http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
            check(send("GET", "api/landlords?max=1", null, true), 200);
            met = run(smtp, landlords);
        } finally {
            smtp.stop();
        }
        System.exit(met ? 0 : 1);
    }

    static boolean run(GreenMail smtp, int count) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        System.out.printf("Landlord benchmark (run %s) against %s%n", run, base);

        long agreement = json(check(send("GET", "api/agreements?q=fas%201&max=1", null, false), 200))
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        JsonArrayBuilder sections = Json.createArrayBuilder();
        for (String h : List.of("Vad är Bostad först?", "Hyresavtalet", "Vem stöttar hyresgästen?",
                "Vem ringer jag – dygnet runt?", "Vid störningar eller obetald hyra")) {
            sections.add(Json.createObjectBuilder().add("heading", h).add("body", ("Text om " + h.toLowerCase(Locale.ROOT)
                    + ". ").repeat(25) + "\n\nKontakta teamet tidigt.").add("headingEn", h + " (en)").add("bodyEn", "English text. ".repeat(20)));
        }
        JsonObject packet = json(check(send("POST", "api/packets", Json.createObjectBuilder().add("agreementId", agreement)
                .add("title", "Benchmark " + run).add("titleEn", "Benchmark " + run).add("sections", sections).build().toString(), false), 201));
        long packetId = packet.getJsonNumber("id").longValue();
        check(send("POST", "api/packets/" + packetId + "/versions/1/publish", "{}", false), 200);

        long t = System.nanoTime();
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            made.add(pool.submit(() -> {
                String body = Json.createObjectBuilder().add("kind", "COMPANY").add("name", "Bench Bostäder " + run + " " + n)
                        .add("organisationNumber", organisationNumber(run.hashCode() * 1000L + n))
                        .add("contact", Json.createObjectBuilder().add("name", "Kontakt " + n)
                                .add("email", "hv" + n + "." + run + "@bench.example.se")).build().toString();
                ids.add(json(check(send("POST", "api/landlords", body, false), 201)).getJsonNumber("id").longValue());
                return null;
            }));
        }
        for (Future<?> f : made) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("  set-up: %d landlords with one e-mail contact each, registered over the API in %.1f s%n",
                count, seconds(System.nanoTime() - t));

        List<Long> before = sample(20, packetId);

        JsonArrayBuilder chosen = Json.createArrayBuilder();
        ids.forEach(chosen::add);
        AtomicBoolean sending = new AtomicBoolean(true);
        List<Long> during = Collections.synchronizedList(new ArrayList<>());
        Thread sampler = new Thread(() -> {
            while (sending.get()) {
                during.add(page(packetId, during.size()));
                sleep(150);
            }
        });
        long start = System.nanoTime();
        HttpResponse<String> accepted = check(send("POST", "api/packets/" + packetId + "/versions/1/sends",
                Json.createObjectBuilder().add("landlordIds", chosen).build().toString(), false), 202);
        long queuedAt = System.nanoTime();
        long sendId = json(accepted).getJsonNumber("sendId").longValue();
        sampler.start();
        JsonObject progress;
        do {
            sleep(200);
            progress = json(check(send("GET", "api/sends/" + sendId, null, false), 200));
        } while (!progress.getBoolean("finished") && System.nanoTime() - start < Duration.ofMinutes(5).toNanos());
        long done = System.nanoTime();
        sending.set(false);
        sampler.join();
        smtp.waitForIncomingEmail(30_000, count);
        long received = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).endsWith(run + "@bench.example.se")).count();
        double sendSeconds = seconds(done - start);
        int sent = progress.getInt("sent");
        int failed = progress.getInt("failed");
        System.out.printf("  send of one packet to %d landlords: queued in %.2f s, all mailed in %.1f s (%.0f mails/s);"
                        + " sent %d, failed %d, received by the SMTP server %d   [goal < 60 s: %s]%n",
                count, seconds(queuedAt - start), sendSeconds, sent / Math.max(0.001, sendSeconds), sent, failed, received,
                sendSeconds < 60 && sent == count && received == count ? "met" : "MISSED");

        Stats b = Stats.of(before);
        Stats d = Stats.of(during);
        System.out.printf("  page latency (landlord list and the version's delivery page, alternately): before the send"
                + " median %d ms, p95 %d ms; during the send median %d ms, p95 %d ms, max %d ms (n=%d)   [goal p95 < 1000 ms: %s]%n",
                b.median, b.p95, d.median, d.p95, d.max, d.n, d.p95 < 1000 ? "met" : "MISSED");

        for (int i = 0; i < 5; i++) {
            pdf(packetId);
        }
        List<Long> pdfs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            pdfs.add(pdf(packetId));
        }
        Stats p = Stats.of(pdfs);
        System.out.printf("  PDF of one packet version (5 sections, Swedish and English, over HTTP): median %d ms, p95 %d ms,"
                + " max %d ms (n=%d)   [goal < 300 ms: %s]%n", p.median, p.p95, p.max, p.n, p.max < 300 ? "met" : "MISSED");
        boolean met = sendSeconds < 60 && sent == count && received == count && d.p95 < 1000 && p.max < 300;
        System.out.println(met ? "All goals met." : "A goal was missed.");
        return met;
    }

    static List<Long> sample(int n, long packetId) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(page(packetId, i));
            sleep(100);
        }
        return out;
    }

    /** One page, in milliseconds: the register, or the version's page with its delivery overview. */
    static long page(long packetId, int i) {
        String path = i % 2 == 0 ? "landlords/list.xhtml" : "packets/view.xhtml?id=" + packetId + "&v=1";
        long t = System.nanoTime();
        HttpResponse<String> r = send("GET", path, null, false);
        long ms = (System.nanoTime() - t) / 1_000_000;
        if (r.statusCode() != 200 || !r.body().contains("IOP")) {
            throw new IllegalStateException(path + " answered " + r.statusCode());
        }
        return ms;
    }

    static long pdf(long packetId) throws Exception {
        long t = System.nanoTime();
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve("api/packets/" + packetId + "/versions/1/pdf"))
                .header("Accept", "application/pdf").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        long ms = (System.nanoTime() - t) / 1_000_000;
        if (r.statusCode() != 200 || r.body().length < 1000) {
            throw new IllegalStateException("PDF answered " + r.statusCode());
        }
        return ms;
    }

    static HttpResponse<String> send(String method, String path, String body, boolean authenticate) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", path.startsWith("api/") ? "application/json" : "text/html")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (authenticate) {
            b.header("Authorization", basic);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        }
    }

    static HttpResponse<String> check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    static JsonObject json(HttpResponse<String> r) {
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    static String recipient(jakarta.mail.Message m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    /** A valid organisation number from a seed: nine digits and the Luhn check digit. */
    static String organisationNumber(long seed) {
        String nine = "80" + String.format("%07d", Math.floorMod(seed, 10_000_000L));
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        String ten = nine + (10 - sum % 10) % 10;
        return ten.substring(0, 6) + "-" + ten.substring(6);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Stats(long median, long p95, long max, int n) {
        static Stats of(List<Long> samples) {
            List<Long> s = new ArrayList<>(samples);
            Collections.sort(s);
            if (s.isEmpty()) {
                return new Stats(0, 0, 0, 0);
            }
            return new Stats(s.get(s.size() / 2), s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.95) - 1)),
                    s.get(s.size() - 1), s.size());
        }
    }
}
