package diplograph;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Log;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs a real Neo4j 5.26 Community DBMS, embedded, with Bolt on 127.0.0.1 so that
 * the project's tests can talk to it like to a stand-alone server. Started and
 * stopped by scripts/neo4j; see that script for the environment variables.
 *
 * Usage: java -cp 'target/classes:target/lib/*' diplograph.Neo4jServer [HOME_DIR]
 */
public final class Neo4jServer {
    static final String READY_FILE = "neo4j.ready";
    static final String PID_FILE = "neo4j.pid";

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Throwable t) {
            // Neo4j leaves non-daemon threads behind on a failed start; exit
            // explicitly so scripts/neo4j sees the failure at once, not at its timeout.
            t.printStackTrace();
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
        Path home = resolveHome(args).toAbsolutePath().normalize();
        int port = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
        String password = env("NEO4J_PASSWORD", "diplograph-test");

        Path logs = home.resolve("logs");
        Files.createDirectories(logs);
        Path pidFile = home.resolve(PID_FILE);
        Path readyFile = home.resolve(READY_FILE);
        // A ready marker left over from a crash must not fool scripts/neo4j.
        Files.deleteIfExists(readyFile);
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");

        // Embedded Neo4j sends its user log nowhere by default; keep it in a file
        // so that stdout stays quiet and failures can be read after the fact.
        OutputStream userLogStream = new FileOutputStream(logs.resolve("neo4j.log").toFile(), true);
        Log4jLogProvider userLog = new Log4jLogProvider(userLogStream);

        SocketAddress bolt = new SocketAddress("127.0.0.1", port);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(userLog)
                .setConfig(GraphDatabaseSettings.logs_directory, logs)
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"))
                // Advertise exactly where we listen: the routing table that neo4j://
                // clients fetch is built from this, and the default is localhost:7687.
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress("127.0.0.1"))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.advertised_address, bolt)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Bolt otherwise idles 2 x 5 s on shutdown waiting for clients that
                // a test server need not be polite to; this keeps stop/restart quick.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                // Nothing serves HTTP in embedded mode anyway; say so explicitly.
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Server-side routing would open a second port (7688) that nothing
                // here needs; client-side routing for neo4j:// works without it.
                .setConfig(GraphDatabaseSettings.routing_enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // No lock-out after failed logins: a test that tries a bad password
                // must not make the next tests' good logins fail for a while.
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                // Sized for a 2-core/24 GB box shared with the test suite; the heap
                // itself is set by scripts/neo4j (NEO4J_JAVA_OPTS).
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(512))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "128M size")
                // No network here but the package registries: don't phone home.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(readyFile);
                dbms.shutdown();
                userLog.close();
                Files.deleteIfExists(pidFile);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        setPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password, userLog.getLog(Neo4jServer.class));

        // Only now is the server usable with the configured password; before this,
        // Bolt may already answer but still with the initial neo4j/neo4j login.
        Files.writeString(readyFile, "bolt://127.0.0.1:" + port + "\n");
        userLog.getLog(Neo4jServer.class).info("Ready on bolt://127.0.0.1:" + port);
        System.out.println("Neo4jServer ready on bolt://127.0.0.1:" + port + " home=" + home);
        stopped.await();
    }

    /**
     * Community has no neo4j-admin here, so the password is set through the system
     * database on every start. This makes NEO4J_PASSWORD authoritative (also after
     * it changes) and clears the "change required" flag of the initial password.
     */
    static void setPassword(GraphDatabaseService system, String password, Log log) {
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            log.info("Password of user neo4j set from NEO4J_PASSWORD");
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one already set; that
            // is the normal case on every start after the first.
            if (!String.valueOf(rootMessage(e)).contains("Old password and new password cannot be the same")) {
                throw e;
            }
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
            log.info("Password of user neo4j already matches NEO4J_PASSWORD");
        }
    }

    static String rootMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }

    static Path resolveHome(String[] args) throws URISyntaxException {
        if (args.length > 0 && !args[0].isBlank()) {
            return Paths.get(args[0]);
        }
        String fromEnv = System.getenv("NEO4J_HOME_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Paths.get(fromEnv);
        }
        // <repo>/scripts/neo4j-server/target/classes -> <repo>/.neo4j
        Path classes = Paths.get(Neo4jServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.getParent().getParent().getParent().getParent().resolve(".neo4j");
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private Neo4jServer() {
    }
}
