package io.meterflow.collector;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay the tests can cut: every open connection is closed at once and new ones are
 * refused until {@link #restore()}. To a client this is exactly a server going away and coming
 * back, without restarting a broker other tests share.
 */
final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
        acceptLoop(server);
    }

    int port() {
        return port;
    }

    synchronized void cut() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    synchronized void restore() throws IOException {
        server = listen(port);
        acceptLoop(server);
    }

    /**
     * Registers a relayed pair unless a cut came between its accept and now: such a connection
     * would otherwise outlive the cut and let the client go on talking to Kafka.
     */
    private synchronized boolean register(ServerSocket listening, Socket client, Socket target) throws IOException {
        if (listening != server || listening.isClosed()) {
            client.close();
            target.close();
            return false;
        }
        open.add(client);
        open.add(target);
        return true;
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void acceptLoop(ServerSocket listening) {
        Thread thread = new Thread(
                () -> {
                    while (!listening.isClosed()) {
                        try {
                            Socket client = listening.accept();
                            Socket target = new Socket(targetHost, targetPort);
                            if (!register(listening, client, target)) {
                                return;
                            }
                            pump(client, target);
                            pump(target, client);
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "tcp-proxy-accept-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[64 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException closed) {
                        // One side went away: close both, as a dropped connection does.
                    } finally {
                        try {
                            from.close();
                            to.close();
                        } catch (IOException ignored) {
                            // already closed
                        }
                    }
                },
                "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }
}
