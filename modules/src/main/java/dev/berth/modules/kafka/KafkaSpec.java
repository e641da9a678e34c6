package dev.berth.modules.kafka;

import dev.berth.BerthException;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.InvalidSpecException;
import dev.berth.Namespaces;
import dev.berth.modules.ProtocolWait;
import dev.berth.modules.Settings;
import dev.berth.wait.WaitStrategy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A single-node Kafka (KRaft: broker and controller in one process, no ZooKeeper) to start: image
 * {@value #DEFAULT_IMAGE}, configured through {@code KAFKA_*} variables like the apache/kafka image.
 * Two listeners: {@code HOST} for the test JVM, published on a fixed host port and advertised as
 * {@code 127.0.0.1:<port>}, and {@code BROKER} on {@value #INTERNAL_PORT}, advertised as
 * {@code <alias>:9094} for containers on the same network. The host port is a free one picked at start
 * unless {@link #withHostPort(int)} fixes it (Kafka must advertise it before it starts, so it cannot be
 * a random Docker port). Ready when the broker answers a metadata request ({@code kafka-clients} must
 * be on the test classpath).
 *
 * <pre>{@code
 * try (KafkaContainer kafka = KafkaSpec.of().withNetwork("app", "kafka").start(engine)) {
 *     props.put("bootstrap.servers", kafka.bootstrapServers());          // from the test
 *     // other containers on "app": kafka.internalBootstrapServers() == "kafka:9094"
 * }
 * }</pre>
 */
public final class KafkaSpec {
    /** The image started by default. */
    public static final String DEFAULT_IMAGE = "apache/kafka:4.1.1";
    /** The host listener's port inside the container. */
    public static final int PORT = 9092;
    /** The port of the listener for containers on the same network. */
    public static final int INTERNAL_PORT = 9094;
    private static final Pattern ALIAS = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}");

    private final ImageRef image;
    private final int hostPort;
    private final String network;
    private final String alias;
    private final String advertisedHost;
    private final Duration startupTimeout;

    private KafkaSpec(ImageRef image, int hostPort, String network, String alias, String advertisedHost,
                      Duration startupTimeout) {
        this.image = image;
        this.hostPort = hostPort;
        this.network = network;
        this.alias = alias;
        this.advertisedHost = advertisedHost;
        this.startupTimeout = startupTimeout;
    }

    /** @return the defaults: {@value #DEFAULT_IMAGE}, a free host port, alias {@code kafka}, no network */
    public static KafkaSpec of() {
        return new KafkaSpec(ImageRef.parse(DEFAULT_IMAGE), 0, null, "kafka", "127.0.0.1", Duration.ofSeconds(120));
    }

    /**
     * @param image another Kafka 4 image configured by {@code KAFKA_*} variables
     * @return a copy
     */
    public KafkaSpec withImage(String image) {
        return new KafkaSpec(ImageRef.parse(image), hostPort, network, alias, advertisedHost, startupTimeout);
    }

    /**
     * @param hostPort the host port of the {@code HOST} listener (it must be free when the broker starts)
     * @return a copy
     */
    public KafkaSpec withHostPort(int hostPort) {
        return new KafkaSpec(image, Settings.port("Kafka host port", hostPort), network, alias, advertisedHost,
                startupTimeout);
    }

    /**
     * @param network an existing network to join, e.g. {@code "app"}
     * @param alias the name other containers reach the broker by, e.g. {@code "kafka"}
     * @return a copy
     */
    public KafkaSpec withNetwork(String network, String alias) {
        if (network == null || network.isBlank()) {
            throw new InvalidSpecException("Kafka network", String.valueOf(network), "the name of an existing network",
                    "\"app\"");
        }
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new InvalidSpecException("Kafka network alias", String.valueOf(alias),
                    "1 to 63 letters, digits, _ . -, starting with a letter or digit", "\"kafka\"");
        }
        return new KafkaSpec(image, hostPort, network, alias, advertisedHost, startupTimeout);
    }

    /**
     * @param host what the {@code HOST} listener advertises; {@code 127.0.0.1} by default (a remote engine's host name otherwise)
     * @return a copy
     */
    public KafkaSpec withAdvertisedHost(String host) {
        if (host == null || !ALIAS.matcher(host).matches()) {
            throw new InvalidSpecException("Kafka advertised host", String.valueOf(host), "a host name or IPv4 address",
                    "\"127.0.0.1\"");
        }
        return new KafkaSpec(image, hostPort, network, alias, host, startupTimeout);
    }

    /**
     * @param timeout the most time start + readiness may take; 120 s by default (a JVM broker on a busy machine)
     * @return a copy
     */
    public KafkaSpec withStartupTimeout(Duration timeout) {
        return new KafkaSpec(image, hostPort, network, alias, advertisedHost,
                Settings.positive("Kafka startup timeout", timeout));
    }

    /** @return the image */
    public ImageRef image() {
        return image;
    }

    /** @return the fixed host port, if one was set */
    public Optional<Integer> hostPort() {
        return hostPort == 0 ? Optional.empty() : Optional.of(hostPort);
    }

    /** @return the network to join, if any */
    public Optional<String> network() {
        return Optional.ofNullable(network);
    }

    /** @return the alias on the network (and the internal listener's advertised host) */
    public String alias() {
        return alias;
    }

    /**
     * The core spec, with the host port fixed: the one set, else a free one picked now. Fails before
     * any container exists when the port is taken.
     *
     * @return image, ports, {@code KAFKA_*} environment, network and alias, readiness, startup timeout
     * @throws BerthException if the host port is already in use
     */
    public ContainerSpec toContainerSpec() {
        int port = hostPort == 0 ? freePort() : requireFree(hostPort);
        String bootstrap = advertisedHost + ":" + port;
        ContainerSpec spec = ContainerSpec.of(image).withFixedPort(PORT, port).withExposedPorts(INTERNAL_PORT)
                .withNamespaces(Namespaces.defaults().withHostname(alias))
                .withEnv("KAFKA_NODE_ID", "1")
                .withEnv("KAFKA_PROCESS_ROLES", "broker,controller")
                .withEnv("KAFKA_LISTENERS", "HOST://0.0.0.0:" + PORT + ",BROKER://0.0.0.0:" + INTERNAL_PORT
                        + ",CONTROLLER://0.0.0.0:9093")
                .withEnv("KAFKA_ADVERTISED_LISTENERS", "HOST://" + bootstrap + ",BROKER://" + alias + ":" + INTERNAL_PORT)
                .withEnv("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "HOST:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT")
                .withEnv("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER")
                .withEnv("KAFKA_INTER_BROKER_LISTENER_NAME", "BROKER")
                .withEnv("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:9093")
                .withEnv("KAFKA_LOG_DIRS", "/tmp/kraft-combined-logs")
                .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("CLUSTER_ID", "5L6g3nShT-eMCtK--X86sw")
                .waitingFor(waitStrategy(bootstrap)).withStartupTimeout(startupTimeout);
        if (network != null) {
            spec = spec.withNetwork(network, alias);
        }
        return spec;
    }

    static WaitStrategy waitStrategy(String bootstrap) {
        return ProtocolWait.until("Kafka to answer a metadata request at " + bootstrap, new KafkaMetadata(bootstrap));
    }

    /**
     * @param engine the engine
     * @return the started, ready broker
     * @throws BerthException if the host port is in use (nothing was created)
     */
    public KafkaContainer start(Engine engine) {
        return start(engine, UnaryOperator.identity());
    }

    /**
     * @param engine the engine
     * @param refine changes to the core spec
     * @return the started, ready broker
     * @throws BerthException if the host port is in use (nothing was created)
     */
    public KafkaContainer start(Engine engine, UnaryOperator<ContainerSpec> refine) {
        return KafkaContainer.of(engine.start(refine.apply(toContainerSpec())));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BerthException("could not find a free host port for Kafka: " + e.getMessage(), e);
        }
    }

    static int requireFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BerthException("Kafka host port " + port + " is already in use on 127.0.0.1; Kafka advertises"
                    + " its host port before it starts, so it must be free: choose another with withHostPort(…) or"
                    + " leave it out to get a free one");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KafkaSpec k && image.equals(k.image) && hostPort == k.hostPort
                && Objects.equals(network, k.network) && alias.equals(k.alias) && advertisedHost.equals(k.advertisedHost)
                && startupTimeout.equals(k.startupTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(image, hostPort, network, alias, advertisedHost, startupTimeout);
    }

    @Override
    public String toString() {
        return "KafkaSpec[" + image + ", hostPort=" + (hostPort == 0 ? "free" : hostPort) + ", network=" + network
                + ", alias=" + alias + "]";
    }
}
