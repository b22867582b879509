package se.iop.it;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;

/**
 * The server's management model, read over its management port (HTTP upgrade) with the local user of
 * this machine, as {@code jboss-cli.sh --connect} does: the web module's active sessions and the heap.
 */
public final class Management implements AutoCloseable {

    private final ModelControllerClient client;

    private Management(ModelControllerClient client) {
        this.client = client;
    }

    public static Management connect(int port) {
        try {
            return new Management(ModelControllerClient.Factory.create("remote+http",
                    InetAddress.getByName("127.0.0.1"), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The integration tests' server. */
    public static Management itServer() {
        return connect(Integer.getInteger("iop.it.managementPort", 9990));
    }

    private ModelNode webModule() {
        ModelNode address = new ModelNode();
        address.add("deployment", "iop.ear");
        address.add("subdeployment", "iop-web.war");
        address.add("subsystem", "undertow");
        return address;
    }

    private ModelNode read(ModelNode address, String attribute) {
        ModelNode op = new ModelNode();
        op.get("operation").set("read-attribute");
        op.get("address").set(address);
        op.get("name").set(attribute);
        op.get("include-runtime").set(true);
        return execute(op);
    }

    /** Runs an operation and returns its result; one that does not succeed is an error, with the server's answer. */
    private ModelNode execute(ModelNode op) {
        try {
            ModelNode result = client.execute(op);
            if (!"success".equals(result.get("outcome").asString())) {
                throw new IllegalStateException(op + ": " + result);
            }
            return result.get("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sessions the application holds now. */
    public int activeSessions() {
        return read(webModule(), "active-sessions").asInt();
    }

    /** The cap the application was deployed with (-1: none). */
    public int maxActiveSessions() {
        return read(webModule(), "max-active-sessions").asInt();
    }

    /** Sets a system property of the server (for a deployment made after it); {@code null} removes it. */
    public void systemProperty(String name, String value) {
        ModelNode address = new ModelNode();
        address.add("system-property", name);
        ModelNode op = new ModelNode();
        op.get("operation").set(value == null ? "remove" : "add");
        op.get("address").set(address);
        if (value != null) {
            op.get("value").set(value);
        }
        execute(op);
    }

    /**
     * Drops every connection the application's pool holds, idle ones included. A test that ended the database's
     * connections behind the server's back calls it when done, so the dead ones are not found (and logged at
     * WARN) by whichever test comes next.
     */
    public void flushDatabasePool() {
        ModelNode address = new ModelNode();
        address.add("subsystem", "datasources");
        address.add("data-source", "IopDS");
        ModelNode op = new ModelNode();
        op.get("operation").set("flush-all-connection-in-pool");
        op.get("address").set(address);
        execute(op);
    }

    /** Heap in use, in bytes. */
    public long heapUsed() {
        ModelNode address = new ModelNode();
        address.add("core-service", "platform-mbean");
        address.add("type", "memory");
        return read(address, "heap-memory-usage").get("used").asLong();
    }

    /** Asks the server to collect garbage, so the heap read next is what is still held. */
    public void collectGarbage() {
        ModelNode address = new ModelNode();
        address.add("core-service", "platform-mbean");
        address.add("type", "memory");
        ModelNode op = new ModelNode();
        op.get("operation").set("gc");
        op.get("address").set(address);
        try {
            client.execute(op);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
