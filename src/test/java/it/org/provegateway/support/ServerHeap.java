package it.org.provegateway.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The integration-test server's heap, read through Liberty's local JMX connector (the test drop-in's
 * localConnector-1.0; its address is in logs/state/com.ibm.ws.jmx.local.address). For measurements only: if the
 * address is missing, {@link #available()} is false and the numbers are zero.
 */
public final class ServerHeap implements AutoCloseable {

    private final JMXConnector connector;
    private final MemoryMXBean memory;

    private ServerHeap(JMXConnector connector, MemoryMXBean memory) {
        this.connector = connector;
        this.memory = memory;
    }

    public static ServerHeap connect() throws IOException {
        Path address = Path.of(System.getProperty("it.server.logs"),
                "state", "com.ibm.ws.jmx.local.address");
        if (!Files.isReadable(address)) {
            return new ServerHeap(null, null);
        }
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(Files.readString(address).strip()));
        return new ServerHeap(connector, ManagementFactory.newPlatformMXBeanProxy(
                connector.getMBeanServerConnection(), ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class));
    }

    public boolean available() {
        return memory != null;
    }

    /** Asks the server for a full garbage collection, so that a baseline holds only live objects. */
    public void collect() {
        if (memory != null) {
            memory.gc();
        }
    }

    /** Bytes of heap in use now (live and not yet collected). */
    public long used() {
        return memory == null ? 0 : memory.getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() throws IOException {
        if (connector != null) {
            connector.close();
        }
    }
}
