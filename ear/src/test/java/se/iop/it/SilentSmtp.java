package se.iop.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail server that has hung: it accepts TCP connections on the SMTP port and never says a word
 * (no greeting, no replies), holding each connection open until closed. Stop {@link Smtp} first.
 */
public final class SilentSmtp implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> peers = new CopyOnWriteArrayList<>();

    public SilentSmtp(int port) throws IOException {
        socket = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::accept, "silent-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        try {
            while (true) {
                peers.add(socket.accept());
            }
        } catch (IOException closed) {
            // close() ends the loop
        }
    }

    /** How many connections were accepted: the client did reach this server. */
    public int connections() {
        return peers.size();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket p : peers) {
            // reset, not closed: a connection this side closes would wait on the SMTP port (TIME_WAIT), and the
            // real mail server started on it next could not bind it
            p.setSoLinger(true, 0);
            p.close();
        }
    }
}
